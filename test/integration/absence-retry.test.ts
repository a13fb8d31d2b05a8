/**
 * Issue 12, item 4: registering absence and recording the competence mapping are safe to retry
 * (idempotency keys); an absence period that shares a day with one already registered is refused
 * (R-5.8 [D]); an absence registered by mistake can be corrected or cancelled, with the version guard
 * and the change log, and the end date follows.
 */
import { startTestApp, TestApp } from '../support/app';
import { MAPPING_INPUT, participantInput, planInput, REGISTER } from '../support/fixtures';

let t: TestApp;
let tok: string;
beforeAll(async () => {
  t = await startTestApp({ poolSize: 6 });
  tok = await t.token('MUNICIPALITY', '4601', 'kari', 'Kari Saksbehandler');
});
afterAll(() => t?.close());

const ABSENCE = `mutation($id: UUID!, $input: AbsenceInput!) { registerAbsence(participantId: $id, input: $input) {
  id absences { id kind fromDate toDate workingDays note version } absenceSummary { countableWorkingDays movesEndDate } programme { plannedEndDate } } }`;
const CORRECT = `mutation($a: UUID!, $v: Int!, $input: AbsenceCorrectionInput!) { correctAbsence(absenceId: $a, expectedVersion: $v, input: $input) {
  absences { id kind fromDate toDate workingDays version } absenceSummary { countableWorkingDays } programme { plannedEndDate } } }`;
const CANCEL = `mutation($a: UUID!, $v: Int!, $reason: String!) { cancelAbsence(absenceId: $a, expectedVersion: $v, reason: $reason) {
  absences { id } absenceSummary { countableWorkingDays } programme { plannedEndDate } } }`;
const MAP = `mutation($id: UUID!, $input: CompetenceMappingInput!) { recordCompetenceMapping(participantId: $id, input: $input) { competenceMapping { id version status } } }`;

async function ok(query: string, variables: Record<string, unknown>) {
  const res = await t.gql(tok, query, variables);
  expect(res.body.errors).toBeUndefined();
  return res.body.data;
}

async function registered(): Promise<string> {
  return (await ok(REGISTER, { input: participantInput() })).registerParticipant.id;
}

/** A participant whose programme is ACTIVE from 2026-11-20 (36 months), so absence moves the end date. */
async function active(): Promise<string> {
  const id = await registered();
  await ok(MAP, { id, input: MAPPING_INPUT });
  await ok(
    `mutation($id: UUID!) { makeDecision(participantId: $id, input: { type: PARTICIPATION, outcome: GRANTED, reasons: "Right and duty.", decidedAt: "2026-11-10", notifiedAt: "2026-11-12" }) { id } }`,
    { id },
  );
  await ok(`mutation($id: UUID!, $input: IntegrationPlanInput!) { saveIntegrationPlan(participantId: $id, input: $input) { id } }`, { id, input: planInput() });
  await ok(`mutation($id: UUID!) { startProgramme(participantId: $id, input: { startDate: "2026-11-20" }) { id } }`, { id });
  return id;
}

async function absenceRows(participantId: string): Promise<{ kind: string; from_date: string; to_date: string }[]> {
  const owner = await t.db.owner();
  return (await owner.query(`SELECT kind, from_date::text, to_date::text FROM app.absence WHERE participant_id = $1 ORDER BY from_date`, [participantId])).rows;
}

describe('registerAbsence', () => {
  test('a retry with the same key creates nothing new, and 12 concurrent retries create exactly one absence', async () => {
    const id = await active();
    const input = { kind: 'ABSENCE_EXCUSED', fromDate: '2026-12-01', toDate: '2026-12-11', idempotencyKey: 'absence-retry-0001' };
    const first = (await ok(ABSENCE, { id, input })).registerAbsence;
    expect(first.absenceSummary).toEqual({ countableWorkingDays: 9, movesEndDate: false });
    const again = (await ok(ABSENCE, { id, input })).registerAbsence;
    expect(again.absences).toEqual(first.absences);
    const concurrent = await Promise.all(
      Array.from({ length: 12 }, () =>
        t.gql(tok, ABSENCE, { id, input: { ...input, idempotencyKey: 'absence-retry-0002', fromDate: '2026-12-14', toDate: '2026-12-15' } }),
      ),
    );
    for (const r of concurrent) expect(r.body.errors).toBeUndefined();
    expect(await absenceRows(id)).toEqual([
      { kind: 'ABSENCE_EXCUSED', from_date: '2026-12-01', to_date: '2026-12-11' },
      { kind: 'ABSENCE_EXCUSED', from_date: '2026-12-14', to_date: '2026-12-15' },
    ]);
    // 9 + 2 = 11 working days, counted once each: over 10, so all 11 move the end date.
    const c = concurrent[0].body.data.registerAbsence;
    expect(c.absenceSummary).toEqual({ countableWorkingDays: 11, movesEndDate: true });
  });

  test('the same key with a different period is refused with CONFLICT and writes nothing', async () => {
    const id = await registered();
    await ok(ABSENCE, { id, input: { kind: 'FREE_DAY', fromDate: '2026-10-05', toDate: '2026-10-05', idempotencyKey: 'absence-retry-0003' } });
    const res = await t.gql(tok, ABSENCE, {
      id,
      input: { kind: 'FREE_DAY', fromDate: '2026-10-06', toDate: '2026-10-06', idempotencyKey: 'absence-retry-0003' },
    });
    expect(res.body.errors[0].extensions).toEqual({ code: 'CONFLICT', retryable: false });
    expect(await absenceRows(id)).toEqual([{ kind: 'FREE_DAY', from_date: '2026-10-05', to_date: '2026-10-05' }]);
  });

  test('without a key, a retried registration (the same period again) is refused by R-5.8 instead of counting the days twice', async () => {
    const id = await active();
    const input = { kind: 'ABSENCE_UNEXCUSED', fromDate: '2026-12-01', toDate: '2026-12-11' };
    const first = (await ok(ABSENCE, { id, input })).registerAbsence;
    const res = await t.gql(tok, ABSENCE, { id, input });
    expect(res.body.data.registerAbsence).toBeNull();
    expect(res.body.errors[0].extensions).toMatchObject({
      code: 'RULE_VIOLATION',
      ruleId: 'R-5.8',
      lawReference: 'integreringsforskriften §§ 10 og 19',
      details: { overlaps: [{ id: first.absences[0].id, kind: 'ABSENCE_UNEXCUSED', fromDate: '2026-12-01', toDate: '2026-12-11' }] },
    });
    // Overlapping by one day either side, or inside: refused too; touching is fine.
    for (const [fromDate, toDate] of [
      ['2026-11-30', '2026-12-01'],
      ['2026-12-11', '2026-12-14'],
      ['2026-12-03', '2026-12-04'],
    ]) {
      expect((await t.gql(tok, ABSENCE, { id, input: { kind: 'FREE_DAY', fromDate, toDate } })).body.errors[0].extensions.ruleId).toBe('R-5.8');
    }
    await ok(ABSENCE, { id, input: { kind: 'FREE_DAY', fromDate: '2026-12-14', toDate: '2026-12-14' } });
    expect(await absenceRows(id)).toHaveLength(2);
    const c = (await ok(`query($id: UUID!) { participant(id: $id) { absenceSummary { countableWorkingDays } programme { plannedEndDate } } }`, { id }))
      .participant;
    expect(c.absenceSummary.countableWorkingDays).toBe(10);
    // 10 countable days do not move the end date.
    expect(c.programme.plannedEndDate).toBe('2029-11-19');
  });
});

describe('correcting and cancelling an absence registered by mistake', () => {
  test('a correction changes the period under the version guard, the end date follows, and the change log has the before and after', async () => {
    const id = await active();
    const reg = (await ok(ABSENCE, { id, input: { kind: 'ABSENCE_EXCUSED', fromDate: '2026-12-01', toDate: '2026-12-15' } })).registerAbsence;
    const absence = reg.absences[0];
    expect(absence).toMatchObject({ workingDays: 11, version: 1 });
    const movedEnd = reg.programme.plannedEndDate;
    expect(movedEnd).not.toBe('2029-11-19');

    // Really two days: under the threshold, so the end date goes back.
    const fixed = (
      await ok(CORRECT, { a: absence.id, v: 1, input: { kind: 'ABSENCE_EXCUSED', fromDate: '2026-12-01', toDate: '2026-12-02', note: 'Typo in the period' } })
    ).correctAbsence;
    expect(fixed.absences).toEqual([{ id: absence.id, kind: 'ABSENCE_EXCUSED', fromDate: '2026-12-01', toDate: '2026-12-02', workingDays: 2, version: 2 }]);
    expect(fixed.absenceSummary.countableWorkingDays).toBe(2);
    expect(fixed.programme.plannedEndDate).toBe('2029-11-19');

    // A stale version changes nothing.
    const stale = await t.gql(tok, CORRECT, { a: absence.id, v: 1, input: { kind: 'FREE_DAY', fromDate: '2026-12-01', toDate: '2026-12-01' } });
    expect(stale.body.errors[0].extensions).toEqual({ code: 'CONFLICT', retryable: false });

    // A correction may not overlap another registered period.
    await ok(ABSENCE, { id, input: { kind: 'FREE_DAY', fromDate: '2026-12-07', toDate: '2026-12-07' } });
    const overlapping = await t.gql(tok, CORRECT, { a: absence.id, v: 2, input: { kind: 'ABSENCE_EXCUSED', fromDate: '2026-12-01', toDate: '2026-12-08' } });
    expect(overlapping.body.errors[0].extensions).toMatchObject({ code: 'RULE_VIOLATION', ruleId: 'R-5.8' });

    const owner = await t.db.owner();
    const { rows } = await owner.query(`SELECT changes FROM app.audit_event WHERE operation = 'correctAbsence' AND entity_id = $1`, [absence.id]);
    expect(rows).toEqual([
      { changes: expect.objectContaining({ toDate: { from: '2026-12-15', to: '2026-12-02' }, workingDays: { from: 11, to: 2 }, version: { from: 1, to: 2 } }) },
    ]);
  });

  test('a cancellation removes the period from every count, keeps it in the change log with the reason, and a retry changes nothing', async () => {
    const id = await active();
    const reg = (
      await ok(ABSENCE, { id, input: { kind: 'ABSENCE_UNEXCUSED', fromDate: '2026-12-01', toDate: '2026-12-15', idempotencyKey: 'absence-cancel-0001' } })
    ).registerAbsence;
    const absence = reg.absences[0];
    expect(reg.absenceSummary.countableWorkingDays).toBe(11);

    const stale = await t.gql(tok, CANCEL, { a: absence.id, v: 7, reason: 'Registered on the wrong participant' });
    expect(stale.body.errors[0].extensions).toEqual({ code: 'CONFLICT', retryable: false });
    const blank = await t.gql(tok, CANCEL, { a: absence.id, v: 1, reason: '   ' });
    expect(blank.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });

    const cancelled = (await ok(CANCEL, { a: absence.id, v: 1, reason: 'Registered on the wrong participant' })).cancelAbsence;
    expect(cancelled).toEqual({ absences: [], absenceSummary: { countableWorkingDays: 0 }, programme: { plannedEndDate: '2029-11-19' } });
    expect(await absenceRows(id)).toEqual([]);

    const retry = await t.gql(tok, CANCEL, { a: absence.id, v: 1, reason: 'Registered on the wrong participant' });
    expect(retry.body.errors[0].extensions.code).toBe('NOT_FOUND');

    const owner = await t.db.owner();
    const { rows } = await owner.query(`SELECT changes FROM app.audit_event WHERE operation = 'cancelAbsence' AND entity_id = $1`, [absence.id]);
    expect(rows).toEqual([
      {
        changes: {
          absence: { from: expect.objectContaining({ kind: 'ABSENCE_UNEXCUSED', fromDate: '2026-12-01', toDate: '2026-12-15', workingDays: 11 }), to: null },
          reason: { from: null, to: 'Registered on the wrong participant' },
        },
      },
    ]);
    // The period can be registered again (correctly) afterwards.
    await ok(ABSENCE, { id, input: { kind: 'ABSENCE_EXCUSED', fromDate: '2026-12-01', toDate: '2026-12-02' } });
  });

  test('leave granted by a decision is not corrected or cancelled as absence (R-6.3), and another municipality sees no absence', async () => {
    const id = await active();
    await ok(
      `mutation($id: UUID!) { makeDecision(participantId: $id, input: { type: LEAVE, outcome: GRANTED, reasons: "Birth.", decidedAt: "2026-11-20",
      leave: { kind: FATHER_AT_BIRTH, fromDate: "2026-11-23", toDate: "2026-11-25", childBirthDate: "2026-11-23" } }) { id } }`,
      { id },
    );
    const leave = (await ok(`query($id: UUID!) { participant(id: $id) { absences { id kind version } } }`, { id })).participant.absences[0];
    expect(leave.kind).toBe('LEAVE');
    const res = await t.gql(tok, CANCEL, { a: leave.id, v: leave.version, reason: 'x' });
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'RULE_VIOLATION', ruleId: 'R-6.3' });
    const corr = await t.gql(tok, CORRECT, { a: leave.id, v: leave.version, input: { kind: 'FREE_DAY', fromDate: '2026-11-23', toDate: '2026-11-23' } });
    expect(corr.body.errors[0].extensions).toMatchObject({ code: 'RULE_VIOLATION', ruleId: 'R-6.3' });
    // An absence on a leave day is refused (R-5.8: a day counts once).
    const onLeave = await t.gql(tok, ABSENCE, { id, input: { kind: 'ABSENCE_EXCUSED', fromDate: '2026-11-24', toDate: '2026-11-24' } });
    expect(onLeave.body.errors[0].extensions).toMatchObject({ code: 'RULE_VIOLATION', ruleId: 'R-5.8' });
    const oslo = await t.token('MUNICIPALITY', '0301');
    const hidden = await t.gql(oslo, CANCEL, { a: leave.id, v: leave.version, reason: 'x' });
    expect(hidden.body.errors[0]).toMatchObject({ message: 'Absence not found', extensions: { code: 'NOT_FOUND' } });
  });
});

describe('recordCompetenceMapping', () => {
  test('a retry with the same key returns the first answer (no CONFLICT), a different payload with the key is refused', async () => {
    const id = await registered();
    const input = { ...MAPPING_INPUT, complete: false, idempotencyKey: 'mapping-retry-0001' };
    const first = (await ok(MAP, { id, input })).recordCompetenceMapping.competenceMapping;
    expect(first).toMatchObject({ version: 1, status: 'IN_PROGRESS' });
    const retries = await Promise.all(Array.from({ length: 8 }, () => t.gql(tok, MAP, { id, input })));
    for (const r of retries) {
      expect(r.body.errors).toBeUndefined();
      expect(r.body.data.recordCompetenceMapping.competenceMapping).toEqual(first);
    }
    const other = await t.gql(tok, MAP, { id, input: { ...input, complete: true } });
    expect(other.body.errors[0].extensions).toEqual({ code: 'CONFLICT', retryable: false });
    // An update with its own key and the version guard: its retry replays too.
    const update = { ...MAPPING_INPUT, expectedVersion: 1, idempotencyKey: 'mapping-retry-0002' };
    const updated = (await ok(MAP, { id, input: update })).recordCompetenceMapping.competenceMapping;
    expect(updated).toMatchObject({ version: 2, status: 'COMPLETED' });
    expect((await ok(MAP, { id, input: update })).recordCompetenceMapping.competenceMapping).toEqual(updated);
    const owner = await t.db.owner();
    const log = await owner.query(`SELECT count(*)::int AS n FROM app.audit_event WHERE operation = 'recordCompetenceMapping' AND participant_id = $1`, [id]);
    expect(log.rows).toEqual([{ n: 2 }]);
  });
});
