import { violation } from '../../support/violation';
import { LAW } from '../../../src/domain/law-references';
import { legalMaxEndDate, validateEnding, type EndingFacts } from '../../../src/domain/programme';

// : endings at their boundaries. A work-qualifying programme (24 months, no extension)
// started 2026-02-02, planned for 12 months: last planned day 2027-02-01, legal maximum 2028-02-01.
const START = '2026-02-02';
const max = legalMaxEndDate({ startDate: START, endGoal: 'WORK_QUALIFYING', offerDate: START, extensionMonths: 0, countableAbsenceAndLeaveWorkingDays: 0 });

const facts = (over: Partial<EndingFacts>): EndingFacts => ({
  event: 'COMPLETE',
  endDate: '2027-02-01',
  today: '2028-06-01',
  startDate: START,
  plannedEndDate: '2027-02-01',
  legalMax: max,
  endGoalReached: false,
  reason: null,
  ...over,
});

describe('legalMaxEndDate (R-5.7, R-13.4)', () => {
  it('is the maximum duration for the end goal from the start, less one day', () => {
    expect(max).toEqual({ enforced: true, endDate: '2028-02-01' });
    expect(legalMaxEndDate({ startDate: START, endGoal: 'WORK', offerDate: START, extensionMonths: 0, countableAbsenceAndLeaveWorkingDays: 0 })).toEqual({
      enforced: true,
      endDate: '2027-02-01',
    });
  });

  it('counts the granted extension, never more than the end goal allows', () => {
    const at = (extensionMonths: number) =>
      legalMaxEndDate({ startDate: START, endGoal: 'UPPER_SECONDARY_PARTIAL', offerDate: START, extensionMonths, countableAbsenceAndLeaveWorkingDays: 0 });
    expect(at(0)).toEqual({ enforced: true, endDate: '2029-02-01' });
    expect(at(12)).toEqual({ enforced: true, endDate: '2030-02-01' });
    expect(at(30)).toEqual({ enforced: true, endDate: '2030-02-01' });
    // No extension for work-qualifying programmes, whatever the record says.
    expect(
      legalMaxEndDate({ startDate: START, endGoal: 'WORK_QUALIFYING', offerDate: START, extensionMonths: 6, countableAbsenceAndLeaveWorkingDays: 0 }),
    ).toEqual(max);
  });

  it('adds absence and leave over 10 working days (R-5.8) and subtracts time used elsewhere', () => {
    const base = { startDate: START, endGoal: 'WORK' as const, offerDate: START, extensionMonths: 0 };
    expect(legalMaxEndDate({ ...base, countableAbsenceAndLeaveWorkingDays: 10 })).toEqual({ enforced: true, endDate: '2027-02-01' });
    // 11 working days after Monday 2027-02-01: Tuesday 2027-02-16.
    expect(legalMaxEndDate({ ...base, countableAbsenceAndLeaveWorkingDays: 11 })).toEqual({ enforced: true, endDate: '2027-02-16' });
    expect(legalMaxEndDate({ ...base, countableAbsenceAndLeaveWorkingDays: 0, timeAlreadyUsedDays: 31 })).toEqual({ enforced: true, endDate: '2027-01-01' });
  });

  it('is not enforced for offers before the duration rules (R-0.2), and says so', () => {
    const old = legalMaxEndDate({
      startDate: '2025-06-02',
      endGoal: 'WORK',
      offerDate: '2025-06-02',
      extensionMonths: 0,
      countableAbsenceAndLeaveWorkingDays: 0,
    });
    expect(old.enforced).toBe(false);
    expect(old.enforced === false && old.note).toMatch(/not enforced automatically/);
  });
});

describe('validateEnding (R-13.4)', () => {
  it('an end date is never in the future: today passes, tomorrow is refused (R-5.10)', () => {
    expect(validateEnding(facts({ endDate: '2027-02-01', today: '2027-02-01' }))).toEqual({ notes: [] });
    const v = violation(() => validateEnding(facts({ endDate: '2027-02-02', today: '2027-02-01', endGoalReached: true })));
    expect(v.ruleId).toBe('R-5.10');
    expect(v.lawReference).toBe(LAW['R-5.10']);
  });

  it('a permanent halt decided today may end the programme on a later day (byDecision)', () => {
    expect(validateEnding(facts({ event: 'INTERRUPT', endDate: '2026-06-10', today: '2026-06-01', reason: 'Halted permanently', byDecision: true }))).toEqual({
      notes: [],
    });
  });

  it('an end date is never after the legal maximum: the day of passes, the day after is refused (R-5.7)', () => {
    expect(validateEnding(facts({ endDate: '2028-02-01', plannedEndDate: '2028-02-01' }))).toEqual({ notes: [] });
    const v = violation(() => validateEnding(facts({ endDate: '2028-02-02', plannedEndDate: '2028-02-01' })));
    expect(v.ruleId).toBe('R-5.7');
    expect(v.lawReference).toBe(LAW['R-5.7']);
    expect(v.details).toMatchObject({ legalMaxEndDate: '2028-02-01', clarification: 'R-13.4' });
  });

  it('an end date is never before the start', () => {
    expect(validateEnding(facts({ event: 'INTERRUPT', endDate: START, reason: 'Moved abroad' }))).toEqual({ notes: [] });
    expect(violation(() => validateEnding(facts({ event: 'INTERRUPT', endDate: '2026-02-01', reason: 'Moved abroad' }))).ruleId).toBe('R-5.10');
  });

  it('COMPLETED by time out: refused the day before the planned last day, accepted on it and after', () => {
    const v = violation(() => validateEnding(facts({ endDate: '2027-01-31' })));
    expect(v.ruleId).toBe('R-5.10');
    expect(v.message).toMatch(/interrupted/);
    expect(validateEnding(facts({ endDate: '2027-02-01' }))).toEqual({ notes: [] });
    expect(validateEnding(facts({ endDate: '2027-02-02' }))).toEqual({ notes: [] });
  });

  it('COMPLETED before the time ran out only when the end goal is reached', () => {
    expect(validateEnding(facts({ endDate: '2026-09-01', endGoalReached: true }))).toEqual({ notes: [] });
    expect(violation(() => validateEnding(facts({ endDate: '2026-09-01', endGoalReached: false }))).ruleId).toBe('R-5.10');
  });

  it('INTERRUPTED needs a reason with content, and is refused when the goal was reached or the time ran out', () => {
    expect(validateEnding(facts({ event: 'INTERRUPT', endDate: '2027-01-31', reason: 'Moved abroad' }))).toEqual({ notes: [] });
    expect(violation(() => validateEnding(facts({ event: 'INTERRUPT', endDate: '2027-01-31', reason: null }))).ruleId).toBe('R-5.10');
    expect(violation(() => validateEnding(facts({ event: 'INTERRUPT', endDate: '2027-01-31', reason: '   ' }))).ruleId).toBe('R-5.10');
    expect(violation(() => validateEnding(facts({ event: 'INTERRUPT', endDate: '2027-01-31', reason: 'x', endGoalReached: true }))).message).toMatch(
      /completed, not interrupted/,
    );
    expect(violation(() => validateEnding(facts({ event: 'INTERRUPT', endDate: '2027-02-01', reason: 'x' }))).message).toMatch(/ran out on 2027-02-01/);
  });

  it('a programme that never started can be interrupted (no start, no planned end)', () => {
    expect(
      validateEnding(facts({ event: 'INTERRUPT', startDate: null, plannedEndDate: null, legalMax: null, endDate: '2026-03-01', reason: 'Refused' })),
    ).toEqual({ notes: [] });
  });

  it('an old offer carries the note that the maximum was not enforced', () => {
    const old = legalMaxEndDate({
      startDate: '2025-06-02',
      endGoal: 'WORK',
      offerDate: '2025-06-02',
      extensionMonths: 0,
      countableAbsenceAndLeaveWorkingDays: 0,
    });
    const r = validateEnding(facts({ startDate: '2025-06-02', plannedEndDate: '2026-06-01', legalMax: old, endDate: '2030-01-01', today: '2030-01-01' }));
    expect(r.notes).toHaveLength(1);
  });
});
