/**
 * Issue 16 items 3 and 4 over HTTP, as caseworkers: ending a programme and holiday and
 * leave, the shared care leave across two municipalities included.
 */
import { startTestApp, TestApp } from '../support/app';
import { MAPPING_INPUT, participantInput, planInput, REGISTER } from '../support/fixtures';

// A fixed today after every date below (endings, holidays and leave are all reported after the fact).
const TODAY = '2031-01-10';

let t: TestApp;
let bergen: string;
beforeAll(async () => {
  t = await startTestApp({ env: { INTROSAK_TODAY: TODAY } });
  bergen = await t.token('MUNICIPALITY', '4601', 'kari', 'Kari Saksbehandler');
});
afterAll(() => t?.close());

type Errors = { message: string; extensions: { code: string; lawReference?: string; details?: Record<string, unknown> } }[];

async function gql(tok: string, query: string, variables: Record<string, unknown>): Promise<{ data: Record<string, any>; errors?: Errors }> {
  const res = await t.gql(tok, query, variables);
  return res.body;
}

async function ok(tok: string, query: string, variables: Record<string, unknown>) {
  const body = await gql(tok, query, variables);
  expect(body.errors).toBeUndefined();
  return body.data;
}

async function refused(tok: string, query: string, variables: Record<string, unknown>, lawReference: RegExp) {
  const body = await gql(tok, query, variables);
  expect(body.errors?.[0]?.extensions?.code).toBe('RULE_VIOLATION');
  expect(body.errors![0].extensions.lawReference).toMatch(lawReference);
  return body.errors![0];
}

const MAP = `mutation($id: UUID!, $input: CompetenceMappingInput!) { recordCompetenceMapping(participantId: $id, input: $input) { id } }`;
const DECIDE = `mutation($id: UUID!, $input: DecisionInput!) { makeDecision(participantId: $id, input: $input) { id } }`;
const PLAN = `mutation($id: UUID!, $input: IntegrationPlanInput!) { saveIntegrationPlan(participantId: $id, input: $input) { id } }`;
const START = `mutation($id: UUID!, $input: StartProgrammeInput!) { startProgramme(participantId: $id, input: $input) { id } }`;
const COMPLETE = `mutation($id: UUID!, $input: EndProgrammeInput!) { completeProgramme(participantId: $id, input: $input) { id } }`;
const INTERRUPT = `mutation($id: UUID!, $input: EndProgrammeInput!) { interruptProgramme(participantId: $id, input: $input) { id } }`;
const PROGRAMME = `query($id: UUID!) { participant(id: $id) { status programme { version state startDate plannedEndDate endedAt endGoalReached endReason } } }`;

/** A case started on 2026-11-20 with a 36-month plan for completed upper-secondary (legal maximum 48 months). */
async function startedCase(tok: string, over: Record<string, unknown> = {}): Promise<string> {
  const { registerParticipant } = await ok(tok, REGISTER, { input: participantInput({ settlementDate: '2026-09-01', ...over }) });
  const id = registerParticipant.id;
  await ok(tok, MAP, { id, input: MAPPING_INPUT });
  await ok(tok, DECIDE, {
    id,
    input: { type: 'PARTICIPATION', outcome: 'GRANTED', reasons: 'Right and duty.', decidedAt: '2026-11-10', notifiedAt: '2026-11-12' },
  });
  await ok(tok, PLAN, { id, input: planInput() });
  await ok(tok, START, { id, input: { startDate: '2026-11-20', expectedVersion: 1 } });
  return id;
}

async function programmeOf(tok: string, id: string) {
  return (await ok(tok, PROGRAMME, { id })).participant.programme;
}

describe('item 3: ending a programme (R-13.4)', () => {
  test('a completion one day past the legal maximum, in the future, or before the goal or the time is refused; on time out it is accepted', async () => {
    const id = await startedCase(bergen);
    const prog = await programmeOf(bergen, id);
    // 36 months from 2026-11-20: last planned day 2029-11-19. Legal maximum (48 months, no extension granted): 2030-11-19.
    expect(prog).toMatchObject({ state: 'ACTIVE', plannedEndDate: '2029-11-19' });
    const end = (endDate: string, endGoalReached: boolean, reason: string | null = null) => ({
      id,
      input: { endDate, endGoalReached, reason, expectedVersion: prog.version },
    });

    // The day after the legal maximum, even with the goal reached.
    const past = await refused(bergen, COMPLETE, end('2030-11-20', true), /§§ 13, 14 og 18 a/);
    expect(past.extensions.details).toMatchObject({ legalMaxEndDate: '2030-11-19', clarification: 'R-13.4' });
    // A day in the future (tomorrow).
    await refused(bergen, COMPLETE, end('2031-01-11', true), /§ 18 a/);
    // Before the time ran out, goal not reached: that is an interruption. The day before the planned last day is refused.
    const early = await refused(bergen, COMPLETE, end('2029-11-18', false), /§ 18 a/);
    expect(early.message).toMatch(/interrupted/);
    // Nothing changed.
    expect((await programmeOf(bergen, id)).state).toBe('ACTIVE');

    // On the planned last day the time has run out: completed, goal not reached.
    await ok(bergen, COMPLETE, end('2029-11-19', false));
    expect(await programmeOf(bergen, id)).toMatchObject({ state: 'COMPLETED', endedAt: '2029-11-19', endGoalReached: false });
  });

  test('a completion with the goal reached before the time ran out is accepted; the legal maximum itself is accepted', async () => {
    const id = await startedCase(bergen);
    const v = (await programmeOf(bergen, id)).version;
    await ok(bergen, COMPLETE, { id, input: { endDate: '2028-06-15', endGoalReached: true, expectedVersion: v } });
    expect(await programmeOf(bergen, id)).toMatchObject({ state: 'COMPLETED', endedAt: '2028-06-15', endGoalReached: true });

    const late = await startedCase(bergen);
    const lv = (await programmeOf(bergen, late)).version;
    await ok(bergen, COMPLETE, { id: late, input: { endDate: '2030-11-19', endGoalReached: false, expectedVersion: lv } });
    expect((await programmeOf(bergen, late)).state).toBe('COMPLETED');
  });

  test('an interruption needs a reason, is refused when the goal was reached or the time ran out, and is accepted with its reason', async () => {
    const id = await startedCase(bergen);
    const v = (await programmeOf(bergen, id)).version;
    const end = (endDate: string, endGoalReached: boolean, reason: string | null) => ({ id, input: { endDate, endGoalReached, reason, expectedVersion: v } });
    await refused(bergen, INTERRUPT, end('2027-05-01', false, null), /§ 18 a/);
    const reached = await refused(bergen, INTERRUPT, end('2027-05-01', true, 'Got a job'), /§ 18 a/);
    expect(reached.message).toMatch(/completed, not interrupted/);
    await refused(bergen, INTERRUPT, end('2029-11-19', false, 'Moved abroad'), /§ 18 a/);
    await refused(bergen, INTERRUPT, end('2026-11-19', false, 'Moved abroad'), /§ 18 a/); // before the start
    await refused(bergen, INTERRUPT, end('2031-01-11', false, 'Moved abroad'), /§ 18 a/); // tomorrow
    await ok(bergen, INTERRUPT, end('2027-05-01', false, 'Moved abroad'));
    expect(await programmeOf(bergen, id)).toMatchObject({ state: 'INTERRUPTED', endedAt: '2027-05-01', endReason: 'Moved abroad' });
  });
});
