/**
 * Tenant isolation proven at the SQL level, as the API's own login (NOSUPERUSER NOBYPASSRLS) with the
 * transaction-local settings the server sets: another municipality's rows are invisible and cannot be
 * written, and with no settings nothing is visible at all.
 */
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../support/app';
import { participantInput, REGISTER } from '../support/fixtures';
import { setSignedContext } from '../support/context';

let t: TestApp;
let api: DataSource;
let A: number; // Bergen
let B: number; // Stavanger
let tenantTables: string[];
/** Tenant tables the API login has no SELECT on at all (the change log and its head: written through app.audit_append only). */
let unreadable: string[];

async function asMunicipality<T>(id: number | null, fn: (q: (sql: string, p?: unknown[]) => Promise<Record<string, unknown>[]>) => Promise<T>): Promise<T> {
  const runner = api.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  try {
    if (id !== null) {
      await setSignedContext((sql, p) => runner.query(sql, p), { role: 'MUNICIPALITY', municipalityId: id, municipalityIds: [id], org: 'x' });
    }
    return await fn((sql, p) => runner.query(sql, p));
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }
}

beforeAll(async () => {
  t = await startTestApp();
  api = t.api;
  A = t.directory.municipalityByNumber('4601')!.id;
  B = t.directory.municipalityByNumber('1103')!.id;
  for (const org of ['4601', '1103']) {
    const tok = await t.token('MUNICIPALITY', org);
    for (let i = 0; i < 3; i++) {
      const r = await t.gql(tok, REGISTER, { input: participantInput({ name: `Person ${org}-${i}` }) });
      expect(r.body.errors).toBeUndefined();
    }
  }
  const owner = await t.db.owner();
  tenantTables = (
    await owner.query(`SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                       WHERE n.nspname = 'app' AND c.relkind = 'r' AND c.relrowsecurity ORDER BY 1`)
  ).rows.map((r: { relname: string }) => r.relname);
  unreadable = (
    await owner.query(`SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                       WHERE n.nspname = 'app' AND c.relkind = 'r' AND c.relrowsecurity AND NOT has_table_privilege('introsak_api', c.oid, 'SELECT') ORDER BY 1`)
  ).rows.map((r: { relname: string }) => r.relname);
});
afterAll(() => t?.close());

test('there are tenant tables to check', () => {
  expect(tenantTables).toEqual(expect.arrayContaining(['participant', 'audit_event', 'audit_chain_head', 'idempotency_key']));
});

test("as municipality A, a raw SELECT of every tenant table returns none of B's rows", async () => {
  const owner = await t.db.owner();
  expect(unreadable).toEqual(['audit_chain_head', 'audit_event']);
  for (const table of tenantTables) {
    if (unreadable.includes(table)) {
      // Not even its own rows: the API login cannot read the table at all.
      await expect(asMunicipality(A, (q) => q(`SELECT count(*)::int AS n FROM app.${table}`))).rejects.toThrow(/permission denied/);
      continue;
    }
    const visible = await asMunicipality(A, (q) => q(`SELECT count(*)::int AS n FROM app.${table} WHERE municipality_id <> $1`, [A]));
    expect({ table, n: visible[0].n }).toEqual({ table, n: 0 });
    const bRows = await owner.query(`SELECT count(*)::int AS n FROM app.${table} WHERE municipality_id = $1`, [B]);
    const seenOfB = await asMunicipality(A, (q) => q(`SELECT count(*)::int AS n FROM app.${table} WHERE municipality_id = $1`, [B]));
    expect({ table, seen: seenOfB[0].n }).toEqual({ table, seen: 0 });
    if (['participant', 'audit_event', 'audit_chain_head'].includes(table)) expect(bRows.rows[0].n).toBeGreaterThan(0);
  }
});

test('with no settings, every tenant table shows 0 rows', async () => {
  for (const table of tenantTables.filter((x) => !unreadable.includes(x))) {
    const rows = await asMunicipality(null, (q) => q(`SELECT count(*)::int AS n FROM app.${table}`));
    expect({ table, n: rows[0].n }).toEqual({ table, n: 0 });
  }
});

test('INSERT of a row into B fails as A', async () => {
  await expect(
    asMunicipality(A, (q) =>
      q(
        `INSERT INTO app.participant (municipality_id, full_name, identity_number, birth_date, permit_category, permit_grant_date, arrival_date)
         VALUES ($1, 'Intruder', '02013299997', '1932-01-02', 'REFUGEE', '2026-01-01', '2026-01-01')`,
        [B],
      ),
    ),
  ).rejects.toThrow(/row-level security/);
});

test('UPDATE that moves an own row into B fails, and B rows cannot be updated or deleted', async () => {
  // On Citus the distribution column cannot change at all, which it says before the policy is asked.
  const moveRefused = process.env.INTROSAK_TEST_CITUS_URL ? /modifying the partition value of rows is not allowed/ : /row-level security/;
  await expect(asMunicipality(A, (q) => q(`UPDATE app.participant SET municipality_id = $1`, [B]))).rejects.toThrow(moveRefused);
  const updated = await asMunicipality(A, async (q) => {
    await q(`UPDATE app.participant SET full_name = 'x' WHERE municipality_id = $1`, [B]);
    return q(`SELECT count(*)::int AS n FROM app.participant WHERE full_name = 'x'`);
  });
  expect(updated[0].n).toBe(0);
  const owner = await t.db.owner();
  // The API login has no DELETE on the register at all (it never deletes a case), so not even its own rows.
  await expect(asMunicipality(A, (q) => q(`DELETE FROM app.participant WHERE municipality_id = $1 RETURNING id`, [B]))).rejects.toThrow(/permission denied/);
  await expect(asMunicipality(A, (q) => q(`DELETE FROM app.participant WHERE municipality_id = $1 RETURNING id`, [A]))).rejects.toThrow(/permission denied/);
  expect((await owner.query(`SELECT count(*)::int AS n FROM app.participant WHERE municipality_id = $1`, [B])).rows[0].n).toBe(3);
});

test('the change log cannot be rewritten by the API login', async () => {
  await expect(asMunicipality(A, (q) => q(`UPDATE app.audit_event SET operation = 'x'`))).rejects.toThrow(/permission denied/);
  await expect(asMunicipality(A, (q) => q(`DELETE FROM app.audit_event`))).rejects.toThrow(/permission denied/);
  await expect(asMunicipality(A, (q) => q(`TRUNCATE app.audit_event`))).rejects.toThrow(/permission denied/);
});
