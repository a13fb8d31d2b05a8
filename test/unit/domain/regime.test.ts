import { assertAutomatedRegime, durationRulesApply, programmeRules2026Apply, regimeFor } from '../../../src/domain/regime';
import { RuleViolation } from '../../../src/domain/rule-violation';

describe('R-0.2 regime (integreringsloven § 51)', () => {
  it('old Act only when permit and arrival are both before 2021-01-01', () => {
    expect(regimeFor({ permitGrantDate: '2020-12-31', arrivalDate: '2020-12-31' })).toBe('INTRODUKSJONSLOVEN');
    expect(regimeFor({ permitGrantDate: '2020-12-31', arrivalDate: '2021-01-01' })).toBe('INTEGRERINGSLOVEN');
    expect(regimeFor({ permitGrantDate: '2021-01-01', arrivalDate: '2020-06-01' })).toBe('INTEGRERINGSLOVEN');
    expect(regimeFor({ permitGrantDate: '2025-03-01', arrivalDate: '2025-03-20' })).toBe('INTEGRERINGSLOVEN');
  });

  it('refuses automation in the old regime with a RuleViolation', () => {
    const dates = { permitGrantDate: '2019-05-01', arrivalDate: '2019-08-01' };
    expect(() => assertAutomatedRegime(dates)).toThrow(RuleViolation);
    try {
      assertAutomatedRegime(dates);
    } catch (e) {
      const v = e as RuleViolation;
      expect(v.name).toBe('RuleViolation');
      expect(v.ruleId).toBe('R-0.2');
      expect(v.lawReference).toContain('integreringsloven § 51');
      expect(v.message).toBe('old regime: manual assessment');
      expect(v.details).toEqual({ regime: 'INTRODUKSJONSLOVEN', ...dates });
    }
  });

  it('lets the integreringsloven regime through', () => {
    expect(assertAutomatedRegime({ permitGrantDate: '2020-12-31', arrivalDate: '2021-01-01' })).toBe('INTEGRERINGSLOVEN');
  });
});

describe('R-0.2 dated programme rules (LOV-2025-06-20-35, integreringsforskriften § 76)', () => {
  it('2026 programme rules apply to offers from 2026-01-01', () => {
    expect(programmeRules2026Apply('2025-12-31')).toBe(false);
    expect(programmeRules2026Apply('2026-01-01')).toBe(true);
    expect(programmeRules2026Apply('2026-01-02')).toBe(true);
  });
  it('duration limits apply to offers from 2025-01-01', () => {
    expect(durationRulesApply('2024-12-31')).toBe(false);
    expect(durationRulesApply('2025-01-01')).toBe(true);
    expect(durationRulesApply('2025-01-02')).toBe(true);
  });
});
