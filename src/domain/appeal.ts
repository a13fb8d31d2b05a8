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
//   CLOSED: final.
import { compareDates, type IsoDate } from './calendar';
import { detrimentNoticeDeadline } from './deadlines';
import { LAW } from './law-references';
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

export const APPEAL_EVENTS = [
  'START_REVIEW',
  'REVERSE',
  'PARTLY_REVERSE_AND_FORWARD',
  'DISMISS',
  'FORWARD',
  'STATSFORVALTER_DECIDE',
  'CLOSE',
] as const;
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
];

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

export const STATSFORVALTER_OUTCOMES = ['DISMISSED', 'UPHELD', 'CHANGED', 'QUASHED_AND_RETURNED'] as const;
export type StatsforvalterOutcome = (typeof STATSFORVALTER_OUTCOMES)[number];

// forvaltningsloven § 34: a changed decision is implemented, a quashed one handled again, by the municipality.
export function outcomeNeedsMunicipalFollowUp(outcome: StatsforvalterOutcome): boolean {
  return outcome === 'CHANGED' || outcome === 'QUASHED_AND_RETURNED';
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
export function statsforvalterFor<A extends { id: string; countyNumbers: readonly string[] }>(
  countyNumber: string,
  areas: readonly A[],
): A {
  const area = areas.find((a) => a.countyNumbers.includes(countyNumber));
  if (!area) {
    throw new RuleViolation('R-9.5', LAW['R-9.5'], `No Statsforvalter office covers county ${countyNumber}.`, { countyNumber });
  }
  return area;
}
