/**
 * The API login's grants are exactly what its code uses, found statement by statement in the
 * repositories (src/modules/<part>/<part>.repository.ts and the caseload SQL). A grant nobody uses is
 * a grant a leaked password or an injection could use: a new one has to be added here on purpose.
 */
import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '../support/database';

/** Table → privileges, each with the code that needs it. */
const EXPECTED: Record<string, string[]> = {
  absence: ['DELETE', 'INSERT', 'SELECT', 'UPDATE'], // cancelAbsence deletes; correctAbsence updates
  access_log: ['INSERT', 'SELECT'], // one INSERT per request; participantAccessLog reads
  appeal: ['INSERT', 'SELECT', 'UPDATE'], // every step updates (SELECT … FOR UPDATE needs UPDATE too)
  appeal_event: ['INSERT', 'SELECT'], // the history is append-only
  care_leave: ['INSERT', 'SELECT'], // a granted care leave is written once; the shared count goes through app.care_leave_days_used
  career_guidance_referral: ['INSERT', 'SELECT', 'UPDATE'],
  case_transfer: ['INSERT', 'SELECT', 'UPDATE'], // accept/reject lock and update the inbox row
  certificate: ['INSERT', 'SELECT', 'UPDATE'], // issuing again replaces (upsert)
  competence_mapping: ['INSERT', 'SELECT', 'UPDATE'],
  county: ['SELECT'],
  decision: ['INSERT', 'SELECT', 'UPDATE'], // recordDecisionNotice updates
  element_attendance: ['DELETE', 'INSERT', 'SELECT'], // recordElementAttendance adds a period; cancelElementAttendance deletes one
  idempotency_key: ['INSERT', 'SELECT', 'UPDATE (result_id)'],
  municipality: ['SELECT'],
  participant: ['INSERT', 'SELECT', 'UPDATE'], // no DELETE: a case is never deleted through the API
  plan_guidance_link: ['INSERT', 'SELECT'],
  plan_version: ['INSERT', 'SELECT'], // every version is kept: never updated
  programme: ['INSERT', 'SELECT', 'UPDATE'],
  statsforvalter_area: ['SELECT'],
  // audit_event and audit_chain_head: nothing; the change log is written through app.audit_append only.
};

let db: TestDatabase;
let owner: Client;
beforeAll(async () => {
  db = await createTestDatabase();
  owner = await db.owner();
});
afterAll(() => db?.drop());

test("the API login's table grants are exactly the ones its code uses", async () => {
  const { rows } = await owner.query<{ table: string; privilege: string }>(`
    SELECT table_name AS table, privilege_type AS privilege FROM information_schema.role_table_grants
      WHERE grantee = 'introsak_api' AND table_schema = 'app'
    UNION
    SELECT table_name, privilege_type || ' (' || string_agg(column_name::text, ', ' ORDER BY column_name) || ')' FROM information_schema.column_privileges c
      WHERE grantee = 'introsak_api' AND table_schema = 'app'
        AND NOT EXISTS (SELECT 1 FROM information_schema.role_table_grants t WHERE t.grantee = c.grantee AND t.table_schema = c.table_schema
                          AND t.table_name = c.table_name AND t.privilege_type = c.privilege_type)
      GROUP BY table_name, privilege_type`);
  const actual: Record<string, string[]> = {};
  for (const r of rows) (actual[r.table] ??= []).push(r.privilege);
  for (const list of Object.values(actual)) list.sort();
  expect(actual).toEqual(EXPECTED);
});

test('the change log is reached only through app.audit_append, owned by a role that cannot bypass row-level security', async () => {
  const { rows } = await owner.query(`
    SELECT p.proname, p.prosecdef AS definer, r.rolname AS owner, r.rolsuper AS owner_super, r.rolbypassrls AS owner_bypass,
           has_function_privilege('introsak_api', p.oid, 'EXECUTE') AS api_may_call,
           has_function_privilege('public', p.oid, 'EXECUTE') AS public_may_call
    FROM pg_proc p JOIN pg_roles r ON r.oid = p.proowner JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = 'app' AND p.proname = 'audit_append'`);
  expect(rows).toEqual([
    { proname: 'audit_append', definer: true, owner: 'introsak_audit', owner_super: false, owner_bypass: false, api_may_call: true, public_may_call: false },
  ]);
  const writers = await owner.query(`
    SELECT DISTINCT grantee FROM information_schema.role_table_grants
    WHERE table_schema = 'app' AND table_name IN ('audit_event', 'audit_chain_head') AND privilege_type IN ('INSERT', 'UPDATE', 'DELETE', 'TRUNCATE')
      AND grantee NOT IN (SELECT rolname FROM pg_roles WHERE rolsuper) ORDER BY 1`);
  // The table owner (the migrating role) and the restore role (introsak_backup, NOLOGIN) besides introsak_audit.
  expect(writers.rows.map((r) => r.grantee)).toEqual(expect.arrayContaining(['introsak_audit']));
  expect(writers.rows.map((r) => r.grantee)).not.toContain('introsak_api');
});

test('care leave is counted across municipalities only through app.care_leave_days_used, owned by a role that reads five columns and bypasses nothing', async () => {
  const { rows } = await owner.query(`
    SELECT p.proname, p.prosecdef AS definer, r.rolname AS owner, r.rolsuper AS owner_super, r.rolbypassrls AS owner_bypass,
           has_function_privilege('introsak_api', p.oid, 'EXECUTE') AS api_may_call,
           has_function_privilege('public', p.oid, 'EXECUTE') AS public_may_call
    FROM pg_proc p JOIN pg_roles r ON r.oid = p.proowner JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = 'app' AND p.proname = 'care_leave_days_used'`);
  expect(rows).toEqual([
    {
      proname: 'care_leave_days_used',
      definer: true,
      owner: 'introsak_care_leave',
      owner_super: false,
      owner_bypass: false,
      api_may_call: true,
      public_may_call: false,
    },
  ]);
  const grants = await owner.query(`
    SELECT table_name, privilege_type, string_agg(column_name::text, ', ' ORDER BY column_name) AS columns FROM information_schema.column_privileges
    WHERE grantee = 'introsak_care_leave' AND table_schema = 'app' GROUP BY 1, 2`);
  expect(grants.rows).toEqual([{ table_name: 'care_leave', privilege_type: 'SELECT', columns: 'child_key, from_date, parent_key, to_date, working_days' }]);
  const tables = await owner.query(
    `SELECT DISTINCT table_name FROM information_schema.role_table_grants WHERE grantee = 'introsak_care_leave' AND table_schema = 'app'`,
  );
  expect(tables.rows).toEqual([]);
});
