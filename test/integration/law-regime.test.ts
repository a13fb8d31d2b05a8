/**
 * Issue 16 items 1, 2 and 9 over HTTP, as a caseworker meets them: the programme rules dated by the offer
 * the benefit split by period and the reason a late
 * participation decision needs.
 */
import { startTestApp, TestApp } from '../support/app';
import { MAPPING_INPUT, participantInput, planInput, REGISTER } from '../support/fixtures';

let t: TestApp;
let tok: string;
beforeAll(async () => {
  t = await startTestApp();
  tok = await t.token('MUNICIPALITY', '4601', 'kari', 'Kari Saksbehandler');
});
afterAll(() => t?.close());

const MAP = `mutation($id: UUID!, $input: CompetenceMappingInput!) { recordCompetenceMapping(participantId: $id, input: $input) { id } }`;
const DECIDE = `mutation($id: UUID!, $input: DecisionInput!) { makeDecision(participantId: $id, input: $input) { id decisions {
  id type outcome decidedAt lateDecisionReason ruleNotices { ruleId lawReference message }
  benefit { gAmount gDate fractionOfG periodFrom periodTo parts { from to gAmount gDate fraction age amount } totalAmount }
} } }`;
const PLAN = `mutation($id: UUID!, $input: IntegrationPlanInput!, $v: Int) { saveIntegrationPlan(participantId: $id, input: $input, expectedVersionNo: $v) {
  id integrationPlan { current { versionNo ruleNotices { ruleId lawReference message } } }
} }`;
const UPDATE = `mutation($id: UUID!, $input: UpdateParticipantInput!) { updateParticipant(id: $id, input: $input) { id version offerDate } }`;
const START = `mutation($id: UUID!, $input: StartProgrammeInput!) { startProgramme(participantId: $id, input: $input) { id } }`;
const CASE = `query($id: UUID!) { participant(id: $id) { version offerDate programme { version state } decisions { type benefit { totalAmount parts { from gAmount } } } } }`;

async function ok(query: string, variables: Record<string, unknown>) {
  const res = await t.gql(tok, query, variables);
  expect(res.body.errors).toBeUndefined();
  return res.body.data;
}

async function refused(query: string, variables: Record<string, unknown>, ruleId: string, lawReference: RegExp) {
  const res = await t.gql(tok, query, variables);
  expect(res.body.errors?.[0]?.extensions?.code).toBe('RULE_VIOLATION');
  expect(res.body.errors[0].extensions.violations?.[0]?.ruleId).toBe(ruleId);
  expect(res.body.errors[0].extensions.lawReference).toMatch(lawReference);
  return res.body.errors[0];
}

/** Makes a decision; returns the case's newest decision of its type. */
async function decide(id: string, input: Record<string, unknown>) {
  const { makeDecision } = await ok(DECIDE, { id, input });
  return makeDecision.decisions.find((d: { type: string }) => d.type === input.type);
}

async function register(over: Record<string, unknown>, mapping: Record<string, unknown> = {}): Promise<string> {
  const { registerParticipant } = await ok(REGISTER, { input: participantInput(over) });
  await ok(MAP, { id: registerParticipant.id, input: { ...MAPPING_INPUT, ...mapping } });
  return registerParticipant.id;
}

const grant = (decidedAt: string, over: Record<string, unknown> = {}) => ({
  type: 'PARTICIPATION',
  outcome: 'GRANTED',
  reasons: 'Refugee settled by agreement, right and duty.',
  decidedAt,
  ...over,
});

/** Settled 2025-02-01 (start deadline 2025-05-01): the benefit periods of 2025 cross the 1 May 2025 G. */
const SETTLED_2025 = { permitGrantDate: '2024-12-01', arrivalDate: '2025-01-10', settlementDate: '2025-02-01' };

describe('item 2: the benefit follows the period (R-7.2, R-13.3)', () => {
  const benefit = (decidedAt: string, periodFrom: string, periodTo: string | null) => ({
    type: 'BENEFIT',
    outcome: 'GRANTED',
    reasons: 'Introduction benefit while in the programme.',
    decidedAt,
    benefit: { periodFrom, periodTo },
  });

  test('a period after 1 May decided in April is paid at the new G', async () => {
    const id = await register({ ...SETTLED_2025, birthDate: '1990-03-02' });
    const makeDecision = await decide(id, benefit('2025-04-10', '2025-05-01', '2025-05-31'));
    expect(makeDecision.benefit).toMatchObject({ gAmount: 130160, gDate: '2025-05-01', totalAmount: 21693 });
    expect(makeDecision.benefit.parts).toEqual([
      { from: '2025-05-01', to: '2025-05-31', gAmount: 130160, gDate: '2025-05-01', fraction: '2', age: 35, amount: 21693 },
    ]);
  });

  test('a period across 1 May is split there, each part with its G, fraction and amount', async () => {
    const id = await register({ ...SETTLED_2025, birthDate: '1990-03-02' });
    const makeDecision = await decide(id, benefit('2025-04-10', '2025-04-01', '2025-05-31'));
    expect(makeDecision.benefit.parts).toEqual([
      { from: '2025-04-01', to: '2025-04-30', gAmount: 124028, gDate: '2024-05-01', fraction: '2', age: 35, amount: 20671 },
      { from: '2025-05-01', to: '2025-05-31', gAmount: 130160, gDate: '2025-05-01', fraction: '2', age: 35, amount: 21693 },
    ]);
    expect(makeDecision.benefit.totalAmount).toBe(20671 + 21693);
    const c = (await ok(CASE, { id })).participant;
    expect(c.decisions[0].benefit).toEqual({
      totalAmount: 42364,
      parts: [
        { from: '2025-04-01', gAmount: 124028 },
        { from: '2025-05-01', gAmount: 130160 },
      ],
    });
  });

  test('the 25th birthday splits the period where the rate changes', async () => {
    const id = await register({ ...SETTLED_2025, birthDate: '2000-06-15' });
    const makeDecision = await decide(id, benefit('2025-05-20', '2025-06-01', '2025-06-30'));
    expect(makeDecision.benefit.parts.map((p: { from: string; to: string; fraction: string; age: number }) => [p.from, p.to, p.age, p.fraction])).toEqual([
      ['2025-06-01', '2025-06-14', 24, '4/3'],
      ['2025-06-15', '2025-06-30', 25, '2'],
    ]);
  });
});

describe('item 9: a late participation decision needs a reason (R-5.1)', () => {
  // Settled 2026-08-01: decision and start are due by 2026-11-01 (a Sunday; the municipality's deadline does not move).
  const settled = { permitGrantDate: '2026-06-01', arrivalDate: '2026-06-10', settlementDate: '2026-08-01' };

  test('on the deadline: no reason needed', async () => {
    const id = await register(settled);
    const d = await decide(id, grant('2026-11-01'));
    expect(d).toMatchObject({ outcome: 'GRANTED', lateDecisionReason: null });
  });

  test('the day after: refused without a reason, or with only spaces; accepted and shown with one', async () => {
    const id = await register(settled);
    const err = await refused(DECIDE, { id, input: grant('2026-11-02') }, 'R-5.1', /integreringsloven § 12/);
    expect(err.message).toMatch(/2026-11-01/);
    await refused(DECIDE, { id, input: grant('2026-11-02', { lateDecisionReason: '   ' }) }, 'R-5.1', /§ 12/);
    const d = await decide(id, grant('2026-11-02', { lateDecisionReason: ' The interpreter was not available until November. ' }));
    expect(d.lateDecisionReason).toBe('The interpreter was not available until November.');
  });

  test('a later participation decision (not the first) needs none', async () => {
    const id = await register(settled);
    await decide(id, grant('2026-10-20'));
    const again = await decide(id, grant('2026-11-20', { outcome: 'REFUSED', reasons: 'The participant has moved abroad.' }));
    expect(again).toMatchObject({ outcome: 'REFUSED', lateDecisionReason: null });
  });

  test('a late start still needs its own reason (R-5.1), as before', async () => {
    const id = await register(settled);
    await decide(id, grant('2026-11-03', { lateDecisionReason: 'Mapping was delayed by illness.' }));
    await ok(PLAN, { id, input: planInput({ contractSignedAt: '2026-11-04' }) });
    await refused(START, { id, input: { startDate: '2026-11-05', expectedVersion: 1 } }, 'R-5.1', /§ 12/);
  });
});

describe('item 1: the programme rules are dated by the offer (R-0.1, R-0.2, R-13.1, R-13.2)', () => {
  // Settled 2025-10-01; participation granted 2025-12-20: an offer under the rules before 2026.
  const settled = { permitGrantDate: '2025-09-01', arrivalDate: '2025-09-10', settlementDate: '2025-10-01' };
  const workQualifying = (over: Record<string, unknown> = {}) =>
    planInput({
      endGoal: 'WORK_QUALIFYING',
      mainProgrammeType: 'WORK_QUALIFYING',
      durationMonths: 24,
      elements: [
        { kind: 'NORWEGIAN', description: 'Norwegian training', hoursPerWeek: 15 },
        { kind: 'SOCIAL_STUDIES', description: 'Social studies', hoursPerWeek: 2 },
        { kind: 'LIFE_SKILLS', description: 'Life-skills course', hoursPerWeek: 1 },
        { kind: 'WORK_PRACTICE', description: 'Work practice in a kindergarten', hoursPerWeek: 10, isMain: true },
      ],
      lifeSkillsHours: null,
      contractSignedAt: '2026-01-10',
      ...over,
    });
  type Notice = { ruleId: string; lawReference: string; message: string };
  const noticesOf = (data: { saveIntegrationPlan: { integrationPlan: { current: { ruleNotices: Notice[] } } } }) =>
    data.saveIntegrationPlan.integrationPlan.current.ruleNotices;

  test('an offer before 2026 with a contract in 2026: § 14 a hours, life-skills minimum and the 2-year limit are not enforced, and the plan says so', async () => {
    const id = await register(settled);
    await decide(id, grant('2025-12-20'));
    const notices = noticesOf(await ok(PLAN, { id, input: workQualifying({ durationMonths: 30 }) }));
    expect(notices.map((n) => n.ruleId).sort()).toEqual(['R-5.4', 'R-5.5', 'R-5.7']);
    for (const n of notices) expect(n.message).toMatch(/2025-12-20.*not enforced/);
    expect(notices.find((n) => n.ruleId === 'R-5.5')?.lawReference).toBe('integreringsloven § 14 a');
    expect(notices.find((n) => n.ruleId === 'R-5.4')?.lawReference).toBe('integreringsforskriften § 4');
  });

  test('the same plan for an offer from 2026 is refused: the participation decision dates the offer, not the contract', async () => {
    const id = await register({ permitGrantDate: '2025-10-01', arrivalDate: '2025-10-10', settlementDate: '2025-11-01' });
    await decide(id, grant('2026-01-02'));
    await refused(PLAN, { id, input: workQualifying({ lifeSkillsHours: { migrationHealthDiversity: 10, careerCompetence: 15 } }) }, 'R-5.5', /§ 14 a/);
    await refused(PLAN, { id, input: workQualifying({ elements: workQualifying().elements, durationMonths: 25 }) }, 'R-5.7', /§§ 13, 14/);
  });

  test('an offer date recorded on the case wins over the participation decision', async () => {
    const id = await register(settled);
    await decide(id, grant('2025-12-20'));
    const c = (await ok(CASE, { id })).participant;
    const { updateParticipant } = await ok(UPDATE, { id, input: { expectedVersion: c.version, offerDate: '2026-01-05' } });
    expect(updateParticipant.offerDate).toBe('2026-01-05');
    await refused(PLAN, { id, input: workQualifying() }, 'R-5.4', /forskriften § 4/);
    await refused(PLAN, { id, input: workQualifying({ lifeSkillsHours: { migrationHealthDiversity: 10, careerCompetence: 15 } }) }, 'R-5.5', /§ 14 a/);
  });

  test('no offer yet: today (2026 rules) applies', async () => {
    const id = await register({ permitGrantDate: '2026-06-01', arrivalDate: '2026-06-10', settlementDate: '2026-09-01' });
    await refused(
      PLAN,
      { id, input: workQualifying({ contractSignedAt: '2026-11-15', lifeSkillsHours: { migrationHealthDiversity: 10, careerCompetence: 15 } }) },
      'R-5.5',
      /§ 14 a/,
    );
  });

  test('§ 13: an offer before 2026 may run past 12 months and be extended, with the notice on the plan and the extension decision', async () => {
    const id = await register({ ...settled, hasUpperSecondary: true }, { countsAsUpperSecondary: true });
    await decide(id, grant('2025-12-20'));
    const section13 = planInput({
      endGoal: 'WORK',
      mainProgrammeType: 'WORK_QUALIFYING',
      durationMonths: 18,
      elements: [
        { kind: 'NORWEGIAN', description: 'Norwegian training', hoursPerWeek: 10 },
        { kind: 'SOCIAL_STUDIES', description: 'Social studies', hoursPerWeek: 2 },
        { kind: 'LIFE_SKILLS', description: 'Life-skills course', hoursPerWeek: 1 },
        { kind: 'WORK_PRACTICE', description: 'Work practice', hoursPerWeek: 20, isMain: true },
      ],
      contractSignedAt: '2025-12-22',
    });
    const notices = noticesOf(await ok(PLAN, { id, input: section13 }));
    expect(notices.map((n) => n.ruleId)).toContain('R-5.7');
    await ok(START, { id, input: { startDate: '2025-12-29', expectedVersion: 1 } });
    const ext = await decide(id, {
      type: 'EXTENSION',
      outcome: 'GRANTED',
      reasons: 'More work practice helps.',
      decidedAt: '2026-06-01',
      extension: { months: 3 },
    });
    expect(ext.ruleNotices).toEqual([
      { ruleId: 'R-5.7', lawReference: expect.stringContaining('§§ 13, 14'), message: expect.stringMatching(/2025-12-20.*not enforced/) },
    ]);
  });

  test('an old-regime case (permit and arrival before 2021) is refused benefit rates and plans, as the participation decision', async () => {
    const id = await register({ permitGrantDate: '2020-06-01', arrivalDate: '2020-08-01', settlementDate: '2020-09-01', birthDate: '2002-01-01' });
    await refused(DECIDE, { id, input: grant('2020-10-01') }, 'R-0.2', /§ 51/);
    const err = await refused(
      DECIDE,
      {
        id,
        input: {
          type: 'BENEFIT',
          outcome: 'GRANTED',
          reasons: 'Benefit.',
          decidedAt: '2025-06-01',
          benefit: { periodFrom: '2025-06-01', periodTo: '2025-06-30' },
        },
      },
      'R-0.2',
      /§ 51/,
    );
    expect(err.message).toMatch(/manual assessment/);
    await refused(PLAN, { id, input: planInput() }, 'R-0.2', /§ 51/);
  });
});
