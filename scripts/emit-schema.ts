/** Writes schema/schema.graphql from the code; with --check, fails when the file differs. */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { printAppSchema } from '../src/graphql/schema';
import { projectRoot } from '../src/project-root';

const file = path.join(projectRoot(), 'schema', 'schema.graphql');
const current = printAppSchema();
if (process.argv.includes('--check')) {
  const onDisk = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  if (onDisk !== current) {
    console.error('schema/schema.graphql differs from the code: run npm run schema:emit and commit the result');
    process.exit(1);
  }
  console.log('schema/schema.graphql is up to date');
} else {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, current);
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
