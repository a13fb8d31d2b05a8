import { violation } from '../../support/violation';
import {
  END_GOALS,
  SECTION_13_END_GOALS,
  SECTION_14_END_GOALS,
  allowedEndGoals,
  maxDuration,
  validateDuration,
  validateEndGoal,
  validateExtension,
  type EndGoal,
} from '../../../src/domain/end-goal';
import { LAW } from '../../../src/domain/law-references';
import { RuleViolation } from '../../../src/domain/rule-violation';

describe('R-5.2 integreringsloven §§ 13–14: end goal fits education and age', () => {
  it('splits the seven end goals into three § 13 and four § 14 goals', () => {
    expect([...SECTION_13_END_GOALS, ...SECTION_14_END_GOALS].sort()).toEqual([...END_GOALS].sort());
  });

  it.each(SECTION_13_END_GOALS)('accepts § 13 goal %s for a 30-year-old with upper-secondary', (endGoal) => {
    expect(() => validateEndGoal({ endGoal, hasUpperSecondary: true, ageOnDate: 30 })).not.toThrow();
  });

  it.each(SECTION_14_END_GOALS)('refuses § 14 goal %s for someone with upper-secondary', (endGoal) => {
    const v = violation(() => validateEndGoal({ endGoal, hasUpperSecondary: true, ageOnDate: 30 }));
    expect(v.ruleId).toBe('R-5.2');
    expect(v.lawReference).toBe(LAW['R-5.2']);
    expect(v.message).toMatch(/§ 14/);
  });

  it.each(SECTION_13_END_GOALS)('refuses § 13 goal %s for someone without upper-secondary', (endGoal) => {
    expect(violation(() => validateEndGoal({ endGoal, hasUpperSecondary: false, ageOnDate: 30 })).ruleId).toBe('R-5.2');
  });

  it.each(SECTION_14_END_GOALS)('accepts § 14 goal %s for a 25-year-old without upper-secondary (no reason needed)', (endGoal) => {
    expect(() => validateEndGoal({ endGoal, hasUpperSecondary: false, ageOnDate: 25 })).not.toThrow();
  });

  describe('over 55: work only', () => {
    it.each(SECTION_13_END_GOALS)('age 55 (not over 55) with upper-secondary may have %s', (endGoal) => {
      expect(() => validateEndGoal({ endGoal, hasUpperSecondary: true, ageOnDate: 55 })).not.toThrow();
    });
    it('age 56 with upper-secondary: WORK is allowed', () => {
      expect(() => validateEndGoal({ endGoal: 'WORK', hasUpperSecondary: true, ageOnDate: 56 })).not.toThrow();
    });
    it.each(['HIGHER_EDUCATION_PREPARATION', 'VOCATIONAL_REQUALIFICATION'] as EndGoal[])('age 56 with upper-secondary: %s is refused', (endGoal) => {
      const v = violation(() => validateEndGoal({ endGoal, hasUpperSecondary: true, ageOnDate: 56 }));
      expect(v.ruleId).toBe('R-5.2');
      expect(v.message).toMatch(/over 55/);
    });
    it.each(SECTION_14_END_GOALS)('age 55 without upper-secondary may have %s', (endGoal) => {
      expect(() => validateEndGoal({ endGoal, hasUpperSecondary: false, ageOnDate: 55 })).not.toThrow();
    });
    it('age 56 without upper-secondary: WORK_QUALIFYING is allowed', () => {
      expect(() => validateEndGoal({ endGoal: 'WORK_QUALIFYING', hasUpperSecondary: false, ageOnDate: 56 })).not.toThrow();
    });
    it.each(['UPPER_SECONDARY_COMPLETE', 'UPPER_SECONDARY_PARTIAL', 'VOCATIONAL_CERTIFICATE'] as EndGoal[])(
      'age 56 without upper-secondary: %s is refused',
      (endGoal) => {
        expect(violation(() => validateEndGoal({ endGoal, hasUpperSecondary: false, ageOnDate: 56 })).ruleId).toBe('R-5.2');
      },
    );
  });

  describe('under 25 without upper-secondary: completed upper-secondary unless a reason is recorded', () => {
    it.each(['UPPER_SECONDARY_COMPLETE', 'VOCATIONAL_CERTIFICATE'] as EndGoal[])('age 24: %s needs no reason', (endGoal) => {
      expect(() => validateEndGoal({ endGoal, hasUpperSecondary: false, ageOnDate: 24 })).not.toThrow();
    });
    it.each(['UPPER_SECONDARY_PARTIAL', 'WORK_QUALIFYING'] as EndGoal[])('age 24: %s without a reason is refused', (endGoal) => {
      const v = violation(() => validateEndGoal({ endGoal, hasUpperSecondary: false, ageOnDate: 24, reducedGoalReason: null }));
      expect(v.ruleId).toBe('R-5.2');
      expect(v.message).toMatch(/recorded reason/);
    });
    it.each(['UPPER_SECONDARY_PARTIAL', 'WORK_QUALIFYING'] as EndGoal[])('age 24: %s with only whitespace as reason is refused', (endGoal) => {
      expect(violation(() => validateEndGoal({ endGoal, hasUpperSecondary: false, ageOnDate: 24, reducedGoalReason: '   ' })).ruleId).toBe('R-5.2');
    });
    it.each(['UPPER_SECONDARY_PARTIAL', 'WORK_QUALIFYING'] as EndGoal[])('age 24: %s with a reason is allowed', (endGoal) => {
      expect(() => validateEndGoal({ endGoal, hasUpperSecondary: false, ageOnDate: 24, reducedGoalReason: 'Wants to work as soon as possible' })).not.toThrow();
    });
    it.each(['UPPER_SECONDARY_PARTIAL', 'WORK_QUALIFYING'] as EndGoal[])('age 25: %s needs no reason', (endGoal) => {
      expect(() => validateEndGoal({ endGoal, hasUpperSecondary: false, ageOnDate: 25 })).not.toThrow();
    });
    it('the under-25 rule does not apply to someone with upper-secondary', () => {
      expect(() => validateEndGoal({ endGoal: 'WORK', hasUpperSecondary: true, ageOnDate: 20 })).not.toThrow();
    });
  });

  describe('allowedEndGoals (dashboard)', () => {
    it('with upper-secondary, 55: all § 13 goals', () => {
      expect(allowedEndGoals({ hasUpperSecondary: true, ageOnDate: 55 })).toEqual([...SECTION_13_END_GOALS]);
    });
    it('with upper-secondary, 56: WORK only', () => {
      expect(allowedEndGoals({ hasUpperSecondary: true, ageOnDate: 56 })).toEqual(['WORK']);
    });
    it('without, 56: WORK_QUALIFYING only', () => {
      expect(allowedEndGoals({ hasUpperSecondary: false, ageOnDate: 56 })).toEqual(['WORK_QUALIFYING']);
    });
    it('without, 25: all § 14 goals', () => {
      expect(allowedEndGoals({ hasUpperSecondary: false, ageOnDate: 25 })).toEqual([...SECTION_14_END_GOALS]);
    });
    it('without, 24, no reason: completed upper-secondary or vocational certificate', () => {
      expect(allowedEndGoals({ hasUpperSecondary: false, ageOnDate: 24 })).toEqual(['UPPER_SECONDARY_COMPLETE', 'VOCATIONAL_CERTIFICATE']);
    });
    it('without, 24, with a reason: all § 14 goals', () => {
      expect(allowedEndGoals({ hasUpperSecondary: false, ageOnDate: 24, reducedGoalReason: 'Cannot finish in time' })).toEqual([...SECTION_14_END_GOALS]);
    });
  });
});

const OFFER_2026 = '2026-02-01';

describe('R-5.7 integreringsloven §§ 13, 14, 18 a: maximum duration', () => {
  const table: [EndGoal, number, number, boolean][] = [
    ['WORK', 12, 0, false],
    ['HIGHER_EDUCATION_PREPARATION', 12, 0, false],
    ['VOCATIONAL_REQUALIFICATION', 12, 0, false],
    ['UPPER_SECONDARY_PARTIAL', 36, 12, true],
    ['UPPER_SECONDARY_COMPLETE', 48, 12, true],
    ['VOCATIONAL_CERTIFICATE', 60, 0, false],
    ['WORK_QUALIFYING', 24, 0, false],
  ];

  it.each(table)('maxDuration(%s) = %i months, +%i, mandatory=%s', (endGoal, months, ext, mandatory) => {
    expect(maxDuration(endGoal)).toEqual({
      months,
      maxExtensionMonths: ext,
      extensionMandatoryWhenItHelps: mandatory,
      lawReference: LAW['R-5.7'],
    });
  });

  it.each(table)('%s: %i months (the maximum) is accepted', (endGoal, months) => {
    expect(validateDuration({ endGoal, durationMonths: months, offerDate: OFFER_2026 })).toEqual({ enforced: true, maxMonths: months });
  });

  it.each(table)('%s: max + 1 months is refused', (endGoal, months) => {
    const v = violation(() => validateDuration({ endGoal, durationMonths: months + 1, offerDate: OFFER_2026 }));
    expect(v.ruleId).toBe('R-5.7');
    expect(v.details).toMatchObject({ maxMonths: months, durationMonths: months + 1 });
  });

  it.each([0, -1, 1.5])('duration %p is refused', (durationMonths) => {
    expect(violation(() => validateDuration({ endGoal: 'WORK', durationMonths, offerDate: OFFER_2026 })).ruleId).toBe('R-5.7');
  });

  it('1 month is accepted (no minimum beyond that)', () => {
    expect(validateDuration({ endGoal: 'WORK', durationMonths: 1, offerDate: OFFER_2026 }).enforced).toBe(true);
  });

  describe('R-0.2 regime: limits apply to offers from their start date only', () => {
    it('offer 2024-12-31: not enforced, with a note', () => {
      const r = validateDuration({ endGoal: 'UPPER_SECONDARY_COMPLETE', durationMonths: 60, offerDate: '2024-12-31' });
      expect(r.enforced).toBe(false);
      if (!r.enforced) expect(r.note).toMatch(/not enforced/);
    });
    it('offer 2025-01-01 for a § 14 upper-secondary goal: enforced', () => {
      expect(() => validateDuration({ endGoal: 'UPPER_SECONDARY_COMPLETE', durationMonths: 49, offerDate: '2025-01-01' })).toThrow(RuleViolation);
    });
    it.each(['WORK', 'WORK_QUALIFYING'] as EndGoal[])('offer 2025-12-31 for %s (2026 rule): not enforced', (endGoal) => {
      expect(validateDuration({ endGoal, durationMonths: 30, offerDate: '2025-12-31' }).enforced).toBe(false);
    });
    it.each(['WORK', 'WORK_QUALIFYING'] as EndGoal[])('offer 2026-01-01 for %s: enforced', (endGoal) => {
      expect(() => validateDuration({ endGoal, durationMonths: 30, offerDate: '2026-01-01' })).toThrow(RuleViolation);
    });
  });
});

describe('R-5.7 integreringsloven § 14: extension', () => {
  it.each(['WORK', 'HIGHER_EDUCATION_PREPARATION', 'VOCATIONAL_REQUALIFICATION', 'WORK_QUALIFYING', 'VOCATIONAL_CERTIFICATE'] as EndGoal[])(
    'refuses any extension for %s',
    (endGoal) => {
      const v = violation(() => validateExtension({ endGoal, currentExtensionMonths: 0, requestedMonths: 1, offerDate: OFFER_2026 }));
      expect(v.ruleId).toBe('R-5.7');
      expect(v.message).toMatch(/cannot be extended/);
    },
  );

  it.each(['UPPER_SECONDARY_PARTIAL', 'UPPER_SECONDARY_COMPLETE'] as EndGoal[])('%s: 12 months in total is accepted', (endGoal) => {
    expect(validateExtension({ endGoal, currentExtensionMonths: 6, requestedMonths: 6, offerDate: OFFER_2026 })).toEqual({
      enforced: true,
      totalExtensionMonths: 12,
      maxExtensionMonths: 12,
      extensionMandatoryWhenItHelps: true,
    });
  });

  it.each(['UPPER_SECONDARY_PARTIAL', 'UPPER_SECONDARY_COMPLETE'] as EndGoal[])('%s: 13 months in total is refused', (endGoal) => {
    const v = violation(() => validateExtension({ endGoal, currentExtensionMonths: 12, requestedMonths: 1, offerDate: OFFER_2026 }));
    expect(v.ruleId).toBe('R-5.7');
    expect(v.details).toMatchObject({ totalExtensionMonths: 13 });
  });

  it('refuses a request of 0 months', () => {
    expect(
      violation(() => validateExtension({ endGoal: 'UPPER_SECONDARY_COMPLETE', currentExtensionMonths: 0, requestedMonths: 0, offerDate: OFFER_2026 })).ruleId,
    ).toBe('R-5.7');
  });

  it('is not enforced for an offer before 2025-01-01', () => {
    expect(validateExtension({ endGoal: 'UPPER_SECONDARY_COMPLETE', currentExtensionMonths: 12, requestedMonths: 6, offerDate: '2024-06-01' }).enforced).toBe(
      false,
    );
  });
});
