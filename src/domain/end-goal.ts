// End goal (sluttmål) and maximum duration of the introduction programme: integreringsloven §§ 13, 14, 18 a.
import { compareDates, type IsoDate } from './calendar';
import { LAW } from './law-references';
import { DURATION_RULES_FROM, PROGRAMME_RULES_2026_FROM, type RuleNotice } from './regime';
import { RuleViolation } from './rule-violation';

export const END_GOALS = [
  // § 13: the participant has upper-secondary education (integreringsforskriften § 65a, GSU list)
  'WORK',
  'HIGHER_EDUCATION_PREPARATION',
  'VOCATIONAL_REQUALIFICATION',
  // § 14: the participant has no upper-secondary education
  'UPPER_SECONDARY_COMPLETE', // fullført videregående opplæring
  'UPPER_SECONDARY_PARTIAL', // deler av videregående opplæring
  'VOCATIONAL_CERTIFICATE', // fullført fag- og yrkesopplæring (fagbrev)
  'WORK_QUALIFYING', // arbeidskvalifiserende program (sluttmål arbeid)
] as const;
export type EndGoal = (typeof END_GOALS)[number];

export const SECTION_13_END_GOALS: readonly EndGoal[] = ['WORK', 'HIGHER_EDUCATION_PREPARATION', 'VOCATIONAL_REQUALIFICATION'];
export const SECTION_14_END_GOALS: readonly EndGoal[] = ['UPPER_SECONDARY_COMPLETE', 'UPPER_SECONDARY_PARTIAL', 'VOCATIONAL_CERTIFICATE', 'WORK_QUALIFYING'];

/** "Over 55": 56 or older in completed years. "Under 25": 24 or younger. */
export const WORK_ONLY_ABOVE_AGE = 55;
export const UNDER_25_AGE = 25;

export type EndGoalInput = {
  endGoal: EndGoal;
  hasUpperSecondary: boolean;
  /** Age in completed years on the date the end goal is set or changed (R-5.2 [D]); use ageOn(birthDate, setOn). */
  ageOnDate: number;
  /** third bullet: why a participant under 25 will not complete upper-secondary within the programme. */
  reducedGoalReason?: string | null;
};

export function isSection13EndGoal(endGoal: EndGoal): boolean {
  return SECTION_13_END_GOALS.includes(endGoal);
}

function hasText(s: string | null | undefined): boolean {
  return typeof s === 'string' && s.trim().length > 0;
}

// integreringsloven §§ 13–14: why an end goal is not allowed, or null when it is.
function endGoalProblem(input: EndGoalInput): string | null {
  const { endGoal, hasUpperSecondary, ageOnDate, reducedGoalReason } = input;
  if (hasUpperSecondary && !isSection13EndGoal(endGoal)) {
    return `${endGoal} is an end goal for participants without upper-secondary education (§ 14); this participant has upper-secondary education (§ 13).`;
  }
  if (!hasUpperSecondary && isSection13EndGoal(endGoal)) {
    return `${endGoal} is an end goal for participants with upper-secondary education (§ 13); this participant has none (§ 14).`;
  }
  if (ageOnDate > WORK_ONLY_ABOVE_AGE) {
    const workGoal: EndGoal = hasUpperSecondary ? 'WORK' : 'WORK_QUALIFYING';
    if (endGoal !== workGoal) {
      return `A participant over ${WORK_ONLY_ABOVE_AGE} (age ${ageOnDate}) can only have the end goal work (${workGoal}).`;
    }
  }
  if (!hasUpperSecondary && ageOnDate < UNDER_25_AGE) {
    const reduced = endGoal === 'UPPER_SECONDARY_PARTIAL' || endGoal === 'WORK_QUALIFYING';
    if (reduced && !hasText(reducedGoalReason)) {
      return `A participant under ${UNDER_25_AGE} without upper-secondary education shall have completed upper-secondary as end goal; ${endGoal} needs a recorded reason why they do not want to or cannot complete it within the programme time.`;
    }
  }
  return null;
}

// integreringsloven §§ 13–14: the end goal must fit education and age on the date it is set.
export function validateEndGoal(input: EndGoalInput): void {
  const problem = endGoalProblem(input);
  if (problem) {
    throw new RuleViolation('R-5.2', LAW['R-5.2'], problem, {
      endGoal: input.endGoal,
      hasUpperSecondary: input.hasUpperSecondary,
      ageOnDate: input.ageOnDate,
    });
  }
}

// integreringsloven §§ 13–14: end goals that validateEndGoal accepts for this participant.
export function allowedEndGoals(input: Omit<EndGoalInput, 'endGoal'>): EndGoal[] {
  return END_GOALS.filter((endGoal) => endGoalProblem({ ...input, endGoal }) === null);
}

export type MaxDuration = {
  months: number;
  maxExtensionMonths: number;
  extensionMandatoryWhenItHelps: boolean;
  lawReference: string;
};

// integreringsloven §§ 13–14: maximum duration and extension per end goal (2026 rules).
// Both upper-secondary goals "shall" be extended when it helps reach the end goal (LAW-NOTES §6.5, [P]).
const DURATIONS: Record<EndGoal, Omit<MaxDuration, 'lawReference'>> = {
  WORK: { months: 12, maxExtensionMonths: 0, extensionMandatoryWhenItHelps: false },
  HIGHER_EDUCATION_PREPARATION: { months: 12, maxExtensionMonths: 0, extensionMandatoryWhenItHelps: false },
  VOCATIONAL_REQUALIFICATION: { months: 12, maxExtensionMonths: 0, extensionMandatoryWhenItHelps: false },
  UPPER_SECONDARY_PARTIAL: { months: 36, maxExtensionMonths: 12, extensionMandatoryWhenItHelps: true },
  UPPER_SECONDARY_COMPLETE: { months: 48, maxExtensionMonths: 12, extensionMandatoryWhenItHelps: true },
  VOCATIONAL_CERTIFICATE: { months: 60, maxExtensionMonths: 0, extensionMandatoryWhenItHelps: false },
  WORK_QUALIFYING: { months: 24, maxExtensionMonths: 0, extensionMandatoryWhenItHelps: false },
};

// integreringsloven §§ 13, 14, 18 a: maximum programme duration for an end goal.
export function maxDuration(endGoal: EndGoal): MaxDuration {
  return { ...DURATIONS[endGoal], lawReference: LAW['R-5.7'] };
}

/** a duration or extension check that was skipped, as the notice the answer carries. */
export function durationNotice(check: DurationCheck | ExtensionCheck): RuleNotice | null {
  return check.enforced ? null : { ruleId: 'R-5.7', lawReference: LAW['R-5.7'], message: check.note };
}

// integreringsforskriften §§ 75–76: offers from which the duration limits apply.
// § 13 goals (§ 75) and work-qualifying (§ 76 second para) from 2026-01-01; the other § 14 goals from 2025-01-01.
export function durationRulesApplyFrom(endGoal: EndGoal): IsoDate {
  return isSection13EndGoal(endGoal) || endGoal === 'WORK_QUALIFYING' ? PROGRAMME_RULES_2026_FROM : DURATION_RULES_FROM;
}

export type DurationCheck = { enforced: true; maxMonths: number } | { enforced: false; note: string };

function notEnforced(endGoal: EndGoal, offerDate: IsoDate): { enforced: false; note: string } | null {
  const from = durationRulesApplyFrom(endGoal);
  if (compareDates(offerDate, from) >= 0) return null;
  return {
    enforced: false,
    note: `The programme was offered on ${offerDate}, before ${from}: the duration limits for ${endGoal} are not enforced automatically; assess them manually under the earlier rules.`,
  };
}

function isPositiveInteger(n: number): boolean {
  return Number.isInteger(n) && n >= 1;
}

// integreringsloven §§ 13–14: duration is 1..max months (no minimum beyond that, § 18 a).
export function validateDuration(input: { endGoal: EndGoal; durationMonths: number; offerDate: IsoDate }): DurationCheck {
  const { endGoal, durationMonths, offerDate } = input;
  const skipped = notEnforced(endGoal, offerDate);
  if (skipped) return skipped;
  const max = DURATIONS[endGoal].months;
  if (!isPositiveInteger(durationMonths) || durationMonths > max) {
    throw new RuleViolation(
      'R-5.7',
      LAW['R-5.7'],
      `The programme duration must be a whole number of months from 1 to ${max} for end goal ${endGoal}; ${durationMonths} was given.`,
      { endGoal, durationMonths, maxMonths: max },
    );
  }
  return { enforced: true, maxMonths: max };
}

export type ExtensionCheck =
  { enforced: true; totalExtensionMonths: number; maxExtensionMonths: number; extensionMandatoryWhenItHelps: boolean } | { enforced: false; note: string };

// integreringsloven § 14: an extension only where the end goal allows one, up to its maximum in total.
export function validateExtension(input: { endGoal: EndGoal; currentExtensionMonths: number; requestedMonths: number; offerDate: IsoDate }): ExtensionCheck {
  const { endGoal, currentExtensionMonths, requestedMonths, offerDate } = input;
  const skipped = notEnforced(endGoal, offerDate);
  if (skipped) return skipped;
  const { maxExtensionMonths, extensionMandatoryWhenItHelps } = DURATIONS[endGoal];
  const details = { endGoal, currentExtensionMonths, requestedMonths, maxExtensionMonths };
  if (maxExtensionMonths === 0) {
    throw new RuleViolation('R-5.7', LAW['R-5.7'], `A programme with end goal ${endGoal} cannot be extended.`, details);
  }
  if (!isPositiveInteger(requestedMonths) || !Number.isInteger(currentExtensionMonths) || currentExtensionMonths < 0) {
    throw new RuleViolation('R-5.7', LAW['R-5.7'], 'An extension must be a whole number of months, at least 1.', details);
  }
  const total = currentExtensionMonths + requestedMonths;
  if (total > maxExtensionMonths) {
    throw new RuleViolation(
      'R-5.7',
      LAW['R-5.7'],
      `The programme can be extended by at most ${maxExtensionMonths} months in total for end goal ${endGoal}; ${currentExtensionMonths} already granted, ${requestedMonths} requested.`,
      { ...details, totalExtensionMonths: total },
    );
  }
  return { enforced: true, totalExtensionMonths: total, maxExtensionMonths, extensionMandatoryWhenItHelps };
}
