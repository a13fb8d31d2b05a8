import { RuleViolation } from '../../../src/domain/rule-violation';

describe('R-1.8 RuleViolation carries the rule and its section', () => {
  it('is an Error with rule id, law reference and details', () => {
    const v = new RuleViolation('R-9.3', 'forvaltningsloven § 31', 'too late', { days: 400 });
    expect(v).toBeInstanceOf(Error);
    expect(v).toBeInstanceOf(RuleViolation);
    expect(v.name).toBe('RuleViolation');
    expect(v.message).toBe('too late');
    expect(v.ruleId).toBe('R-9.3');
    expect(v.lawReference).toBe('forvaltningsloven § 31');
    expect(v.details).toEqual({ days: 400 });
  });
  it('details are optional', () => {
    expect(new RuleViolation('R-0.2', 'integreringsloven § 51', 'x').details).toBeUndefined();
  });
});
