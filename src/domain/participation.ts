// Granting participation and halting: the conditions a decision must meet before it is made.
import { DISCRETIONARY_CODES, Eligibility } from './eligibility';
import { LAW } from './law-references';
import { RuleViolation } from './rule-violation';

// integreringsloven §§ 6 and 10: the competence mapping is complete before the programme decision.
export function assertMappingComplete(mappingStatus: string | null | undefined): void {
  if (mappingStatus !== 'COMPLETED') {
    throw new RuleViolation('R-2.2', LAW['R-2.2'], 'Complete the competence mapping before deciding on participation.');
  }
}

// integreringsloven §§ 8–9: participation is granted on right and duty, or by a
// discretionary offer marked as such; never when neither applies; old-regime cases are assessed by hand.
export function participationBasis(e: Eligibility, markedDiscretionary: boolean): 'RIGHT_AND_DUTY' | 'DISCRETIONARY' {
  if (e.regime === 'INTRODUKSJONSLOVEN') throw new RuleViolation('R-0.2', LAW['R-0.2'], 'Old regime (introduksjonsloven): manual assessment.');
  if (e.basis === 'NONE') {
    const first = e.unmet.find((u) => !DISCRETIONARY_CODES.has(u.code)) ?? e.unmet[0];
    throw new RuleViolation(first.ruleId, first.lawReference, `Participation cannot be granted: ${e.unmet.map((u) => u.message).join(' ')}`, {
      unmet: e.unmet,
    });
  }
  if (e.basis === 'DISCRETIONARY' && !markedDiscretionary) {
    throw new RuleViolation(
      'R-1.6',
      LAW['R-1.6'],
      `No right and duty (${e.unmet.map((u) => u.message).join(' ')}) A discretionary offer must be marked as such, with reasons.`,
      { unmet: e.unmet },
    );
  }
  return e.basis;
}

// integreringsloven § 18: a halt needs advance notice (forhåndsvarsel) to the participant first.
export function assertHaltAdvanceNotice(advanceNoticeAt: string | null | undefined): void {
  if (!advanceNoticeAt) {
    throw new RuleViolation('R-5.9', LAW['R-5.9'], 'A halt needs advance notice (forhåndsvarsel) to the participant first: record its date.');
  }
}
