// Career guidance (karriereveiledning): integreringsloven §§ 4 and 11, the county's task.
//
// A referral's lifecycle (the table below is the only source; anything else is refused):
//   OPEN        -START->     IN_PROGRESS   (the county takes it on)
//   OPEN        -WITHDRAW->  WITHDRAWN     (the municipality takes it back while nobody has started)
//   IN_PROGRESS -SUBMIT->    COMPLETED     (the guidance is held and the recommendation given, R-3.3)
//   COMPLETED, WITHDRAWN: final.
import { compareDates, daysBetween, type IsoDate } from './calendar';
import { END_GOALS, type EndGoal, validateEndGoal } from './end-goal';
import { LAW, type RuleId } from './law-references';
import { RuleViolation } from './rule-violation';

export const REFERRAL_STATES = ['OPEN', 'IN_PROGRESS', 'COMPLETED', 'WITHDRAWN'] as const;
export type ReferralState = (typeof REFERRAL_STATES)[number];

export const REFERRAL_EVENTS = ['START', 'SUBMIT', 'WITHDRAW'] as const;
export type ReferralEvent = (typeof REFERRAL_EVENTS)[number];

export type ReferralTransition = { from: ReferralState; event: ReferralEvent; to: ReferralState; ruleId: RuleId };

export const REFERRAL_TRANSITIONS: readonly ReferralTransition[] = [
  { from: 'OPEN', event: 'START', to: 'IN_PROGRESS', ruleId: 'R-3.1' },
  { from: 'OPEN', event: 'WITHDRAW', to: 'WITHDRAWN', ruleId: 'R-3.1' },
  { from: 'IN_PROGRESS', event: 'SUBMIT', to: 'COMPLETED', ruleId: 'R-3.3' },
];

/** A referral is made OPEN (the table's default). */
export const INITIAL_REFERRAL_STATE: ReferralState = 'OPEN';
/** States with no way out: the guidance was given, or the referral was taken back. */
export const FINAL_REFERRAL_STATES: readonly ReferralState[] = ['COMPLETED', 'WITHDRAWN'];

/** States in which the county works on the referral and may read what guidance needs. */
export const COUNTY_VISIBLE_STATES: readonly ReferralState[] = ['OPEN', 'IN_PROGRESS', 'COMPLETED'];
/** States in which a participant has a referral running: at most one at a time. */
export const ACTIVE_STATES: readonly ReferralState[] = ['OPEN', 'IN_PROGRESS'];

const EVENT_RULE = new Map<ReferralEvent, RuleId>();
for (const t of REFERRAL_TRANSITIONS) if (!EVENT_RULE.has(t.event)) EVENT_RULE.set(t.event, t.ruleId);

// the referral's state after an event, or a refusal naming the rule of the event.
export function referralTransition(from: ReferralState, event: ReferralEvent): ReferralState {
  const row = REFERRAL_TRANSITIONS.find((t) => t.from === from && t.event === event);
  if (!row) {
    const ruleId = EVENT_RULE.get(event) ?? 'R-3.1';
    throw new RuleViolation(ruleId, LAW[ruleId], `${event} is not possible because the referral is ${from}.`, { from, event });
  }
  return row.to;
}

/** Events that are legal from a state (for "available actions"). */
export function availableReferralEvents(from: ReferralState): ReferralEvent[] {
  return REFERRAL_TRANSITIONS.filter((t) => t.from === from).map((t) => t.event);
}

/** Oslo municipality, which does the county's tasks for Oslo (county 03). */
export const OSLO_MUNICIPALITY_NUMBER = '0301';
export const OSLO_COUNTY_NUMBER = '03';

// integreringsloven § 4 tredje ledd / § 11: the county that gives the participants of a municipality career
// guidance is the municipality's own county (the first two digits of the number, R-12.1); for Oslo that is
// county 03, whose tasks Oslo municipality itself does.
export function guidanceCountyOf(municipalityNumber: string): string {
  if (!/^\d{4}$/.test(municipalityNumber)) throw new RangeError(`Not a municipality number: ${municipalityNumber}`);
  return municipalityNumber.slice(0, 2);
}

// Oslo municipality does the county's tasks for Oslo, so its referrals stay in its own organisation.
export function guidanceGivenByMunicipalityItself(municipalityNumber: string): boolean {
  return guidanceCountyOf(municipalityNumber) === OSLO_COUNTY_NUMBER;
}

// integreringsloven § 11: guidance builds on the completed competence mapping; there is none without it.
export function assertMappingCompleteForGuidance(mappingStatus: string | null | undefined): void {
  if (mappingStatus !== 'COMPLETED') {
    throw new RuleViolation(
      'R-3.2',
      LAW['R-3.2'],
      `Career guidance builds on the completed competence mapping (${LAW['R-3.2']}): complete the mapping before referring.`,
      { mappingStatus: mappingStatus ?? null },
    );
  }
}

// R-13.9 (clarifying) integreringsloven § 11: the guidance is submitted only while the mapping it builds on
// is complete; a mapping the municipality reopened after the referral must be completed again first.
export function assertMappingCompleteAtSubmission(mappingCompletedAt: IsoDate | null | undefined): void {
  if (!mappingCompletedAt) {
    throw new RuleViolation(
      'R-13.9',
      LAW['R-13.9'],
      'The competence mapping has been reopened: career guidance builds on the completed mapping and can be submitted only once it is complete again.',
      { mappingCompleted: false },
    );
  }
}

// integreringsloven § 15: the plan builds on the career guidance that was given: only a submitted
// (COMPLETED) referral can be recorded as what a plan version built on.
export function assertGuidanceSubmittedForPlan(state: ReferralState): void {
  if (state !== 'COMPLETED') {
    throw new RuleViolation('R-4.1', LAW['R-4.1'], `A plan builds on submitted career guidance; this referral is ${state}.`, { state });
  }
}

/** A referral waiting longer than this many days for the county to start is shown as a warning [D]. */
export const OPEN_REFERRAL_WARNING_DAYS = 14;

// Calendar days a referral has been open: from the day it was made to the day it ended (submitted or withdrawn),
// or to today while it runs.
export function referralDaysOpen(referredOn: IsoDate, endedOn: IsoDate | null, today: IsoDate): number {
  return Math.max(0, daysBetween(referredOn, endedOn ?? today));
}

// Dashboard warning [D]: a referral still OPEN (not started by the county) more than 14 calendar days after it
// was made. 14 days is no warning, 15 days is.
export function openMoreThan14Days(state: ReferralState, referredOn: IsoDate, today: IsoDate): boolean {
  return state === 'OPEN' && daysBetween(referredOn, today) > OPEN_REFERRAL_WARNING_DAYS;
}

// integreringsloven § 11: guidance should come before the programme decision: warn, do not block. Flagged
// when the guidance was submitted on a later day than the (first granted) participation decision; on the same
// day the order cannot be told from dates, so it is not flagged [D].
export function guidanceAfterParticipationDecision(submittedOn: IsoDate | null, participationDecidedOn: IsoDate | null): boolean {
  if (!submittedOn || !participationDecidedOn) return false;
  return compareDates(submittedOn, participationDecidedOn) > 0;
}

export const RECOMMENDATION_KINDS = ['WORK', 'EDUCATION'] as const;
export type RecommendationKind = (typeof RECOMMENDATION_KINDS)[number];

// R-3.3 [D]: which end goals (§§ 13–14) are "work" and which are "education". Work-qualifying programmes have
// work as their end goal; vocational requalification (opplæringslova § 18-4) is education.
export const END_GOALS_BY_RECOMMENDATION: Record<RecommendationKind, readonly EndGoal[]> = {
  WORK: ['WORK', 'WORK_QUALIFYING'],
  EDUCATION: END_GOALS.filter((g) => g !== 'WORK' && g !== 'WORK_QUALIFYING'),
};

export type RecommendationInput = {
  kind: RecommendationKind;
  endGoal: EndGoal;
  hasUpperSecondary: boolean;
  /** Age in completed years on the day the guidance was held. */
  ageOnDate: number;
  /** Why a participant under 25 without upper-secondary is recommended less than completed upper-secondary. */
  reducedGoalReason?: string | null;
};

// integreringsloven § 11 fjerde ledd: the recommendation is work or education within §§ 13, 14 and 14 a: the
// end goal must be of the recommended kind, and one the plan could set for this participant.
export function validateRecommendation(input: RecommendationInput): void {
  if (!END_GOALS_BY_RECOMMENDATION[input.kind].includes(input.endGoal)) {
    throw new RuleViolation(
      'R-3.3',
      LAW['R-3.3'],
      `A recommendation of ${input.kind} needs an end goal of that kind (${END_GOALS_BY_RECOMMENDATION[input.kind].join(', ')}); ${input.endGoal} is not one.`,
      { kind: input.kind, endGoal: input.endGoal },
    );
  }
  validateEndGoal({
    endGoal: input.endGoal,
    hasUpperSecondary: input.hasUpperSecondary,
    ageOnDate: input.ageOnDate,
    reducedGoalReason: input.reducedGoalReason,
  });
}
