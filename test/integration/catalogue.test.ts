/**
 * The database catalogue after all migrations: every table is reference data on an explicit list or
 * a tenant table with RLS enabled and forced, at least one policy, and the municipality key leading
 * every key (so it can later be distributed by that column). The API login cannot bypass any of it.
 */
import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '../support/database';

const REFERENCE_TABLES = ['county', 'municipality', 'statsforvalter_area'];

let db: TestDatabase;
let owner: Client;
beforeAll(async () => {
  db = await createTestDatabase();
  owner = await db.owner();
});
afterAll(() => db?.drop());

async function rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await owner.query(sql, params)).rows as T[];
}

test('every table is reference data or a tenant table with forced RLS and a policy', async () => {
  const tables = await rows<{ relname: string; rls: boolean; force: boolean; policies: number }>(`
    SELECT c.relname, c.relrowsecurity AS rls, c.relforcerowsecurity AS force,
           (SELECT count(*)::int FROM pg_policies p WHERE p.schemaname = 'app' AND p.tablename = c.relname) AS policies
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'app' AND c.relkind IN ('r', 'p') ORDER BY 1`);
  expect(tables.length).toBeGreaterThan(REFERENCE_TABLES.length);
  for (const t of tables) {
    if (REFERENCE_TABLES.includes(t.relname)) continue;
    expect({ table: t.relname, rls: t.rls, force: t.force, hasPolicy: t.policies > 0 }).toEqual({ table: t.relname, rls: true, force: true, hasPolicy: true });
  }
});

test('every tenant table has a NOT NULL municipality_id leading its primary key and unique keys', async () => {
  const keys = await rows<{ table: string; con: string; type: string; first: string; notnull: boolean }>(
    `
    SELECT c.relname AS table, k.conname AS con, k.contype AS type, a.attname AS first, a.attnotnull AS notnull
    FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.conkey[1]
    WHERE n.nspname = 'app' AND k.contype IN ('p', 'u') AND NOT (c.relname = ANY($1))`,
    [REFERENCE_TABLES],
  );
  expect(keys.length).toBeGreaterThan(0);
  for (const k of keys) expect({ con: k.con, first: k.first, notnull: k.notnull }).toEqual({ con: k.con, first: 'municipality_id', notnull: true });
  const uniqueIndexes = await rows<{ index: string; first: string }>(
    `
    SELECT i.relname AS index, a.attname AS first FROM pg_index x
    JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = x.indkey[0]
    WHERE n.nspname = 'app' AND x.indisunique AND NOT (c.relname = ANY($1))`,
    [REFERENCE_TABLES],
  );
  for (const u of uniqueIndexes) expect({ index: u.index, first: u.first }).toEqual({ index: u.index, first: 'municipality_id' });
});

test('foreign keys between tenant tables include the municipality key; reference tables never point into tenant tables', async () => {
  const fks = await rows<{ con: string; from: string; to: string; cols: string[] }>(`
    SELECT k.conname AS con, c.relname AS from, r.relname AS to,
           ARRAY(SELECT a.attname::text FROM unnest(k.conkey) AS u(n) JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n) AS cols
    FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class r ON r.oid = k.confrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'app' AND k.contype = 'f'`);
  for (const fk of fks) {
    if (REFERENCE_TABLES.includes(fk.from))
      expect({ con: fk.con, to: fk.to, toReference: REFERENCE_TABLES.includes(fk.to) }).toEqual({ con: fk.con, to: fk.to, toReference: true });
    else if (!REFERENCE_TABLES.includes(fk.to)) expect({ con: fk.con, leads: fk.cols[0] }).toEqual({ con: fk.con, leads: 'municipality_id' });
  }
});

test('the API login is not superuser, cannot bypass RLS and owns nothing', async () => {
  const [role] = await rows<{ rolsuper: boolean; rolbypassrls: boolean; rolcreaterole: boolean; rolcreatedb: boolean }>(
    `SELECT rolsuper, rolbypassrls, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = 'introsak_api'`,
  );
  expect(role).toEqual({ rolsuper: false, rolbypassrls: false, rolcreaterole: false, rolcreatedb: false });
  const owned = await rows(`SELECT c.relname FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE r.rolname = 'introsak_api'`);
  expect(owned).toEqual([]);
  const ownedSchemas = await rows(`SELECT nspname FROM pg_namespace n JOIN pg_roles r ON r.oid = n.nspowner WHERE r.rolname = 'introsak_api'`);
  expect(ownedSchemas).toEqual([]);
  const settings = await rows<{ setconfig: string[] }>(
    `SELECT setconfig FROM pg_db_role_setting s JOIN pg_roles r ON r.oid = s.setrole WHERE r.rolname = 'introsak_api' AND s.setdatabase = 0`,
  );
  const config = settings.flatMap((s) => s.setconfig).join(' ');
  expect(config).toMatch(/statement_timeout=/);
  expect(config).toMatch(/lock_timeout=/);
  expect(config).toMatch(/idle_in_transaction_session_timeout=/);
});

test('as the API login, the session is really subject to RLS', async () => {
  const ds = await db.api(1);
  const [me] = await ds.query(`SELECT current_user AS user, (SELECT rolbypassrls FROM pg_roles WHERE rolname = current_user) AS bypass`);
  expect(me).toEqual({ user: 'introsak_api', bypass: false });
  await expect(ds.query(`TRUNCATE app.participant`)).rejects.toThrow(/permission denied/);
  await expect(
    ds.query(`INSERT INTO app.municipality (id, number, name, county_number, valid_from) VALUES (999, '9999', 'x', '46', '2024-01-01')`),
  ).rejects.toThrow(/permission denied/);
});
