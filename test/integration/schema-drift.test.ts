import { schemaDrift } from '../../src/db/drift';
import { ENTITIES, TABLES } from '../../src/modules/tables';
import { createTestDatabase, TestDatabase } from '../support/database';

/**
 * The table descriptions (src/modules/<part>/<part>.table.ts) are the schema's typed description:
 * queries are compiled against them and `npm run migration:generate` drafts migrations from them.
 * A freshly migrated database must match them exactly, or the next generated migration would
 * propose dropping something the migrations made.
 */
describe('table descriptions match the migrated schema', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db.drop());

  it('migration:generate proposes nothing against a freshly migrated database', async () => {
    expect(await schemaDrift(db.ownerUrl, ENTITIES)).toEqual([]);
  });

  it('every table of the app schema has a description, and every description a table', async () => {
    const owner = await db.owner();
    const { rows } = await owner.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'app' AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    expect(TABLES.map((t) => t.name).sort()).toEqual(rows.map((r) => r.table_name));
  });

  it('every column of every table is described', async () => {
    const owner = await db.owner();
    for (const t of TABLES) {
      const { rows } = await owner.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_schema = 'app' AND table_name = $1 ORDER BY ordinal_position`,
        [t.name],
      );
      expect({ table: t.name, columns: [...t.columnNames].sort() }).toEqual({ table: t.name, columns: rows.map((r) => r.column_name).sort() });
    }
  });

  it('notices when the database and a description part (the check is alive)', async () => {
    const owner = await db.owner();
    await owner.query(`DROP INDEX app.participant_name`);
    await owner.query(`ALTER TABLE app.decision ALTER COLUMN reasons DROP NOT NULL`);
    const drift = await schemaDrift(db.ownerUrl, ENTITIES);
    expect(drift.some((q) => q.includes('participant_name'))).toBe(true);
    expect(drift.some((q) => q.includes('"decision"') && q.includes('reasons'))).toBe(true);
  });
});
