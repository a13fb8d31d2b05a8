import { violation } from '../../support/violation';
import {
  assertNoOverlappingAbsence,
  benefitDeduction,
  countableDaysForEndDate,
  exceedsExtensionThreshold,
  workingDaysAddedToEndDate,
  type AbsenceRecord,
} from '../../../src/domain/absence';
import { LAW } from '../../../src/domain/law-references';

describe('R-5.8 integreringsforskriften §§ 10 and 19: absence and leave added to the end date', () => {
  const records: AbsenceRecord[] = [
    { kind: 'ABSENCE_EXCUSED', workingDays: 3 },
    { kind: 'ABSENCE_UNEXCUSED', workingDays: 2 },
    { kind: 'LEAVE', workingDays: 4 },
    { kind: 'FREE_DAY', workingDays: 1 },
    { kind: 'HOLIDAY', workingDays: 25 },
    { kind: 'FREE_DAY_17_2', workingDays: 2 },
  ];

  it('counts absence (excused and unexcused), leave and free days; not holiday or § 17 second-para free days', () => {
    expect(countableDaysForEndDate(records)).toBe(10);
  });

  it('no records: 0', () => {
    expect(countableDaysForEndDate([])).toBe(0);
  });

  it('10 working days do not exceed the threshold; 11 do', () => {
    expect(exceedsExtensionThreshold(10)).toBe(false);
    expect(exceedsExtensionThreshold(11)).toBe(true);
  });

  it('10 working days of countable absence: nothing added', () => {
    expect(workingDaysAddedToEndDate(countableDaysForEndDate(records))).toBe(0);
  });

  it('11 working days: all 11 are added, not only the excess', () => {
    const eleven = [...records, { kind: 'ABSENCE_EXCUSED' as const, workingDays: 1 }];
    expect(countableDaysForEndDate(eleven)).toBe(11);
    expect(workingDaysAddedToEndDate(11)).toBe(11);
  });

  it('holiday alone never moves the end date', () => {
    expect(workingDaysAddedToEndDate(countableDaysForEndDate([{ kind: 'HOLIDAY', workingDays: 25 }]))).toBe(0);
  });

  it('refuses a negative or fractional number of working days', () => {
    expect(violation(() => countableDaysForEndDate([{ kind: 'LEAVE', workingDays: -1 }])).ruleId).toBe('R-5.8');
    expect(violation(() => countableDaysForEndDate([{ kind: 'LEAVE', workingDays: 0.5 }])).ruleId).toBe('R-5.8');
  });
});

describe('R-6.4 integreringsloven § 21: deduction for unexcused absence', () => {
  const G = 130_160; // 1/12 G = 10 846.67
  const payment = 21_693.33; // 2 G / 12

  it('pro rata: 5 of 20 working days = 25 %, no decision needed', () => {
    expect(benefitDeduction({ payment, scheduledWorkingDays: 20, unexcusedWorkingDays: 5, g: G })).toEqual({
      deduction: 5423.33,
      requiresDecision: false,
      lawReference: LAW['R-6.4'],
    });
  });

  it('exactly 50 % of the payment and at least 1/12 G: decision needed', () => {
    expect(benefitDeduction({ payment: 30_000, scheduledWorkingDays: 20, unexcusedWorkingDays: 10, g: G })).toMatchObject({
      deduction: 15_000,
      requiresDecision: true,
    });
  });

  it('just under 50 %: no decision', () => {
    expect(benefitDeduction({ payment: 30_000, scheduledWorkingDays: 21, unexcusedWorkingDays: 10, g: G }).requiresDecision).toBe(false);
  });

  it('full rate: 11 of 20 days (55 %, 11 931.33 ≥ 1/12 G) needs a decision; 10 of 20 (10 846.665 < 1/12 G) does not', () => {
    expect(benefitDeduction({ payment, scheduledWorkingDays: 20, unexcusedWorkingDays: 11, g: G })).toMatchObject({
      deduction: 11931.33,
      requiresDecision: true,
    });
    expect(benefitDeduction({ payment, scheduledWorkingDays: 20, unexcusedWorkingDays: 10, g: G }).requiresDecision).toBe(false);
  });

  it('50 % or more but under 1/12 G (a reduced under-25 payment): no decision', () => {
    // 1/3 rate: 7 231.11 a month; full deduction 7 231.11 < 10 846.67
    expect(benefitDeduction({ payment: 7231.11, scheduledWorkingDays: 20, unexcusedWorkingDays: 20, g: G })).toMatchObject({
      deduction: 7231.11,
      requiresDecision: false,
    });
  });

  it('refuses more unexcused days than scheduled', () => {
    expect(violation(() => benefitDeduction({ payment, scheduledWorkingDays: 20, unexcusedWorkingDays: 21, g: G })).ruleId).toBe('R-6.4');
  });
});

describe('R-5.8 [D]: a working day is registered as absence, free day or leave at most once', () => {
  const existing = [
    { id: 'a', kind: 'ABSENCE_EXCUSED' as const, fromDate: '2026-10-05', toDate: '2026-10-09' },
    { id: 'l', kind: 'LEAVE' as const, fromDate: '2026-11-02', toDate: '2026-11-02' },
  ];

  it('a period that touches but does not share a day is accepted (the day before and the day after)', () => {
    expect(() => assertNoOverlappingAbsence({ fromDate: '2026-10-01', toDate: '2026-10-04' }, existing)).not.toThrow();
    expect(() => assertNoOverlappingAbsence({ fromDate: '2026-10-10', toDate: '2026-10-30' }, existing)).not.toThrow();
    expect(() => assertNoOverlappingAbsence({ fromDate: '2026-11-03', toDate: '2026-11-03' }, existing)).not.toThrow();
  });

  it('sharing the first or the last day overlaps; so do a period inside and one around', () => {
    for (const period of [
      { fromDate: '2026-10-01', toDate: '2026-10-05' },
      { fromDate: '2026-10-09', toDate: '2026-10-12' },
      { fromDate: '2026-10-06', toDate: '2026-10-07' },
      { fromDate: '2026-10-01', toDate: '2026-10-31' },
    ]) {
      const v = violation(() => assertNoOverlappingAbsence(period, existing));
      expect(v.ruleId).toBe('R-5.8');
      expect(v.lawReference).toBe(LAW['R-5.8']);
      expect(v.details).toEqual({ overlaps: [existing[0]] });
    }
  });

  it('the exact same period again (a retried registration without a key) is refused', () => {
    expect(violation(() => assertNoOverlappingAbsence({ fromDate: '2026-10-05', toDate: '2026-10-09' }, existing)).details).toEqual({
      overlaps: [existing[0]],
    });
  });

  it('leave granted by a decision counts as registered: an absence on a leave day is refused', () => {
    expect(violation(() => assertNoOverlappingAbsence({ fromDate: '2026-11-02', toDate: '2026-11-02' }, existing)).details).toEqual({
      overlaps: [existing[1]],
    });
  });

  it('every overlapped period is named', () => {
    expect(violation(() => assertNoOverlappingAbsence({ fromDate: '2026-10-09', toDate: '2026-11-02' }, existing)).details).toEqual({ overlaps: existing });
  });

  it('a correction is not compared with the period it corrects', () => {
    expect(() => assertNoOverlappingAbsence({ fromDate: '2026-10-06', toDate: '2026-10-12' }, existing, 'a')).not.toThrow();
    expect(violation(() => assertNoOverlappingAbsence({ fromDate: '2026-10-06', toDate: '2026-11-02' }, existing, 'a')).details).toEqual({
      overlaps: [existing[1]],
    });
  });

  it('a period that ends before it starts is refused; a one-day period is fine', () => {
    expect(violation(() => assertNoOverlappingAbsence({ fromDate: '2026-10-02', toDate: '2026-10-01' }, [])).ruleId).toBe('R-5.8');
    expect(() => assertNoOverlappingAbsence({ fromDate: '2026-10-01', toDate: '2026-10-01' }, [])).not.toThrow();
  });
});
