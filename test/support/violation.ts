import { RuleViolation } from '../../src/domain/rule-violation';

/** The RuleViolation fn throws; fails the test when it throws nothing or something else. */
export function violation(fn: () => unknown): RuleViolation {
  try {
    fn();
  } catch (e) {
    if (e instanceof RuleViolation) return e;
    throw e;
  }
  throw new Error('expected a RuleViolation');
}
