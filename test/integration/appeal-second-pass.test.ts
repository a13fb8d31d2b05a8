/**
 * Issue 16 items 6–8 over HTTP, as the roles that meet them: a caseworker and a county adviser for the
 * plausibility of what is reported and the mapping guidance builds on; a caseworker for the
 * decision's facts that move the appeal deadline; a caseworker and Statsforvalteren for the appeal's
 * edge cases.
 */
import { addDays, todayInOslo } from '../../src/domain/calendar';
import { LAW } from '../../src/domain/law-references';
import { startTestApp, TestApp } from '../support/app';
import { participantInput, REGISTER } from '../support/fixtures';

let t: TestApp;
let bergen: string; // MUNICIPALITY 4601 (Vestland)
let vestlandCounty: string; // COUNTY 46
const today = todayInOslo();

beforeAll(async () => {
  t = await startTestApp();
  bergen = await t.token('MUNICIPALITY', '4601', 'kari', 'Kari Saksbehandler');
  vestlandCounty = await t.token('COUNTY', '46', 'vera', 'Vera Veileder');
});
afterAll(() => t?.close());

type Vars = Record<string, unknown>;

async function ok(tok: string, query: string, variables: Vars = {}) {
  const res = await t.gql(tok, query, variables);
  expect(res.body.errors).toBeUndefined();
  return res.body.data;
}

async function refused(tok: string, query: string, variables: Vars, ruleId: string) {
  const res = await t.gql(tok, query, variables);
  const err = res.body.errors?.[0];
  expect(err?.extensions).toMatchObject({ code: 'RULE_VIOLATION', ruleId, lawReference: LAW[ruleId as keyof typeof LAW] });
  return err;
}

const MAP = `mutation($id: UUID!, $input: CompetenceMappingInput!) { recordCompetenceMapping(participantId: $id, input: $input) { id } }`;
const DECIDE = `mutation($id: UUID!, $input: DecisionInput!) { makeDecision(participantId: $id, input: $input) { id decisions { id version notifiedAt appealDeadline } } }`;
const NOTICE = `mutation($id: UUID!, $at: LocalDate!, $v: Int!) { recordDecisionNotice(decisionId: $id, notifiedAt: $at, expectedVersion: $v) { id version notifiedAt appealDeadline } }`;
const REGISTER_APPEAL = `mutation($input: RegisterAppealInput!) { registerAppeal(input: $input) { id version state deadline deadlineBasis filedInTime grounds changeWanted } }`;

const mapping = { languageSkills: 'Dari (native)', education: 'Primary school', countsAsUpperSecondary: false, workExperience: 'Baker', complete: true };

async function participant(): Promise<string> {
  const input = participantInput({ permitGrantDate: addDays(today, -150), arrivalDate: addDays(today, -140), settlementDate: addDays(today, -60) });
  return (await ok(bergen, REGISTER, { input })).registerParticipant.id;
}

/** A refusal decided `decidedAt`, notified `notifiedAt` (or not yet); returns the participant, the decision and its version. */
async function refusal(decidedAt: string, notifiedAt: string | null = null) {
  const participantId = await participant();
  const { makeDecision } = await ok(bergen, DECIDE, {
    id: participantId,
    input: { type: 'PARTICIPATION', outcome: 'REFUSED', reasons: 'The permit is not documented.', decidedAt, notifiedAt },
  });
  const [d] = makeDecision.decisions;
  return { participantId, decisionId: d.id as string, version: d.version as number };
}

const appealOf = (decisionId: string, over: Vars = {}) => ({
  decisionId,
  receivedAt: today,
  sentAt: today,
  grounds: 'The permit was documented in the letter of 2 May.',
  changeWanted: 'Grant me the programme.',
  ...over,
});

// ------------------------------------------------------------------ item 7: guidance and plausibility

describe('R-13.7 plausibility of what is reported (caseworker)', () => {
  test('reasons of only whitespace are refused; nothing is decided', async () => {
    const id = await participant();
    const input = { type: 'PARTICIPATION', outcome: 'REFUSED', reasons: '   \t ', decidedAt: today };
    await refused(bergen, DECIDE, { id, input }, 'R-13.7');
    const owner = await t.db.owner();
    expect((await owner.query(`SELECT count(*)::int AS n FROM app.decision WHERE participant_id = $1`, [id])).rows[0].n).toBe(0);
  });

  test('grounds and change wanted of only whitespace are refused; content is kept trimmed', async () => {
    const d = await refusal(addDays(today, -10), addDays(today, -9));
    await refused(bergen, REGISTER_APPEAL, { input: appealOf(d.decisionId, { grounds: '    ' }) }, 'R-13.7');
    await refused(bergen, REGISTER_APPEAL, { input: appealOf(d.decisionId, { changeWanted: ' \n ' }) }, 'R-13.7');
    const a = (await ok(bergen, REGISTER_APPEAL, { input: appealOf(d.decisionId, { grounds: '  Documented.  ' }) })).registerAppeal;
    expect(a).toMatchObject({ state: 'RECEIVED', grounds: 'Documented.', filedInTime: true });
  });

  test('a notice date in the future is refused like any other future date; today is accepted', async () => {
    const id = await participant();
    const decidedAt = addDays(today, -3);
    const input = { type: 'PARTICIPATION', outcome: 'REFUSED', reasons: 'Not documented.', decidedAt, notifiedAt: addDays(today, 30) };
    await refused(bergen, DECIDE, { id, input }, 'R-13.7');

    const d = await refusal(decidedAt);
    await refused(bergen, NOTICE, { id: d.decisionId, at: addDays(today, 1), v: d.version }, 'R-13.7');
    await refused(bergen, NOTICE, { id: d.decisionId, at: addDays(today, 30), v: d.version }, 'R-13.7');
    const noticed = (await ok(bergen, NOTICE, { id: d.decisionId, at: today, v: d.version })).recordDecisionNotice;
    expect(noticed.notifiedAt).toBe(today);
  });
});

describe('R-13.9 career guidance is submitted only on a complete mapping (county adviser)', () => {
  const REFER = `mutation($p: UUID!, $note: String!) { referToCareerGuidance(participantId: $p, note: $note) { id version } }`;
  const START = `mutation($id: UUID!, $v: Int!) { startCareerGuidance(referralId: $id, expectedVersion: $v) { id version state participant { mappingCompletedAt } } }`;
  const SUBMIT = `mutation($id: UUID!, $input: SubmitCareerGuidanceInput!) { submitCareerGuidance(referralId: $id, input: $input) { id version state } }`;
  const guidance = (expectedVersion: number) => ({
    heldAt: today,
    adviser: 'Vera Veileder',
    summary: 'Wants to become a baker; needs Norwegian first.',
    recommendationKind: 'EDUCATION',
    recommendedEndGoal: 'UPPER_SECONDARY_COMPLETE',
    suggestedElements: ['Bakery apprenticeship'],
    expectedVersion,
  });

  test('reopened after the referral: the submission is refused; completed again: accepted', async () => {
    const id = await participant();
    await ok(bergen, MAP, { id, input: mapping });
    const referral = (await ok(bergen, REFER, { p: id, note: 'Education or work?' })).referToCareerGuidance;
    const started = (await ok(vestlandCounty, START, { id: referral.id, v: referral.version })).startCareerGuidance;
    expect(started.participant.mappingCompletedAt).toBe(today);

    // The municipality reopens the mapping while the county works on the guidance.
    await ok(bergen, MAP, { id, input: { ...mapping, complete: false, expectedVersion: 1 } });
    const err = await refused(vestlandCounty, SUBMIT, { id: referral.id, input: guidance(started.version) }, 'R-13.9');
    expect(err.extensions.lawReference).toMatch(/§ 11/);

    await ok(bergen, MAP, { id, input: { ...mapping, expectedVersion: 2 } });
    const submitted = (await ok(vestlandCounty, SUBMIT, { id: referral.id, input: guidance(started.version) })).submitCareerGuidance;
    expect(submitted.state).toBe('COMPLETED');
  });
});

// ------------------------------------------------------------------ item 6: decision facts that move the deadline

const DECISION_FACTS = `id version notifiedAt reasonsRequestedAt reasonsReceivedAt appealDeadlineExtendedTo appealDeadlineExtendedOn appealDeadline awaitingReasons
  appealInformation { deadline }`;
const NOTICE_FACTS = `mutation($id: UUID!, $at: LocalDate!, $v: Int!) { recordDecisionNotice(decisionId: $id, notifiedAt: $at, expectedVersion: $v) { ${DECISION_FACTS}
  appeals { id version deadline deadlineBasis filedInTime history { event note } } } }`;
const REASONS = `mutation($id: UUID!, $req: LocalDate!, $rec: LocalDate, $v: Int!) {
  recordReasonsRequest(decisionId: $id, requestedAt: $req, receivedAt: $rec, expectedVersion: $v) { ${DECISION_FACTS} } }`;
const EXTEND = `mutation($id: UUID!, $to: LocalDate!, $on: LocalDate!, $v: Int!) {
  recordAppealDeadlineExtension(decisionId: $id, extendedTo: $to, grantedOn: $on, expectedVersion: $v) { ${DECISION_FACTS}
  appeals { id deadline deadlineBasis filedInTime } } }`;

describe('R-13.8 facts of the decision move its appeal deadline (caseworker)', () => {
  // Decided Monday 5 October 2026, notice "Tuesday 6 October" → deadline Tuesday 27 October.
  test('a corrected notice date re-judges the registered appeal: late on the old deadline, in time on the corrected one', async () => {
    const d = await refusal('2026-10-05', '2026-10-06');
    const a = (await ok(bergen, REGISTER_APPEAL, { input: appealOf(d.decisionId, { sentAt: '2026-10-29', receivedAt: '2026-10-30' }) })).registerAppeal;
    expect(a).toMatchObject({ deadline: '2026-10-27', filedInTime: false });

    // The notice in fact reached the participant on Thursday 8 October: deadline Thursday 29 October.
    const corrected = (await ok(bergen, NOTICE_FACTS, { id: d.decisionId, at: '2026-10-08', v: d.version })).recordDecisionNotice;
    expect(corrected).toMatchObject({ notifiedAt: '2026-10-08', appealDeadline: '2026-10-29', appealInformation: { deadline: '2026-10-29' } });
    expect(corrected.appeals).toEqual([
      expect.objectContaining({ id: a.id, version: a.version + 1, deadline: '2026-10-29', deadlineBasis: 'NOTICE', filedInTime: true }),
    ]);
    expect(corrected.appeals[0].history.map((h: { event: string }) => h.event)).toEqual(['REGISTER', 'REJUDGE_TIMELINESS']);
    expect(corrected.appeals[0].history[1].note).toMatch(/2026-10-27 → 2026-10-29/);

    // Back to the earlier date: late again.
    const back = (await ok(bergen, NOTICE_FACTS, { id: d.decisionId, at: '2026-10-06', v: corrected.version })).recordDecisionNotice;
    expect(back.appeals[0]).toMatchObject({ deadline: '2026-10-27', filedInTime: false });
  });

  test('an extension on the decision alone: recorded with the day it was granted, shown by the decision, used by a later appeal', async () => {
    const d = await refusal('2026-10-05', '2026-10-06');
    // Granted the day after the deadline expired: refused.
    await refused(bergen, EXTEND, { id: d.decisionId, to: '2026-11-10', on: '2026-10-28', v: d.version }, 'R-9.2');
    // Granted on the last day (Tuesday 27 October) to Tuesday 10 November.
    const x = (await ok(bergen, EXTEND, { id: d.decisionId, to: '2026-11-10', on: '2026-10-27', v: d.version })).recordAppealDeadlineExtension;
    expect(x).toMatchObject({
      version: d.version + 1,
      appealDeadlineExtendedTo: '2026-11-10',
      appealDeadlineExtendedOn: '2026-10-27',
      appealDeadline: '2026-11-10',
      appealInformation: { deadline: '2026-11-10' },
      appeals: [],
    });
    const a = (await ok(bergen, REGISTER_APPEAL, { input: appealOf(d.decisionId, { sentAt: '2026-11-09', receivedAt: '2026-11-10' }) })).registerAppeal;
    expect(a).toMatchObject({ deadline: '2026-11-10', deadlineBasis: 'EXTENDED', filedInTime: true });
  });

  test('a request for reasons on the decision: the deadline waits for them, then runs 3 weeks from receipt, and the appeal follows', async () => {
    const d = await refusal('2026-10-05', '2026-10-06');
    const asked = (await ok(bergen, REASONS, { id: d.decisionId, req: '2026-10-20', rec: null, v: d.version })).recordReasonsRequest;
    expect(asked).toMatchObject({ reasonsRequestedAt: '2026-10-20', reasonsReceivedAt: null, awaitingReasons: true });
    const a = (await ok(bergen, REGISTER_APPEAL, { input: appealOf(d.decisionId, { sentAt: '2026-11-13', receivedAt: '2026-11-16' }) })).registerAppeal;
    expect(a).toMatchObject({ filedInTime: true });

    // Reasons received Friday 23 October → deadline Friday 13 November; the appeal sent that day stays in time.
    const received = (await ok(bergen, REASONS, { id: d.decisionId, req: '2026-10-20', rec: '2026-10-23', v: asked.version })).recordReasonsRequest;
    expect(received).toMatchObject({ reasonsReceivedAt: '2026-10-23', awaitingReasons: false, appealDeadline: '2026-11-13' });
    const { participant } = await ok(bergen, `query($id: UUID!) { participant(id: $id) { appeals { id deadline deadlineBasis filedInTime } } }`, {
      id: d.participantId,
    });
    expect(participant.appeals).toEqual([{ id: a.id, deadline: '2026-11-13', deadlineBasis: 'REASONS', filedInTime: true }]);

    // Receipt before the request, or in the future: refused.
    await refused(bergen, REASONS, { id: d.decisionId, req: '2026-10-20', rec: '2026-10-19', v: received.version }, 'R-13.7');
    await refused(bergen, REASONS, { id: d.decisionId, req: '2026-10-20', rec: addDays(today, 1), v: received.version }, 'R-13.7');
  });

  test('a decision of another municipality is NOT_FOUND, as a random id', async () => {
    const d = await refusal('2026-10-05', '2026-10-06');
    const stavanger = await t.token('MUNICIPALITY', '1103', 'siv', 'Siv Stavanger');
    const res = await t.gql(stavanger, EXTEND, { id: d.decisionId, to: '2026-11-10', on: '2026-10-20', v: d.version });
    expect(res.body.errors[0].extensions.code).toBe('NOT_FOUND');
  });
});

// ------------------------------------------------------------------ item 8: the appeal's edge cases

describe('R-13.10 the appeal’s edge cases (caseworker and Statsforvalteren)', () => {
  let vestland: string;
  let rogaland: string;
  beforeAll(async () => {
    vestland = await t.token('STATSFORVALTER', 'vestland', 'sf-vestland', 'Siri Juridisk');
    rogaland = await t.token('STATSFORVALTER', 'rogaland', 'sf-rogaland', 'Rune Jurist');
  });
  const A = `id version state closedFrom dismissalReasons dismissalDecision { id type outcome appealable notifiedAt version } history { event note by { role org } }`;
  const START = `mutation($a: UUID!, $v: Int!) { startAppealReview(appealId: $a, expectedVersion: $v) { ${A} } }`;
  const FORWARD = `mutation($a: UUID!, $v: Int!, $s: String!, $c: LocalDate!) { forwardAppeal(appealId: $a, expectedVersion: $v, statement: $s, copiedToParticipantAt: $c) { ${A} } }`;
  const DISMISS = `mutation($a: UUID!, $v: Int!, $r: String!) { dismissAppeal(appealId: $a, expectedVersion: $v, reasons: $r) { ${A} } }`;
  const CLOSE = `mutation($a: UUID!, $v: Int!, $n: String) { closeAppeal(appealId: $a, expectedVersion: $v, note: $n) { ${A} } }`;
  const SF_APPEAL = `query($id: UUID!) { appeal(id: $id) { id version state statsforvalter { id } reassignmentReason history { event note by { role org } } } }`;
  const SF_DECIDE = `mutation($a: UUID!, $v: Int!, $input: DecideAppealInput!) { decideAppeal(appealId: $a, expectedVersion: $v, input: $input) { id state outcome } }`;
  const HAND_ON = `mutation($a: UUID!, $v: Int!, $sf: String!, $r: String!) { handOnAppeal(appealId: $a, expectedVersion: $v, statsforvalterId: $sf, reason: $r) { id name } }`;
  const VALIDITY = `query($id: UUID!) { participant(id: $id) { decisions { id type validity validityPartly } } }`;

  async function forwardedAppeal() {
    const d = await refusal(addDays(today, -10), addDays(today, -9));
    const a = (await ok(bergen, REGISTER_APPEAL, { input: appealOf(d.decisionId) })).registerAppeal;
    const r = (await ok(bergen, START, { a: a.id, v: a.version })).startAppealReview;
    const f = (await ok(bergen, FORWARD, { a: r.id, v: r.version, s: 'The municipality upholds the refusal.', c: today })).forwardAppeal;
    return { ...d, appeal: f };
  }
  const decision = (outcome: string, partial = false) => ({
    outcome,
    partial,
    reasons: 'Statsforvalteren has reviewed the case.',
    decidedAt: today,
    toDetriment: false,
  });

  test('the dismissal is a decision of its own, notified and appealed like any other', async () => {
    const d = await refusal(addDays(today, -40), addDays(today, -39));
    const a = (await ok(bergen, REGISTER_APPEAL, { input: appealOf(d.decisionId) })).registerAppeal;
    expect(a.filedInTime).toBe(false);
    const r = (await ok(bergen, START, { a: a.id, v: a.version })).startAppealReview;
    const dismissed = (await ok(bergen, DISMISS, { a: r.id, v: r.version, r: 'Late, and no ground to consider it.' })).dismissAppeal;
    expect(dismissed).toMatchObject({
      state: 'DISMISSED',
      dismissalDecision: { type: 'APPEAL_DISMISSAL', outcome: 'REFUSED', appealable: true, notifiedAt: null },
    });
    // A caseworker cannot make such a decision on its own.
    const res = await t.gql(bergen, DECIDE, { id: d.participantId, input: { type: 'APPEAL_DISMISSAL', outcome: 'REFUSED', reasons: 'x', decidedAt: today } });
    expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');

    const dismissal = dismissed.dismissalDecision;
    await ok(bergen, NOTICE, { id: dismissal.id, at: today, v: dismissal.version });
    const again = (await ok(bergen, REGISTER_APPEAL, { input: appealOf(dismissal.id, { grounds: 'I was in hospital: the delay is not my fault.' }) }))
      .registerAppeal;
    expect(again).toMatchObject({ state: 'RECEIVED', filedInTime: true });
  });

  test('withdrawn after forwarding, before Statsforvalteren decides: closed, and no longer before the office', async () => {
    const { appeal } = await forwardedAppeal();
    expect((await ok(vestland, SF_APPEAL, { id: appeal.id })).appeal.state).toBe('FORWARDED');
    const res = await t.gql(bergen, CLOSE, { a: appeal.id, v: appeal.version, n: null });
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'note' });
    const closed = (await ok(bergen, CLOSE, { a: appeal.id, v: appeal.version, n: 'The participant withdrew the appeal by letter.' })).closeAppeal;
    expect(closed).toMatchObject({ state: 'CLOSED', closedFrom: 'FORWARDED' });
    const sf = await t.gql(vestland, SF_APPEAL, { id: appeal.id });
    expect(sf.body.errors[0].extensions.code).toBe('NOT_FOUND');
  });

  test('a disqualified office hands the appeal on; the other office reads and decides it', async () => {
    const { appeal, participantId, decisionId } = await forwardedAppeal();
    const blank = await t.gql(vestland, HAND_ON, { a: appeal.id, v: appeal.version, sf: 'rogaland', r: '   ' });
    expect(blank.body.errors[0].extensions).toMatchObject({ code: 'RULE_VIOLATION', ruleId: 'R-13.7' });
    const same = await t.gql(vestland, HAND_ON, { a: appeal.id, v: appeal.version, sf: 'vestland', r: 'Disqualified.' });
    expect(same.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    // Another office cannot hand on what it does not hold.
    expect((await t.gql(rogaland, HAND_ON, { a: appeal.id, v: appeal.version, sf: 'vestland', r: 'x' })).body.errors[0].extensions.code).toBe('NOT_FOUND');

    const handed = (await ok(vestland, HAND_ON, { a: appeal.id, v: appeal.version, sf: 'rogaland', r: 'A lawyer here is related to the participant.' }))
      .handOnAppeal;
    expect(handed).toMatchObject({ id: 'rogaland' });
    expect((await t.gql(vestland, SF_APPEAL, { id: appeal.id })).body.errors[0].extensions.code).toBe('NOT_FOUND');
    const there = (await ok(rogaland, SF_APPEAL, { id: appeal.id })).appeal;
    expect(there).toMatchObject({ state: 'FORWARDED', statsforvalter: { id: 'rogaland' }, reassignmentReason: 'A lawyer here is related to the participant.' });
    expect(there.history.at(-1)).toMatchObject({ event: 'REASSIGN', by: { role: 'STATSFORVALTER', org: 'vestland' } });

    // Rogaland quashes it: the decision shows that it no longer stands.
    await ok(rogaland, SF_DECIDE, { a: appeal.id, v: there.version, input: decision('QUASHED_AND_RETURNED') });
    const decisions = (await ok(bergen, VALIDITY, { id: participantId })).participant.decisions;
    expect(decisions.find((x: { id: string }) => x.id === decisionId)).toMatchObject({ validity: 'QUASHED', validityPartly: false });
  });

  test('a decision Statsforvalteren changed in part shows so; an upheld one stays in force', async () => {
    const changed = await forwardedAppeal();
    await ok(vestland, SF_DECIDE, { a: changed.appeal.id, v: changed.appeal.version, input: decision('CHANGED', true) });
    const upheld = await forwardedAppeal();
    await ok(vestland, SF_DECIDE, { a: upheld.appeal.id, v: upheld.appeal.version, input: decision('UPHELD') });
    const one = async (p: string) => (await ok(bergen, VALIDITY, { id: p })).participant.decisions[0];
    expect(await one(changed.participantId)).toMatchObject({ validity: 'CHANGED', validityPartly: true });
    expect(await one(upheld.participantId)).toMatchObject({ validity: 'IN_FORCE', validityPartly: false });
  });
});
