// The introduction programme's lifecycle: integreringsloven §§ 12, 16, 17, 18, 18 a.
//
// Legal transitions (the table below is the only source; anything else is refused):
//   PLANNED  -START->        ACTIVE       (guarded: participation decision, valid plan + signed contract, start deadline)
//   ACTIVE   -LEAVE_START->  ON_LEAVE
//   ON_LEAVE -LEAVE_END->    ACTIVE
//   ACTIVE   -HALT->         HALTED
//   HALTED   -RESUME->       ACTIVE
//   ACTIVE | ON_LEAVE | HALTED           -COMPLETE->  COMPLETED    (end goal reached or time out, § 18 a)
//   PLANNED | ACTIVE | ON_LEAVE | HALTED -INTERRUPT-> INTERRUPTED  (halted permanently, refused or left)
//   PLANNED | ACTIVE | ON_LEAVE | HALTED -TRANSFER->  TRANSFERRED  (moved to another municipality)
//   COMPLETED, INTERRUPTED, TRANSFERRED: final.
import { workingDaysAddedToEndDate } from './absence';
import { addDays, addMonths, addWorkingDays, compareDates, type IsoDate } from './calendar';
import { durationRulesApplyFrom, maxDuration, type EndGoal } from './end-goal';
import { LAW, type RuleId } from './law-references';
import { RuleViolation } from './rule-violation';

export const PROGRAMME_STATES = ['PLANNED', 'ACTIVE', 'ON_LEAVE', 'HALTED', 'COMPLETED', 'INTERRUPTED', 'TRANSFERRED'] as const;
export type ProgrammeState = (typeof PROGRAMME_STATES)[number];

export const PROGRAMME_EVENTS = ['START', 'LEAVE_START', 'LEAVE_END', 'HALT', 'RESUME', 'COMPLETE', 'INTERRUPT', 'TRANSFER'] as const;
export type ProgrammeEvent = (typeof PROGRAMME_EVENTS)[number];

export type ProgrammeTransition = { from: ProgrammeState; event: ProgrammeEvent; to: ProgrammeState; ruleId: RuleId };

/** A programme exists from the participation decision (§ 12) as PLANNED. */
export const INITIAL_STATE: ProgrammeState = 'PLANNED';

export const FINAL_STATES: readonly ProgrammeState[] = ['COMPLETED', 'INTERRUPTED', 'TRANSFERRED'];

export const TRANSITIONS: readonly ProgrammeTransition[] = [
  { from: 'PLANNED', event: 'START', to: 'ACTIVE', ruleId: 'R-5.1' },
  { from: 'ACTIVE', event: 'LEAVE_START', to: 'ON_LEAVE', ruleId: 'R-6.3' },
  { from: 'ON_LEAVE', event: 'LEAVE_END', to: 'ACTIVE', ruleId: 'R-6.3' },
  { from: 'ACTIVE', event: 'HALT', to: 'HALTED', ruleId: 'R-5.9' },
  { from: 'HALTED', event: 'RESUME', to: 'ACTIVE', ruleId: 'R-5.9' },
  { from: 'ACTIVE', event: 'COMPLETE', to: 'COMPLETED', ruleId: 'R-5.10' },
  { from: 'ON_LEAVE', event: 'COMPLETE', to: 'COMPLETED', ruleId: 'R-5.10' },
  { from: 'HALTED', event: 'COMPLETE', to: 'COMPLETED', ruleId: 'R-5.10' },
  { from: 'PLANNED', event: 'INTERRUPT', to: 'INTERRUPTED', ruleId: 'R-5.10' },
  { from: 'ACTIVE', event: 'INTERRUPT', to: 'INTERRUPTED', ruleId: 'R-5.10' },
  { from: 'ON_LEAVE', event: 'INTERRUPT', to: 'INTERRUPTED', ruleId: 'R-5.10' },
  { from: 'HALTED', event: 'INTERRUPT', to: 'INTERRUPTED', ruleId: 'R-5.10' },
  { from: 'PLANNED', event: 'TRANSFER', to: 'TRANSFERRED', ruleId: 'R-5.10' },
  { from: 'ACTIVE', event: 'TRANSFER', to: 'TRANSFERRED', ruleId: 'R-5.10' },
  { from: 'ON_LEAVE', event: 'TRANSFER', to: 'TRANSFERRED', ruleId: 'R-5.10' },
  { from: 'HALTED', event: 'TRANSFER', to: 'TRANSFERRED', ruleId: 'R-5.10' },
];

/** Rule id cited when an event is refused in a state: the rule of the event's first row. */
const EVENT_RULE = new Map<ProgrammeEvent, RuleId>();
for (const t of TRANSITIONS) if (!EVENT_RULE.has(t.event)) EVENT_RULE.set(t.event, t.ruleId);

export function isFinal(state: ProgrammeState): boolean {
  return FINAL_STATES.includes(state);
}

export type StartGuards = {
  /** A participation decision (vedtak, § 12) granting the programme. */
  participationGranted: boolean;
  /** The current plan version has all required content. */
  planValid: boolean;
  /** The contract for that plan version is signed (§ 16). */
  contractSigned: boolean;
  startDate: IsoDate;
  /** deadlines.startDeadline(): 3 months after settlement or the later request. */
  startDeadline: IsoDate;
  lateStartReason?: string | null;
};

function refuse(ruleId: RuleId, message: string, details: Record<string, unknown>): never {
  throw new RuleViolation(ruleId, LAW[ruleId], message, details);
}

// integreringsloven §§ 12 and 16: guards on starting the programme.
// A missing grant is refused under: § 12 requires the municipality to decide on (treffe vedtak om) and then
// start the programme, so the decision is a precondition of the start; only says what a decision records.
function guardStart(g: StartGuards): void {
  if (!g.participationGranted) {
    refuse('R-5.1', 'The programme cannot start before a decision granting participation (§ 12) has been made.', {
      event: 'START',
    });
  }
  if (!g.planValid || !g.contractSigned) {
    refuse('R-4.2', 'The programme cannot start without a valid integration plan and a signed integration contract for it.', {
      event: 'START',
      planValid: g.planValid,
      contractSigned: g.contractSigned,
    });
  }
  const late = compareDates(g.startDate, g.startDeadline) > 0;
  if (late && !(typeof g.lateStartReason === 'string' && g.lateStartReason.trim().length > 0)) {
    refuse('R-5.1', `The start date ${g.startDate} is after the start deadline ${g.startDeadline}; record the reason for the late start.`, {
      event: 'START',
      startDate: g.startDate,
      startDeadline: g.startDeadline,
    });
  }
}

// Programme state machine (STYLE pattern 6): the new state, or RuleViolation for an illegal or unguarded transition.
export function transition(from: ProgrammeState, event: 'START', guards: StartGuards): ProgrammeState;
export function transition(from: ProgrammeState, event: Exclude<ProgrammeEvent, 'START'>): ProgrammeState;
export function transition(from: ProgrammeState, event: ProgrammeEvent, guards?: StartGuards): ProgrammeState;
export function transition(from: ProgrammeState, event: ProgrammeEvent, guards?: StartGuards): ProgrammeState {
  const row = TRANSITIONS.find((t) => t.from === from && t.event === event);
  if (!row) {
    const ruleId = EVENT_RULE.get(event) ?? 'R-5.10';
    const why = isFinal(from) ? `the programme has ended (${from})` : `the programme is ${from}`;
    refuse(ruleId, `${event} is not possible because ${why}.`, { from, event });
  }
  if (event === 'START') {
    if (!guards) throw new TypeError('transition(START) needs the start guards');
    guardStart(guards);
  }
  return row.to;
}

/** Events that are legal from a state (for dashboards and GraphQL "available actions"). */
export function availableEvents(from: ProgrammeState): ProgrammeEvent[] {
  return TRANSITIONS.filter((t) => t.from === from).map((t) => t.event);
}

export type PlannedEnd = {
  /** Last day of the programme, inclusive. */
  endDate: IsoDate;
  /** The end date before absence and leave were added. */
  baseEndDate: IsoDate;
  addedWorkingDays: number;
};

function assertCount(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    refuse('R-5.8', `${name} must be a whole number of at least ${min}; got ${value}.`, { [name]: value });
  }
}

// integreringsloven §§ 13–14 / integreringsforskriften §§ 10 and 19: the programme's planned last day.
// The duration is a period: N months from the start date ends the day BEFORE the same day-number N months later
// (start 2026-01-15, 12 months → last day 2027-01-14), so "up to 12 months" is never 12 months and a day [D].
// Countable absence, free days and leave (see absence.ts) that together exceed 10 working days are ALL added as
// working days after that day (LAW-NOTES §6.5: the days "that together exceed 10" are added, not the excess) [D].
// timeAlreadyUsedDays: calendar days of programme time already used in another municipality; they shorten the rest.
export function plannedEndDate(input: {
  startDate: IsoDate;
  durationMonths: number;
  extensionMonths: number;
  countableAbsenceAndLeaveWorkingDays: number;
  timeAlreadyUsedDays?: number;
}): PlannedEnd {
  const { startDate, durationMonths, extensionMonths, countableAbsenceAndLeaveWorkingDays } = input;
  const used = input.timeAlreadyUsedDays ?? 0;
  assertCount('durationMonths', durationMonths, 1);
  assertCount('extensionMonths', extensionMonths, 0);
  assertCount('countableAbsenceAndLeaveWorkingDays', countableAbsenceAndLeaveWorkingDays, 0);
  assertCount('timeAlreadyUsedDays', used, 0);
  const baseEndDate = addDays(addMonths(startDate, durationMonths + extensionMonths), -1 - used);
  if (compareDates(baseEndDate, startDate) < 0) {
    refuse('R-5.7', 'The programme time has already been used up in the previous municipality.', {
      startDate,
      durationMonths,
      extensionMonths,
      timeAlreadyUsedDays: used,
    });
  }
  const addedWorkingDays = workingDaysAddedToEndDate(countableAbsenceAndLeaveWorkingDays);
  return { endDate: addWorkingDays(baseEndDate, addedWorkingDays), baseEndDate, addedWorkingDays };
}

export type LegalMaxEnd = { enforced: true; endDate: IsoDate } | { enforced: false; note: string };

// integreringsloven §§ 13, 14, 18 a: the last day the programme may legally run. The maximum duration
// for the end goal, plus the extension actually granted (an extension needs an EXTENSION decision, so "up to 1 year"
// is no licence until it is granted [D]; never more than the end goal's maximum extension), less the time already
// used in another municipality, with the additions (counted as plannedEndDate counts them). For offers before
// the duration rules apply nothing is enforced automatically, and the answer says so.
export function legalMaxEndDate(input: {
  startDate: IsoDate;
  endGoal: EndGoal;
  offerDate: IsoDate;
  extensionMonths: number;
  countableAbsenceAndLeaveWorkingDays: number;
  timeAlreadyUsedDays?: number;
}): LegalMaxEnd {
  const from = durationRulesApplyFrom(input.endGoal);
  if (compareDates(input.offerDate, from) < 0) {
    return {
      enforced: false,
      note: `The programme was offered on ${input.offerDate}, before ${from}: the maximum duration for ${input.endGoal} is not enforced automatically; assess the end date manually under the earlier rules.`,
    };
  }
  const max = maxDuration(input.endGoal);
  const extension = Math.min(Math.max(0, input.extensionMonths), max.maxExtensionMonths);
  const base = addDays(addMonths(input.startDate, max.months + extension), -1 - (input.timeAlreadyUsedDays ?? 0));
  return { enforced: true, endDate: addWorkingDays(base, workingDaysAddedToEndDate(input.countableAbsenceAndLeaveWorkingDays)) };
}

export type EndingFacts = {
  event: 'COMPLETE' | 'INTERRUPT';
  endDate: IsoDate;
  today: IsoDate;
  /** Null for a programme that never started (an interruption from PLANNED). */
  startDate: IsoDate | null;
  /** The planned last day with the granted extension and the additions (plannedEndDate().endDate). */
  plannedEndDate: IsoDate | null;
  /** legalMaxEndDate(); null when the programme never started. */
  legalMax: LegalMaxEnd | null;
  endGoalReached: boolean;
  reason: string | null;
  /**
   * The ending is the effect of a decision (a permanent halt, R-5.9) that may take effect on a later day than it
   * is made (after advance notice): the end date may then be after today.
   */
  byDecision?: boolean;
};

export type EndingCheck = { notes: string[] };

function hasText(s: string | null | undefined): boolean {
  return typeof s === 'string' && s.trim().length > 0;
}

// R-13.4 (R-5.7, R-5.10) integreringsloven §§ 13, 14, 18 a: how a programme may end.
// - The end date is never after today (unless a decision sets it, see byDecision), never before the start, and
//   never after the legal maximum (R-5.7, with the additions).
// - COMPLETED only when the end goal is reached or the time has run out: the end date is on or after the planned last
//   day (the programme's time runs out on that day) [D].
// - Otherwise INTERRUPTED, with its reason; an interruption is refused when the goal was reached or the time has run
//   out (that ending is a completion).
export function validateEnding(f: EndingFacts): EndingCheck {
  const details = {
    event: f.event,
    endDate: f.endDate,
    today: f.today,
    startDate: f.startDate,
    plannedEndDate: f.plannedEndDate,
    legalMaxEndDate: f.legalMax?.enforced ? f.legalMax.endDate : null,
    endGoalReached: f.endGoalReached,
    clarification: 'R-13.4',
  };
  const fail = (ruleId: RuleId, message: string): never => refuse(ruleId, message, details);
  if (!f.byDecision && compareDates(f.endDate, f.today) > 0) {
    fail('R-5.10', `The end date ${f.endDate} is in the future (today is ${f.today}): a programme is ended on or after the day it ends.`);
  }
  if (f.startDate && compareDates(f.endDate, f.startDate) < 0) {
    fail('R-5.10', `The end date ${f.endDate} is before the programme started (${f.startDate}).`);
  }
  if (f.legalMax?.enforced && compareDates(f.endDate, f.legalMax.endDate) > 0) {
    fail(
      'R-5.7',
      `The end date ${f.endDate} is after the legal maximum ${f.legalMax.endDate} (maximum duration for the end goal, granted extension and added absence and leave).`,
    );
  }
  const timeOut = f.plannedEndDate !== null && compareDates(f.endDate, f.plannedEndDate) >= 0;
  if (f.event === 'COMPLETE') {
    if (!f.endGoalReached && !timeOut) {
      fail(
        'R-5.10',
        f.plannedEndDate
          ? `The programme is completed only when the end goal is reached or its time has run out (last day ${f.plannedEndDate}); end it on ${f.endDate} as interrupted, with the reason.`
          : 'The programme is completed only when the end goal is reached or its time has run out; end it as interrupted, with the reason.',
      );
    }
  } else {
    if (f.endGoalReached) fail('R-5.10', 'The end goal was reached: the programme is completed, not interrupted.');
    if (timeOut) fail('R-5.10', `The programme's time ran out on ${f.plannedEndDate}: it is completed, not interrupted.`);
    if (!hasText(f.reason)) fail('R-5.10', 'An interrupted programme needs the reason it ended early (halted permanently, refused or left).');
  }
  return { notes: f.legalMax && !f.legalMax.enforced ? [f.legalMax.note] : [] };
}
