/**
 * eligibility as dated periods: the stored form the case list filters by in SQL. The periods
 * must give, on every date, exactly what evaluateEligibility answers on that date.
 */
import fc from 'fast-check';
import { addDays } from '../../../src/domain/calendar';
import {
  basisOnDate,
  EligibilityFacts,
  eligibilityChangeDates,
  eligibilityPeriods,
  evaluateEligibility,
  PERMIT_CATEGORIES,
  WORK_RULE_FROM,
} from '../../../src/domain/eligibility';

// A refugee settled by agreement on 2025-08-01: right and duty from settlement until the two-year window closes.
const refugee: EligibilityFacts = {
  birthDate: '1990-01-10',
  permitCategory: 'REFUGEE',
  permitGrantDate: '2025-06-15',
  arrivalDate: '2025-06-20',
  settlementDate: '2025-08-01',
  settledByAgreementWithImdi: true,
  familyReferenceYearsInMunicipality: null,
  weeklyWorkHours: null,
  requestDate: null,
};

describe('R-1.8 eligibility periods', () => {
  it('not settled before settlement (R-1.3), right and duty from it until the window closes (R-1.4)', () => {
    expect(eligibilityPeriods(refugee)).toEqual([
      { from: null, until: '2025-08-01', basis: 'NONE' },
      { from: '2025-08-01', until: '2027-08-01', basis: 'RIGHT_AND_DUTY' },
      { from: '2027-08-01', until: null, basis: 'NONE' },
    ]);
  });

  it('at the boundaries: the day before settlement, settlement day, the last day of the window and the day after', () => {
    const periods = eligibilityPeriods(refugee);
    expect(basisOnDate(periods, '2025-07-31')).toBe('NONE');
    expect(basisOnDate(periods, '2025-08-01')).toBe('RIGHT_AND_DUTY');
    expect(basisOnDate(periods, '2027-07-31')).toBe('RIGHT_AND_DUTY');
    expect(basisOnDate(periods, '2027-08-01')).toBe('NONE');
  });

  it('work of 30 hours ends right and duty from the work rule on (R-1.5), not before', () => {
    const periods = eligibilityPeriods({ ...refugee, weeklyWorkHours: 30 });
    expect(basisOnDate(periods, addDays(WORK_RULE_FROM, -1))).toBe('RIGHT_AND_DUTY');
    expect(basisOnDate(periods, WORK_RULE_FROM)).toBe('NONE');
    expect(basisOnDate(eligibilityPeriods({ ...refugee, weeklyWorkHours: 29.5 }), WORK_RULE_FROM)).toBe('RIGHT_AND_DUTY');
  });

  it('discretionary periods (R-1.6): settled without an agreement with IMDi', () => {
    expect(eligibilityPeriods({ ...refugee, settledByAgreementWithImdi: false })).toEqual([
      { from: null, until: '2025-08-01', basis: 'NONE' },
      { from: '2025-08-01', until: '2027-08-01', basis: 'DISCRETIONARY' },
      { from: '2027-08-01', until: null, basis: 'NONE' },
    ]);
  });

  it('without settlement: NONE on every date', () => {
    expect(eligibilityPeriods({ ...refugee, settlementDate: null })).toEqual([{ from: null, until: null, basis: 'NONE' }]);
  });

  it('a settlement in 2199 counts its window into 2201 without an error', () => {
    expect(eligibilityChangeDates({ ...refugee, settlementDate: '2199-12-31' })).toContain('2201-12-31');
  });

  it('on any date, the periods answer what evaluateEligibility answers (property, 2 000 cases)', () => {
    const date = fc.integer({ min: 0, max: 365 * 14 }).map((n) => addDays('2019-01-01', n));
    const facts = fc.record({
      birthDate: fc.integer({ min: 0, max: 365 * 70 }).map((n) => addDays('1950-01-01', n)),
      permitCategory: fc.constantFrom(...PERMIT_CATEGORIES),
      permitGrantDate: date,
      arrivalDate: date,
      settlementDate: fc.option(date, { nil: null }),
      settledByAgreementWithImdi: fc.boolean(),
      familyReferenceYearsInMunicipality: fc.option(fc.constantFrom(0, 2.5, 4.99, 5, 7), { nil: null }),
      weeklyWorkHours: fc.option(fc.constantFrom(0, 10, 29.9, 30, 40), { nil: null }),
      requestDate: fc.constant(null),
    });
    fc.assert(
      fc.property(facts, fc.array(date, { minLength: 1, maxLength: 10 }), (f, days) => {
        const periods = eligibilityPeriods(f);
        for (const d of [...days, ...eligibilityChangeDates(f).flatMap((c) => [addDays(c, -1), c])]) {
          expect(basisOnDate(periods, d)).toBe(evaluateEligibility({ ...f, evaluationDate: d }).basis);
        }
      }),
      { numRuns: 2000, seed: 19 },
    );
  });
});
