/**
 * npm run migration:run | migration:revert | migration:generate -- migrations/<Name>
 *
 * Runs the TypeORM CLI (through dist/ormconfig.js) on DATABASE_URL, or, when it is unset, on the
 * embedded development database: the one npm start is running, or started for the command.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import { schemaDrift } from '../src/db/drift';
import { ENTITIES } from '../src/modules/tables';
import { loadConfig } from '../src/config';
import { projectRoot } from '../src/project-root';
import { scriptDatabase } from './lib/database';
import { runScript, UsageError } from './lib/errors';

const USAGE = `usage: npm run migration:run
       npm run migration:revert
       npm run migration:generate -- migrations/<Name>`;

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  if (command !== 'run' && command !== 'revert' && command !== 'generate') throw new UsageError('say run, revert or generate', USAGE);
  if (command === 'generate' && !rest.some((a) => !a.startsWith('-')))
    throw new UsageError("migration:generate needs the new migration's path, e.g. migrations/AddSomething", USAGE);
  if (command !== 'generate' && rest.length) throw new UsageError(`migration:${command} takes no arguments`, USAGE);
  const db = await scriptDatabase(loadConfig());
  console.error(`migration:${command} on ${db.describe}`);
  try {
    // Connect once first, so a wrong address or password is one clear sentence, not the CLI's stack trace.
    const probe = new Client({ connectionString: db.url });
    await probe.connect();
    await probe.end();
    if (command === 'generate') {
      // The table descriptions (src/modules/<part>/<part>.table.ts) are what generate compares with the database.
      const drift = await schemaDrift(db.url, ENTITIES);
      if (drift.length === 0) {
        console.log(
          'No drift: the table descriptions match the database, so there is no migration to generate. Change a <part>.table.ts first (CONTRIBUTING.md).',
        );
        return 0;
      }
    }
    const root = projectRoot();
    const cli = require.resolve('typeorm/cli.js', { paths: [root] });
    const child = spawn(process.execPath, [cli, '-d', path.join(root, 'dist', 'ormconfig.js'), `migration:${command}`, ...rest], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, DATABASE_URL: db.url },
    });
    const code = await new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
    if (code !== 0) console.error(`migration:${command} failed (the TypeORM CLI's message is above).`);
    return code;
  } finally {
    await db.stop();
  }
}

runScript(`npm run migration:${process.argv[2] ?? ''}`, main);
