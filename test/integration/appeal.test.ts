/**
 * Appeals (klage) over HTTP with real tokens for both sides: a decision is appealed, reviewed and forwarded
 * by the municipality, listed, read and decided by Statsforvalteren, and the municipality sees the outcome
 * and records its follow-up; reversal makes a new appealable decision; the refusals of.
 */
import { addDays, todayInOslo } from '../../src/domain/calendar';
import { RequestTransaction } from '../../src/db/request-transaction';
import { GraphQLContext } from '../../src/graphql/context';
import { appealCounts, hasOpenAppealSql } from '../../src/modules/appeal';
import { startTestApp, TestApp } from '../support/app';
import { participantInput, REGISTER, planInput } from '../support/fixtures';

let t: TestApp;
let bergen: string; // MUNICIPALITY 4601, Statsforvalteren i Vestland
let vestland: string; // STATSFORVALTER vestland
let rogaland: string; // STATSFORVALTER rogaland
const today = todayInOslo();

beforeAll(async () => {
  t = await startTestApp();
  bergen = await t.token('MUNICIPALITY', '4601', 'kari', 'Kari Saksbehandler');
  vestland = await t.token('STATSFORVALTER', 'vestland', 'sf-vestland', 'Siri Juridisk');
  rogaland = await t.token('STATSFORVALTER', 'rogaland', 'sf-rogaland', 'Rune Jurist');
});
afterAll(() => t?.close());

type Vars = Record<string, unknown>;

async function ok(tok: string, query: string, variables: Vars = {}) {
  const res = await t.gql(tok, query, variables);
  expect(res.body.errors).toBeUndefined();
  return res.body.data;
}

async function fails(tok: string, query: string, variables: Vars, code: string, lawReference?: RegExp) {
  const res = await t.gql(tok, query, variables);
  const err = res.body.errors?.[0];
  expect(err?.extensions?.code).toBe(code);
  if (lawReference) expect(err.extensions.lawReference).toMatch(lawReference);
  return err;
}

const MAP = `mutation($id: UUID!, $input: CompetenceMappingInput!) { recordCompetenceMapping(participantId: $id, input: $input) { id } }`;
const DECIDE = `mutation($id: UUID!, $input: DecisionInput!) { makeDecision(participantId: $id, input: $input) { id decisions { id } } }`;
const PLAN = `mutation($id: UUID!, $input: IntegrationPlanInput!) { saveIntegrationPlan(participantId: $id, input: $input) { id } }`;
const NOTICE = `mutation($id: UUID!, $at: LocalDate!, $v: Int!) { recordDecisionNotice(decisionId: $id, notifiedAt: $at, expectedVersion: $v) { id notifiedAt } }`;

const mapping = { languageSkills: 'Tigrinya (native)', education: 'Primary school', countsAsUpperSecondary: false, workExperience: 'Farming', complete: true };
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

const REFUSAL = {
  type: 'PARTICIPATION',
  outcome: 'REFUSED',
  reasons: 'Not enough documentation of the permit.',
  decidedAt: '2026-10-05',
  notifiedAt: '2026-10-06',
};

/** A participant of the token's municipality and a decision on their case; returns both ids. */
async function decided(
  tok: string,
  opts: { decision?: Vars; participant?: Vars; mapping?: boolean; plan?: boolean } = {},
): Promise<{ participantId: string; decisionId: string; identityNumber: string }> {
  const input = participantInput(opts.participant ?? {});
  const { registerParticipant } = await ok(tok, REGISTER, { input });
  const id = registerParticipant.id;
  if (opts.mapping) await ok(tok, MAP, { id, input: mapping });
  if (opts.plan) await ok(tok, PLAN, { id, input: plan });
  const before = new Set<string>();
  const { makeDecision } = await ok(tok, DECIDE, { id, input: { ...REFUSAL, ...(opts.decision ?? {}) } });
  const decisionId = makeDecision.decisions.map((d: { id: string }) => d.id).find((d: string) => !before.has(d));
  return { participantId: id, decisionId, identityNumber: input.identityNumber as string };
}

const APPEAL = `id version state receivedAt sentAt deadline deadlineBasis filedInTime lateGround lateAppealLastDay mayBeConsidered
  statsforvalter { id name } municipalityStatement statementCopiedToParticipantAt forwardedAt reassignmentReason dismissalReasons
  outcome outcomePartial outcomeReasons outcomeDecidedAt decidedBy toDetriment detrimentNoticeDeadline followUpNeeded availableEvents
  decision { id type outcome } reversalDecision { id type outcome appealable appealDeadline notifiedAt } followUpDecision { id }
  history { event fromState toState note by { name role org orgName } }`;
const REGISTER_APPEAL = `mutation($input: RegisterAppealInput!) { registerAppeal(input: $input) { ${APPEAL} } }`;
const START = `mutation($a: UUID!, $v: Int!) { startAppealReview(appealId: $a, expectedVersion: $v) { ${APPEAL} } }`;
const FORWARD = `mutation($a: UUID!, $v: Int!, $s: String!, $c: LocalDate!) { forwardAppeal(appealId: $a, expectedVersion: $v, statement: $s, copiedToParticipantAt: $c) { ${APPEAL} } }`;
const REVERSE = `mutation($a: UUID!, $v: Int!, $d: DecisionInput!) { reverseAppeal(appealId: $a, expectedVersion: $v, decision: $d) { ${APPEAL} } }`;
const PARTLY = `mutation($a: UUID!, $v: Int!, $d: DecisionInput!, $s: String!, $c: LocalDate!) {
  partlyReverseAndForward(appealId: $a, expectedVersion: $v, decision: $d, statement: $s, copiedToParticipantAt: $c) { ${APPEAL} } }`;
const DISMISS = `mutation($a: UUID!, $v: Int!, $r: String!) { dismissAppeal(appealId: $a, expectedVersion: $v, reasons: $r) { ${APPEAL} } }`;
const ACCEPT_LATE = `mutation($a: UUID!, $v: Int!, $g: LateAppealGround!) { acceptLateAppeal(appealId: $a, expectedVersion: $v, ground: $g) { ${APPEAL} } }`;
const REASSIGN = `mutation($a: UUID!, $v: Int!, $sf: String!, $r: String!) { reassignAppeal(appealId: $a, expectedVersion: $v, statsforvalterId: $sf, reason: $r) { ${APPEAL} } }`;
const FOLLOW_UP = `mutation($a: UUID!, $v: Int!, $d: UUID!) { recordAppealFollowUp(appealId: $a, expectedVersion: $v, decisionId: $d) { ${APPEAL} } }`;
const CLOSE = `mutation($a: UUID!, $v: Int!, $n: String) { closeAppeal(appealId: $a, expectedVersion: $v, note: $n) { ${APPEAL} } }`;

const FORWARDED = `id version state receivedAt deadline filedInTime forwardedAt daysWaiting municipalityStatement statementCopiedToParticipantAt
  statsforvalter { id } outcome outcomePartial outcomeReasons outcomeDecidedAt decidedBy toDetriment followUpNeeded
  municipality { number name }
  decision { id type outcome reasons decidedAt notifiedAt benefit { periodFrom } }
  reversalDecision { id type outcome benefit { periodFrom periodTo } }
  participant { name birthDate municipality { number } }
  planVersions { versionNo contractSignedAt endGoal }
  history { event fromState toState note by { name role org orgName } }`;
const SF_APPEAL = `query($id: UUID!) { appeal(id: $id) { ${FORWARDED} } }`;
const SF_LIST = `query($f: AppealFilter, $first: Int, $after: String, $o: AppealOrder) {
  appeals(filter: $f, first: $first, after: $after, orderBy: $o) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${FORWARDED} } } } }`;
const SF_DECIDE = `mutation($a: UUID!, $v: Int!, $input: DecideAppealInput!) { decideAppeal(appealId: $a, expectedVersion: $v, input: $input) { ${FORWARDED} } }`;
const PARTICIPANT_APPEALS = `query($id: UUID!) { participant(id: $id) { id appeals { ${APPEAL} } decisions { id type outcome appeals { id state } } programme { state } } }`;

const appealOf = (decisionId: string, over: Vars = {}) => ({
  decisionId,
  receivedAt: '2026-10-20',
  sentAt: '2026-10-19',
  grounds: 'I have documents that were not considered.',
  changeWanted: 'Grant me the programme.',
  ...over,
});

async function registered(tok: string, decisionId: string, over: Vars = {}) {
  return (await ok(tok, REGISTER_APPEAL, { input: appealOf(decisionId, over) })).registerAppeal;
}

/** A refusal appealed, reviewed and forwarded by Bergen; returns the forwarded appeal. */
async function forwarded(tok = bergen, opts: Parameters<typeof decided>[1] = {}, appeal: Vars = {}) {
  const d = await decided(tok, opts);
  const a = await registered(tok, d.decisionId, appeal);
  const r = (await ok(tok, START, { a: a.id, v: a.version })).startAppealReview;
  const f = (await ok(tok, FORWARD, { a: r.id, v: r.version, s: 'The municipality upholds the refusal: the permit is not documented.', c: today }))
    .forwardAppeal;
  return { ...d, appeal: f };
}

const decision = (outcome: string, over: Vars = {}) => ({
  outcome,
  partial: false,
  reasons: 'Statsforvalteren has reviewed the case.',
  decidedAt: today,
  toDetriment: false,
  ...over,
});

test('the whole path: decision → appeal → review → forward → Statsforvalteren lists, reads and decides → the municipality sees it', async () => {
  const d = await decided(bergen, { plan: true });

  // notice Tuesday 6 October → deadline Tuesday 27 October; sent 19 October is in time.
  const a = await registered(bergen, d.decisionId);
  expect(a).toMatchObject({
    state: 'RECEIVED',
    version: 1,
    deadline: '2026-10-27',
    deadlineBasis: 'NOTICE',
    filedInTime: true,
    mayBeConsidered: true,
    lateGround: null,
    lateAppealLastDay: '2027-10-05',
    detrimentNoticeDeadline: '2027-01-20',
    statsforvalter: null,
    decision: { id: d.decisionId, type: 'PARTICIPATION' },
  });
  expect(a.availableEvents.sort()).toEqual(['CLOSE', 'START_REVIEW']);
  expect(a.history).toEqual([
    {
      event: 'REGISTER',
      fromState: null,
      toState: 'RECEIVED',
      note: null,
      by: { name: 'Kari Saksbehandler', role: 'MUNICIPALITY', org: '4601', orgName: 'Bergen' },
    },
  ]);

  // Not forwarded yet: Statsforvalteren cannot see it.
  await fails(vestland, SF_APPEAL, { id: a.id }, 'NOT_FOUND');

  const r = (await ok(bergen, START, { a: a.id, v: 1 })).startAppealReview;
  expect(r).toMatchObject({ state: 'UNDER_REVIEW', version: 2 });
  const statement = 'The municipality upholds the refusal: the permit is not documented.';
  const f = (await ok(bergen, FORWARD, { a: a.id, v: 2, s: statement, c: today })).forwardAppeal;
  // Bergen is in Vestland county (46): Statsforvalteren i Vestland.
  expect(f).toMatchObject({
    state: 'FORWARDED',
    version: 3,
    statsforvalter: { id: 'vestland', name: 'Statsforvalteren i Vestland' },
    municipalityStatement: statement,
    statementCopiedToParticipantAt: today,
  });
  expect(f.forwardedAt).toEqual(expect.any(String));

  // Statsforvalteren's list and detail.
  const list = (await ok(vestland, SF_LIST, { f: { municipalityNumber: '4601' }, first: 50 })).appeals;
  const node = list.edges.map((e: { node: { id: string } }) => e.node).find((n: { id: string }) => n.id === a.id);
  expect(node).toMatchObject({
    state: 'FORWARDED',
    municipality: { number: '4601', name: 'Bergen' },
    decision: { type: 'PARTICIPATION', outcome: 'REFUSED' },
    daysWaiting: 0,
  });
  const res = await t.gql(vestland, SF_APPEAL, { id: a.id });
  expect(res.body.errors).toBeUndefined();
  const detail = res.body.data.appeal;
  expect(detail).toMatchObject({
    id: a.id,
    decision: { id: d.decisionId, type: 'PARTICIPATION', outcome: 'REFUSED', reasons: REFUSAL.reasons, decidedAt: '2026-10-05', notifiedAt: '2026-10-06' },
    participant: { birthDate: '1990-05-17', municipality: { number: '4601' } },
    municipalityStatement: statement,
    statementCopiedToParticipantAt: today,
    reversalDecision: null,
  });
  // the plan and contract version in force when the decision was made.
  expect(detail.planVersions).toEqual([{ versionNo: 1, contractSignedAt: '2026-10-01', endGoal: 'UPPER_SECONDARY_COMPLETE' }]);
  expect(detail.history.map((h: { event: string }) => h.event)).toEqual(['REGISTER', 'START_REVIEW', 'FORWARD']);
  expect(res.text).not.toContain(d.identityNumber);

  // the decision, final.
  const decidedAppeal = (await ok(vestland, SF_DECIDE, { a: a.id, v: 3, input: decision('UPHELD', { reasons: 'The refusal is correct.' }) })).decideAppeal;
  expect(decidedAppeal).toMatchObject({
    state: 'DECIDED_BY_STATSFORVALTER',
    outcome: 'UPHELD',
    outcomeReasons: 'The refusal is correct.',
    outcomeDecidedAt: today,
    decidedBy: 'Siri Juridisk',
    followUpNeeded: false,
  });
  expect(decidedAppeal.history.at(-1)).toEqual({
    event: 'STATSFORVALTER_DECIDE',
    fromState: 'FORWARDED',
    toState: 'DECIDED_BY_STATSFORVALTER',
    note: 'UPHELD',
    by: { name: 'Siri Juridisk', role: 'STATSFORVALTER', org: 'vestland', orgName: 'Statsforvalteren i Vestland' },
  });
  const again = await fails(vestland, SF_DECIDE, { a: a.id, v: 4, input: decision('CHANGED') }, 'RULE_VIOLATION', /§ 34/);
  expect(again.extensions.ruleId).toBe('R-9.6');

  // Back at the municipality: the outcome is on the case, on the participant and on the decision.
  const c = (await ok(bergen, PARTICIPANT_APPEALS, { id: d.participantId })).participant;
  expect(c.appeals).toHaveLength(1);
  expect(c.appeals[0]).toMatchObject({
    id: a.id,
    state: 'DECIDED_BY_STATSFORVALTER',
    outcome: 'UPHELD',
    decidedBy: 'Siri Juridisk',
    availableEvents: ['CLOSE'],
  });
  expect(c.decisions.find((x: { id: string }) => x.id === d.decisionId).appeals).toEqual([{ id: a.id, state: 'DECIDED_BY_STATSFORVALTER' }]);

  const closed = (await ok(bergen, CLOSE, { a: a.id, v: 4 })).closeAppeal;
  expect(closed).toMatchObject({ state: 'CLOSED', availableEvents: [] });
  // Statsforvalteren keeps seeing the appeal it decided.
  expect((await ok(vestland, SF_APPEAL, { id: a.id })).appeal.state).toBe('CLOSED');
  // A decided appeal is final: no new appeal of the same decision.
  await fails(bergen, REGISTER_APPEAL, { input: appealOf(d.decisionId) }, 'RULE_VIOLATION', /§ 34/);

  // Every step is in the municipality's change log, by whoever took it.
  const owner = await t.db.owner();
  const log = await owner.query(`SELECT operation, actor_role FROM app.audit_event WHERE entity = 'appeal' AND entity_id = $1 ORDER BY seq`, [a.id]);
  expect(log.rows).toEqual([
    { operation: 'registerAppeal', actor_role: 'MUNICIPALITY' },
    { operation: 'startAppealReview', actor_role: 'MUNICIPALITY' },
    { operation: 'forwardAppeal', actor_role: 'MUNICIPALITY' },
    { operation: 'decideAppeal', actor_role: 'STATSFORVALTER' },
    { operation: 'closeAppeal', actor_role: 'MUNICIPALITY' },
  ]);
});

describe('R-9.6: each of Statsforvalteren’s outcomes, and what the municipality does next', () => {
  test.each([
    ['DISMISSED', false, false],
    ['UPHELD', false, false],
    ['CHANGED', true, true],
    ['QUASHED_AND_RETURNED', false, true],
  ])('%s (partial: %s): follow-up needed %s', async (outcome, partial, needsFollowUp) => {
    const { appeal, participantId } = await forwarded();
    const out = (await ok(vestland, SF_DECIDE, { a: appeal.id, v: appeal.version, input: decision(outcome, { partial }) })).decideAppeal;
    expect(out).toMatchObject({ state: 'DECIDED_BY_STATSFORVALTER', outcome, outcomePartial: partial, followUpNeeded: needsFollowUp });

    const seen = (await ok(bergen, PARTICIPANT_APPEALS, { id: participantId })).participant.appeals[0];
    expect(seen).toMatchObject({ outcome, outcomePartial: partial, followUpNeeded: needsFollowUp });
    if (!needsFollowUp) {
      await fails(bergen, FOLLOW_UP, { a: appeal.id, v: seen.version, d: seen.decision.id }, 'RULE_VIOLATION', /§ 34/);
      expect((await ok(bergen, CLOSE, { a: appeal.id, v: seen.version })).closeAppeal.state).toBe('CLOSED');
      return;
    }
    // The task stays until the municipality records its new decision on the matter.
    await fails(bergen, CLOSE, { a: appeal.id, v: seen.version }, 'RULE_VIOLATION', /§ 34/);
    await fails(bergen, FOLLOW_UP, { a: appeal.id, v: seen.version, d: seen.decision.id }, 'BAD_USER_INPUT');
    const { makeDecision } = await ok(bergen, DECIDE, {
      id: participantId,
      input: { type: 'PARTICIPATION', outcome: 'REFUSED', reasons: 'New handling after Statsforvalteren.', decidedAt: today },
    });
    const followUpId = makeDecision.decisions.map((x: { id: string }) => x.id).find((id: string) => id !== seen.decision.id);
    const done = (await ok(bergen, FOLLOW_UP, { a: appeal.id, v: seen.version, d: followUpId })).recordAppealFollowUp;
    expect(done).toMatchObject({ followUpNeeded: false, followUpDecision: { id: followUpId } });
    expect(done.history.at(-1)).toMatchObject({ event: 'RECORD_FOLLOW_UP', fromState: 'DECIDED_BY_STATSFORVALTER', toState: 'DECIDED_BY_STATSFORVALTER' });
    expect((await ok(bergen, CLOSE, { a: appeal.id, v: done.version })).closeAppeal.state).toBe('CLOSED');
  });

  test('a partial outcome only for CHANGED and QUASHED_AND_RETURNED; a detriment only with CHANGED', async () => {
    const { appeal } = await forwarded();
    await fails(vestland, SF_DECIDE, { a: appeal.id, v: appeal.version, input: decision('UPHELD', { partial: true }) }, 'BAD_USER_INPUT');
    await fails(vestland, SF_DECIDE, { a: appeal.id, v: appeal.version, input: decision('DISMISSED', { toDetriment: true }) }, 'BAD_USER_INPUT');
    await fails(vestland, SF_DECIDE, { a: appeal.id, v: appeal.version, input: decision('UPHELD', { decidedAt: addDays(today, 1) }) }, 'BAD_USER_INPUT');
    await fails(vestland, SF_DECIDE, { a: appeal.id, v: appeal.version + 1, input: decision('UPHELD') }, 'CONFLICT');
  });
});

describe('R-9.7: a change to the appellant’s detriment needs notice within 3 months of the municipality receiving the appeal', () => {
  const old = {
    participant: { permitGrantDate: '2026-01-05', arrivalDate: '2026-01-10', settlementDate: '2026-02-01' },
    decision: { decidedAt: '2026-04-01', notifiedAt: '2026-04-06' },
  };
  const oldAppeal = { receivedAt: '2026-04-20', sentAt: '2026-04-17' };

  test('more than 3 months after the appeal was received, without earlier notice: refused', async () => {
    const { appeal } = await forwarded(bergen, old, oldAppeal);
    expect(appeal.detrimentNoticeDeadline).toBe('2026-07-20');
    const err = await fails(
      vestland,
      SF_DECIDE,
      { a: appeal.id, v: appeal.version, input: decision('CHANGED', { toDetriment: true }) },
      'RULE_VIOLATION',
      /§ 34 tredje ledd/,
    );
    expect(err.extensions.ruleId).toBe('R-9.7');
    // In the appellant's favour it is never late.
    expect((await ok(vestland, SF_DECIDE, { a: appeal.id, v: appeal.version, input: decision('CHANGED') })).decideAppeal.outcome).toBe('CHANGED');
  });

  test('with notice sent within the 3 months: allowed, and the notice date is kept', async () => {
    const { appeal } = await forwarded(bergen, old, oldAppeal);
    await fails(
      vestland,
      SF_DECIDE,
      { a: appeal.id, v: appeal.version, input: decision('CHANGED', { toDetriment: true, detrimentNoticeSentAt: '2026-07-21' }) },
      'RULE_VIOLATION',
      /§ 34/,
    );
    const out = (
      await ok(vestland, SF_DECIDE, { a: appeal.id, v: appeal.version, input: decision('CHANGED', { toDetriment: true, detrimentNoticeSentAt: '2026-07-20' }) })
    ).decideAppeal;
    expect(out).toMatchObject({ outcome: 'CHANGED', toDetriment: true });
  });

  test('within 3 months of receipt: allowed', async () => {
    const { appeal } = await forwarded(
      bergen,
      { decision: { decidedAt: addDays(today, -20), notifiedAt: addDays(today, -18) } },
      { sentAt: addDays(today, -10), receivedAt: addDays(today, -9) },
    );
    const out = (await ok(vestland, SF_DECIDE, { a: appeal.id, v: appeal.version, input: decision('CHANGED', { toDetriment: true }) })).decideAppeal;
    expect(out).toMatchObject({ outcome: 'CHANGED', toDetriment: true });
  });
});

test('R-9.4: a full reversal makes a new decision, itself appealable', async () => {
  const d = await decided(bergen, { mapping: true });
  const a = await registered(bergen, d.decisionId);
  const r = (await ok(bergen, START, { a: a.id, v: 1 })).startAppealReview;
  const granted = {
    type: 'PARTICIPATION',
    outcome: 'GRANTED',
    reasons: 'The permit is now documented: right and duty.',
    decidedAt: '2026-10-25',
    notifiedAt: '2026-10-26',
  };
  // The new decision is of the appealed decision's type.
  await fails(
    bergen,
    REVERSE,
    { a: a.id, v: r.version, d: { ...granted, type: 'EXEMPTION', exemption: { subject: 'NORWEGIAN', ground: 'DOCUMENTED_KNOWLEDGE' } } },
    'BAD_USER_INPUT',
  );
  const rev = (await ok(bergen, REVERSE, { a: a.id, v: r.version, d: granted })).reverseAppeal;
  expect(rev).toMatchObject({
    state: 'REVERSED',
    availableEvents: ['CLOSE'],
    reversalDecision: { type: 'PARTICIPATION', outcome: 'GRANTED', appealable: true, notifiedAt: '2026-10-26', appealDeadline: '2026-11-16' },
  });
  // The new decision is a decision like any other: on the case, with its effect (a planned programme).
  const c = (await ok(bergen, PARTICIPANT_APPEALS, { id: d.participantId })).participant;
  expect(c.decisions.map((x: { id: string }) => x.id)).toContain(rev.reversalDecision.id);
  expect(c.programme.state).toBe('PLANNED');
  // … and can itself be appealed.
  const second = await registered(bergen, rev.reversalDecision.id, { receivedAt: '2026-11-10', sentAt: '2026-11-09', changeWanted: 'A different start date.' });
  expect(second).toMatchObject({ state: 'RECEIVED', deadline: '2026-11-16', filedInTime: true });
  expect((await ok(bergen, CLOSE, { a: a.id, v: rev.version })).closeAppeal.state).toBe('CLOSED');
  // Statsforvalteren never saw the reversed appeal.
  await fails(vestland, SF_APPEAL, { id: a.id }, 'NOT_FOUND');
});

test('R-9.4: a partial reversal makes a new decision for the part allowed and forwards the rest; Statsforvalteren sees both decisions', async () => {
  const benefitRefusal = {
    type: 'BENEFIT',
    outcome: 'REFUSED',
    reasons: 'No benefit before the programme starts.',
    decidedAt: '2026-10-05',
    notifiedAt: '2026-10-06',
    benefit: { periodFrom: '2026-10-01' },
  };
  const d = await decided(bergen, { decision: benefitRefusal });
  const a = await registered(bergen, d.decisionId, { changeWanted: 'Benefit from 1 October.' });
  const r = (await ok(bergen, START, { a: a.id, v: 1 })).startAppealReview;
  const part = {
    type: 'BENEFIT',
    outcome: 'GRANTED',
    reasons: 'Benefit from 1 November.',
    decidedAt: '2026-10-28',
    notifiedAt: '2026-10-29',
    benefit: { periodFrom: '2026-11-01', periodTo: '2027-10-31' },
  };
  const p = (await ok(bergen, PARTLY, { a: a.id, v: r.version, d: part, s: 'Granted from November; October is upheld.', c: today })).partlyReverseAndForward;
  expect(p).toMatchObject({
    state: 'PARTLY_REVERSED_AND_FORWARDED',
    statsforvalter: { id: 'vestland' },
    reversalDecision: { type: 'BENEFIT', outcome: 'GRANTED', appealable: true },
  });

  const detail = (await ok(vestland, SF_APPEAL, { id: a.id })).appeal;
  expect(detail).toMatchObject({
    state: 'PARTLY_REVERSED_AND_FORWARDED',
    decision: { id: d.decisionId, type: 'BENEFIT', outcome: 'REFUSED', benefit: null },
    reversalDecision: { id: p.reversalDecision.id, type: 'BENEFIT', outcome: 'GRANTED', benefit: { periodFrom: '2026-11-01', periodTo: '2027-10-31' } },
  });
  const out = (await ok(vestland, SF_DECIDE, { a: a.id, v: p.version, input: decision('UPHELD') })).decideAppeal;
  expect(out.state).toBe('DECIDED_BY_STATSFORVALTER');
});

describe('R-9.2 / R-9.3: intake, timeliness and late appeals', () => {
  test('only a notified decision can be appealed; the decision must exist in the municipality', async () => {
    const d = await decided(bergen, { decision: { notifiedAt: null } });
    const err = await fails(bergen, REGISTER_APPEAL, { input: appealOf(d.decisionId) }, 'RULE_VIOLATION', /§ 29/);
    expect(err.extensions.ruleId).toBe('R-9.2');
    // Once the notice is recorded, the appeal can be registered.
    await ok(bergen, NOTICE, { id: d.decisionId, at: '2026-10-06', v: 1 });
    expect((await registered(bergen, d.decisionId)).deadline).toBe('2026-10-27');

    await fails(bergen, REGISTER_APPEAL, { input: appealOf('00000000-0000-4000-8000-000000000000') }, 'NOT_FOUND');
    const stavanger = await t.token('MUNICIPALITY', '1103');
    const theirs = await decided(stavanger);
    const missing = await fails(bergen, REGISTER_APPEAL, { input: appealOf('00000000-0000-4000-8000-000000000000') }, 'NOT_FOUND');
    const foreign = await fails(bergen, REGISTER_APPEAL, { input: appealOf(theirs.decisionId) }, 'NOT_FOUND');
    expect(foreign.message).toBe(missing.message);
  });

  test('dates that contradict each other are refused', async () => {
    const d = await decided(bergen);
    await fails(bergen, REGISTER_APPEAL, { input: appealOf(d.decisionId, { sentAt: '2026-10-21' }) }, 'BAD_USER_INPUT');
    await fails(bergen, REGISTER_APPEAL, { input: appealOf(d.decisionId, { sentAt: '2026-10-01' }) }, 'BAD_USER_INPUT');
    await fails(bergen, REGISTER_APPEAL, { input: appealOf(d.decisionId, { receivedAt: addDays(today, 1) }) }, 'BAD_USER_INPUT');
    await fails(bergen, REGISTER_APPEAL, { input: appealOf(d.decisionId, { lateGround: 'SPECIAL_REASONS' }) }, 'BAD_USER_INPUT'); // in time: no late ground
  });

  test('a request for reasons restarts the deadline', async () => {
    const d = await decided(bergen);
    // Notice 6 Oct → 27 Oct; reasons requested 20 Oct, received 22 Oct → 12 Nov. Sent 10 Nov: in time.
    const a = await registered(bergen, d.decisionId, {
      reasonsRequestedAt: '2026-10-20',
      reasonsReceivedAt: '2026-10-22',
      sentAt: '2026-11-10',
      receivedAt: '2026-11-11',
    });
    expect(a).toMatchObject({ deadline: '2026-11-12', deadlineBasis: 'REASONS', filedInTime: true });
  });

  test('a late appeal is registered, and considered only once accepted on a ground', async () => {
    const d = await decided(bergen, { decision: { decidedAt: '2026-09-01', notifiedAt: '2026-09-02' } });
    const a = await registered(bergen, d.decisionId, { sentAt: '2026-10-10', receivedAt: '2026-10-12' });
    expect(a).toMatchObject({ state: 'RECEIVED', deadline: '2026-09-23', filedInTime: false, mayBeConsidered: false });
    expect(a.history[0].note).toMatch(/^Late: the deadline was 2026-09-23/);
    const r = (await ok(bergen, START, { a: a.id, v: 1 })).startAppealReview;
    const err = await fails(bergen, FORWARD, { a: a.id, v: r.version, s: 'Upheld.', c: today }, 'RULE_VIOLATION', /§ 31/);
    expect(err.extensions.ruleId).toBe('R-9.3');
    const accepted = (await ok(bergen, ACCEPT_LATE, { a: a.id, v: r.version, g: 'PARTY_NOT_TO_BLAME' })).acceptLateAppeal;
    expect(accepted).toMatchObject({ lateGround: 'PARTY_NOT_TO_BLAME', mayBeConsidered: true, state: 'UNDER_REVIEW' });
    expect((await ok(bergen, FORWARD, { a: a.id, v: accepted.version, s: 'Upheld.', c: today })).forwardAppeal.state).toBe('FORWARDED');
  });

  test('the 1-year bar: a late appeal received more than a year after the decision is never accepted, only dismissed', async () => {
    const d = await decided(bergen, {
      participant: { permitGrantDate: '2025-06-01', arrivalDate: '2025-06-10', settlementDate: '2025-09-01' },
      decision: { decidedAt: '2025-10-01', notifiedAt: '2025-10-03' },
    });
    const late = { sentAt: '2026-11-20', receivedAt: '2026-11-23' };
    const refused = await fails(
      bergen,
      REGISTER_APPEAL,
      { input: appealOf(d.decisionId, { ...late, lateGround: 'SPECIAL_REASONS' }) },
      'RULE_VIOLATION',
      /§ 31/,
    );
    expect(refused.extensions.details.lastDay).toBe('2026-10-01');
    const a = await registered(bergen, d.decisionId, late);
    expect(a).toMatchObject({ filedInTime: false, lateAppealLastDay: '2026-10-01', mayBeConsidered: false });
    expect(a.history[0].note).toMatch(/more than 1 year after the decision/);
    await fails(bergen, ACCEPT_LATE, { a: a.id, v: 1, g: 'PARTY_NOT_TO_BLAME' }, 'RULE_VIOLATION', /§ 31/);
    const r = (await ok(bergen, START, { a: a.id, v: 1 })).startAppealReview;
    await fails(bergen, REVERSE, { a: a.id, v: r.version, d: { ...REFUSAL, outcome: 'GRANTED', decidedAt: today } }, 'RULE_VIOLATION', /§ 31/);
    const dismissed = (await ok(bergen, DISMISS, { a: a.id, v: r.version, r: 'Received more than one year after the decision (forvaltningsloven § 31).' }))
      .dismissAppeal;
    expect(dismissed).toMatchObject({ state: 'DISMISSED', dismissalReasons: expect.stringMatching(/one year/) });
    expect((await ok(bergen, CLOSE, { a: a.id, v: dismissed.version })).closeAppeal.state).toBe('CLOSED');
  });
});

describe('R-9.4: the state machine and concurrency', () => {
  test('an illegal step is refused with the rule; a stale version is a conflict; nothing changes', async () => {
    const d = await decided(bergen);
    const a = await registered(bergen, d.decisionId);
    const err = await fails(bergen, FORWARD, { a: a.id, v: 1, s: 'x', c: today }, 'RULE_VIOLATION', /forvaltningsloven § 33/);
    expect(err.extensions).toMatchObject({ ruleId: 'R-9.4', details: { from: 'RECEIVED', event: 'FORWARD' } });
    await fails(bergen, DISMISS, { a: a.id, v: 1, r: 'x' }, 'RULE_VIOLATION', /§ 33/);
    await ok(bergen, START, { a: a.id, v: 1 });
    await fails(bergen, START, { a: a.id, v: 1 }, 'CONFLICT');
    await fails(bergen, START, { a: a.id, v: 2 }, 'RULE_VIOLATION', /§ 33/);
    await fails(bergen, START, { a: '00000000-0000-4000-8000-000000000000', v: 1 }, 'NOT_FOUND');
    const c = (await ok(bergen, PARTICIPANT_APPEALS, { id: d.participantId })).participant.appeals[0];
    expect(c).toMatchObject({ state: 'UNDER_REVIEW', version: 2 });
    expect(c.history.map((h: { event: string }) => h.event)).toEqual(['REGISTER', 'START_REVIEW']);
  });

  test('two caseworkers forwarding at once: exactly one succeeds', async () => {
    const d = await decided(bergen);
    const a = await registered(bergen, d.decisionId);
    const r = (await ok(bergen, START, { a: a.id, v: 1 })).startAppealReview;
    const results = await Promise.all([1, 2].map(() => t.gql(bergen, FORWARD, { a: a.id, v: r.version, s: 'Upheld.', c: today })));
    const codes = results.map((x) => x.body.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
  });

  test('a withdrawn appeal is closed with a note, and the decision can be appealed again', async () => {
    const d = await decided(bergen);
    const a = await registered(bergen, d.decisionId);
    await fails(bergen, REGISTER_APPEAL, { input: appealOf(d.decisionId) }, 'CONFLICT');
    await fails(bergen, CLOSE, { a: a.id, v: 1 }, 'BAD_USER_INPUT');
    const closed = (await ok(bergen, CLOSE, { a: a.id, v: 1, n: 'Withdrawn by the participant by phone.' })).closeAppeal;
    expect(closed.history.at(-1)).toMatchObject({ event: 'CLOSE', fromState: 'RECEIVED', toState: 'CLOSED', note: 'Withdrawn by the participant by phone.' });
    expect((await registered(bergen, d.decisionId)).state).toBe('RECEIVED');
  });

  test('registering with an idempotency key twice creates one appeal', async () => {
    const d = await decided(bergen);
    const input = appealOf(d.decisionId, { idempotencyKey: `appeal-${d.decisionId}` });
    const first = (await ok(bergen, REGISTER_APPEAL, { input })).registerAppeal;
    const second = (await ok(bergen, REGISTER_APPEAL, { input })).registerAppeal;
    expect(second.id).toBe(first.id);
    await fails(bergen, REGISTER_APPEAL, { input: { ...input, grounds: 'Something else.' } }, 'CONFLICT');
    const owner = await t.db.owner();
    expect((await owner.query(`SELECT count(*)::int AS n FROM app.appeal WHERE decision_id = $1`, [d.decisionId])).rows[0].n).toBe(1);
  });
});

describe('R-9.5: the competent office and reassignment', () => {
  test('a disqualified office hands the appeal to another: the first no longer sees it, the second decides it', async () => {
    const { appeal } = await forwarded();
    expect(appeal.statsforvalter.id).toBe('vestland');
    await fails(bergen, REASSIGN, { a: appeal.id, v: appeal.version, sf: 'vestland', r: 'x' }, 'BAD_USER_INPUT');
    await fails(bergen, REASSIGN, { a: appeal.id, v: appeal.version, sf: 'atlantis', r: 'x' }, 'BAD_USER_INPUT');
    const moved = (await ok(bergen, REASSIGN, { a: appeal.id, v: appeal.version, sf: 'rogaland', r: 'Statsforvalteren i Vestland is disqualified (inhabil).' }))
      .reassignAppeal;
    expect(moved).toMatchObject({
      state: 'FORWARDED',
      statsforvalter: { id: 'rogaland' },
      reassignmentReason: 'Statsforvalteren i Vestland is disqualified (inhabil).',
    });
    expect(moved.history.at(-1)).toMatchObject({ event: 'REASSIGN', note: 'Statsforvalteren i Vestland is disqualified (inhabil).' });

    const random = await fails(vestland, SF_APPEAL, { id: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND');
    const gone = await fails(vestland, SF_APPEAL, { id: appeal.id }, 'NOT_FOUND');
    expect(gone.message).toBe(random.message);
    const seen = (await ok(rogaland, SF_APPEAL, { id: appeal.id })).appeal;
    expect(seen).toMatchObject({ municipality: { number: '4601' }, statsforvalter: { id: 'rogaland' } });
    const list = (await ok(rogaland, SF_LIST, { first: 100 })).appeals;
    expect(list.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(appeal.id);
    const out = (await ok(rogaland, SF_DECIDE, { a: appeal.id, v: moved.version, input: decision('UPHELD') })).decideAppeal;
    expect(out).toMatchObject({ state: 'DECIDED_BY_STATSFORVALTER', decidedBy: 'Rune Jurist' });
    await fails(bergen, REASSIGN, { a: appeal.id, v: out.version, sf: 'vestland', r: 'Back.' }, 'RULE_VIOLATION', /§ 47/);
  });
});

describe("Statsforvalteren's list", () => {
  let voss: string;
  const ids: string[] = [];
  beforeAll(async () => {
    voss = await t.token('MUNICIPALITY', '4621', 'voss-user', 'Vera Voss');
    for (const [sentAt, receivedAt] of [
      ['2026-10-22', '2026-10-23'],
      ['2026-10-19', '2026-10-20'],
      ['2026-10-21', '2026-10-22'],
    ]) {
      ids.push((await forwarded(voss, { plan: true }, { sentAt, receivedAt })).appeal.id);
    }
    await forwarded(bergen); // another municipality of the same area
  });

  test('filters by municipality, decision type, state and dates; pages with a cursor; counts all', async () => {
    const page1 = (await ok(vestland, SF_LIST, { f: { municipalityNumber: '4621' }, first: 2 })).appeals;
    expect(page1.totalCount).toBe(3);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    // Waiting longest first: in the order they were forwarded.
    expect(page1.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(ids.slice(0, 2));
    const page2 = (await ok(vestland, SF_LIST, { f: { municipalityNumber: '4621' }, first: 2, after: page1.pageInfo.endCursor })).appeals;
    expect(page2.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(ids.slice(2));
    expect(page2.pageInfo).toEqual({ hasNextPage: false, endCursor: page2.edges[0].cursor });

    const byReceipt = (await ok(vestland, SF_LIST, { f: { municipalityNumber: '4621' }, o: 'RECEIVED_AT' })).appeals;
    expect(byReceipt.edges.map((e: { node: { receivedAt: string } }) => e.node.receivedAt)).toEqual(['2026-10-20', '2026-10-22', '2026-10-23']);
    // A cursor of one order is refused by the other.
    await fails(vestland, SF_LIST, { f: { municipalityNumber: '4621' }, first: 1, after: page1.pageInfo.endCursor, o: 'RECEIVED_AT' }, 'BAD_USER_INPUT');

    const count = async (f: Vars) => (await ok(vestland, SF_LIST, { f: { municipalityNumber: '4621', ...f }, first: 1 })).appeals.totalCount;
    expect(await count({ decisionType: 'PARTICIPATION' })).toBe(3);
    expect(await count({ decisionType: 'BENEFIT' })).toBe(0);
    expect(await count({ state: 'FORWARDED' })).toBe(3);
    expect(await count({ state: 'DECIDED_BY_STATSFORVALTER' })).toBe(0);
    expect(await count({ receivedFrom: '2026-10-21', receivedTo: '2026-10-22' })).toBe(1);
    expect(await count({ forwardedFrom: today, forwardedTo: today })).toBe(3);
    expect(await count({ forwardedTo: addDays(today, -1) })).toBe(0);
    await fails(vestland, SF_LIST, { f: { municipalityNumber: '9999' } }, 'BAD_USER_INPUT');
    // The whole area: Bergen's forwarded appeals too.
    const all = (await ok(vestland, SF_LIST, { first: 100 })).appeals;
    expect(new Set(all.edges.map((e: { node: { municipality: { number: string } } }) => e.node.municipality.number))).toEqual(new Set(['4601', '4621']));
  });

  test('a page costs the same number of SQL statements whatever its size', async () => {
    const statements = async (first: number) => {
      const res = await t.gql(vestland, SF_LIST, { f: { municipalityNumber: '4621' }, first });
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.appeals.edges).toHaveLength(first);
      return Number(res.headers['x-sql-statements']);
    };
    const one = await statements(1);
    expect(one).toBeGreaterThan(0);
    expect(await statements(3)).toBe(one);
  });
});

test('the dashboard: appeals awaiting review and follow-ups needed, in one statement; the open-appeal predicate', async () => {
  const kinn = await t.token('MUNICIPALITY', '4602', 'kinn-user', 'Kim Kinn');
  const municipalityId = t.directory.municipalityByNumber('4602')!.id;
  const counts = async () => {
    const tx = new RequestTransaction(t.api, { role: 'MUNICIPALITY', org: '4602', actor: 'kinn-user', municipalityId, municipalityIds: [municipalityId] });
    await tx.begin();
    try {
      const ctx = { tx, actor: { municipalityId } } as unknown as GraphQLContext;
      const before = tx.data.statements;
      const c = await appealCounts(ctx);
      expect(tx.data.statements - before).toBe(1);
      const open = await tx.query<{ id: string }>(
        `SELECT p.id FROM app.participant p WHERE p.municipality_id = $1 AND ${hasOpenAppealSql('p')} ORDER BY p.id`,
        [municipalityId],
      );
      return { ...c, open: open.map((r) => r.id).sort() };
    } finally {
      await tx.release();
    }
  };
  expect(await counts()).toEqual({ awaitingReview: 0, followUpsNeeded: 0, open: [] });

  const received = await decided(kinn);
  await registered(kinn, received.decisionId);
  const reviewing = await decided(kinn);
  const r = await registered(kinn, reviewing.decisionId);
  await ok(kinn, START, { a: r.id, v: 1 });
  const changed = await forwarded(kinn);
  const out = (await ok(vestland, SF_DECIDE, { a: changed.appeal.id, v: changed.appeal.version, input: decision('QUASHED_AND_RETURNED') })).decideAppeal;
  const allOpen = [received.participantId, reviewing.participantId, changed.participantId].sort();
  expect(await counts()).toEqual({ awaitingReview: 2, followUpsNeeded: 1, open: allOpen });

  const { makeDecision } = await ok(kinn, DECIDE, {
    id: changed.participantId,
    input: { type: 'PARTICIPATION', outcome: 'REFUSED', reasons: 'Handled again.', decidedAt: today },
  });
  const followUpId = makeDecision.decisions.map((x: { id: string }) => x.id).find((id: string) => id !== changed.decisionId);
  const done = (await ok(kinn, FOLLOW_UP, { a: changed.appeal.id, v: out.version, d: followUpId })).recordAppealFollowUp;
  await ok(kinn, CLOSE, { a: changed.appeal.id, v: done.version });
  expect(await counts()).toEqual({ awaitingReview: 2, followUpsNeeded: 0, open: [received.participantId, reviewing.participantId].sort() });
  expect(() => hasOpenAppealSql('p; DROP TABLE x')).toThrow();
});
