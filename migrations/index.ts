/**
 * Every migration, in order: each `<timestamp>-<Name>.ts` file of this folder, found by name, so a new
 * migration is one new file and nothing to list. The compiled server, the CLI and the tests load the same
 * set (the .ts files under ts-jest, the compiled .js files in dist/).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { MigrationInterface } from 'typeorm';

const MIGRATION_FILE = /^(\d{13})-[A-Za-z0-9]+\.(ts|js)$/;

/**
 * Compiled from a checkout (dist/migrations beside the sources): only files whose source still exists, so a
 * migration deleted or renamed in the sources is never run from a stale dist/ file.
 */
const SOURCES = path.join(__dirname, '..', '..', 'migrations');
const FROM_CHECKOUT = path.basename(path.dirname(__dirname)) === 'dist' && fs.existsSync(SOURCES);

function load(): (new () => MigrationInterface)[] {
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => MIGRATION_FILE.test(f) && !f.endsWith('.d.ts'))
    .filter((f) => !FROM_CHECKOUT || fs.existsSync(path.join(SOURCES, f.replace(/\.js$/, '.ts'))))
    .sort((a, b) => a.localeCompare(b));
  return files.map((file) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported = Object.values(require(path.join(__dirname, file)) as Record<string, unknown>).filter((v) => typeof v === 'function');
    if (exported.length !== 1) throw new Error(`migrations/${file} must export exactly one migration class (found ${exported.length})`);
    const cls = exported[0] as new () => MigrationInterface;
    const stamp = MIGRATION_FILE.exec(file)![1];
    if (!cls.name.endsWith(stamp)) throw new Error(`migrations/${file}: the class name must end with the file's timestamp ${stamp} (found ${cls.name})`);
    return cls;
  });
}

export const MIGRATIONS = load();
