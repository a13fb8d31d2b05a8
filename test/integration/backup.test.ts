/** A dump restored into a new database has every row, the RLS flags and an intact change-log chain. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { backup, restore, tablesInDependencyOrder } from '../../src/db/backup';
import { verifyAuditChains } from '../../src/modules/audit/verify';
import { startTestApp, TestApp } from '../support/app';
import { participantInput, REGISTER } from '../support/fixtures';

let t: TestApp;
const target = `introsak_restore_${process.pid}_${Date.now()}`;
const file = path.join(os.tmpdir(), `${target}.ndjson.gz`);
let targetUrl: string;

beforeAll(async () => {
  t = await startTestApp();
  const u = new URL(t.db.ownerUrl);
  u.pathname = `/${target}`;
  targetUrl = u.toString();
});
afterAll(async () => {
  const admin = new Client({ connectionString: process.env.INTROSAK_TEST_ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${target} WITH (FORCE)`);
  await admin.end();
  fs.rmSync(file, { force: true });
  await t?.close();
});

test('backup → restore into a new database finds every row, RLS and an intact audit chain', async () => {
  for (const org of ['4601', '1103', '0301']) {
    const tok = await t.token('MUNICIPALITY', org);
    for (let i = 0; i < 5; i++) await t.gql(tok, REGISTER, { input: participantInput({ idempotencyKey: `backup-${org}-${i}` }) });
    await t.gql(tok, '{ participants(first: 5) { edges { node { name } } } }');
  }
  // recorded attendance (what the certificate prints) is case data the dump must carry too.
  const owner = await t.db.owner();
  await owner.query(
    `INSERT INTO app.element_attendance (municipality_id, participant_id, element_kind, from_date, to_date, hours_attended, completed, note, recorded_by)
     SELECT municipality_id, id, 'NORWEGIAN', '2026-11-16', '2026-11-27', 37.5, true, 'backup fixture', 'cw-backup' FROM app.participant ORDER BY id LIMIT 1`,
  );
  const counts = await backup(t.db.ownerUrl, file);
  expect(counts.participant).toBe(15);
  expect(counts.element_attendance).toBe(1);
  expect(counts.audit_event).toBe(15);
  // The registration's answer and the list both read personal data: 15 answers of one participant
  // each, and 3 list pages logged as one row of 5 participants each — 30 reads in 18 rows.
  expect(counts.access_log).toBe(18);
  const reads = await (await t.db.owner()).query(`SELECT sum(cardinality(participant_ids))::int AS n FROM app.access_log`);
  expect(reads.rows[0].n).toBe(30);

  const admin = new Client({ connectionString: process.env.INTROSAK_TEST_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${target}`);
  await admin.end();
  const restored = await restore(targetUrl, file);
  expect(restored).toEqual(Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0)));

  const source = await t.db.owner();
  const copy = new Client({ connectionString: targetUrl });
  await copy.connect();
  try {
    for (const table of await tablesInDependencyOrder(source)) {
      const a = await source.query(`SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM app.${table} t`);
      const b = await copy.query(`SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM app.${table} t`);
      expect({ table, h: b.rows[0].h }).toEqual({ table, h: a.rows[0].h });
    }
    const rls = await copy.query(
      `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'app' AND c.relkind = 'r' AND c.relrowsecurity AND c.relforcerowsecurity`,
    );
    const rlsSource = await source.query(
      `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'app' AND c.relkind = 'r' AND c.relrowsecurity AND c.relforcerowsecurity`,
    );
    expect(rls.rows[0].n).toBe(rlsSource.rows[0].n);
    expect(await verifyAuditChains(copy)).toEqual({ municipalities: 3, rows: 15, broken: null });
  } finally {
    await copy.end();
  }
});
