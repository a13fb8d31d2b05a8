import { evaluateEligibility } from '../../../src/domain/eligibility';
import { assertHaltAdvanceNotice, assertMappingComplete, participationBasis } from '../../../src/domain/participation';

const base = {
  birthDate: '1990-05-17',
  permitCategory: 'REFUGEE' as const,
  permitGrantDate: '2026-06-01',
  arrivalDate: '2026-06-10',
  settlementDate: '2026-09-01',
  settledByAgreementWithImdi: true,
  evaluationDate: '2026-11-10',
};

describe('R-2.2 mapping before the participation decision (integreringsloven §§ 6, 10)', () => {
  test('completed passes; in progress or missing is refused', () => {
    expect(() => assertMappingComplete('COMPLETED')).not.toThrow();
    expect(() => assertMappingComplete('IN_PROGRESS')).toThrow(expect.objectContaining({ ruleId: 'R-2.2' }));
    expect(() => assertMappingComplete(undefined)).toThrow(expect.objectContaining({ ruleId: 'R-2.2' }));
  });
});

describe('R-1.8 / R-1.6 / R-0.2 the basis of a participation grant (integreringsloven §§ 8–9)', () => {
  test('right and duty', () => {
    expect(participationBasis(evaluateEligibility(base), false)).toBe('RIGHT_AND_DUTY');
  });
  test('over 55: discretionary only when marked so', () => {
    const e = evaluateEligibility({ ...base, birthDate: '1965-01-10' });
    expect(() => participationBasis(e, false)).toThrow(expect.objectContaining({ ruleId: 'R-1.6' }));
    expect(participationBasis(e, true)).toBe('DISCRETIONARY');
  });
  test('no basis: refused with the rule of the first condition that discretion cannot set aside', () => {
    const e = evaluateEligibility({ ...base, permitCategory: 'OTHER' });
    expect(() => participationBasis(e, true)).toThrow(expect.objectContaining({ ruleId: 'R-1.2' }));
  });
  test('old regime: manual assessment', () => {
    const e = evaluateEligibility({ ...base, permitGrantDate: '2020-06-01', arrivalDate: '2020-06-10', settlementDate: '2020-09-01' });
    expect(() => participationBasis(e, true)).toThrow(expect.objectContaining({ ruleId: 'R-0.2' }));
  });
});

describe('R-5.9 advance notice before a halt (integreringsloven § 18)', () => {
  test('a date is required', () => {
    expect(() => assertHaltAdvanceNotice('2026-11-01')).not.toThrow();
    expect(() => assertHaltAdvanceNotice(null)).toThrow(expect.objectContaining({ ruleId: 'R-5.9' }));
  });
});
