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
