import { LAW } from '../../../src/domain/law-references';
import {
  hasChildUnder18,
  lifeSkillsMinimumHours,
  missingRequiredElements,
  requiredElements,
  workOrientedHoursFrom,
  workOrientedRequirementStarts,
} from '../../../src/domain/programme-content';

describe('R-5.3 integreringsloven § 14 a: required content', () => {
  it('no child, no collective protection', () => {
    expect(requiredElements({ hasChildUnder18: false, collectiveProtection: false })).toEqual([
      'NORWEGIAN',
      'SOCIAL_STUDIES',
      'LIFE_SKILLS',
      'WORK_OR_EDUCATION_ORIENTED',
    ]);
  });

  it('child under 18 adds parental guidance', () => {
    expect(requiredElements({ hasChildUnder18: true, collectiveProtection: false })).toContain('PARENTAL_GUIDANCE');
  });

  it('collective protection (§ 37 c): no social studies', () => {
    expect(requiredElements({ hasChildUnder18: true, collectiveProtection: true })).toEqual([
      'NORWEGIAN',
      'LIFE_SKILLS',
      'PARENTAL_GUIDANCE',
      'WORK_OR_EDUCATION_ORIENTED',
    ]);
  });

  it('missingRequiredElements: any of work practice, education, job training covers the work/education element', () => {
    const needs = { hasChildUnder18: false, collectiveProtection: false };
    const base = [{ kind: 'NORWEGIAN' as const }, { kind: 'SOCIAL_STUDIES' as const }, { kind: 'LIFE_SKILLS' as const }];
    expect(missingRequiredElements(needs, base)).toEqual(['WORK_OR_EDUCATION_ORIENTED']);
    expect(missingRequiredElements(needs, [...base, { kind: 'OTHER' }])).toEqual(['WORK_OR_EDUCATION_ORIENTED']);
    for (const kind of ['WORK_PRACTICE', 'EDUCATION', 'JOB_TRAINING'] as const) {
      expect(missingRequiredElements(needs, [...base, { kind }])).toEqual([]);
    }
  });

  it('missingRequiredElements lists everything for an empty plan with a child', () => {
    expect(missingRequiredElements({ hasChildUnder18: true, collectiveProtection: false }, [])).toEqual([
      'NORWEGIAN',
      'SOCIAL_STUDIES',
      'LIFE_SKILLS',
      'PARENTAL_GUIDANCE',
      'WORK_OR_EDUCATION_ORIENTED',
    ]);
  });

  describe('hasChildUnder18', () => {
    it('the day before the 18th birthday: under 18', () => {
      expect(hasChildUnder18(['2008-03-10'], '2026-03-09')).toBe(true);
    });
    it('on the 18th birthday: not under 18', () => {
      expect(hasChildUnder18(['2008-03-10'], '2026-03-10')).toBe(false);
    });
    it('no children', () => {
      expect(hasChildUnder18([], '2026-03-10')).toBe(false);
    });
    it('a child not yet born on the date does not count', () => {
      expect(hasChildUnder18(['2026-06-01'], '2026-03-10')).toBe(false);
    });
    it('a child born during the programme counts when the period is given', () => {
      expect(hasChildUnder18(['2026-06-01'], '2026-03-10', '2027-03-09')).toBe(true);
      expect(hasChildUnder18(['2027-06-01'], '2026-03-10', '2027-03-09')).toBe(false);
    });
    it('one of several children under 18 is enough', () => {
      expect(hasChildUnder18(['2000-01-01', '2015-01-01'], '2026-01-01')).toBe(true);
    });
  });
});

describe('R-5.4 integreringsforskriften § 4: life-skills minimum hours', () => {
  it('without upper-secondary: 10 + 15 hours', () => {
    expect(lifeSkillsMinimumHours({ hasUpperSecondary: false, decisionDate: '2026-01-01' })).toEqual({
      migrationHealthDiversity: 10,
      careerCompetence: 15,
      lawReference: LAW['R-5.4'],
    });
  });
  it('with upper-secondary: 5 + 10 hours', () => {
    expect(lifeSkillsMinimumHours({ hasUpperSecondary: true, decisionDate: '2026-06-30' })).toMatchObject({
      migrationHealthDiversity: 5,
      careerCompetence: 10,
    });
  });
  it('decision on 2025-12-31: no minimum (null)', () => {
    expect(lifeSkillsMinimumHours({ hasUpperSecondary: false, decisionDate: '2025-12-31' })).toBeNull();
  });
});

describe('R-5.5 integreringsloven § 14 a: work-oriented hours in work-qualifying programmes', () => {
  it('with upper-secondary: from month 3, 15 h/week', () => {
    expect(workOrientedHoursFrom(true)).toEqual({ fromMonth: 3, minHoursPerWeekAverage: 15, lawReference: LAW['R-5.5'] });
  });
  it('without: from month 6', () => {
    expect(workOrientedHoursFrom(false).fromMonth).toBe(6);
  });
  it('start date of the requirement uses month arithmetic with end-of-month clamping', () => {
    expect(workOrientedRequirementStarts('2026-01-15', true)).toBe('2026-04-15');
    expect(workOrientedRequirementStarts('2026-08-31', false)).toBe('2027-02-28');
  });
});

describe('R-5.4 life-skills hours in the plan (integreringsforskriften § 4)', () => {
  const { assertLifeSkillsHours } = jest.requireActual('../../../src/domain/programme-content') as typeof import('../../../src/domain/programme-content');
  test('without upper-secondary: 10 + 15 is enough, 9 or 14 is not', () => {
    expect(() =>
      assertLifeSkillsHours({ hasUpperSecondary: false, decisionDate: '2026-01-01', planned: { migrationHealthDiversity: 10, careerCompetence: 15 } }),
    ).not.toThrow();
    expect(() =>
      assertLifeSkillsHours({ hasUpperSecondary: false, decisionDate: '2026-01-01', planned: { migrationHealthDiversity: 9, careerCompetence: 15 } }),
    ).toThrow(expect.objectContaining({ ruleId: 'R-5.4' }));
    expect(() =>
      assertLifeSkillsHours({ hasUpperSecondary: false, decisionDate: '2026-01-01', planned: { migrationHealthDiversity: 10, careerCompetence: 14 } }),
    ).toThrow(expect.objectContaining({ ruleId: 'R-5.4' }));
  });
  test('with upper-secondary: 5 + 10', () => {
    expect(() =>
      assertLifeSkillsHours({ hasUpperSecondary: true, decisionDate: '2026-03-01', planned: { migrationHealthDiversity: 5, careerCompetence: 10 } }),
    ).not.toThrow();
    expect(() =>
      assertLifeSkillsHours({ hasUpperSecondary: true, decisionDate: '2026-03-01', planned: { migrationHealthDiversity: 4, careerCompetence: 10 } }),
    ).toThrow(expect.objectContaining({ ruleId: 'R-5.4' }));
  });
  test('decisions before 2026-01-01 are not checked; missing hours count as none', () => {
    expect(() => assertLifeSkillsHours({ hasUpperSecondary: false, decisionDate: '2025-12-31', planned: null })).not.toThrow();
    expect(() => assertLifeSkillsHours({ hasUpperSecondary: false, decisionDate: '2026-01-01', planned: null })).toThrow(
      expect.objectContaining({ ruleId: 'R-5.4' }),
    );
  });
});

describe('R-5.5 work-oriented hours in a work-qualifying programme (integreringsloven § 14 a)', () => {
  const { assertWorkOrientedHours } = jest.requireActual('../../../src/domain/programme-content') as typeof import('../../../src/domain/programme-content');
  test('15 hours of work practice and job training is enough, 14 is not; other programmes are not checked', () => {
    expect(() =>
      assertWorkOrientedHours({
        workQualifying: true,
        hasUpperSecondary: false,
        elements: [
          { kind: 'WORK_PRACTICE', hoursPerWeek: 10 },
          { kind: 'JOB_TRAINING', hoursPerWeek: 5 },
        ],
      }),
    ).not.toThrow();
    expect(() =>
      assertWorkOrientedHours({
        workQualifying: true,
        hasUpperSecondary: false,
        elements: [
          { kind: 'WORK_PRACTICE', hoursPerWeek: 14 },
          { kind: 'EDUCATION', hoursPerWeek: 20 },
        ],
      }),
    ).toThrow(expect.objectContaining({ ruleId: 'R-5.5' }));
    expect(() => assertWorkOrientedHours({ workQualifying: false, hasUpperSecondary: false, elements: [] })).not.toThrow();
  });
});
