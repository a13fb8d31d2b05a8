// every regime-dependent programme rule takes its date from offerDateFor().
import { durationNotice, validateDuration, validateExtension } from '../../../src/domain/end-goal';
import { LAW } from '../../../src/domain/law-references';
import { assertLifeSkillsHours, assertWorkOrientedHours } from '../../../src/domain/programme-content';
import { assertAutomatedRegimeFor, offerDateFor } from '../../../src/domain/regime';
import { RuleViolation } from '../../../src/domain/rule-violation';

describe('R-13.1 offerDateFor: recorded offer, else the first granted participation decision, else today', () => {
  it('a recorded offer date wins', () => {
    expect(offerDateFor({ recordedOfferDate: '2025-12-31', participationGrantedAt: '2026-01-05', today: '2026-12-03' })).toEqual({
      date: '2025-12-31',
      source: 'RECORDED',
    });
  });
  it('else the participation decision', () => {
    expect(offerDateFor({ recordedOfferDate: null, participationGrantedAt: '2026-01-05', today: '2026-12-03' })).toEqual({
      date: '2026-01-05',
      source: 'PARTICIPATION_DECISION',
    });
  });
  it('else today', () => {
    expect(offerDateFor({ today: '2026-12-03' })).toEqual({ date: '2026-12-03', source: 'TODAY' });
  });
});

describe('R-13.2 an old-regime case is refused every rule automation, as the participation decision is', () => {
  it('permit and arrival both before 2021-01-01: R-0.2 "old regime: manual assessment"', () => {
    let caught: unknown;
    try {
      assertAutomatedRegimeFor({ permitGrantDate: '2020-12-31', arrivalDate: '2020-12-31' }, 'The benefit rate');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(RuleViolation);
    expect(caught).toMatchObject({ ruleId: 'R-0.2', lawReference: LAW['R-0.2'] });
    expect((caught as Error).message).toMatch(/manual assessment.*benefit rate/i);
  });
  it('either date on 2021-01-01 (the day of): integreringsloven', () => {
    expect(assertAutomatedRegimeFor({ permitGrantDate: '2021-01-01', arrivalDate: '2020-12-31' }, 'x')).toBe('INTEGRERINGSLOVEN');
    expect(assertAutomatedRegimeFor({ permitGrantDate: '2020-12-31', arrivalDate: '2021-01-01' }, 'x')).toBe('INTEGRERINGSLOVEN');
  });
});

describe('R-5.5 § 14 a 15 hours: only for programmes offered from 2026-01-01, else a notice', () => {
  const input = { workQualifying: true, hasUpperSecondary: false, elements: [{ kind: 'WORK_PRACTICE' as const, hoursPerWeek: 10 }] };
  it('offer 2025-12-31: not enforced, the notice says so', () => {
    expect(assertWorkOrientedHours({ ...input, offerDate: '2025-12-31' })).toMatchObject({
      ruleId: 'R-5.5',
      lawReference: LAW['R-5.5'],
      message: expect.stringMatching(/not enforced/),
    });
  });
  it('offer 2026-01-01 and 2026-01-02: enforced', () => {
    expect(() => assertWorkOrientedHours({ ...input, offerDate: '2026-01-01' })).toThrow(expect.objectContaining({ ruleId: 'R-5.5' }));
    expect(() => assertWorkOrientedHours({ ...input, offerDate: '2026-01-02' })).toThrow(RuleViolation);
  });
  it('met: no notice', () => {
    expect(assertWorkOrientedHours({ ...input, elements: [{ kind: 'WORK_PRACTICE', hoursPerWeek: 15 }], offerDate: '2026-01-01' })).toBeNull();
  });
});

describe('R-5.4 life-skills minimum (forskrift § 4) by the offer date', () => {
  const planned = { migrationHealthDiversity: 0, careerCompetence: 0 };
  it('offer 2025-12-31: not enforced, with a notice', () => {
    expect(assertLifeSkillsHours({ hasUpperSecondary: false, decisionDate: '2025-12-31', planned })).toMatchObject({
      ruleId: 'R-5.4',
      lawReference: LAW['R-5.4'],
    });
  });
  it('offer 2026-01-01: enforced', () => {
    expect(() => assertLifeSkillsHours({ hasUpperSecondary: false, decisionDate: '2026-01-01', planned })).toThrow(RuleViolation);
  });
  it('offer 2026-01-02 with enough hours: no notice', () => {
    expect(
      assertLifeSkillsHours({ hasUpperSecondary: true, decisionDate: '2026-01-02', planned: { migrationHealthDiversity: 5, careerCompetence: 10 } }),
    ).toBeNull();
  });
});

describe('R-5.7 durations and extensions: the skipped check becomes a notice', () => {
  it('§ 13 twelve months: offer 2025-12-31 gives a notice, 2026-01-01 refuses 13 months', () => {
    expect(durationNotice(validateDuration({ endGoal: 'WORK', durationMonths: 13, offerDate: '2025-12-31' }))).toMatchObject({
      ruleId: 'R-5.7',
      lawReference: LAW['R-5.7'],
      message: expect.stringMatching(/2025-12-31.*not enforced/),
    });
    expect(() => validateDuration({ endGoal: 'WORK', durationMonths: 13, offerDate: '2026-01-01' })).toThrow(RuleViolation);
    expect(durationNotice(validateDuration({ endGoal: 'WORK', durationMonths: 12, offerDate: '2026-01-02' }))).toBeNull();
  });
  it('extension of a § 13 goal: refused for a 2026 offer, a notice for a 2025 one', () => {
    expect(() => validateExtension({ endGoal: 'WORK', currentExtensionMonths: 0, requestedMonths: 1, offerDate: '2026-01-01' })).toThrow(RuleViolation);
    expect(durationNotice(validateExtension({ endGoal: 'WORK', currentExtensionMonths: 0, requestedMonths: 1, offerDate: '2025-12-31' }))?.ruleId).toBe(
      'R-5.7',
    );
  });
});
