/**
 * The wall around appeals (R-9.8, issue "the wall"): Statsforvalteren i Vestland sees a Bergen appeal only once
 * it is forwarded, never an appeal of Rogaland (Stavanger), never the participant's other decisions or case
 * file, and never an identity number — at GraphQL level (an appeal it may not see answers exactly like a
 * random id) and at SQL level, as the API's own login with a Statsforvalter's settings.
 */
import { getNamedType, GraphQLObjectType, isObjectType } from 'graphql';
import { DataSource } from 'typeorm';
import { todayInOslo } from '../../src/domain/calendar';
import { buildAppSchema } from '../../src/graphql/schema';
import { startTestApp, TestApp } from '../support/app';
import { participantInput, REGISTER, planInput } from '../support/fixtures';
import { setSignedContext } from '../support/context';

let t: TestApp;
let api: DataSource;
const today = todayInOslo();
const RANDOM = '00000000-0000-4000-8000-000000000000';

let bergen: string;
let stavanger: string;
let vestland: string;
let rogaland: string;
let county: string;

/** Bergen: P1 with a forwarded appeal of D1, another decision D2 and a plan; P2 with an appeal under review. Stavanger: S forwarded to Rogaland. */
const w = {} as {
  p1: string;
  p1Fnr: string;
  d1: string;
  d2: string;
  d2Reasons: string;
  forwarded: string;
  forwardedVersion: number;
  p2: string;
  d3: string;
  unforwarded: string;
  unforwardedVersion: number;
  s: string;
  sDecision: string;
  sParticipant: string;
  sVersion: number;
};

type Vars = Record<string, unknown>;

async function ok(tok: string, query: string, variables: Vars = {}) {
  const res = await t.gql(tok, query, variables);
  expect(res.body.errors).toBeUndefined();
  return res.body.data;
}

const MAKE = `mutation($id: UUID!, $input: DecisionInput!) { makeDecision(participantId: $id, input: $input) { decisions { id reasons } } }`;
const PLAN = `mutation($id: UUID!, $input: IntegrationPlanInput!) { saveIntegrationPlan(participantId: $id, input: $input) { id } }`;
const REGISTER_APPEAL = `mutation($input: RegisterAppealInput!) { registerAppeal(input: $input) { id version } }`;
const START = `mutation($a: UUID!, $v: Int!) { startAppealReview(appealId: $a, expectedVersion: $v) { id version } }`;
const FORWARD = `mutation($a: UUID!, $v: Int!) { forwardAppeal(appealId: $a, expectedVersion: $v, statement: "Upheld.", copiedToParticipantAt: "${today}") { id version } }`;
const SF_APPEAL = `query($id: UUID!) { appeal(id: $id) { id state decision { id reasons } participant { name birthDate municipality { number } } planVersions { versionNo } history { event } } }`;
const SF_LIST = `query { appeals(first: 100) { totalCount edges { node { id municipality { number } } } } }`;
const SF_DECIDE = `mutation($a: UUID!, $v: Int!) { decideAppeal(appealId: $a, expectedVersion: $v, input: { outcome: UPHELD, reasons: "x", decidedAt: "${today}", toDetriment: false }) { id } }`;

const refusal = (reasons = 'Refused.') => ({ type: 'PARTICIPATION', outcome: 'REFUSED', reasons, decidedAt: '2026-10-05', notifiedAt: '2026-10-06' });
const appealOf = (decisionId: string) => ({ decisionId, receivedAt: '2026-10-20', sentAt: '2026-10-19', grounds: 'Wrong.', changeWanted: 'Grant it.' });
const plan = planInput({
  longTermGoal: 'Work as a health worker',
  elements: [
    { kind: 'NORWEGIAN', description: 'Norwegian training', hoursPerWeek: 10 },
    { kind: 'SOCIAL_STUDIES', description: 'Social studies', hoursPerWeek: 2 },
    { kind: 'LIFE_SKILLS', description: 'Life-skills course', hoursPerWeek: 1 },
    { kind: 'EDUCATION', description: 'Upper-secondary, health and care', hoursPerWeek: 20, isMain: true },
  ],
  elementReasons: 'Health and care builds on the participant’s wish to work in care.',
  contractSignedAt: '2026-10-01',
});

async function participantWithDecision(tok: string, reasons: string, over: Vars = {}) {
  const input = participantInput(over);
  const { registerParticipant } = await ok(tok, REGISTER, { input });
  const { makeDecision } = await ok(tok, MAKE, { id: registerParticipant.id, input: refusal(reasons) });
  return { id: registerParticipant.id as string, fnr: input.identityNumber as string, decisionId: makeDecision.decisions[0].id as string };
}

async function forward(tok: string, decisionId: string) {
  const a = (await ok(tok, REGISTER_APPEAL, { input: appealOf(decisionId) })).registerAppeal;
  const r = (await ok(tok, START, { a: a.id, v: a.version })).startAppealReview;
  return (await ok(tok, FORWARD, { a: a.id, v: r.version })).forwardAppeal as { id: string; version: number };
}

beforeAll(async () => {
  t = await startTestApp();
  api = t.api;
  bergen = await t.token('MUNICIPALITY', '4601');
  stavanger = await t.token('MUNICIPALITY', '1103');
  vestland = await t.token('STATSFORVALTER', 'vestland');
  rogaland = await t.token('STATSFORVALTER', 'rogaland');
  county = await t.token('COUNTY', '46');

  const p1 = await participantWithDecision(bergen, 'The appealed refusal.');
  await ok(bergen, PLAN, { id: p1.id, input: plan });
  const { makeDecision } = await ok(bergen, MAKE, {
    id: p1.id,
    input: { type: 'BENEFIT', outcome: 'REFUSED', reasons: 'Another decision, not appealed.', decidedAt: '2026-10-07', benefit: { periodFrom: '2026-10-01' } },
  });
  const d2 = makeDecision.decisions.find((d: { id: string }) => d.id !== p1.decisionId);
  const f = await forward(bergen, p1.decisionId);
  Object.assign(w, { p1: p1.id, p1Fnr: p1.fnr, d1: p1.decisionId, d2: d2.id, d2Reasons: d2.reasons, forwarded: f.id, forwardedVersion: f.version });

  const p2 = await participantWithDecision(bergen, 'An appeal still under review.');
  const u = (await ok(bergen, REGISTER_APPEAL, { input: appealOf(p2.decisionId) })).registerAppeal;
  const ur = (await ok(bergen, START, { a: u.id, v: u.version })).startAppealReview;
  Object.assign(w, { p2: p2.id, d3: p2.decisionId, unforwarded: u.id, unforwardedVersion: ur.version });

  const s = await participantWithDecision(stavanger, 'A Stavanger refusal.');
  const sf = await forward(stavanger, s.decisionId);
  Object.assign(w, { s: sf.id, sVersion: sf.version, sDecision: s.decisionId, sParticipant: s.id });
});
afterAll(() => t?.close());

describe('GraphQL: Statsforvalteren i Vestland', () => {
  test('sees the forwarded Bergen appeal, with only the appealed decision and no identity number', async () => {
    const res = await t.gql(vestland, SF_APPEAL, { id: w.forwarded });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.appeal).toMatchObject({
      id: w.forwarded,
      state: 'FORWARDED',
      decision: { id: w.d1 },
      participant: { municipality: { number: '4601' } },
      planVersions: [{ versionNo: 1 }],
    });
    expect(res.text).not.toContain(w.p1Fnr);
    expect(res.text).not.toContain(w.d2);
    expect(res.text).not.toContain(w.d2Reasons);
  });

  test('a Rogaland appeal, an unforwarded Bergen appeal and a random id answer exactly alike', async () => {
    const answers = await Promise.all([RANDOM, w.s, w.unforwarded].map((id) => t.gql(vestland, SF_APPEAL, { id })));
    const shape = (r: (typeof answers)[number]) => ({
      status: r.status,
      data: r.body.data,
      errors: r.body.errors.map((e: { message: string; extensions: unknown }) => ({ message: e.message, extensions: e.extensions })),
    });
    expect(shape(answers[0]).errors[0].extensions).toEqual({ code: 'NOT_FOUND' });
    expect(shape(answers[1])).toEqual(shape(answers[0]));
    expect(shape(answers[2])).toEqual(shape(answers[0]));
  });

  test('deciding them answers exactly like a random id, and changes nothing', async () => {
    const answers = await Promise.all(
      [
        [RANDOM, 1],
        [w.s, w.sVersion],
        [w.unforwarded, w.unforwardedVersion],
      ].map(([a, v]) => t.gql(vestland, SF_DECIDE, { a, v })),
    );
    for (const r of answers) {
      expect(r.body.data).toEqual({ decideAppeal: null });
      expect(r.body.errors.map((e: { message: string; extensions: unknown }) => [e.message, e.extensions])).toEqual([
        ['Appeal not found', { code: 'NOT_FOUND' }],
      ]);
    }
    const owner = await t.db.owner();
    const rows = await owner.query(`SELECT id, state, version FROM app.appeal WHERE id = ANY($1) ORDER BY id`, [[w.s, w.unforwarded]]);
    expect(rows.rows.map((r: { state: string }) => r.state).sort()).toEqual(['FORWARDED', 'UNDER_REVIEW']);
  });

  test('the list holds the forwarded appeals of the area only', async () => {
    const ids = (await ok(vestland, SF_LIST)).appeals.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(ids).toContain(w.forwarded);
    expect(ids).not.toContain(w.s);
    expect(ids).not.toContain(w.unforwarded);
    const theirs = (await ok(rogaland, SF_LIST)).appeals.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(theirs).toEqual([w.s]);
  });

  test('the municipality, county and Statsforvalter operations are closed to the other roles', async () => {
    const forbidden = async (tok: string, query: string, variables: Vars = {}) => {
      const res = await t.gql(tok, query, variables);
      expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    };
    await forbidden(bergen, SF_LIST);
    await forbidden(bergen, SF_APPEAL, { id: w.forwarded });
    await forbidden(county, SF_APPEAL, { id: w.forwarded });
    await forbidden(vestland, REGISTER_APPEAL, { input: appealOf(w.d1) });
    await forbidden(vestland, START, { a: w.unforwarded, v: w.unforwardedVersion });
    await forbidden(vestland, `query($id: UUID!) { participant(id: $id) { id } }`, { id: w.p1 });
  });

  test("another municipality's appeal answers like a random id", async () => {
    const random = await t.gql(stavanger, START, { a: RANDOM, v: 1 });
    const bergens = await t.gql(stavanger, START, { a: w.unforwarded, v: w.unforwardedVersion });
    expect(bergens.body).toEqual(random.body);
    expect(random.body.errors[0].extensions.code).toBe('NOT_FOUND');
  });
});

/** Every type a Statsforvalter operation can reach, by walking the schema from its root fields. */
function reachableTypes(roots: { type: GraphQLObjectType; field: string }[]): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const visit = (t: GraphQLObjectType) => {
    if (seen.has(t.name)) return;
    const fields = t.getFields();
    seen.set(t.name, Object.keys(fields).sort());
    for (const f of Object.values(fields)) {
      const named = getNamedType(f.type);
      if (isObjectType(named)) visit(named);
    }
  };
  for (const r of roots) visit(getNamedType(r.type.getFields()[r.field].type) as GraphQLObjectType);
  return seen;
}

test("the types Statsforvalteren can reach expose no identity number and none of the case file's other parts", () => {
  const schema = buildAppSchema();
  const types = reachableTypes([
    { type: schema.getQueryType()!, field: 'appeals' },
    { type: schema.getQueryType()!, field: 'appeal' },
    { type: schema.getMutationType()!, field: 'decideAppeal' },
  ]);
  for (const [name, fields] of types) {
    expect({ name, identity: fields.filter((f) => /identity|fnr|ssn/i.test(f)) }).toEqual({ name, identity: [] });
  }
  for (const forbidden of ['Participant', 'Decision', 'Appeal', 'Programme', 'Absence', 'CompetenceMapping', 'IntegrationPlan', 'ParticipationCertificate']) {
    expect({ forbidden, reachable: types.has(forbidden) }).toEqual({ forbidden, reachable: false });
  }
  expect(types.get('AppealParticipant')).toEqual(['birthDate', 'municipality', 'name']);
});

type Q = (sql: string, p?: unknown[]) => Promise<Record<string, unknown>[]>;

/** As the API login, with the settings the server sets for a caller: role, org and reachable municipalities. */
async function as<T>(settings: { role: string; org: string; municipalityId: number | null; municipalityIds: number[] }, fn: (q: Q) => Promise<T>): Promise<T> {
  const runner = api.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  try {
    await setSignedContext((sql, p) => runner.query(sql, p), { ...settings, actor: 'sql-test' });
    return await fn(async (sql, p) => {
      const r = await runner.query(sql, p, true);
      return (r.records ?? []) as Record<string, unknown>[];
    });
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }
}

function asStatsforvalter<T>(org: string, fn: (q: Q) => Promise<T>): Promise<T> {
  return as(
    { role: 'STATSFORVALTER', org, municipalityId: null, municipalityIds: t.directory.reachableMunicipalities('STATSFORVALTER', org)!.map((m) => m.id) },
    fn,
  );
}

function asMunicipality<T>(number: string, fn: (q: Q) => Promise<T>): Promise<T> {
  const id = t.directory.municipalityByNumber(number)!.id;
  return as({ role: 'MUNICIPALITY', org: number, municipalityId: id, municipalityIds: [id] }, fn);
}

const ids = (rows: Record<string, unknown>[]) => rows.map((r) => r.id as string).sort();

describe('SQL: the API login as Statsforvalteren i Vestland', () => {
  test('reads exactly the forwarded appeal, its decision, its participant, their plan and the history', async () => {
    await asStatsforvalter('vestland', async (q) => {
      expect(ids(await q(`SELECT id FROM app.appeal`))).toEqual([w.forwarded]);
      expect(ids(await q(`SELECT id FROM app.decision`))).toEqual([w.d1]);
      expect(ids(await q(`SELECT id FROM app.participant`))).toEqual([w.p1]);
      expect((await q(`SELECT DISTINCT participant_id FROM app.plan_version`)).map((r) => r.participant_id)).toEqual([w.p1]);
      const events = await q(`SELECT DISTINCT appeal_id FROM app.appeal_event`);
      expect(events.map((r) => r.appeal_id)).toEqual([w.forwarded]);
      // Asking by id for what it may not see finds nothing.
      expect(await q(`SELECT id FROM app.appeal WHERE id = ANY($1)`, [[w.s, w.unforwarded]])).toEqual([]);
      expect(await q(`SELECT id FROM app.decision WHERE id = ANY($1)`, [[w.d2, w.d3, w.sDecision]])).toEqual([]);
      expect(await q(`SELECT id FROM app.participant WHERE id = ANY($1)`, [[w.p2, w.sParticipant]])).toEqual([]);
      // Nothing else of any case file.
      for (const table of ['competence_mapping', 'programme', 'absence', 'certificate', 'idempotency_key']) {
        expect({ table, rows: (await q(`SELECT count(*)::int AS n FROM app.${table}`))[0].n }).toEqual({ table, rows: 0 });
      }
    });
    // The change log: no one reads it through the API login (it is appended through app.audit_append only).
    await expect(asStatsforvalter('vestland', (q) => q(`SELECT count(*)::int AS n FROM app.audit_event`))).rejects.toThrow(/permission denied/);
  });

  test('cannot change what it may not see, nor move, rewrite or create appeals', async () => {
    await asStatsforvalter('vestland', async (q) => {
      expect(
        await q(
          `UPDATE app.appeal SET outcome = 'UPHELD', state = 'DECIDED_BY_STATSFORVALTER', outcome_decided_at = current_date WHERE id = ANY($1) RETURNING id`,
          [[w.s, w.unforwarded]],
        ),
      ).toEqual([]);
      expect(await q(`UPDATE app.decision SET reasons = 'x' RETURNING id`)).toEqual([]);
      expect(await q(`UPDATE app.participant SET full_name = 'x' RETURNING id`)).toEqual([]);
    });
    await expect(asStatsforvalter('vestland', (q) => q(`UPDATE app.appeal SET statsforvalter_id = 'rogaland' WHERE id = $1`, [w.forwarded]))).rejects.toThrow(
      /row-level security|may only record its decision/,
    );
    await expect(asStatsforvalter('vestland', (q) => q(`UPDATE app.appeal SET grounds = 'x' WHERE id = $1`, [w.forwarded]))).rejects.toThrow(
      /may only record its decision/,
    );
    await expect(
      asStatsforvalter('vestland', (q) =>
        q(`INSERT INTO app.appeal (municipality_id, decision_id, participant_id, received_at, sent_at, grounds, change_wanted, deadline, deadline_basis, filed_in_time, late_appeal_last_day, created_by_sub)
           SELECT municipality_id, id, participant_id, current_date, current_date, 'x', 'x', current_date, 'NOTICE', true, current_date, 'x' FROM app.decision`),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(asStatsforvalter('vestland', (q) => q(`DELETE FROM app.appeal`))).rejects.toThrow(/permission denied/);
    await expect(asStatsforvalter('vestland', (q) => q(`UPDATE app.appeal_event SET note = 'x'`))).rejects.toThrow(/permission denied/);
  });

  test('may record its decision on the forwarded appeal, and write its history only in its own name', async () => {
    await asStatsforvalter('vestland', async (q) => {
      const decided = await q(
        `UPDATE app.appeal SET state = 'DECIDED_BY_STATSFORVALTER', outcome = 'UPHELD', outcome_decided_at = current_date, version = version + 1 WHERE id = $1 RETURNING id`,
        [w.forwarded],
      );
      expect(ids(decided)).toEqual([w.forwarded]);
    });
    const municipalityId = t.directory.municipalityByNumber('4601')!.id;
    const event = (appealId: string, role: string, org: string) =>
      asStatsforvalter('vestland', (q) =>
        q(
          `INSERT INTO app.appeal_event (municipality_id, appeal_id, actor_sub, actor_name, actor_role, actor_org, event) VALUES ($1, $2, 'x', 'x', $3, $4, 'STATSFORVALTER_DECIDE') RETURNING id`,
          [municipalityId, appealId, role, org],
        ),
      );
    expect(await event(w.forwarded, 'STATSFORVALTER', 'vestland')).toHaveLength(1);
    await expect(event(w.forwarded, 'MUNICIPALITY', '4601')).rejects.toThrow(/row-level security/);
    await expect(event(w.unforwarded, 'STATSFORVALTER', 'vestland')).rejects.toThrow(/row-level security/);
  });

  test('the same settings with another role or another office see nothing of it', async () => {
    const vestlandIds = t.directory.reachableMunicipalities('STATSFORVALTER', 'vestland')!.map((m) => m.id);
    const count = (settings: Parameters<typeof as>[0]) =>
      as(settings, async (q) => ({
        appeals: (await q(`SELECT count(*)::int AS n FROM app.appeal`))[0].n,
        decisions: (await q(`SELECT count(*)::int AS n FROM app.decision`))[0].n,
        participants: (await q(`SELECT count(*)::int AS n FROM app.participant`))[0].n,
        events: (await q(`SELECT count(*)::int AS n FROM app.appeal_event`))[0].n,
      }));
    const none = { appeals: 0, decisions: 0, participants: 0, events: 0 };
    expect(await count({ role: 'COUNTY', org: 'vestland', municipalityId: null, municipalityIds: vestlandIds })).toEqual(none);
    expect(await count({ role: 'COUNTY', org: '46', municipalityId: null, municipalityIds: vestlandIds })).toEqual(none);
    expect(await count({ role: 'STATSFORVALTER', org: 'rogaland', municipalityId: null, municipalityIds: vestlandIds })).toEqual(none);
  });
});

describe('SQL: Statsforvalteren i Rogaland and the municipalities', () => {
  test('Rogaland reads its Stavanger appeal only', async () => {
    await asStatsforvalter('rogaland', async (q) => {
      expect(ids(await q(`SELECT id FROM app.appeal`))).toEqual([w.s]);
      expect(ids(await q(`SELECT id FROM app.decision`))).toEqual([w.sDecision]);
      expect(ids(await q(`SELECT id FROM app.participant`))).toEqual([w.sParticipant]);
    });
  });

  test("a municipality reads its own appeals and their history only, and cannot write Statsforvalteren's decision", async () => {
    await asMunicipality('1103', async (q) => {
      expect(ids(await q(`SELECT id FROM app.appeal`))).toEqual([w.s]);
      expect((await q(`SELECT DISTINCT appeal_id FROM app.appeal_event`)).map((r) => r.appeal_id)).toEqual([w.s]);
      expect(await q(`UPDATE app.appeal SET grounds = 'x' WHERE id = $1 RETURNING id`, [w.forwarded])).toEqual([]);
    });
    await asMunicipality('4601', async (q) => {
      expect(ids(await q(`SELECT id FROM app.appeal`))).toEqual([w.forwarded, w.unforwarded].sort());
    });
    await expect(asMunicipality('4601', (q) => q(`UPDATE app.appeal SET outcome = 'CHANGED' WHERE id = $1`, [w.forwarded]))).rejects.toThrow(
      /Only Statsforvalteren/,
    );
    await expect(
      asMunicipality('4601', (q) =>
        q(`UPDATE app.appeal SET state = 'DECIDED_BY_STATSFORVALTER', outcome_decided_at = current_date WHERE id = $1`, [w.forwarded]),
      ),
    ).rejects.toThrow(/Only Statsforvalteren/);
  });
});

describe('access log of Statsforvalter reads', () => {
  test("the Statsforvalter's reads of an appellant are in the municipality's access log", async () => {
    const owner = await t.db.owner();
    const { rows } = await owner.query(`SELECT DISTINCT actor_role, purpose FROM app.access_log WHERE actor_role = 'STATSFORVALTER'`);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r: { purpose: string }) => r.purpose)).toEqual(expect.arrayContaining([expect.stringMatching(/^APPEAL/)]));
  });

  test("reading an appeal's grounds and the decision's reasons is logged, also without the participant's name", async () => {
    const sf = await t.token('STATSFORVALTER', 'vestland', 'sf-reader-2');
    const res = await t.gql(sf, '{ appeals(first: 5) { edges { node { grounds decision { reasons } } } } }');
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.appeals.edges.length).toBeGreaterThan(0);
    const owner = await t.db.owner();
    const { rows } = await owner.query(`SELECT fields FROM app.access_log WHERE actor_sub = 'sf-reader-2' AND purpose = 'APPEAL_LIST'`);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0].fields).toEqual(expect.arrayContaining(['ForwardedAppeal.grounds', 'AppealedDecision.reasons']));
  });
});
