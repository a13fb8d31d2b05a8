// integreringsloven § 12: a participation decision after the deadline needs a recorded reason.
import { assertLateDecisionReason, startDeadline } from '../../../src/domain/deadlines';
import { RuleViolation } from '../../../src/domain/rule-violation';

describe('R-5.1 a late participation decision needs a reason', () => {
  const deadline = startDeadline({ settlementDate: '2026-02-28' }); // 2026-05-28, not moved
  it('the deadline is 3 months after settlement', () => expect(deadline).toBe('2026-05-28'));
  it('the day before and the day of the deadline: no reason needed', () => {
    expect(() => assertLateDecisionReason({ decidedAt: '2026-05-27', deadline })).not.toThrow();
    expect(() => assertLateDecisionReason({ decidedAt: '2026-05-28', deadline })).not.toThrow();
  });
  it('the day after: refused without a reason, with R-5.1 and § 12', () => {
    let caught: unknown;
    try {
      assertLateDecisionReason({ decidedAt: '2026-05-29', deadline });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(RuleViolation);
    expect(caught).toMatchObject({ ruleId: 'R-5.1', lawReference: 'integreringsloven § 12' });
  });
  it('a reason of only spaces is no reason (R-13.7)', () => {
    expect(() => assertLateDecisionReason({ decidedAt: '2026-05-29', deadline, reason: '   ' })).toThrow(RuleViolation);
  });
  it('the day after with a reason: accepted', () => {
    expect(() => assertLateDecisionReason({ decidedAt: '2026-05-29', deadline, reason: 'The mapping needed an interpreter.' })).not.toThrow();
  });
  it('no settlement yet, no deadline: nothing to check', () => {
    expect(() => assertLateDecisionReason({ decidedAt: '2030-01-01', deadline: null })).not.toThrow();
  });
  it('the deadline follows a later request (krav)', () => {
    const later = startDeadline({ settlementDate: '2026-01-10', requestDate: '2026-03-31' });
    expect(later).toBe('2026-06-30');
    expect(() => assertLateDecisionReason({ decidedAt: '2026-06-30', deadline: later })).not.toThrow();
    expect(() => assertLateDecisionReason({ decidedAt: '2026-07-01', deadline: later })).toThrow(RuleViolation);
  });
});
