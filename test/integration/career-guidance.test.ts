/**
 * Career guidance over HTTP: mapping → referral → the county's work list → start → submit → the
 * municipality reads the recommendation → the plan built on it; the warnings; and the county's narrow
 * window proven at the GraphQL level, in the schema the county can reach, and in SQL as the API's
 * own login with a county's settings.
 */
import { getNamedType, GraphQLObjectType, GraphQLSchema, isObjectType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { addDays, todayInOslo } from '../../src/domain/calendar';
import { LAW } from '../../src/domain/law-references';
import { buildAppSchema } from '../../src/graphql/schema';
import { startTestApp, TestApp } from '../support/app';
import { participantInput, REGISTER, planInput } from '../support/fixtures';
import { setSignedContext } from '../support/context';

let t: TestApp;
const tok: Record<string, string> = {};
const today = todayInOslo();
const RANDOM_ID = '7d1f8a52-3c4b-4e5f-9a6b-0c1d2e3f4a5b';

beforeAll(async () => {
  t = await startTestApp();
  tok.bergen = await t.token('MUNICIPALITY', '4601', 'kari', 'Kari Saksbehandler');
  tok.kinn = await t.token('MUNICIPALITY', '4602', 'ola', 'Ola Kinn');
  tok.stavanger = await t.token('MUNICIPALITY', '1103', 'siv', 'Siv Stavanger');
  tok.oslo = await t.token('MUNICIPALITY', '0301', 'omar', 'Omar Oslo');
  tok.vestland = await t.token('COUNTY', '46', 'vera', 'Vera Veileder');
  tok.rogaland = await t.token('COUNTY', '11', 'rolf', 'Rolf Rogaland');
  tok.osloCounty = await t.token('COUNTY', '03', 'oda', 'Oda Oslo Karriere');
  tok.akershus = await t.token('COUNTY', '32', 'aksel', 'Aksel Akershus');
});
afterAll(() => t?.close());

// ------------------------------------------------------------------ operations

const MAP = `mutation($id: UUID!, $input: CompetenceMappingInput!) { recordCompetenceMapping(participantId: $id, input: $input) { id } }`;
const DECIDE = `mutation($id: UUID!, $input: DecisionInput!) { makeDecision(participantId: $id, input: $input) { id } }`;
const PLAN = `mutation($id: UUID!, $input: IntegrationPlanInput!) { saveIntegrationPlan(participantId: $id, input: $input) { integrationPlan { current { id versionNo endGoal } } } }`;
const REFERRAL_FIELDS = `id participantId version state county { number name } note referredAt referredBy startedAt submittedAt withdrawnAt adviser daysOpen openMoreThan14Days
  guidance { heldAt adviser summary recommendationKind recommendedEndGoal reducedGoalReason suggestedElements submittedAt }
  guidanceAfterParticipationDecision usedByPlanVersions`;
const REFER = `mutation($participantId: UUID!, $note: String!, $key: String) {
  referToCareerGuidance(participantId: $participantId, note: $note, idempotencyKey: $key) { ${REFERRAL_FIELDS} } }`;
const WITHDRAW = `mutation($id: UUID!, $v: Int!) { withdrawCareerGuidanceReferral(referralId: $id, expectedVersion: $v) { ${REFERRAL_FIELDS} } }`;
const LINK = `mutation($pv: UUID!, $r: UUID!) { linkPlanToGuidance(planVersionId: $pv, referralId: $r) { id usedByPlanVersions } }`;
const CASE_GUIDANCE = `query($id: UUID!) { participant(id: $id) { id careerGuidance { ${REFERRAL_FIELDS} } } }`;

const COUNTY_FIELDS = `id version state note referredAt referredBy programmeDecisionDeadline daysToProgrammeDecisionDeadline startedAt submittedAt adviser daysOpen openMoreThan14Days
  municipality { number name }
  participant { name birthYear languages languageSkills education countsAsUpperSecondary workExperience otherCompetence mappingCompletedAt allowedEndGoals }
  guidance { heldAt adviser summary recommendationKind recommendedEndGoal suggestedElements submittedAt }`;
const LIST = `query($first: Int!, $after: String, $filter: CareerGuidanceFilter) {
  careerGuidanceReferrals(first: $first, after: $after, filter: $filter) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${COUNTY_FIELDS} } } } }`;
const ONE = `query($id: UUID!) { careerGuidanceReferral(id: $id) { ${COUNTY_FIELDS} } }`;
const START = `mutation($id: UUID!, $v: Int!) { startCareerGuidance(referralId: $id, expectedVersion: $v) { ${COUNTY_FIELDS} } }`;
const SUBMIT = `mutation($id: UUID!, $input: SubmitCareerGuidanceInput!) { submitCareerGuidance(referralId: $id, input: $input) { ${COUNTY_FIELDS} } }`;

// ------------------------------------------------------------------ helpers

async function ok(token: string, query: string, variables: Record<string, unknown> = {}) {
  const res = await t.gql(token, query, variables);
  expect(res.body.errors).toBeUndefined();
  return res.body.data;
}

async function fails(token: string, query: string, variables: Record<string, unknown> = {}) {
  const res = await t.gql(token, query, variables);
  expect(res.body.errors?.length).toBeGreaterThan(0);
  return res.body.errors[0] as { message: string; extensions: Record<string, unknown> };
}

/** What a client can tell from an error: its message and extensions (not where in the query it happened). */
function answer(e: { message: string; extensions: Record<string, unknown> }) {
  return { message: e.message, extensions: e.extensions };
}

const mapping = {
  languageSkills: 'Somali (native), English B2, Norwegian A2',
  education: 'Two years of secondary school in Mogadishu',
  countsAsUpperSecondary: false,
  workExperience: 'Tailor, 5 years; shop assistant, 2 years',
  otherCompetence: 'Driving licence',
  complete: true,
};

/** A participant settled 60 days ago (start deadline in a month), dates relative to today. */
async function register(token: string, over: Record<string, unknown> = {}): Promise<{ id: string; startDeadline: string | null }> {
  const input = participantInput({
    permitGrantDate: addDays(today, -150),
    arrivalDate: addDays(today, -140),
    settlementDate: addDays(today, -60),
    ...over,
  });
  const { registerParticipant } = await ok(token, REGISTER, { input });
  return registerParticipant;
}

async function mappedParticipant(token: string, over: Record<string, unknown> = {}) {
  const p = await register(token, over);
  await ok(token, MAP, { id: p.id, input: mapping });
  return p;
}

async function refer(token: string, participantId: string, note = 'Please advise on education or work.') {
  return (await ok(token, REFER, { participantId, note })).referToCareerGuidance;
}

const plan = (over: Record<string, unknown> = {}) =>
  planInput({
    longTermGoal: 'Work as a skilled tailor in the fashion industry',
    elements: [
      { kind: 'NORWEGIAN', description: 'Norwegian training', hoursPerWeek: 10 },
      { kind: 'SOCIAL_STUDIES', description: 'Social studies', hoursPerWeek: 2 },
      { kind: 'LIFE_SKILLS', description: 'Life-skills course', hoursPerWeek: 1 },
      { kind: 'EDUCATION', description: 'Upper-secondary, design and crafts', hoursPerWeek: 20, isMain: true },
    ],
    elementReasons: 'Design and crafts builds on five years as a tailor, as the career guidance recommended.',
    contractSignedAt: today,
    ...over,
  });

const guidance = (expectedVersion: number, over: Record<string, unknown> = {}) => ({
  heldAt: today,
  adviser: 'Vera Veileder',
  summary: 'Strong practical skills; motivated for a craft certificate. Needs Norwegian B1 first.',
  recommendationKind: 'EDUCATION',
  recommendedEndGoal: 'UPPER_SECONDARY_COMPLETE',
  suggestedElements: ['Upper-secondary design and crafts', 'Work practice at a tailor'],
  expectedVersion,
  ...over,
});

async function listAll(token: string, filter: Record<string, unknown> | null = null, first = 100) {
  const nodes: Record<string, any>[] = [];
  let after: string | null = null;
  let totalCount = -1;
  for (let i = 0; i < 50; i++) {
    const { careerGuidanceReferrals: c } = await ok(token, LIST, { first, after, filter });
    totalCount = c.totalCount;
    nodes.push(...c.edges.map((e: { node: Record<string, unknown> }) => e.node));
    if (!c.pageInfo.hasNextPage) break;
    after = c.pageInfo.endCursor;
  }
  return { nodes, totalCount };
}

// ------------------------------------------------------------------ the whole flow

test('the whole flow: mapping → referral → county list → start → submit → the municipality reads it → the plan built on it', async () => {
  const p = await register(tok.bergen, { name: 'Amina Yusuf', birthDate: '1990-05-17', languages: ['so', 'en'] });

  // no guidance without the completed mapping; nothing is created.
  const early = await fails(tok.bergen, REFER, { participantId: p.id, note: 'x' });
  expect(early.extensions).toMatchObject({ code: 'RULE_VIOLATION', ruleId: 'R-3.2', lawReference: LAW['R-3.2'] });
  expect(early.extensions.lawReference).toMatch(/§ 11/);
  expect(early.message).toMatch(/§ 11/);
  await ok(tok.bergen, MAP, { id: p.id, input: { ...mapping, complete: false } });
  expect((await fails(tok.bergen, REFER, { participantId: p.id, note: 'x' })).extensions.ruleId).toBe('R-3.2');
  const owner = await t.db.owner();
  expect((await owner.query(`SELECT count(*)::int AS n FROM app.career_guidance_referral WHERE participant_id = $1`, [p.id])).rows[0].n).toBe(0);
  await ok(tok.bergen, MAP, { id: p.id, input: { ...mapping, expectedVersion: 1 } });

  // The participation decision came first (yesterday): allowed, flagged on the municipality's view.
  await ok(tok.bergen, DECIDE, {
    id: p.id,
    input: { type: 'PARTICIPATION', outcome: 'GRANTED', reasons: 'Refugee settled by agreement.', decidedAt: addDays(today, -1) },
  });

  // The referral goes to the county of the municipality; a retry with the same key creates nothing new.
  const vars = { participantId: p.id, note: 'Education or work? She has five years as a tailor.', key: 'refer-amina-0001' };
  const { referToCareerGuidance: referral } = await ok(tok.bergen, REFER, vars);
  expect(referral).toMatchObject({
    participantId: p.id,
    version: 1,
    state: 'OPEN',
    county: { number: '46', name: 'Vestland' },
    referredAt: today,
    referredBy: 'Kari Saksbehandler',
    daysOpen: 0,
    openMoreThan14Days: false,
    guidance: null,
    guidanceAfterParticipationDecision: false,
    usedByPlanVersions: [],
  });
  expect((await ok(tok.bergen, REFER, vars)).referToCareerGuidance.id).toBe(referral.id);
  // One running referral per participant.
  expect((await fails(tok.bergen, REFER, { participantId: p.id, note: 'again' })).extensions.code).toBe('CONFLICT');

  // The county's work list: who, from where, what the mapping says, and the deadline to prioritise by.
  const { nodes } = await listAll(tok.vestland);
  const node = nodes.find((n) => n.id === referral.id)!;
  expect(node).toMatchObject({
    state: 'OPEN',
    version: 1,
    note: vars.note,
    referredAt: today,
    referredBy: 'Kari Saksbehandler',
    openMoreThan14Days: false,
    daysOpen: 0,
    municipality: { number: '4601', name: 'Bergen' },
    participant: {
      name: 'Amina Yusuf',
      birthYear: 1990,
      languages: ['so', 'en'],
      languageSkills: mapping.languageSkills,
      education: mapping.education,
      countsAsUpperSecondary: false,
      workExperience: mapping.workExperience,
      otherCompetence: mapping.otherCompetence,
      mappingCompletedAt: today,
    },
    programmeDecisionDeadline: p.startDeadline,
    guidance: null,
  });
  expect(node.participant.allowedEndGoals).toEqual(['UPPER_SECONDARY_COMPLETE', 'UPPER_SECONDARY_PARTIAL', 'VOCATIONAL_CERTIFICATE', 'WORK_QUALIFYING']);
  expect((await ok(tok.vestland, ONE, { id: referral.id })).careerGuidanceReferral.participant.name).toBe('Amina Yusuf');

  // Start: a stale version is a conflict, not a silent overwrite; submitting before starting is refused.
  expect((await fails(tok.vestland, START, { id: referral.id, v: 2 })).extensions.code).toBe('CONFLICT');
  expect((await fails(tok.vestland, SUBMIT, { id: referral.id, input: guidance(1) })).extensions.ruleId).toBe('R-3.3');
  const { startCareerGuidance: started } = await ok(tok.vestland, START, { id: referral.id, v: 1 });
  expect(started).toMatchObject({ state: 'IN_PROGRESS', version: 2, startedAt: today, adviser: 'Vera Veileder' });
  // The municipality can no longer withdraw it.
  expect((await fails(tok.bergen, WITHDRAW, { id: referral.id, v: 2 })).extensions.code).toBe('RULE_VIOLATION');

  // The recommendation is work or education within §§ 13–14, for this participant.
  const kind = await fails(tok.vestland, SUBMIT, { id: referral.id, input: guidance(2, { recommendationKind: 'WORK' }) });
  expect(kind.extensions).toMatchObject({ code: 'RULE_VIOLATION', ruleId: 'R-3.3', lawReference: LAW['R-3.3'] });
  const s13 = await fails(tok.vestland, SUBMIT, { id: referral.id, input: guidance(2, { recommendationKind: 'WORK', recommendedEndGoal: 'WORK' }) });
  expect(s13.extensions).toMatchObject({ code: 'RULE_VIOLATION', ruleId: 'R-5.2' });
  expect((await fails(tok.vestland, SUBMIT, { id: referral.id, input: guidance(2, { heldAt: addDays(today, 1) }) })).extensions.code).toBe('BAD_USER_INPUT');
  expect((await fails(tok.vestland, SUBMIT, { id: referral.id, input: guidance(2, { heldAt: addDays(today, -1) }) })).extensions.code).toBe('BAD_USER_INPUT');
  expect((await fails(tok.vestland, SUBMIT, { id: referral.id, input: guidance(1) })).extensions.code).toBe('CONFLICT');

  const { submitCareerGuidance: submitted } = await ok(tok.vestland, SUBMIT, { id: referral.id, input: guidance(2) });
  expect(submitted).toMatchObject({
    state: 'COMPLETED',
    version: 3,
    submittedAt: today,
    daysOpen: 0,
    guidance: { heldAt: today, adviser: 'Vera Veileder', recommendationKind: 'EDUCATION', recommendedEndGoal: 'UPPER_SECONDARY_COMPLETE', submittedAt: today },
  });
  // Completed guidance is final.
  expect((await fails(tok.vestland, SUBMIT, { id: referral.id, input: guidance(3) })).extensions.code).toBe('RULE_VIOLATION');

  // The municipality sees the recommendation in the case file, flagged: the decision came first.
  let c = (await ok(tok.bergen, CASE_GUIDANCE, { id: p.id })).participant;
  expect(c.careerGuidance).toHaveLength(1);
  expect(c.careerGuidance[0]).toMatchObject({
    id: referral.id,
    state: 'COMPLETED',
    adviser: 'Vera Veileder',
    guidanceAfterParticipationDecision: true,
    usedByPlanVersions: [],
    guidance: {
      recommendationKind: 'EDUCATION',
      recommendedEndGoal: 'UPPER_SECONDARY_COMPLETE',
      reducedGoalReason: null,
      summary: guidance(2).summary,
      suggestedElements: ['Upper-secondary design and crafts', 'Work practice at a tailor'],
    },
  });

  // The plan is made with the recommended end goal and records which guidance it built on.
  const recommended = c.careerGuidance[0].guidance.recommendedEndGoal;
  const { saveIntegrationPlan } = await ok(tok.bergen, PLAN, { id: p.id, input: plan({ endGoal: recommended }) });
  const planVersion = saveIntegrationPlan.integrationPlan.current;
  expect(planVersion).toMatchObject({ versionNo: 1, endGoal: 'UPPER_SECONDARY_COMPLETE' });
  expect((await ok(tok.bergen, LINK, { pv: planVersion.id, r: referral.id })).linkPlanToGuidance).toEqual({ id: referral.id, usedByPlanVersions: [1] });
  // Linking the same guidance again changes nothing.
  expect((await ok(tok.bergen, LINK, { pv: planVersion.id, r: referral.id })).linkPlanToGuidance.usedByPlanVersions).toEqual([1]);
  c = (await ok(tok.bergen, CASE_GUIDANCE, { id: p.id })).participant;
  expect(c.careerGuidance[0].usedByPlanVersions).toEqual([1]);
  // A revision can name the guidance it built on directly when it is saved.
  const PLAN_WITH_GUIDANCE = `mutation($id: UUID!, $input: IntegrationPlanInput!, $v: Int, $g: UUID) { saveIntegrationPlan(participantId: $id, input: $input, expectedVersionNo: $v, guidanceReferralId: $g) { integrationPlan { current { versionNo } } } }`;
  await ok(tok.bergen, PLAN_WITH_GUIDANCE, {
    id: p.id,
    input: plan({ endGoal: recommended, longTermGoal: 'Tailor, then own workshop' }),
    v: 1,
    g: referral.id,
  });
  c = (await ok(tok.bergen, CASE_GUIDANCE, { id: p.id })).participant;
  expect(c.careerGuidance[0].usedByPlanVersions).toEqual([1, 2]);

  // Every step is in the municipality's change log (the county's too), and never the identity number.
  const log = await owner.query(
    `SELECT operation, actor_role, actor_org, changes::text FROM app.audit_event WHERE municipality_id = $1 AND participant_id = $2 ORDER BY seq`,
    [t.directory.municipalityByNumber('4601')!.id, p.id],
  );
  const ops = log.rows.map((r: { operation: string; actor_role: string }) => `${r.operation}:${r.actor_role}`);
  expect(ops).toEqual(
    expect.arrayContaining([
      'referToCareerGuidance:MUNICIPALITY',
      'startCareerGuidance:COUNTY',
      'submitCareerGuidance:COUNTY',
      'linkPlanToGuidance:MUNICIPALITY',
    ]),
  );
  expect(ops.filter((o: string) => o.startsWith('referToCareerGuidance'))).toHaveLength(1);
  const fnr = (await owner.query(`SELECT identity_number FROM app.participant WHERE id = $1`, [p.id])).rows[0].identity_number;
  expect(JSON.stringify(log.rows)).not.toContain(fnr);
});

test('a plan can only record submitted guidance of the same participant, and one guidance per version', async () => {
  const a = await mappedParticipant(tok.bergen);
  const b = await mappedParticipant(tok.bergen);
  const ra = await refer(tok.bergen, a.id);
  const rb = await refer(tok.bergen, b.id);
  const pv = (await ok(tok.bergen, PLAN, { id: a.id, input: plan() })).saveIntegrationPlan.integrationPlan.current.id;
  // Not submitted yet (R-4.1: the plan builds on the guidance).
  expect((await fails(tok.bergen, LINK, { pv, r: ra.id })).extensions).toMatchObject({ code: 'RULE_VIOLATION', ruleId: 'R-4.1' });
  // Another participant's guidance.
  expect((await fails(tok.bergen, LINK, { pv, r: rb.id })).extensions.code).toBe('BAD_USER_INPUT');
  // Unknown plan version or referral, and another municipality's: NOT_FOUND.
  expect((await fails(tok.bergen, LINK, { pv: RANDOM_ID, r: ra.id })).extensions.code).toBe('NOT_FOUND');
  expect((await fails(tok.bergen, LINK, { pv, r: RANDOM_ID })).extensions.code).toBe('NOT_FOUND');
  expect(answer(await fails(tok.kinn, LINK, { pv, r: ra.id }))).toEqual(answer(await fails(tok.kinn, LINK, { pv: RANDOM_ID, r: ra.id })));

  for (const r of [ra, rb]) {
    await ok(tok.vestland, START, { id: r.id, v: 1 });
    await ok(tok.vestland, SUBMIT, { id: r.id, input: guidance(2) });
  }
  await ok(tok.bergen, LINK, { pv, r: ra.id });
  // A second referral of the same participant, submitted, cannot replace what the version built on.
  const ra2 = await refer(tok.bergen, a.id);
  await ok(tok.vestland, START, { id: ra2.id, v: 1 });
  await ok(tok.vestland, SUBMIT, { id: ra2.id, input: guidance(2, { recommendationKind: 'WORK', recommendedEndGoal: 'WORK_QUALIFYING' }) });
  expect((await fails(tok.bergen, LINK, { pv, r: ra2.id })).extensions.code).toBe('CONFLICT');
  const list = (await ok(tok.bergen, CASE_GUIDANCE, { id: a.id })).participant.careerGuidance;
  // Newest first; no decision yet, so nothing is flagged.
  expect(list.map((r: { id: string }) => r.id)).toEqual([ra2.id, ra.id]);
  expect(list.map((r: { usedByPlanVersions: number[] }) => r.usedByPlanVersions)).toEqual([[], [1]]);
  expect(list.map((r: { guidanceAfterParticipationDecision: boolean }) => r.guidanceAfterParticipationDecision)).toEqual([false, false]);
});

test('withdrawal: only while OPEN, with the version seen; afterwards the county sees nothing of it and a new referral can be made', async () => {
  const p = await mappedParticipant(tok.bergen);
  const r = await refer(tok.bergen, p.id);
  expect((await fails(tok.bergen, WITHDRAW, { id: r.id, v: 2 })).extensions.code).toBe('CONFLICT');
  const { withdrawCareerGuidanceReferral: w } = await ok(tok.bergen, WITHDRAW, { id: r.id, v: 1 });
  expect(w).toMatchObject({ state: 'WITHDRAWN', version: 2, withdrawnAt: today });
  expect((await fails(tok.bergen, WITHDRAW, { id: r.id, v: 2 })).extensions.code).toBe('RULE_VIOLATION');
  // To the county a withdrawn referral is like one that never existed.
  expect(answer(await fails(tok.vestland, ONE, { id: r.id }))).toEqual(answer(await fails(tok.vestland, ONE, { id: RANDOM_ID })));
  expect(answer(await fails(tok.vestland, START, { id: r.id, v: 2 }))).toEqual(answer(await fails(tok.vestland, START, { id: RANDOM_ID, v: 2 })));
  expect((await listAll(tok.vestland)).nodes.map((n) => n.id)).not.toContain(r.id);
  const again = await refer(tok.bergen, p.id);
  expect(again).toMatchObject({ state: 'OPEN', version: 1 });
  expect(again.id).not.toBe(r.id);
});

test('warning: a referral still OPEN more than 14 days after it was made (14 days: no warning, 15: warning)', async () => {
  const owner = await t.db.owner();
  const bergen = t.directory.municipalityByNumber('4601')!.id;
  const made: Record<number, string> = {};
  for (const days of [14, 15]) {
    const p = await mappedParticipant(tok.bergen);
    const { rows } = await owner.query(
      `INSERT INTO app.career_guidance_referral (municipality_id, participant_id, county_number, note, referred_by, referred_at)
       VALUES ($1, $2, '46', 'backdated', 'Kari', (($3::date - $4::int) + time '12:00') AT TIME ZONE 'Europe/Oslo') RETURNING id`,
      [bergen, p.id, today, days],
    );
    made[days] = rows[0].id;
  }
  const { nodes } = await listAll(tok.vestland);
  expect(nodes.find((n) => n.id === made[14])).toMatchObject({ daysOpen: 14, openMoreThan14Days: false, referredAt: addDays(today, -14) });
  expect(nodes.find((n) => n.id === made[15])).toMatchObject({ daysOpen: 15, openMoreThan14Days: true });
  // Started: no longer waiting for the county.
  const { startCareerGuidance: s } = await ok(tok.vestland, START, { id: made[15], v: 1 });
  expect(s).toMatchObject({ state: 'IN_PROGRESS', daysOpen: 15, openMoreThan14Days: false });
});

test("the county's list: filters, keyset pages by programme-decision deadline (none last), and a constant number of SQL statements", async () => {
  // Participants of Kinn (county 46) with start deadlines spread out, and one without a settlement date.
  for (const settledDaysAgo of [10, 80, 30, 50, null, 70, 20]) {
    const p = await mappedParticipant(tok.kinn, settledDaysAgo === null ? { settlementDate: null } : { settlementDate: addDays(today, -settledDaysAgo) });
    await refer(tok.kinn, p.id);
  }
  const kinn = await listAll(tok.vestland, { municipalityNumber: '4602' }, 2);
  expect(kinn.totalCount).toBe(7);
  expect(kinn.nodes).toHaveLength(7);
  expect(new Set(kinn.nodes.map((n) => n.municipality.number))).toEqual(new Set(['4602']));
  const key = (n: Record<string, any>) => [n.programmeDecisionDeadline ?? '9999-12-31', n.id].join(' ');
  expect(kinn.nodes.map(key)).toEqual([...kinn.nodes.map(key)].sort());
  expect(kinn.nodes[6].programmeDecisionDeadline).toBeNull();

  // The state filter, and the whole county list walked in small pages equals the one-page list.
  const all = await listAll(tok.vestland, null, 100);
  const paged = await listAll(tok.vestland, null, 3);
  expect(paged.nodes.map((n) => n.id)).toEqual(all.nodes.map((n) => n.id));
  expect(paged.totalCount).toBe(all.totalCount);
  const open = await listAll(tok.vestland, { state: 'OPEN' });
  expect(open.nodes.every((n) => n.state === 'OPEN')).toBe(true);
  expect(open.totalCount).toBe(all.nodes.filter((n) => n.state === 'OPEN').length);
  expect(new Set(all.nodes.map((n) => n.state))).not.toContain('WITHDRAWN');

  // Page size does not change the number of statements (participant and mapping are joined in).
  const statements = async (first: number) => {
    const res = await t.gql(tok.vestland, LIST, { first, after: null, filter: null });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.careerGuidanceReferrals.edges.length).toBe(Math.min(first, all.totalCount));
    const n = Number(res.headers['x-sql-statements']);
    expect(n).toBeGreaterThan(0);
    return n;
  };
  expect(all.totalCount).toBeGreaterThan(8);
  expect(await statements(8)).toBe(await statements(2));
  expect(await statements(100)).toBe(await statements(2));

  // Bounds and bad cursors.
  expect((await fails(tok.vestland, LIST, { first: 101 })).extensions.code).toBe('BAD_USER_INPUT');
  expect((await fails(tok.vestland, LIST, { first: 2, after: 'bm9wZQ' })).extensions.code).toBe('BAD_USER_INPUT');
  expect((await fails(tok.vestland, LIST, { first: 2, filter: { municipalityNumber: '46x1' } })).extensions.code).toBe('BAD_USER_INPUT');
});

// ------------------------------------------------------------------ the narrow window at the GraphQL level

test('isolation: county 46 cannot see a referral from a municipality of county 11; county 11 can', async () => {
  const s = await mappedParticipant(tok.stavanger, { name: 'Stavanger Person' });
  const r = await refer(tok.stavanger, s.id);
  expect(r.county).toEqual({ number: '11', name: 'Rogaland' });

  const vestland = await listAll(tok.vestland);
  expect(vestland.nodes.map((n) => n.id)).not.toContain(r.id);
  expect(JSON.stringify(vestland.nodes)).not.toContain('Stavanger Person');
  expect((await ok(tok.vestland, LIST, { first: 10, filter: { municipalityNumber: '1103' } })).careerGuidanceReferrals).toMatchObject({
    totalCount: 0,
    edges: [],
  });

  // Another county's referral answers exactly like an id that does not exist, for reads and for writes.
  const random = answer(await fails(tok.vestland, ONE, { id: RANDOM_ID }));
  expect(random.extensions.code).toBe('NOT_FOUND');
  expect(answer(await fails(tok.vestland, ONE, { id: r.id }))).toEqual(random);
  expect(answer(await fails(tok.vestland, START, { id: r.id, v: 1 }))).toEqual(answer(await fails(tok.vestland, START, { id: RANDOM_ID, v: 1 })));
  expect(answer(await fails(tok.vestland, SUBMIT, { id: r.id, input: guidance(1) }))).toEqual(
    answer(await fails(tok.vestland, SUBMIT, { id: RANDOM_ID, input: guidance(1) })),
  );

  const rogaland = await listAll(tok.rogaland);
  expect(rogaland.nodes.map((n) => n.id)).toContain(r.id);
  expect(rogaland.nodes.every((n) => n.municipality.number.startsWith('11'))).toBe(true);
  expect((await ok(tok.rogaland, ONE, { id: r.id })).careerGuidanceReferral.participant.name).toBe('Stavanger Person');

  // Nothing changed on the other county's referral.
  const owner = await t.db.owner();
  expect((await owner.query(`SELECT state, version FROM app.career_guidance_referral WHERE id = $1`, [r.id])).rows[0]).toEqual({ state: 'OPEN', version: 1 });
});

test("a municipality sees nothing of another municipality's referral, in the same county or not", async () => {
  const p = await mappedParticipant(tok.bergen);
  const r = await refer(tok.bergen, p.id);
  for (const other of [tok.kinn, tok.stavanger]) {
    expect(answer(await fails(other, WITHDRAW, { id: r.id, v: 1 }))).toEqual(answer(await fails(other, WITHDRAW, { id: RANDOM_ID, v: 1 })));
    expect(answer(await fails(other, REFER, { participantId: p.id, note: 'x' }))).toEqual(
      answer(await fails(other, REFER, { participantId: RANDOM_ID, note: 'x' })),
    );
  }
});

test('a county user asking for a participant not referred to them gets the same answer as for one that does not exist', async () => {
  const referred = await mappedParticipant(tok.bergen);
  await refer(tok.bergen, referred.id);
  const notReferred = await mappedParticipant(tok.bergen);
  const q = `query($id: UUID!) { participant(id: $id) { id name } }`;
  const none = answer(await fails(tok.vestland, q, { id: RANDOM_ID }));
  expect(answer(await fails(tok.vestland, q, { id: notReferred.id }))).toEqual(none);
  // Even a referred participant is reachable only through the referral, never as a Participant.
  expect(answer(await fails(tok.vestland, q, { id: referred.id }))).toEqual(none);
  expect(answer(await fails(tok.vestland, CASE_GUIDANCE, { id: referred.id }))).toEqual(answer(await fails(tok.vestland, CASE_GUIDANCE, { id: RANDOM_ID })));
  // And the roles stay apart: a county cannot refer, a municipality cannot work a county's list.
  expect((await fails(tok.vestland, REFER, { participantId: notReferred.id, note: 'x' })).extensions.code).toBe('FORBIDDEN');
  expect((await fails(tok.bergen, LIST, { first: 5 })).extensions.code).toBe('FORBIDDEN');
});

test('Oslo: a referral from 0301 goes to county 03, which Oslo serves itself; other counties see nothing of it', async () => {
  const p = await mappedParticipant(tok.oslo, { name: 'Oslo Person' });
  const r = await refer(tok.oslo, p.id);
  expect(r.county).toEqual({ number: '03', name: 'Oslo' });
  const oslo = await listAll(tok.osloCounty);
  expect(oslo.nodes.find((n) => n.id === r.id)).toMatchObject({ municipality: { number: '0301', name: 'Oslo' }, participant: { name: 'Oslo Person' } });
  await ok(tok.osloCounty, START, { id: r.id, v: 1 });
  for (const other of [tok.akershus, tok.vestland]) {
    expect((await listAll(other)).nodes.map((n) => n.id)).not.toContain(r.id);
    expect(answer(await fails(other, ONE, { id: r.id }))).toEqual(answer(await fails(other, ONE, { id: RANDOM_ID })));
  }
});

// ------------------------------------------------------------------ the narrow window in the schema

/** Every operation a role may call, with the roles declared on it (method over class, as type-graphql applies them). */
function operationsFor(role: string): Set<string> {
  buildAppSchema();
  const storage = getMetadataStorage() as unknown as {
    queries: { target: Function; methodName: string; schemaName: string }[];
    mutations: { target: Function; methodName: string; schemaName: string }[];
    authorizedFields: { target: Function; fieldName: string; roles: string[] }[];
    authorizedResolver: { target: Function; roles: string[] }[];
  };
  const out = new Set<string>();
  for (const op of [...storage.queries, ...storage.mutations]) {
    const roles =
      storage.authorizedFields.find((a) => a.target === op.target && a.fieldName === op.methodName)?.roles ??
      storage.authorizedResolver.find((a) => a.target === op.target)?.roles ??
      [];
    if (roles.length === 0 || roles.includes(role)) out.add(op.schemaName);
  }
  return out;
}

/** `Type.field` for every field of every object type reachable from the given root fields' results. */
function reachableFields(schema: GraphQLSchema, rootFields: Set<string>): { types: Set<string>; fields: Set<string> } {
  const types = new Set<string>();
  const fields = new Set<string>();
  const visit = (type: GraphQLObjectType) => {
    if (types.has(type.name)) return;
    types.add(type.name);
    for (const f of Object.values(type.getFields())) {
      fields.add(`${type.name}.${f.name}`);
      const named = getNamedType(f.type);
      if (isObjectType(named)) visit(named);
    }
  };
  for (const root of [schema.getQueryType()!, schema.getMutationType()!]) {
    for (const f of Object.values(root.getFields())) {
      if (!rootFields.has(f.name)) continue;
      const named = getNamedType(f.type);
      if (isObjectType(named)) visit(named);
    }
  }
  return { types, fields };
}

test("the county's types expose no identity number, decision, benefit, absence, plan or appeal field", () => {
  const schema = buildAppSchema();
  const ops = operationsFor('COUNTY');
  expect([...ops]).toEqual(expect.arrayContaining(['careerGuidanceReferrals', 'careerGuidanceReferral', 'startCareerGuidance', 'submitCareerGuidance']));
  for (const municipalityOnly of [
    'participant',
    'participants',
    'referToCareerGuidance',
    'withdrawCareerGuidanceReferral',
    'linkPlanToGuidance',
    'makeDecision',
  ]) {
    expect(ops.has(municipalityOnly)).toBe(false);
  }
  const { types, fields } = reachableFields(schema, ops);
  expect([...types]).toEqual(
    expect.arrayContaining(['CountyGuidanceReferralConnection', 'CountyGuidanceReferral', 'GuidanceParticipant', 'CareerGuidanceRecord', 'Municipality']),
  );
  // The municipality's types are out of reach: the county gets a projection, not nulls on the case file.
  for (const type of ['Participant', 'CareerGuidanceReferral', 'CompetenceMapping', 'Decision', 'IntegrationPlan', 'PlanVersion', 'Programme']) {
    expect({ type, reachable: types.has(type) }).toEqual({ type, reachable: false });
  }
  const forbidden = [...fields].filter((f) => {
    const name = f.split('.')[1];
    if (/identity|fnr|nationalId|ssn|birthDate/i.test(name)) return true;
    if (/appeal|benefit|absence|leave|halt|certificate|integrationPlan|planVersion|versions/i.test(name)) return true;
    if (/decision/i.test(name) && !['programmeDecisionDeadline', 'daysToProgrammeDecisionDeadline'].includes(name)) return true;
    return false;
  });
  expect(forbidden).toEqual([]);
  // The county's projection, field by field: a change here is a security change.
  const projection = (type: string) =>
    [...fields]
      .filter((f) => f.startsWith(`${type}.`))
      .map((f) => f.split('.')[1])
      .sort();
  expect(projection('GuidanceParticipant')).toEqual(
    [
      'allowedEndGoals',
      'birthYear',
      'countsAsUpperSecondary',
      'education',
      'languageSkills',
      'languages',
      'mappingCompletedAt',
      'name',
      'otherCompetence',
      'workExperience',
    ].sort(),
  );
  expect(projection('CountyGuidanceReferral')).toEqual(
    [
      'adviser',
      'daysOpen',
      'daysToProgrammeDecisionDeadline',
      'guidance',
      'id',
      'municipality',
      'note',
      'openMoreThan14Days',
      'participant',
      'programmeDecisionDeadline',
      'referredAt',
      'referredBy',
      'startedAt',
      'state',
      'submittedAt',
      'version',
    ].sort(),
  );
});

// ------------------------------------------------------------------ the narrow window in SQL

type Q = (sql: string, p?: unknown[]) => Promise<Record<string, any>[]>;

/** As the API's own login (NOSUPERUSER NOBYPASSRLS) with the settings the server sets for a county user. */
async function asCounty<T>(county: string, fn: (q: Q) => Promise<T>): Promise<T> {
  const ids = t.directory.reachableMunicipalities('COUNTY', county)!.map((m) => m.id);
  const runner = t.api.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  try {
    await setSignedContext((sql, p) => runner.query(sql, p), { role: 'COUNTY', org: county, actor: 'sql-test', municipalityId: null, municipalityIds: ids });
    return await fn((sql, p) => runner.query(sql, p));
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }
}

test('isolation in SQL: a county reads its referrals, and the participant and mapping they allow — nothing else', async () => {
  const owner = await t.db.owner();
  const bergen = t.directory.municipalityByNumber('4601')!.id;
  const stavanger = t.directory.municipalityByNumber('1103')!.id;
  // A Bergen participant referred (with a decision and a plan), one not referred, one withdrawn; a Stavanger one referred.
  const referred = await mappedParticipant(tok.bergen);
  const rr = await refer(tok.bergen, referred.id);
  await ok(tok.bergen, DECIDE, { id: referred.id, input: { type: 'PARTICIPATION', outcome: 'GRANTED', reasons: 'ok', decidedAt: today } });
  await ok(tok.bergen, PLAN, { id: referred.id, input: plan() });
  const notReferred = await mappedParticipant(tok.bergen);
  const withdrawn = await mappedParticipant(tok.bergen);
  const rw = await refer(tok.bergen, withdrawn.id);
  await ok(tok.bergen, WITHDRAW, { id: rw.id, v: 1 });
  const stav = await mappedParticipant(tok.stavanger);
  const rs = await refer(tok.stavanger, stav.id);

  const expected = async (county: string) => {
    const { rows } = await owner.query(
      `SELECT id, participant_id FROM app.career_guidance_referral WHERE county_number = $1 AND state IN ('OPEN', 'IN_PROGRESS', 'COMPLETED')`,
      [county],
    );
    return {
      referrals: rows.map((r: { id: string }) => r.id).sort(),
      participants: [...new Set(rows.map((r: { participant_id: string }) => r.participant_id))].sort(),
    };
  };

  await asCounty('46', async (q) => {
    const want = await expected('46');
    const referrals = (await q(`SELECT id, county_number, municipality_id FROM app.career_guidance_referral`)).map((r) => r.id).sort();
    expect(referrals).toEqual(want.referrals);
    expect(referrals).toContain(rr.id);
    expect(referrals).not.toContain(rs.id);
    expect(referrals).not.toContain(rw.id);
    const participants = (await q(`SELECT id FROM app.participant`)).map((r) => r.id).sort();
    expect(participants).toEqual(want.participants);
    expect(participants).toContain(referred.id);
    for (const hidden of [notReferred.id, withdrawn.id, stav.id, RANDOM_ID]) {
      expect(await q(`SELECT id FROM app.participant WHERE id = $1`, [hidden])).toEqual([]);
      expect(await q(`SELECT id FROM app.competence_mapping WHERE participant_id = $1`, [hidden])).toEqual([]);
    }
    const mapped = (await q(`SELECT DISTINCT participant_id FROM app.competence_mapping`)).map((r) => r.participant_id).sort();
    expect(mapped).toEqual(want.participants);
    expect(await q(`SELECT 1 FROM app.participant WHERE municipality_id = $1`, [stavanger])).toEqual([]);
    // Nothing else of the case: not even the referred participant's decision or plan.
    expect((await q(`SELECT count(*)::int AS n FROM app.decision WHERE participant_id = $1`, [referred.id]))[0].n).toBe(0);
    expect((await q(`SELECT count(*)::int AS n FROM app.plan_version WHERE participant_id = $1`, [referred.id]))[0].n).toBe(0);
    const tables = (
      await owner.query(
        `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'app' AND c.relkind = 'r' AND c.relrowsecurity`,
      )
    ).rows.map((r: { relname: string }) => r.relname);
    expect(tables).toEqual(expect.arrayContaining(['decision', 'plan_version', 'programme', 'absence', 'certificate', 'plan_guidance_link', 'audit_event']));
    // The change log and its head are not readable through the API login at all (appended through
    // app.audit_append only): checked below, outside this transaction, since the refusal ends it.
    const windowTables = ['career_guidance_referral', 'participant', 'competence_mapping', 'audit_event', 'audit_chain_head'];
    for (const table of tables.filter((x: string) => !windowTables.includes(x))) {
      const [{ n }] = await q(`SELECT count(*)::int AS n FROM app.${table}`);
      expect({ table, n }).toEqual({ table, n: 0 });
    }
  });
  for (const table of ['audit_event', 'audit_chain_head']) {
    await expect(asCounty('46', (q) => q(`SELECT count(*)::int AS n FROM app.${table}`))).rejects.toThrow(/permission denied/);
  }
  // The owner confirms the hidden rows exist.
  expect((await owner.query(`SELECT count(*)::int AS n FROM app.decision WHERE participant_id = $1`, [referred.id])).rows[0].n).toBe(1);

  await asCounty('11', async (q) => {
    const referrals = (await q(`SELECT id FROM app.career_guidance_referral`)).map((r) => r.id);
    expect(referrals).toContain(rs.id);
    expect(referrals).not.toContain(rr.id);
    expect(await q(`SELECT 1 FROM app.participant WHERE municipality_id = $1`, [bergen])).toEqual([]);
  });
});

test('isolation in SQL: a county cannot write outside its referrals, nor repoint or re-address one', async () => {
  const owner = await t.db.owner();
  const bergen = t.directory.municipalityByNumber('4601')!.id;
  const stavanger = t.directory.municipalityByNumber('1103')!.id;
  const b = await mappedParticipant(tok.bergen);
  const rb = await refer(tok.bergen, b.id);
  const other = await mappedParticipant(tok.bergen);
  const s = await mappedParticipant(tok.stavanger);
  const rs = await refer(tok.stavanger, s.id);

  await asCounty('46', async (q) => {
    // Another county's referral: nothing to update.
    await q(`UPDATE app.career_guidance_referral SET state = 'IN_PROGRESS', started_at = now() WHERE id = $1`, [rs.id]);
    // The participant is read-only to the county, even a referred one.
    await q(`UPDATE app.participant SET full_name = 'changed' WHERE id = $1`, [b.id]);
    expect(await q(`SELECT id FROM app.participant WHERE full_name = 'changed'`)).toEqual([]);
  });
  expect((await owner.query(`SELECT state FROM app.career_guidance_referral WHERE id = $1`, [rs.id])).rows[0].state).toBe('OPEN');

  // No inserts: a county does not refer.
  await expect(
    asCounty('46', (q) =>
      q(`INSERT INTO app.career_guidance_referral (municipality_id, participant_id, county_number, referred_by) VALUES ($1, $2, '46', 'x')`, [
        bergen,
        other.id,
      ]),
    ),
  ).rejects.toThrow(/row-level security/);
  // Moving its referral to another county, or withdrawing it, fails the policy's check.
  await expect(asCounty('46', (q) => q(`UPDATE app.career_guidance_referral SET state = 'WITHDRAWN' WHERE id = $1`, [rb.id]))).rejects.toThrow(
    /row-level security/,
  );
  await expect(asCounty('46', (q) => q(`UPDATE app.career_guidance_referral SET county_number = '11' WHERE id = $1`, [rb.id]))).rejects.toThrow();
  // Repointing its referral to another participant would open a window on that participant: refused.
  await expect(
    asCounty('46', (q) =>
      q(`UPDATE app.career_guidance_referral SET participant_id = $2, started_at = now(), state = 'IN_PROGRESS' WHERE id = $1`, [rb.id, other.id]),
    ),
  ).rejects.toThrow(/keeps its participant/);
  await expect(asCounty('46', (q) => q(`UPDATE app.career_guidance_referral SET note = 'x' WHERE id = $1`, [rb.id]))).rejects.toThrow(/note/);
  // A municipality cannot insert a referral for another municipality either.
  const runner = t.api.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  try {
    await setSignedContext((sql, p) => runner.query(sql, p), { role: 'MUNICIPALITY', org: '4601', municipalityId: bergen, municipalityIds: [bergen] });
    await expect(
      runner.query(`INSERT INTO app.career_guidance_referral (municipality_id, participant_id, county_number, referred_by) VALUES ($1, $2, '11', 'x')`, [
        stavanger,
        s.id,
      ]),
    ).rejects.toThrow(/row-level security/);
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }
});
