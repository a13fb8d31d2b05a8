/**
 * Issue 16 items 3 and 4 over HTTP, as caseworkers: ending a programme and holiday and
 * leave, the shared care leave across two municipalities included.
 */
import { startTestApp, TestApp } from '../support/app';
import { setSignedContext } from '../support/context';
import { addWorkingDays, workingDaysBetweenInclusive } from '../../src/domain/calendar';
import { CARE_LEAVE_MAX_WORKING_DAYS } from '../../src/domain/leave';
import { makeFnr, MAPPING_INPUT, participantInput, planInput, REGISTER } from '../support/fixtures';

// A fixed today after every date below (endings, holidays and leave are all reported after the fact).
const TODAY = '2031-01-10';

let t: TestApp;
let bergen: string;
let oslo: string;
beforeAll(async () => {
  t = await startTestApp({ env: { INTROSAK_TODAY: TODAY } });
  bergen = await t.token('MUNICIPALITY', '4601', 'kari', 'Kari Saksbehandler');
  oslo = await t.token('MUNICIPALITY', '0301', 'ola', 'Ola Saksbehandler');
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

const ABSENCE = `mutation($id: UUID!, $input: AbsenceInput!) { registerAbsence(participantId: $id, input: $input) { id } }`;
const CORRECT = `mutation($absenceId: UUID!, $v: Int!, $input: AbsenceCorrectionInput!) { correctAbsence(absenceId: $absenceId, expectedVersion: $v, input: $input) { id } }`;
const ABSENCES = `query($id: UUID!) { participant(id: $id) { absences { id kind fromDate toDate workingDays version } } }`;
const END_LEAVE = `mutation($id: UUID!, $v: Int!) { endLeave(participantId: $id, expectedVersion: $v) { id } }`;
const LEAVES = `query($id: UUID!) { participant(id: $id) { programme { version state } decisions { type leave { kind fromDate toDate workingDays childBirthDate adoptionDate followUpFrom } } } }`;

describe('item 4: holiday and leave (R-5.6, R-6.2, R-13.5, R-13.6)', () => {
  test('holiday: the 25th working day of a calendar year is accepted, the 26th refused; a correction past 25 is refused too', async () => {
    const id = await startedCase(bergen);
    // 2027-06-07 (Mon) to 2027-07-09 (Fri): 25 working days.
    expect(workingDaysBetweenInclusive('2027-06-07', '2027-07-09')).toBe(25);
    await ok(bergen, ABSENCE, { id, input: { kind: 'HOLIDAY', fromDate: '2027-06-07', toDate: '2027-07-08' } });
    await ok(bergen, ABSENCE, { id, input: { kind: 'HOLIDAY', fromDate: '2027-07-09', toDate: '2027-07-09' } });
    const v = await refused(bergen, ABSENCE, { id, input: { kind: 'HOLIDAY', fromDate: '2027-08-02', toDate: '2027-08-02' } }, /forskriften § 18/);
    expect(v.extensions.details).toMatchObject({ year: 2027, alreadyTaken: 25, requested: 1 });
    // Other absence that day is not holiday; next year's holiday has its own 25 days.
    await ok(bergen, ABSENCE, { id, input: { kind: 'ABSENCE_EXCUSED', fromDate: '2027-08-02', toDate: '2027-08-02' } });
    await ok(bergen, ABSENCE, { id, input: { kind: 'HOLIDAY', fromDate: '2028-01-03', toDate: '2028-01-03' } });
    // Turning the excused absence into holiday would be the 26th day of 2027.
    const rows = (await ok(bergen, ABSENCES, { id })).participant.absences;
    const excused = rows.find((r: { kind: string }) => r.kind === 'ABSENCE_EXCUSED');
    await refused(
      bergen,
      CORRECT,
      { absenceId: excused.id, v: excused.version, input: { kind: 'HOLIDAY', fromDate: '2027-08-02', toDate: '2027-08-02' } },
      /§ 18/,
    );
    // Correcting a holiday period within the limit (it no longer counts against itself) is fine.
    const last = rows.find((r: { fromDate: string }) => r.fromDate === '2027-07-09');
    await ok(bergen, CORRECT, { absenceId: last.id, v: last.version, input: { kind: 'HOLIDAY', fromDate: '2027-07-12', toDate: '2027-07-12' } });
  });

  test('care leave for an adopted child: the year runs from adoptionDate, and the month-4 follow-up shows on the leave and in the worklist', async () => {
    const id = await startedCase(bergen);
    const child = makeFnr('2025-05-05', 11);
    const leave = (fromDate: string, toDate: string, adoptionDate: string | null) => ({
      id,
      input: {
        type: 'LEAVE',
        outcome: 'GRANTED',
        reasons: 'Care leave after adoption.',
        decidedAt: '2030-09-20',
        leave: { kind: 'CARE_LEAVE', fromDate, toDate, childBirthDate: '2025-05-05', adoptionDate, childIdentityNumber: child },
      },
    });
    // Without the adoption date the child (5 years old) is far past its first year.
    await refused(bergen, DECIDE, leave('2030-10-01', '2031-03-31', null), /§ 16/);
    // Before the adoption: refused.
    await refused(bergen, DECIDE, leave('2030-09-30', '2031-03-31', '2030-10-01'), /§ 16/);
    await ok(bergen, DECIDE, leave('2030-10-01', '2031-03-31', '2030-10-01'));
    const c = (await ok(bergen, LEAVES, { id })).participant;
    expect(c.programme.state).toBe('ON_LEAVE');
    expect(c.decisions.find((d: { type: string }) => d.type === 'LEAVE').leave).toEqual({
      kind: 'CARE_LEAVE',
      fromDate: '2030-10-01',
      toDate: '2031-03-31',
      workingDays: workingDaysBetweenInclusive('2030-10-01', '2031-03-31'),
      childBirthDate: '2025-05-05',
      adoptionDate: '2030-10-01',
      followUpFrom: '2031-01-01',
    });
    // The worklist's duty is due the same day (overdue on 2031-01-10).
    const list = await ok(
      bergen,
      `query { worklist(first: 100, filter: { scope: MUNICIPALITY, kinds: [CARE_LEAVE_FOLLOW_UP] }) { edges { node { kind dueDate overdue ruleId participant { id } } } } }`,
      {},
    );
    expect(list.worklist.edges.map((e: { node: unknown }) => e.node)).toContainEqual({
      kind: 'CARE_LEAVE_FOLLOW_UP',
      dueDate: '2031-01-01',
      overdue: true,
      ruleId: 'R-6.2',
      participant: { id },
    });
  });

  test("care leave is the child's: two participant parents in two municipalities share the 10 months, 75 days reserved for each", async () => {
    const child = makeFnr('2027-01-04', 13);
    const mother = await startedCase(bergen);
    const father = await startedCase(oslo);
    const care = (id: string, fromDate: string, toDate: string, otherParentIsParticipant: boolean, childIdentityNumber: string | null = child) => ({
      id,
      input: {
        type: 'LEAVE',
        outcome: 'GRANTED',
        reasons: 'Care leave.',
        decidedAt: '2027-01-04',
        leave: { kind: 'CARE_LEAVE', fromDate, toDate, childBirthDate: '2027-01-04', childIdentityNumber, otherParentIsParticipant },
      },
    });
    // The child's identity number is required, and must be a valid one.
    expect((await gql(bergen, DECIDE, care(mother, '2027-01-04', '2027-01-08', true, null))).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await gql(bergen, DECIDE, care(mother, '2027-01-04', '2027-01-08', true, '01010112345'))).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    // The mother (Bergen): at most 217 − 75 = 142 working days while the father is a participant. The 143rd is refused.
    const motherEnd = addWorkingDays('2027-01-04', 141);
    expect(workingDaysBetweenInclusive('2027-01-04', motherEnd)).toBe(142);
    await refused(bergen, DECIDE, care(mother, '2027-01-04', addWorkingDays(motherEnd, 1), true), /§ 16/);
    await ok(bergen, DECIDE, care(mother, '2027-01-04', motherEnd, true));

    // The father (Oslo) learns only the days the mother used: 217 − 142 = 75 remain. He did not say the mother
    // is a participant: her days show it. 76 days are refused, 75 accepted.
    const from = addWorkingDays(motherEnd, 1);
    const seventyFive = addWorkingDays(from, 74);
    const tooMany = await refused(oslo, DECIDE, care(father, from, addWorkingDays(seventyFive, 1), false), /§ 16/);
    expect(tooMany.message).toMatch(/together/);
    expect(JSON.stringify(tooMany)).not.toMatch(/Bergen|4601|0301/);
    await ok(oslo, DECIDE, care(father, from, seventyFive, false));
    const leaveOf = async (tok: string, id: string) => (await ok(tok, LEAVES, { id })).participant;
    expect((await leaveOf(oslo, father)).decisions.find((d: { type: string }) => d.type === 'LEAVE').leave.workingDays).toBe(75);

    // The pool is used up: the mother, back from leave, gets no further day either.
    const m = await leaveOf(bergen, mother);
    await ok(bergen, END_LEAVE, { id: mother, v: m.programme.version });
    const used = 142 + 75;
    expect(used).toBe(CARE_LEAVE_MAX_WORKING_DAYS);
    const oneMore = addWorkingDays(seventyFive, 1);
    await refused(bergen, DECIDE, care(mother, oneMore, oneMore, true), /§ 16/);

    // Another child of the same parents has its own 10 months.
    const sibling = makeFnr('2027-01-04', 29);
    await ok(bergen, DECIDE, care(mother, oneMore, oneMore, true, sibling));

    // Neither municipality can read the other's care-leave rows: each sees its own, as keyed hashes only.
    const stored = await t.db.owner().then(async (c) => {
      const r = await c.query(`SELECT municipality_id, child_key, parent_key FROM app.care_leave WHERE participant_id = ANY($1::uuid[]) ORDER BY created_at`, [
        [mother, father],
      ]);
      await c.end();
      return r.rows;
    });
    expect(stored).toHaveLength(3);
    // The mother's two rows (one per child) carry one parent key; the father's row the same child key as her first.
    expect(stored[0].parent_key).toBe(stored[2].parent_key);
    expect(stored[0].child_key).toBe(stored[1].child_key);
    expect(stored[1].parent_key).not.toBe(stored[0].parent_key);
    expect(JSON.stringify(stored)).not.toContain(child);
    expect(stored.every((r: { child_key: string }) => /^[0-9a-f]{64}$/.test(r.child_key))).toBe(true);
    expect(new Set(stored.map((r: { municipality_id: number }) => r.municipality_id)).size).toBe(2);
    // As the API login in Oslo's tenant: Bergen's rows are invisible; the function answers the two counts, and only those.
    const osloId = t.directory.municipalityByNumber('0301')!.id;
    const runner = t.api.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await setSignedContext((sql, params) => runner.query(sql, params), {
        role: 'MUNICIPALITY',
        org: '0301',
        municipalityId: osloId,
        municipalityIds: [osloId],
      });
      expect(await runner.query(`SELECT count(*)::int AS n FROM app.care_leave WHERE municipality_id <> $1`, [osloId])).toEqual([{ n: 0 }]);
      const [fatherRow] = stored.filter((r: { municipality_id: number }) => r.municipality_id === osloId);
      expect(await runner.query(`SELECT * FROM app.care_leave_days_used($1, $2)`, [fatherRow.child_key, fatherRow.parent_key])).toEqual([
        { this_parent_days: 75, other_parents_days: 142 },
      ]);
      await expect(runner.query(`SELECT * FROM app.care_leave_days_used('x', 'y')`)).rejects.toThrow(/keyed hashes/);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
