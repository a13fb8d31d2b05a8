/** A migration is one new file in migrations/: found by its name, in timestamp order, one class each. */
import fs from 'node:fs';
import path from 'node:path';
import { MIGRATIONS } from '../../migrations';

test('every <timestamp>-<Name>.ts file of migrations/ is loaded, in timestamp order', () => {
  const files = fs
    .readdirSync(path.join(__dirname, '..', '..', 'migrations'))
    .filter((f) => /^\d{13}-.+\.ts$/.test(f))
    .sort();
  expect(files.length).toBeGreaterThanOrEqual(9);
  expect(MIGRATIONS.map((m) => m.name)).toEqual(files.map((f) => f.replace(/^(\d{13})-(.+)\.ts$/, '$2$1')));
});
