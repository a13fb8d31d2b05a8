/**
 * npm run db:drift — what `migration:generate` would propose against the database at DATABASE_URL:
 * nothing when the table descriptions (src/modules/<part>/<part>.table.ts) match the migrated schema.
 * Exits 1 and prints the statements otherwise. CI runs the same check on a fresh database
 * (test/integration/schema-drift.test.ts).
 */
import 'reflect-metadata';
import { schemaDrift } from '../src/db/drift';
import { ENTITIES } from '../src/modules/tables';

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('Set DATABASE_URL to the owner connection of a migrated database (npm run migration:run first).');
    process.exit(2);
  }
  const statements = await schemaDrift(url, ENTITIES);
  if (statements.length === 0) {
    console.log('No drift: the table descriptions match the database.');
    process.exit(0);
  }
  console.log(`Drift: migration:generate would write ${statements.length} statement(s):`);
  for (const s of statements) console.log(`  ${s};`);
  process.exit(1);
}

main().catch((err) => {
  console.error(`db:drift failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
