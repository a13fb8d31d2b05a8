// Appeals (klage): integreringsloven § 47, forvaltningsloven §§ 28–36.
//
// Legal transitions (the table below is the only source; anything else is refused under ):
//   RECEIVED     -START_REVIEW->               UNDER_REVIEW                   (municipality prepares the case, fvl § 33)
//   UNDER_REVIEW -REVERSE->                    REVERSED                       (appeal fully allowed: new decision)
//   UNDER_REVIEW -PARTLY_REVERSE_AND_FORWARD-> PARTLY_REVERSED_AND_FORWARDED  (new decision for the part allowed; rest forwarded)
//   UNDER_REVIEW -DISMISS->                    DISMISSED                      (avvist: conditions for an appeal not met)
//   UNDER_REVIEW -FORWARD->                    FORWARDED                      (upheld, sent to Statsforvalteren with statement)
//   FORWARDED | PARTLY_REVERSED_AND_FORWARDED -STATSFORVALTER_DECIDE-> DECIDED_BY_STATSFORVALTER (final, R-9.6)
//   REVERSED | DISMISSED | DECIDED_BY_STATSFORVALTER -CLOSE-> CLOSED
//   RECEIVED | UNDER_REVIEW -CLOSE-> CLOSED   (the appellant withdrew the appeal)
//   FORWARDED | PARTLY_REVERSED_AND_FORWARDED -CLOSE-> CLOSED   (withdrawn after forwarding, until Statsforvalteren decides)
//   CLOSED: final.
// An appeal begins RECEIVED (APPEAL_INITIAL_STATE). Steps that record something without moving the appeal
// (a late appeal's ground, a reassignment, the follow-up decision) have their own table, APPEAL_RECORDINGS:
// each is allowed only in the states listed there and refused under its own rule elsewhere.
import { compareDates, type IsoDate } from './calendar';
import { detrimentNoticeDeadline } from './deadlines';
import { LAW, type RuleId } from './law-references';
import { RuleViolation } from './rule-violation';

export const APPEAL_STATES = [
  'RECEIVED',
  'UNDER_REVIEW',
  'REVERSED',
  'PARTLY_REVERSED_AND_FORWARDED',
  'DISMISSED',
  'FORWARDED',
  'DECIDED_BY_STATSFORVALTER',
  'CLOSED',
] as const;
export type AppealState = (typeof APPEAL_STATES)[number];

export const APPEAL_EVENTS = ['START_REVIEW', 'REVERSE', 'PARTLY_REVERSE_AND_FORWARD', 'DISMISS', 'FORWARD', 'STATSFORVALTER_DECIDE', 'CLOSE'] as const;
export type AppealEvent = (typeof APPEAL_EVENTS)[number];

export type AppealTransition = { from: AppealState; event: AppealEvent; to: AppealState };

export const APPEAL_TRANSITIONS: readonly AppealTransition[] = [
  { from: 'RECEIVED', event: 'START_REVIEW', to: 'UNDER_REVIEW' },
  { from: 'UNDER_REVIEW', event: 'REVERSE', to: 'REVERSED' },
  { from: 'UNDER_REVIEW', event: 'PARTLY_REVERSE_AND_FORWARD', to: 'PARTLY_REVERSED_AND_FORWARDED' },
  { from: 'UNDER_REVIEW', event: 'DISMISS', to: 'DISMISSED' },
  { from: 'UNDER_REVIEW', event: 'FORWARD', to: 'FORWARDED' },
  { from: 'FORWARDED', event: 'STATSFORVALTER_DECIDE', to: 'DECIDED_BY_STATSFORVALTER' },
  { from: 'PARTLY_REVERSED_AND_FORWARDED', event: 'STATSFORVALTER_DECIDE', to: 'DECIDED_BY_STATSFORVALTER' },
  { from: 'REVERSED', event: 'CLOSE', to: 'CLOSED' },
  { from: 'DISMISSED', event: 'CLOSE', to: 'CLOSED' },
  { from: 'DECIDED_BY_STATSFORVALTER', event: 'CLOSE', to: 'CLOSED' },
  { from: 'RECEIVED', event: 'CLOSE', to: 'CLOSED' },
  { from: 'UNDER_REVIEW', event: 'CLOSE', to: 'CLOSED' },
  // a party may withdraw an appeal at any stage, also after forwarding (fvl § 28 read with § 33).
  { from: 'FORWARDED', event: 'CLOSE', to: 'CLOSED' },
  { from: 'PARTLY_REVERSED_AND_FORWARDED', event: 'CLOSE', to: 'CLOSED' },
];

/** the states from which closing means the appellant withdrew the appeal (nothing decided it yet). */
export const WITHDRAWABLE_STATES: readonly AppealState[] = ['RECEIVED', 'UNDER_REVIEW', 'FORWARDED', 'PARTLY_REVERSED_AND_FORWARDED'];

/** Whether an appeal closed from `closedFrom` was withdrawn by the appellant. */
export function wasWithdrawn(closedFrom: AppealState | null): boolean {
  return closedFrom !== null && WITHDRAWABLE_STATES.includes(closedFrom);
}

/** a registered appeal is RECEIVED. */
export const APPEAL_INITIAL_STATE: AppealState = 'RECEIVED';

export function isAppealFinal(state: AppealState): boolean {
  return !APPEAL_TRANSITIONS.some((t) => t.from === state);
}

/** States in which Statsforvalteren can see the appeal (R-9.8: only once forwarded). */
export const FORWARDED_STATES: readonly AppealState[] = ['FORWARDED', 'PARTLY_REVERSED_AND_FORWARDED', 'DECIDED_BY_STATSFORVALTER'];

// forvaltningsloven § 33: the appeal state machine; an illegal step is refused.
export function appealTransition(from: AppealState, event: AppealEvent): AppealState {
  const row = APPEAL_TRANSITIONS.find((t) => t.from === from && t.event === event);
  if (!row) {
    throw new RuleViolation('R-9.4', LAW['R-9.4'], `${event} is not possible for an appeal that is ${from}.`, { from, event });
  }
  return row.to;
}

export function availableAppealEvents(from: AppealState): AppealEvent[] {
  return APPEAL_TRANSITIONS.filter((t) => t.from === from).map((t) => t.event);
}

/** Steps that record something on an appeal and leave its state as it is. */
export const APPEAL_RECORDING_STEPS = ['ACCEPT_LATE', 'REASSIGN', 'RECORD_FOLLOW_UP', 'REJUDGE_TIMELINESS'] as const;
export type AppealRecordingStep = (typeof APPEAL_RECORDING_STEPS)[number];

export type AppealRecording = { in: AppealState; step: AppealRecordingStep; ruleId: RuleId };

/**
 * Where each recording step is allowed (the only source, as APPEAL_TRANSITIONS is for the moves):
 * - the ground of a late appeal is recorded while the municipality reviews it;
 * - a forwarded appeal Statsforvalteren has not decided can be reassigned to another office;
 * - the municipality's follow-up decision comes after Statsforvalteren's decision;
 * - a changed fact of the decision (notice, reasons, extension) re-judges the appeal's timeliness until
 *   Statsforvalteren has decided it or it is closed.
 */
export const APPEAL_RECORDINGS: readonly AppealRecording[] = [
  { in: 'RECEIVED', step: 'ACCEPT_LATE', ruleId: 'R-9.3' },
  { in: 'UNDER_REVIEW', step: 'ACCEPT_LATE', ruleId: 'R-9.3' },
  { in: 'FORWARDED', step: 'REASSIGN', ruleId: 'R-9.5' },
  { in: 'PARTLY_REVERSED_AND_FORWARDED', step: 'REASSIGN', ruleId: 'R-9.5' },
  { in: 'DECIDED_BY_STATSFORVALTER', step: 'RECORD_FOLLOW_UP', ruleId: 'R-9.6' },
  ...(['RECEIVED', 'UNDER_REVIEW', 'REVERSED', 'PARTLY_REVERSED_AND_FORWARDED', 'DISMISSED', 'FORWARDED'] as const).map((state) => ({
    in: state,
    step: 'REJUDGE_TIMELINESS' as const,
    ruleId: 'R-13.8' as const,
  })),
];

const RECORDING_REFUSALS: Record<AppealRecordingStep, { ruleId: RuleId; message: (from: AppealState) => string }> = {
  ACCEPT_LATE: { ruleId: 'R-9.3', message: (from) => `A late appeal is accepted for consideration while it is reviewed, not when it is ${from}.` },
  REASSIGN: { ruleId: 'R-9.5', message: (from) => `Only a forwarded appeal that Statsforvalteren has not decided can be reassigned; this one is ${from}.` },
  RECORD_FOLLOW_UP: { ruleId: 'R-9.6', message: () => 'A follow-up decision is recorded only after Statsforvalteren changed or quashed the decision.' },
  REJUDGE_TIMELINESS: { ruleId: 'R-13.8', message: (from) => `An appeal that is ${from} is not re-judged: Statsforvalteren's decision is final.` },
};

/** Whether a recording step is allowed in a state (the table above), without refusing. */
export function appealRecordingAllowed(from: AppealState, step: AppealRecordingStep): boolean {
  return APPEAL_RECORDINGS.some((r) => r.in === from && r.step === step);
}

/**
 * a recording step on an appeal in state `from`; returns the state it stays in, or
 * refuses under the step's rule. The follow-up decision also needs an outcome that asks for one.
 */
export function appealRecording(from: AppealState, step: AppealRecordingStep, facts: { outcome?: StatsforvalterOutcome | null } = {}): AppealState {
  const allowed = APPEAL_RECORDINGS.some((r) => r.in === from && r.step === step);
  const followUpAsked = step !== 'RECORD_FOLLOW_UP' || (facts.outcome != null && outcomeNeedsMunicipalFollowUp(facts.outcome));
  if (!allowed || !followUpAsked) {
    const refusal = RECORDING_REFUSALS[step];
    const details: Record<string, unknown> = step === 'RECORD_FOLLOW_UP' ? { state: from, outcome: facts.outcome ?? null } : { state: from };
    throw new RuleViolation(refusal.ruleId, LAW[refusal.ruleId], refusal.message(from), details);
  }
  return from;
}

/** Every step an appeal can take: a move of the state machine, or a recording that leaves the state. */
export type AppealStep = AppealEvent | AppealRecordingStep;
/** What an appeal's history records: its registration and every step after it. */
export type AppealHistoryEvent = 'REGISTER' | AppealStep;

/** The state after `step`, from the two tables: the one way a service learns the state an appeal moves to. */
export function appealStateAfter(from: AppealState, step: AppealStep, facts: { outcome?: StatsforvalterOutcome | null } = {}): AppealState {
  return isAppealEvent(step) ? appealTransition(from, step) : appealRecording(from, step, facts);
}

function isAppealEvent(step: AppealStep): step is AppealEvent {
  return (APPEAL_EVENTS as readonly string[]).includes(step);
}

// forvaltningsloven § 34: Statsforvalteren's decision is final; deciding a decided appeal again is
// refused under R-9.6 (not as an illegal step), also once the municipality has closed it.
export function statsforvalterDecisionStep(from: AppealState, closedFrom: AppealState | null = null): AppealState {
  if (from === 'CLOSED' && wasWithdrawn(closedFrom)) {
    throw new RuleViolation('R-13.10', LAW['R-13.10'], 'The appellant withdrew this appeal: there is nothing left for Statsforvalteren to decide.', {
      state: from,
      closedFrom,
    });
  }
  if (from === 'DECIDED_BY_STATSFORVALTER' || from === 'CLOSED') {
    throw new RuleViolation('R-9.6', LAW['R-9.6'], 'Statsforvalteren has decided this appeal; its decision is final.', { state: from });
  }
  return appealTransition(from, 'STATSFORVALTER_DECIDE');
}

export const STATSFORVALTER_OUTCOMES = ['DISMISSED', 'UPHELD', 'CHANGED', 'QUASHED_AND_RETURNED'] as const;
export type StatsforvalterOutcome = (typeof STATSFORVALTER_OUTCOMES)[number];

// forvaltningsloven § 34: a changed decision is implemented, a quashed one handled again, by the municipality.
export function outcomeNeedsMunicipalFollowUp(outcome: StatsforvalterOutcome): boolean {
  return outcome === 'CHANGED' || outcome === 'QUASHED_AND_RETURNED';
}

// forvaltningsloven § 34: CHANGED or QUASHED_AND_RETURNED, and the municipality's follow-up decision is not yet recorded.
export function followUpNeeded(a: { outcome: StatsforvalterOutcome | null; followUpDecisionId: string | null }): boolean {
  return a.outcome !== null && outcomeNeedsMunicipalFollowUp(a.outcome) && a.followUpDecisionId === null;
}

export const DECISION_VALIDITIES = ['IN_FORCE', 'CHANGED', 'QUASHED'] as const;
export type DecisionValidity = (typeof DECISION_VALIDITIES)[number];

// forvaltningsloven § 34: whether a decision still stands as made. After Statsforvalteren CHANGED
// it or QUASHED_AND_RETURNED it (fully or partly), it shows so; an upheld or dismissed appeal leaves it in force.
export function decisionValidity(appeals: readonly { outcome: StatsforvalterOutcome | null; outcomePartial: boolean }[]): {
  validity: DecisionValidity;
  partly: boolean;
} {
  const decided = appeals.find((a) => a.outcome === 'CHANGED' || a.outcome === 'QUASHED_AND_RETURNED');
  if (!decided) return { validity: 'IN_FORCE', partly: false };
  return { validity: decided.outcome === 'CHANGED' ? 'CHANGED' : 'QUASHED', partly: decided.outcomePartial };
}

// forvaltningsloven § 31: the appeal can be considered on its merits: in time, or late with a recorded
// ground and received within the 1-year bar.
export function appealMayBeConsidered(a: { filedInTime: boolean; lateGround: string | null; receivedAt: IsoDate; lateAppealLastDay: IsoDate }): boolean {
  return a.filedInTime || (a.lateGround !== null && compareDates(a.receivedAt, a.lateAppealLastDay) <= 0);
}

// forvaltningsloven § 13: the plan and contract versions the appealed decision concerned: the one in
// force when it was made, and any made under the appealed decision or its partial reversal. Newest first.
export function relevantPlanVersions<V extends { versionNo: number; contractSignedAt: IsoDate; significantChangeDecisionId: string | null }>(
  versions: readonly V[],
  decision: { id: string; decidedAt: IsoDate },
  reversalDecisionId: string | null,
): V[] {
  const newestFirst = [...versions].sort((a, b) => b.versionNo - a.versionNo);
  const linked = new Set([decision.id, reversalDecisionId].filter((id): id is string => id !== null));
  const inForce = newestFirst.find((v) => compareDates(v.contractSignedAt, decision.decidedAt) <= 0);
  return newestFirst.filter((v) => v === inForce || (v.significantChangeDecisionId !== null && linked.has(v.significantChangeDecisionId)));
}

// forvaltningsloven § 34 third para: refuse a change to the appellant's detriment decided after the deadline.
export function assertNoLateDetriment(input: { appealReceivedAt: IsoDate; decidedAt: IsoDate; toDetriment: boolean }): void {
  if (!input.toDetriment) return;
  const latest = detrimentNoticeDeadline(input.appealReceivedAt); // 3 months, never moved
  if (compareDates(input.decidedAt, latest) > 0) {
    throw new RuleViolation(
      'R-9.7',
      LAW['R-9.7'],
      `A change to the appellant's detriment needed notice by ${latest} (3 months after the appeal was received on ${input.appealReceivedAt}); it cannot be made on ${input.decidedAt}.`,
      { ...input, latest },
    );
  }
}

/** the county number is the first two digits of the 4-digit municipality number. */
export function countyOfMunicipality(municipalityNumber: string): string {
  if (!/^\d{4}$/.test(municipalityNumber)) {
    throw new RuleViolation('R-9.5', LAW['R-9.5'], `A municipality number has 4 digits; got "${municipalityNumber}".`, {
      municipalityNumber,
    });
  }
  return municipalityNumber.slice(0, 2);
}

// integreringsloven § 47: the competent Statsforvalter is the one whose area holds the deciding
// municipality's county (shared/data/statsforvalter.csv). Reassignment when one office is disqualified is done by
// the caller choosing another area; this returns the ordinary one.
export function statsforvalterFor<A extends { id: string; countyNumbers: readonly string[] }>(countyNumber: string, areas: readonly A[]): A {
  const area = areas.find((a) => a.countyNumbers.includes(countyNumber));
  if (!area) {
    throw new RuleViolation('R-9.5', LAW['R-9.5'], `No Statsforvalter office covers county ${countyNumber}.`, { countyNumber });
  }
  return area;
}
