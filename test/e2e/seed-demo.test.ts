/**
 * npm run seed:demo, as a user runs it, against a throwaway database: what it prints, what is in the
 * tables afterwards (read as the owner, not through the code under test), that a second run changes
 * nothing, that a database with other cases is refused and that production is refused.
 */
import { spawnSync } from 'node:child_process';
import { Client } from 'pg';
import { isValidIdentityNumber } from '../../src/domain/identity-number';
import { projectRoot } from '../../src/project-root';
import { verifyAuditChains } from '../../src/modules/audit/verify';
import { DEMO_EXPECTED_TOTALS } from '../../scripts/lib/demo-data';
import { startTestApp } from '../support/app';
import { createTestDatabase, TestDatabase } from '../support/database';
import { participantInput, REGISTER } from '../support/fixtures';

const root = projectRoot();

function seedDemo(env: Record<string, string>): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('npm', ['run', '-s', 'seed:demo'], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

let db: TestDatabase;
let owner: Client;
beforeAll(async () => {
  db = await createTestDatabase();
  owner = await db.owner();
});
afterAll(() => db?.drop());

const rows = async (sql: string) => (await owner.query(sql)).rows;
const tally = async (sql: string) => Object.fromEntries((await rows(sql)).map((r: { k: string; n: number }) => [r.k, r.n]));

test('seed:demo fills an empty database through the API: every state, valid identity numbers, intact change log; a second run changes nothing', async () => {
  const first = seedDemo({ DATABASE_URL: db.ownerUrl });
  expect(first.stderr).toContain('Bergen (4601)');
  expect(first.status).toBe(0);
  const out = JSON.parse(first.stdout);

  // What it printed is what the tables hold.
  const byMunicipality = await tally(
    `SELECT m.number AS k, count(*)::int AS n FROM app.participant p JOIN app.municipality m ON m.id = p.municipality_id GROUP BY 1`,
  );
  expect(byMunicipality).toEqual(DEMO_EXPECTED_TOTALS);
  expect(out.participants['4601 Bergen'].total).toBe(DEMO_EXPECTED_TOTALS['4601']);

  // Cases in every state (Bergen alone has all eight).
  const bergen = await tally(
    `SELECT p.status AS k, count(*)::int AS n FROM app.participant p JOIN app.municipality m ON m.id = p.municipality_id WHERE m.number = '4601' GROUP BY 1`,
  );
  expect(Object.keys(bergen).sort()).toEqual(['ACTIVE', 'COMPLETED', 'HALTED', 'INTERRUPTED', 'ON_LEAVE', 'PLANNED', 'REGISTERED', 'TRANSFERRED']);
  expect(out.participants['4601 Bergen']).toEqual({ total: DEMO_EXPECTED_TOTALS['4601'], ...bergen });

  // Decisions of every type, both outcomes; the dismissal of a late appeal is a decision too.
  const decisions = await tally(`SELECT type || ' ' || outcome AS k, count(*)::int AS n FROM app.decision GROUP BY 1`);
  expect(decisions).toEqual(out.decisions);
  expect(new Set(Object.keys(decisions).map((k) => k.split(' ')[0]))).toEqual(
    new Set(['PARTICIPATION', 'BENEFIT', 'EXEMPTION', 'EXTENSION', 'HALT', 'LEAVE', 'PLAN_SIGNIFICANT_CHANGE', 'APPEAL_DISMISSAL']),
  );
  expect(decisions['PARTICIPATION REFUSED']).toBeGreaterThan(0);

  // Appeals at every step, some forwarded and some decided by Statsforvalteren.
  const appeals = await tally(`SELECT state AS k, count(*)::int AS n FROM app.appeal GROUP BY 1`);
  expect(appeals).toEqual(out.appeals);
  expect(Object.keys(appeals).sort()).toEqual([
    'CLOSED',
    'DECIDED_BY_STATSFORVALTER',
    'DISMISSED',
    'FORWARDED',
    'PARTLY_REVERSED_AND_FORWARDED',
    'RECEIVED',
    'REVERSED',
    'UNDER_REVIEW',
  ]);
  const outcomes = await tally(`SELECT outcome AS k, count(*)::int AS n FROM app.appeal WHERE outcome IS NOT NULL GROUP BY 1`);
  expect(outcomes).toEqual(out.appealOutcomes);
  expect(Object.keys(outcomes).sort()).toEqual(['CHANGED', 'DISMISSED', 'QUASHED_AND_RETURNED', 'UPHELD']);
  const offices = await tally(`SELECT statsforvalter_id AS k, count(*)::int AS n FROM app.appeal WHERE statsforvalter_id IS NOT NULL GROUP BY 1`);
  expect(Object.keys(offices).sort()).toEqual(['ostfold-buskerud-oslo-og-akershus', 'rogaland', 'vestland']);

  // Career guidance in every state, at three counties.
  const referrals = await tally(`SELECT state AS k, count(*)::int AS n FROM app.career_guidance_referral GROUP BY 1`);
  expect(referrals).toEqual(out.referrals);
  expect(Object.keys(referrals).sort()).toEqual(['COMPLETED', 'IN_PROGRESS', 'OPEN', 'WITHDRAWN']);

  // Certificates, absence, transfers.
  expect((await rows(`SELECT count(*)::int AS n FROM app.certificate`))[0].n).toBe(out.certificates);
  expect(out.certificates).toBeGreaterThanOrEqual(3);
  expect(await tally(`SELECT state AS k, count(*)::int AS n FROM app.case_transfer GROUP BY 1`)).toEqual(out.transfers);

  // every identity number is a valid fødselsnummer or D-number, one person each (the case moved from
  // Bergen to Oslo is the same person in both registers).
  const numbers = (await rows(`SELECT identity_number AS n FROM app.participant`)).map((r: { n: string }) => r.n);
  expect(numbers.filter((n: string) => !isValidIdentityNumber(n))).toEqual([]);
  const people = await rows(
    `SELECT identity_number, count(DISTINCT full_name)::int AS names, array_agg(status ORDER BY status) AS statuses FROM app.participant GROUP BY 1 HAVING count(*) > 1`,
  );
  expect(people).toEqual([{ identity_number: expect.any(String), names: 1, statuses: ['PLANNED', 'TRANSFERRED'] }]);
  expect(numbers.some((n: string) => Number(n[0]) >= 4)).toBe(true); // a D-number among them

  // It went through the API: every write is in the hash-chained change log, and the chains are intact.
  const report = await verifyAuditChains(owner);
  expect(report.broken).toBeNull();
  expect(report.municipalities).toBe(4);
  expect(report.rows).toBeGreaterThan(200);

  // Deterministic and idempotent: a second run says so and changes nothing.
  const names = (await rows(`SELECT full_name || ' ' || identity_number AS k FROM app.participant ORDER BY 1`)).map((r: { k: string }) => r.k);
  const second = seedDemo({ DATABASE_URL: db.ownerUrl });
  expect(second.status).toBe(0);
  expect(JSON.parse(second.stdout)).toEqual({ alreadySeeded: true, participants: DEMO_EXPECTED_TOTALS });
  expect(second.stderr).toMatch(/already has the demo data: nothing changed/);
  expect((await rows(`SELECT full_name || ' ' || identity_number AS k FROM app.participant ORDER BY 1`)).map((r: { k: string }) => r.k)).toEqual(names);
  expect((await verifyAuditChains(owner)).rows).toBe(report.rows);
}, 180_000);

test('seed:demo refuses a database whose demo municipalities have other cases, and production', async () => {
  const t = await startTestApp();
  try {
    const tok = await t.token('MUNICIPALITY', '0301');
    expect((await t.gql(tok, REGISTER, { input: participantInput({ name: 'Not Demo' }) })).body.errors).toBeUndefined();
    const refused = seedDemo({ DATABASE_URL: t.db.ownerUrl });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/seed:demo refuses: the demo municipalities already have cases .*0301: 1/);
    const owner2 = await t.db.owner();
    expect((await owner2.query(`SELECT count(*)::int AS n FROM app.participant`)).rows[0].n).toBe(1);
  } finally {
    await t.close();
  }
  const prod = seedDemo({ DATABASE_URL: db.ownerUrl, NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) });
  expect(prod.status).toBe(1);
  expect(prod.stderr).toMatch(/development databases only, and NODE_ENV is production/);
}, 120_000);
