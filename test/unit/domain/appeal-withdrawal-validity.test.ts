/**
 * at its boundaries: which closed appeals were withdrawn (the appellant may withdraw at any stage
 * before a decision, also after forwarding), that a withdrawn appeal can no longer be decided, and how a
 * decision's validity follows Statsforvalteren's outcome (fvl §§ 33, 34).
 */
import { APPEAL_STATES, appealTransition, decisionValidity, statsforvalterDecisionStep, wasWithdrawn, WITHDRAWABLE_STATES } from '../../../src/domain/appeal';
import { RuleViolation } from '../../../src/domain/rule-violation';

describe('wasWithdrawn (R-13.10)', () => {
  test.each(['RECEIVED', 'UNDER_REVIEW', 'FORWARDED', 'PARTLY_REVERSED_AND_FORWARDED'] as const)('closed from %s: withdrawn', (state) => {
    expect(wasWithdrawn(state)).toBe(true);
  });
  test.each(['REVERSED', 'DISMISSED', 'DECIDED_BY_STATSFORVALTER'] as const)('closed from %s: ended by a decision, not withdrawn', (state) => {
    expect(wasWithdrawn(state)).toBe(false);
  });
  test('never closed: not withdrawn', () => {
    expect(wasWithdrawn(null)).toBe(false);
  });
  test('every withdrawable state can be closed, and no other undecided state exists', () => {
    for (const state of WITHDRAWABLE_STATES) expect(appealTransition(state, 'CLOSE')).toBe('CLOSED');
    const undecided = APPEAL_STATES.filter((s) => !['REVERSED', 'DISMISSED', 'DECIDED_BY_STATSFORVALTER', 'CLOSED'].includes(s));
    expect([...undecided].sort()).toEqual([...WITHDRAWABLE_STATES].sort());
  });
});

test('a withdrawn (closed) appeal cannot be decided by Statsforvalteren: R-9.4 refuses the step', () => {
  const forwarded = appealTransition(appealTransition(appealTransition('RECEIVED', 'START_REVIEW'), 'FORWARD'), 'CLOSE');
  expect(forwarded).toBe('CLOSED');
  let refused: unknown = null;
  try {
    appealTransition(forwarded, 'STATSFORVALTER_DECIDE');
  } catch (e) {
    refused = e;
  }
  expect(refused).toBeInstanceOf(RuleViolation);
  expect((refused as RuleViolation).ruleId).toBe('R-9.4');
});

describe('statsforvalterDecisionStep: a withdrawn appeal is refused under R-13.10, a decided one under R-9.6', () => {
  const refusal = (from: Parameters<typeof statsforvalterDecisionStep>[0], closedFrom: Parameters<typeof statsforvalterDecisionStep>[1]) => {
    try {
      statsforvalterDecisionStep(from, closedFrom);
    } catch (e) {
      return (e as RuleViolation).ruleId;
    }
    return null;
  };
  test.each(WITHDRAWABLE_STATES)('closed from %s (withdrawn): R-13.10', (closedFrom) => {
    expect(refusal('CLOSED', closedFrom)).toBe('R-13.10');
  });
  test('closed after Statsforvalteren decided, or decided and not yet closed: R-9.6 (final)', () => {
    expect(refusal('CLOSED', 'DECIDED_BY_STATSFORVALTER')).toBe('R-9.6');
    expect(refusal('DECIDED_BY_STATSFORVALTER', null)).toBe('R-9.6');
  });
  test('forwarded, fully or after a partial reversal: decided', () => {
    expect(statsforvalterDecisionStep('FORWARDED')).toBe('DECIDED_BY_STATSFORVALTER');
    expect(statsforvalterDecisionStep('PARTLY_REVERSED_AND_FORWARDED')).toBe('DECIDED_BY_STATSFORVALTER');
  });
});

describe('decisionValidity (R-13.10, fvl § 34)', () => {
  test('no appeal, or appeals without an outcome: in force', () => {
    expect(decisionValidity([])).toEqual({ validity: 'IN_FORCE', partly: false });
    expect(decisionValidity([{ outcome: null, outcomePartial: false }])).toEqual({ validity: 'IN_FORCE', partly: false });
  });
  test('upheld or dismissed by Statsforvalteren: still in force', () => {
    expect(decisionValidity([{ outcome: 'UPHELD', outcomePartial: false }])).toEqual({ validity: 'IN_FORCE', partly: false });
    expect(decisionValidity([{ outcome: 'DISMISSED', outcomePartial: false }])).toEqual({ validity: 'IN_FORCE', partly: false });
  });
  test('changed, fully or partly', () => {
    expect(decisionValidity([{ outcome: 'CHANGED', outcomePartial: false }])).toEqual({ validity: 'CHANGED', partly: false });
    expect(decisionValidity([{ outcome: 'CHANGED', outcomePartial: true }])).toEqual({ validity: 'CHANGED', partly: true });
  });
  test('quashed and returned, fully or partly', () => {
    expect(decisionValidity([{ outcome: 'QUASHED_AND_RETURNED', outcomePartial: false }])).toEqual({ validity: 'QUASHED', partly: false });
    expect(decisionValidity([{ outcome: 'QUASHED_AND_RETURNED', outcomePartial: true }])).toEqual({ validity: 'QUASHED', partly: true });
  });
  test('an upheld appeal beside one that changed the decision: changed', () => {
    expect(
      decisionValidity([
        { outcome: 'UPHELD', outcomePartial: false },
        { outcome: 'CHANGED', outcomePartial: true },
      ]),
    ).toEqual({ validity: 'CHANGED', partly: true });
  });
});
