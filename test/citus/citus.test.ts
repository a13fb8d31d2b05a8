/**
 * introsak on a real Citus cluster (issue 14): CITUS_URL is the owner connection to the coordinator
 * (`../shared/citus/cluster up` prints it; .ci/run starts one). Skipped without it; `npm test` leaves this
 * folder out unless CITUS_URL is set (jest.config.js).
 *
 * On the cluster the database is emptied, migrated and distributed (`npm run db:distribute`'s function),
 * the API's main flows run over HTTP (register, competence mapping, plan, decision, case list, appeal
 * forwarded to and read by the Statsforvalter), and their answers are compared with the same flows on
 * single-node PostgreSQL (DATABASE_URL). Then: the walls hold on the shards (another municipality's rows
 * are 0 rows for the API login), and a municipality's case list is a router query (one task, one shard).
 */
import { Client } from 'pg';
import { todayInOslo } from '../../src/domain/calendar';
import { queryObservers, TenantSettings } from '../../src/db/request-transaction';
import { signedContext } from '../../src/db/tenant-context';
import { verifyAuditChains } from '../../src/modules/audit';
import { distributeSchema, verify } from '../../src/db/citus';
import { startTestApp, TestApp } from '../support/app';
import { createCitusTestDatabase } from '../support/database';
import { MAPPING_INPUT, participantInput, planInput, REGISTER } from '../support/fixtures';

const CITUS_URL = process.env.CITUS_URL;
const describeCitus = CITUS_URL ? describe : describe.skip;

const MAP = `mutation($id: UUID!, $input: CompetenceMappingInput!) { recordCompetenceMapping(participantId: $id, input: $input) { id } }`;
const PLAN = `mutation($id: UUID!, $input: IntegrationPlanInput!) { saveIntegrationPlan(participantId: $id, input: $input) { id } }`;
const DECIDE = `mutation($id: UUID!, $input: DecisionInput!) { makeDecision(participantId: $id, input: $input) { id decisions { id type outcome } } }`;
const REGISTER_APPEAL = `mutation($input: RegisterAppealInput!) { registerAppeal(input: $input) { id version state deadline filedInTime } }`;
const START = `mutation($a: UUID!, $v: Int!) { startAppealReview(appealId: $a, expectedVersion: $v) { id version state } }`;
const FORWARD = `mutation($a: UUID!, $v: Int!, $s: String!, $c: LocalDate!) {
  forwardAppeal(appealId: $a, expectedVersion: $v, statement: $s, copiedToParticipantAt: $c) { id version state } }`;
const CASE_LIST = `{ participants(first: 50) { totalCount edges { node { id name status startDeadline latestDecision { type outcome } hasOpenAppeal } } } }`;
const SUMMARY = `{ caseloadSummary { total startsOverdue mappingsMissing plansMissing openAppeals appealsAwaitingReview } }`;
const PARTICIPANT = `query($id: UUID!) { participant(id: $id) { id name currentEndGoal integrationPlan { versions { versionNo } } decisions { type outcome appeals { state } } } }`;
const SF_LIST = `{ appeals(first: 20) { totalCount edges { node { state filedInTime municipality { number name } participant { name } decision { type outcome } } } } }`;

const REFUSAL = {
  type: 'PARTICIPATION',
  outcome: 'REFUSED',
  reasons: 'Not enough documentation of the permit.',
  decidedAt: '2026-10-05',
  notifiedAt: '2026-10-06',
};

type Vars = Record<string, unknown>;

async function ok(t: TestApp, tok: string, query: string, variables: Vars = {}) {
  const res = await t.gql(tok, query, variables);
  expect(res.body.errors).toBeUndefined();
  return res.body.data;
}

/** The same flows on either engine; returns what the API answered, without the generated ids. */
async function flows(t: TestApp) {
  const bergen = await t.token('MUNICIPALITY', '4601', 'kari', 'Kari Saksbehandler');
  const oslo = await t.token('MUNICIPALITY', '0301', 'ola', 'Ola Saksbehandler');
  const vestland = await t.token('STATSFORVALTER', 'vestland', 'sf-vestland', 'Siri Juridisk');
  const ids: string[] = [];
  for (const [i, name] of ['Amina Bergen', 'Yonas Bergen', 'Sara Bergen'].entries()) {
    const input = participantInput({ name, settlementDate: `2026-0${7 + i}-01` });
    const { registerParticipant } = await ok(t, bergen, REGISTER, { input });
    ids.push(registerParticipant.id);
  }
  const osloId = (await ok(t, oslo, REGISTER, { input: participantInput({ name: 'Omar Oslo' }) })).registerParticipant.id;
  await ok(t, bergen, MAP, { id: ids[0], input: MAPPING_INPUT });
  await ok(t, bergen, PLAN, { id: ids[0], input: planInput() });
  const decided = (await ok(t, bergen, DECIDE, { id: ids[1], input: REFUSAL })).makeDecision;
  const decisionId = decided.decisions[0].id;
  const appeal = (
    await ok(t, bergen, REGISTER_APPEAL, {
      input: {
        decisionId,
        receivedAt: '2026-10-20',
        sentAt: '2026-10-19',
        grounds: 'I have documents that were not considered.',
        changeWanted: 'Grant me the programme.',
      },
    })
  ).registerAppeal;
  const started = (await ok(t, bergen, START, { a: appeal.id, v: appeal.version })).startAppealReview;
  const forwarded = (await ok(t, bergen, FORWARD, { a: started.id, v: started.version, s: 'The municipality upholds the refusal.', c: todayInOslo() }))
    .forwardAppeal;
  const strip = (list: { node: Record<string, unknown> }[]) => list.map(({ node }) => ({ ...node, id: undefined }));
  const caseList = (await ok(t, bergen, CASE_LIST)).participants;
  const osloList = (await ok(t, oslo, CASE_LIST)).participants;
  const sfList = (await ok(t, vestland, SF_LIST)).appeals;
  const read = (await ok(t, bergen, PARTICIPANT, { id: ids[0] })).participant;
  const appealed = (await ok(t, bergen, PARTICIPANT, { id: ids[1] })).participant;
  return {
    ids,
    osloId,
    tokens: { bergen, oslo },
    answers: {
      forwarded: { state: forwarded.state, filedInTime: appeal.filedInTime, deadline: appeal.deadline },
      caseList: { totalCount: caseList.totalCount, nodes: strip(caseList.edges) },
      osloList: { totalCount: osloList.totalCount, nodes: strip(osloList.edges) },
      summary: (await ok(t, bergen, SUMMARY)).caseloadSummary,
      oslosSummary: (await ok(t, oslo, SUMMARY)).caseloadSummary,
      statsforvalterList: { totalCount: sfList.totalCount, nodes: sfList.edges.map((e: { node: unknown }) => e.node) },
      read: { ...read, id: undefined },
      appealed: { ...appealed, id: undefined },
    },
  };
}

/** As the API login (RLS on), with a caller's settings set as the request transaction sets them. */
/**
 * fn inside one transaction of the API login with the caller's settings set as the API sets them: SET LOCAL,
 * propagated to the workers, and signed for this backend (src/db/tenant-context.ts). `signed: false` sets
 * the same settings without the signature, as a bare login with the API password could.
 */
async function asApi<T>(t: TestApp, s: TenantSettings, fn: (c: Client) => Promise<T>, { signed = true } = {}): Promise<T> {
  const c = new Client({ connectionString: t.db.apiUrl });
  await c.connect();
  const lit = (v: string) => c.escapeLiteral(v);
  try {
    const { rows } = await c.query<{ pid: number }>(`SELECT pg_backend_pid() AS pid`);
    const settings = signedContext(s, rows[0].pid).filter(([name]) => signed || !name.startsWith('app.context_'));
    await c.query(
      ['BEGIN', `SET LOCAL citus.propagate_set_commands = 'local'`, ...settings.map(([name, value]) => `SET LOCAL ${name} = ${lit(value)}`)].join('; '),
    );
    return await fn(c);
  } finally {
    await c.query('ROLLBACK').catch(() => undefined);
    await c.end();
  }
}

const TRANSFER = `mutation($id: UUID!, $to: String!) { transferParticipant(participantId: $id, toMunicipality: $to) { status transferredTo { number } } }`;
const INBOX = `{ incomingTransfers { id version name from { number } } }`;
const ACCEPT = `mutation($id: UUID!, $v: Int!) { acceptTransfer(transferId: $id, expectedVersion: $v) { id name status transferredFrom { number } competenceMapping { status } programme { state timeAlreadyUsedDays } decisions { type outcome } integrationPlan { current { endGoal } } } }`;
const REFER = `mutation($id: UUID!) { referToCareerGuidance(participantId: $id, note: "Ønsker veiledning om utdanning.") { id state } }`;
const COUNTY_LIST = `{ careerGuidanceReferrals(first: 20) { totalCount edges { node { state municipality { number } participant { name } } } } }`;
const ACCESS_LOG = `query($id: UUID!) { participantAccessLog(participantId: $id, first: 20) { totalCount edges { node { role org purpose } } } }`;

/**
 * What crosses shards (issue 14 item 3), the same on either engine: a case transferred from Kinn to
 * Stavanger (the sender's case and the receiver's inbox in one transaction, two shards: Citus commits it in
 * two phases) and accepted by Stavanger; a registration retried with its idempotency key; the county's
 * referral list across two of its municipalities; the access log of the transferred case's reads.
 */
async function crossShardFlows(t: TestApp) {
  const kinn = await t.token('MUNICIPALITY', '4602', 'kim', 'Kim Kinn');
  const stavanger = await t.token('MUNICIPALITY', '1103', 'siv', 'Siv Stavanger');
  const bergen = await t.token('MUNICIPALITY', '4601', 'kari', 'Kari Saksbehandler');
  const vestland = await t.token('COUNTY', '46', 'vlfk', 'Vera Veileder');
  const mover = (await ok(t, kinn, REGISTER, { input: participantInput({ name: 'Mona Flytter', settlementDate: '2026-08-01' }) })).registerParticipant.id;
  await ok(t, kinn, MAP, { id: mover, input: MAPPING_INPUT });
  await ok(t, kinn, DECIDE, {
    id: mover,
    input: { type: 'PARTICIPATION', outcome: 'GRANTED', reasons: 'Bosatt etter avtale med IMDi.', decidedAt: '2026-09-10', notifiedAt: '2026-09-12' },
  });
  await ok(t, kinn, PLAN, { id: mover, input: planInput() });
  await ok(t, kinn, `mutation($id: UUID!, $input: StartProgrammeInput!) { startProgramme(participantId: $id, input: $input) { id } }`, {
    id: mover,
    input: { startDate: '2026-09-21' },
  });
  const moved = (await ok(t, kinn, TRANSFER, { id: mover, to: '1103' })).transferParticipant;
  const incoming = ((await ok(t, stavanger, INBOX)).incomingTransfers as { id: string; version: number; name: string }[]).find(
    (x) => x.name === 'Mona Flytter',
  );
  const accepted = (await ok(t, stavanger, ACCEPT, { id: incoming?.id, v: incoming?.version })).acceptTransfer;
  const keyed = { ...participantInput({ name: 'Kari Nøkkel', settlementDate: '2026-08-15' }), idempotencyKey: 'citus-registration-0001' };
  const first = (await ok(t, kinn, REGISTER, { input: keyed })).registerParticipant.id;
  const again = (await ok(t, kinn, REGISTER, { input: keyed })).registerParticipant.id;
  await ok(t, kinn, MAP, { id: first, input: MAPPING_INPUT });
  const referrals = [(await ok(t, kinn, REFER, { id: first })).referToCareerGuidance.state];
  const bergenCase = (await ok(t, bergen, REGISTER, { input: participantInput({ name: 'Bo Bergen', settlementDate: '2026-08-20' }) })).registerParticipant.id;
  await ok(t, bergen, MAP, { id: bergenCase, input: MAPPING_INPUT });
  referrals.push((await ok(t, bergen, REFER, { id: bergenCase })).referToCareerGuidance.state);
  const countyList = (await ok(t, vestland, COUNTY_LIST)).careerGuidanceReferrals;
  const log = (await ok(t, stavanger, ACCESS_LOG, { id: accepted.id })).participantAccessLog;
  const kinnList = (await ok(t, kinn, `{ participants(first: 50) { totalCount edges { node { name status } } } }`)).participants;
  return {
    ids: { mover, accepted: accepted.id as string },
    answers: {
      moved,
      accepted: { ...accepted, id: undefined },
      sameCaseOnRetry: first === again,
      kinnList,
      referrals,
      countyList: {
        totalCount: countyList.totalCount,
        nodes: (countyList.edges as { node: { municipality: { number: string }; participant: { name: string } } }[])
          .map((e) => e.node)
          .sort((a, b) => a.participant.name.localeCompare(b.participant.name)),
      },
      accessLog: log.edges.map((e: { node: unknown }) => e.node),
    },
  };
}

describeCitus('introsak on a Citus cluster', () => {
  let citus: TestApp;
  let plain: TestApp;
  let onCitus: Awaited<ReturnType<typeof flows>>;
  let onPlain: Awaited<ReturnType<typeof flows>>;
  let distribution: Awaited<ReturnType<typeof createCitusTestDatabase>>['distribution'];

  beforeAll(async () => {
    citus = await startTestApp({
      database: async () => {
        // A case already on the single-node schema before it is distributed (distributing in place moves it).
        const db = await createCitusTestDatabase(CITUS_URL as string, async (owner) => {
          await owner.query(
            `INSERT INTO app.participant (municipality_id, full_name, identity_number, birth_date, permit_category, permit_grant_date, arrival_date, eligibility_periods)
             SELECT id, 'Before Distribution', '01019012345', '1990-01-01', 'REFUGEE', '2026-01-01', '2026-01-02', '[]' FROM app.municipality WHERE number = '5001'`,
          );
        });
        distribution = db.distribution;
        return db;
      },
    });
    plain = await startTestApp();
  }, 240_000);
  afterAll(async () => {
    await citus?.close();
    await plain?.close();
  });

  test('the migrated schema distributes: reference tables everywhere, every tenant table by municipality_id, colocated with participant', async () => {
    expect(distribution.reference.sort()).toEqual(['county', 'municipality', 'statsforvalter_area']);
    const owner = await citus.db.owner();
    const { rows } = await owner.query(
      `SELECT t.relname AS name, d.partmethod::text AS method, d.repmodel::text AS repmodel, a.attname AS key,
              d.colocationid = (SELECT colocationid FROM pg_dist_partition WHERE logicalrelid = 'app.participant'::regclass) AS colocated,
              EXISTS (SELECT 1 FROM pg_attribute x WHERE x.attrelid = t.oid AND x.attname = 'municipality_id') AS tenant
         FROM pg_class t
         LEFT JOIN pg_dist_partition d ON d.logicalrelid = t.oid
         LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND d.partmethod = 'h' AND a.attname = column_to_column_name(d.logicalrelid, d.partkey)
        WHERE t.relnamespace = 'app'::regnamespace AND t.relkind = 'r'`,
    );
    const tenant = rows.filter((r) => r.tenant);
    expect(tenant.length).toBeGreaterThanOrEqual(16);
    for (const r of tenant)
      expect({ name: r.name, method: r.method, key: r.key, colocated: r.colocated }).toEqual({
        name: r.name,
        method: 'h',
        key: 'municipality_id',
        colocated: true,
      });
    for (const r of rows.filter((x) => !x.tenant))
      expect({ name: r.name, method: r.method, repmodel: r.repmodel }).toEqual({ name: r.name, method: 'n', repmodel: 't' });
    // The foreign keys are back (dropped and re-created around the distribution).
    const { rows: fks } = await owner.query(`SELECT count(*)::int AS n FROM pg_constraint WHERE contype = 'f' AND connamespace = 'app'::regnamespace`);
    expect(fks[0].n).toBeGreaterThanOrEqual(30);
    // The row written before distributing was moved into the shards.
    const { rows: before } = await owner.query(`SELECT full_name FROM app.participant WHERE full_name = 'Before Distribution'`);
    expect(before).toEqual([{ full_name: 'Before Distribution' }]);
    // Running it again changes nothing.
    const again = await distributeSchema(owner);
    expect({ reference: again.reference, distributed: again.distributed }).toEqual({ reference: [], distributed: [] });
  });

  test('the main flows answer the same over HTTP on Citus as on single-node PostgreSQL', async () => {
    onCitus = await flows(citus);
    onPlain = await flows(plain);
    expect(onCitus.answers.caseList.totalCount).toBe(3);
    expect(onCitus.answers.osloList.totalCount).toBe(1);
    expect(onCitus.answers.statsforvalterList.totalCount).toBe(1);
    expect(onCitus.answers.forwarded.state).toBe('FORWARDED');
    expect(onCitus.answers).toEqual(onPlain.answers);
  });

  test("the walls hold on the shards: the API login sees 0 of another municipality's rows, and the API answers NOT_FOUND", async () => {
    const owner = await citus.db.owner();
    const { rows } = await owner.query(`SELECT id, number FROM app.municipality WHERE number IN ('4601', '0301')`);
    const id = (n: string) => Number(rows.find((r) => r.number === n).id);
    const asOslo: TenantSettings = { role: 'MUNICIPALITY', org: '0301', actor: 'ola', municipalityId: id('0301'), municipalityIds: [id('0301')] };
    const counts = await asApi(citus, asOslo, async (c) => {
      const q = async (sql: string) => Number((await c.query(sql, [id('4601')])).rows[0].n);
      return {
        participant: await q(`SELECT count(*) AS n FROM app.participant WHERE municipality_id = $1`),
        decision: await q(`SELECT count(*) AS n FROM app.decision WHERE municipality_id = $1`),
        appeal: await q(`SELECT count(*) AS n FROM app.appeal WHERE municipality_id = $1`),
        plan: await q(`SELECT count(*) AS n FROM app.plan_version WHERE municipality_id = $1`),
        everyone: await q(`SELECT count(*) AS n FROM app.participant WHERE municipality_id <> $1`),
      };
    });
    expect(counts).toEqual({ participant: 0, decision: 0, appeal: 0, plan: 0, everyone: 1 });
    // The same settings without their signature (a bare login with the API password), or signed for another
    // backend (a signature read off pg_stat_activity): no row on any shard, Oslo's own neither.
    const visible = (c: Client) => c.query(`SELECT count(*)::int AS n FROM app.participant`).then((r) => r.rows[0].n);
    expect(await asApi(citus, asOslo, visible, { signed: false })).toBe(0);
    const replayed = await asApi(citus, asOslo, async (c) => {
      const [other] = (await owner.query(`SELECT pg_backend_pid() AS pid`)).rows;
      for (const [name, value] of signedContext(asOslo, other.pid)) await c.query(`SET LOCAL ${name} = ${c.escapeLiteral(value)}`);
      return visible(c);
    });
    expect(replayed).toBe(0);
    // The owner sees Bergen's rows, so the zeros above are the policies on the shards, not an empty table.
    const { rows: all } = await owner.query(`SELECT count(*)::int AS n FROM app.participant WHERE municipality_id = $1`, [id('4601')]);
    expect(all[0].n).toBe(3);
    const res = await citus.gql(onCitus.tokens.oslo, PARTICIPANT, { id: onCitus.ids[0] });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // A write into another municipality's shard is refused by the worker's copy of the policy.
    await expect(
      asApi(citus, asOslo, (c) =>
        c.query(
          `INSERT INTO app.participant (municipality_id, full_name, identity_number, birth_date, permit_category, permit_grant_date, arrival_date)
           VALUES ($1, 'X', '01019012345', '1990-01-01', 'REFUGEE', '2026-01-01', '2026-01-02')`,
          [id('4601')],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  test("a municipality user's case list, caseload summary and case read are router queries: each statement one task on one shard", async () => {
    const reads: { op: string; sql: string; params: unknown[]; settings: TenantSettings }[] = [];
    for (const [op, query, variables] of [
      ['case list', CASE_LIST, {}],
      ['caseload summary', SUMMARY, {}],
      ['case read', PARTICIPANT, { id: onCitus.ids[0] }],
    ] as const) {
      const observer = (sql: string, params: unknown[], settings: TenantSettings) => reads.push({ op, sql, params, settings });
      queryObservers.push(observer);
      try {
        await ok(citus, onCitus.tokens.bergen, query, variables);
      } finally {
        queryObservers.splice(queryObservers.indexOf(observer), 1);
      }
    }
    const selects = reads.filter((c) => /^\s*(SELECT|WITH)/i.test(c.sql) && /"?app"?\."?\w/.test(c.sql));
    expect(new Set(selects.map((q) => q.op))).toEqual(new Set(['case list', 'caseload summary', 'case read']));
    for (const q of selects) {
      const plan = await asApi(citus, q.settings, async (c) =>
        (await c.query({ text: `EXPLAIN (COSTS OFF) ${q.sql}`, values: q.params })).rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n'),
      );
      const tasks = [...plan.matchAll(/Task Count: (\d+)/g)].map((m) => Number(m[1]));
      // Reference-table-only reads (the municipality's name) are one task too; every statement names its tasks.
      expect({ op: q.op, sql: q.sql.slice(0, 160), tasks }).toEqual({ op: q.op, sql: q.sql.slice(0, 160), tasks: [1] });
    }
  });

  test("db:distribute's shard check finds a shard without forced row-level security", async () => {
    const owner = await citus.db.owner();
    expect(await verify(owner)).toEqual([]);
    await owner.query(`SELECT run_command_on_shards('app.programme', 'ALTER TABLE %s NO FORCE ROW LEVEL SECURITY')`);
    try {
      const problems = await verify(owner);
      expect(problems.length).toBe(2);
      for (const p of problems) expect(p).toMatch(/: 16 of its \d+ shards lack RLS/);
    } finally {
      await owner.query(`SELECT run_command_on_shards('app.programme', 'ALTER TABLE %s FORCE ROW LEVEL SECURITY')`);
    }
    expect(await verify(owner)).toEqual([]);
    // A shard policy that no longer requires the signed tenant context is found too.
    await owner.query(
      `SELECT run_command_on_shards('app.programme', 'ALTER POLICY programme_own_municipality ON %s USING (municipality_id = app.current_municipality_id())')`,
    );
    try {
      const problems = await verify(owner);
      expect(problems.length).toBe(2);
      for (const p of problems) expect(p).toMatch(/: 16 of its \d+ shards lack .*the signed-context check/);
    } finally {
      await owner.query(
        `SELECT run_command_on_shards('app.programme', 'ALTER POLICY programme_own_municipality ON %s USING ((municipality_id = app.current_municipality_id()) AND app.context_verified())')`,
      );
    }
    // Restored as Citus would make a placement anew (the check per row): found, and db:distribute mends it.
    const slow = await verify(owner);
    expect(slow.length).toBe(2);
    for (const p of slow) expect(p).toMatch(/: 16 of its \d+ shards check the signed context per row, not once per statement .*db:distribute again/);
    await distributeSchema(owner);
    expect(await verify(owner)).toEqual([]);
  });

  test("on the shards the signed-context check runs once per statement (an initplan), not per row, and reads its own node's copy of the key", async () => {
    const owner = await citus.db.owner();
    const { rows } = await owner.query(`SELECT id FROM app.municipality WHERE number = '0301'`);
    const oslo = Number(rows[0].id);
    const asOslo: TenantSettings = { role: 'MUNICIPALITY', org: '0301', actor: 'ola', municipalityId: oslo, municipalityIds: [oslo] };
    for (const table of ['participant', 'decision', 'appeal', 'career_guidance_referral']) {
      const plan = await asApi(citus, asOslo, async (c) =>
        (await c.query(`EXPLAIN (COSTS OFF) SELECT count(*) FROM app.${table} WHERE municipality_id = $1`, [oslo])).rows
          .map((r: Record<string, string>) => r['QUERY PLAN'])
          .join('\n'),
      );
      expect(plan).toMatch(/Task Count: 1/);
      expect(plan).toMatch(/InitPlan/);
      expect(plan).not.toMatch(/Filter:.*app\.context_verified\(\)/);
    }
    const { rows: fn } = await owner.query(`SELECT prosrc, proconfig FROM pg_proc WHERE oid = 'app.context_verified()'::regprocedure`);
    expect(fn[0].prosrc).toMatch(/FROM app_context\.key_\d+ k/);
    expect(fn[0].proconfig).toBeNull();
  });

  test('the change log written through the force-delegated append is one intact hash chain per municipality', async () => {
    const owner = await citus.db.owner();
    const report = await verifyAuditChains(owner);
    expect(report.broken).toBeNull();
    expect(report.municipalities).toBe(2);
    expect(report.rows).toBeGreaterThanOrEqual(8);
  });
  test('across shards: a transfer between two municipalities, a retried registration, the county list and the access log answer as on single-node PostgreSQL', async () => {
    const owner = await citus.db.owner();
    // Kinn and Stavanger are on different shards, so the transfer's transaction writes to both.
    const { rows: shards } = await owner.query(
      `SELECT number, get_shard_id_for_distribution_column('app.participant', id) AS shard FROM app.municipality WHERE number IN ('4602', '1103')`,
    );
    expect(new Set(shards.map((r) => String(r.shard))).size).toBe(2);
    const onCitusCross = await crossShardFlows(citus);
    const onPlainCross = await crossShardFlows(plain);
    expect(onCitusCross.answers).toMatchObject({
      moved: { status: 'TRANSFERRED', transferredTo: { number: '1103' } },
      accepted: {
        name: 'Mona Flytter',
        transferredFrom: { number: '4602' },
        competenceMapping: { status: 'COMPLETED' },
        programme: { state: 'PLANNED' },
        decisions: [{ type: 'PARTICIPATION', outcome: 'GRANTED' }],
      },
      sameCaseOnRetry: true,
      referrals: ['OPEN', 'OPEN'],
      countyList: { totalCount: 2 },
    });
    expect(onCitusCross.answers.kinnList.totalCount).toBe(2);
    expect(onCitusCross.answers).toEqual(onPlainCross.answers);
    // The receiver's copy is on Stavanger's shard, the sender's case stays on Kinn's, and each chain is intact.
    const { rows } = await owner.query(
      `SELECT m.number FROM app.participant p JOIN app.municipality m ON m.id = p.municipality_id WHERE p.id = ANY($1::uuid[]) ORDER BY m.number`,
      [[onCitusCross.ids.mover, onCitusCross.ids.accepted]],
    );
    expect(rows.map((r) => r.number)).toEqual(['1103', '4602']);
    const report = await verifyAuditChains(owner);
    expect(report.broken).toBeNull();
    expect(report.municipalities).toBe(4);
  });
});
