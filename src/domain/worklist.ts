// The worklist: the duties the law gives a caseworker, a county adviser and a Statsforvalter lawyer, each
// with the day it is due. Every
// function takes the facts of one case record and today, and answers the duty or null (no duty). They
// are computed from the case data each time: there is no second store of tasks to keep in step.
//
// The municipality's own duty dates do not move off weekends or holidays: a duty is met by acting
// on or before its day. A duty is overdue from the day after its due date.
import { addDays, addMonths, addWeeks, compareDates, type IsoDate } from './calendar';
import { detrimentNoticeDeadline, mappingDeadline, startDeadline } from './deadlines';
import { LAW, type RuleId } from './law-references';
import { careLeaveFollowUpFrom } from './leave';

export const WORKLIST_KINDS = [
  // The municipality's caseworker
  'MAPPING_DUE',
  'PROGRAMME_START_DUE',
  'DECISION_NOTICE_MISSING',
  'APPEAL_REVIEW',
  'DETRIMENT_NOTICE_DEADLINE',
  'APPEAL_FOLLOW_UP',
  'CARE_LEAVE_FOLLOW_UP',
  'PROGRAMME_ENDING',
  'GUIDANCE_NOT_USED',
  // The county's career-guidance adviser
  'GUIDANCE_REFERRAL_OPEN',
  // Statsforvalteren (and DETRIMENT_NOTICE_DEADLINE)
  'APPEAL_DECISION_DUE',
] as const;
export type WorklistKind = (typeof WORKLIST_KINDS)[number];

export const WORKLIST_ACTIONS = [
  'COMPLETE_MAPPING',
  'MAKE_PARTICIPATION_DECISION',
  'START_PROGRAMME',
  'RECORD_DECISION_NOTICE',
  'START_APPEAL_REVIEW',
  'FINISH_APPEAL_REVIEW',
  'SEND_DETRIMENT_NOTICE_IF_NEEDED',
  'RECORD_FOLLOW_UP_DECISION',
  'OFFER_CARE_LEAVE_FOLLOW_UP',
  'PREPARE_PROGRAMME_END',
  'END_PROGRAMME',
  'USE_GUIDANCE_IN_PLAN',
  'START_GUIDANCE',
  'SUBMIT_GUIDANCE',
  'DECIDE_APPEAL',
] as const;
export type WorklistAction = (typeof WORKLIST_ACTIONS)[number];

export interface WorklistDuty {
  kind: WorklistKind;
  ruleId: RuleId;
  lawReference: string;
  dueDate: IsoDate;
  /** Today is after the due date. */
  overdue: boolean;
  action: WorklistAction;
}

/**
 * R-9.4 [D]: "as soon as the case is prepared" has no number of days; an appeal the municipality has had
 * longer than this many weeks is flagged. The worklist query can ask for another number.
 */
export const APPEAL_REVIEW_FLAG_WEEKS = 3;
/** a running programme planned to end within this many days needs its end-of-programme work. */
export const PROGRAMME_ENDING_WINDOW_DAYS = 30;
/**
 * [D] Duties the law gives no number of days ("without undue delay"): due one month after they arose, the
 * point at which forvaltningsloven § 11 a asks for a provisional reply.
 */
export const PROMPT_FOLLOW_UP_MONTHS = 1;

function duty(kind: WorklistKind, ruleId: RuleId, dueDate: IsoDate, action: WorklistAction, today: IsoDate): WorklistDuty {
  return { kind, ruleId, lawReference: LAW[ruleId], dueDate, overdue: compareDates(today, dueDate) > 0, action };
}

/** The states of a case before the programme starts; ended cases have nothing to map or start. */
const NOT_STARTED = ['REGISTERED', 'PLANNED'];

export interface CaseBeforeStart {
  status: string;
  settlementDate: IsoDate | null;
  requestDate?: IsoDate | null;
  mappingCompleted: boolean;
  /** The newest participation decision's outcome, or null when none is made. */
  participationOutcome: 'GRANTED' | 'REFUSED' | null;
}

// integreringsloven §§ 6 og 10: the mapping is complete before the participation decision, by the start deadline.
export function mappingDuty(c: CaseBeforeStart, today: IsoDate): WorklistDuty | null {
  if (!c.settlementDate || !NOT_STARTED.includes(c.status) || c.mappingCompleted || c.participationOutcome !== null) return null;
  return duty('MAPPING_DUE', 'R-2.2', mappingDeadline({ settlementDate: c.settlementDate, requestDate: c.requestDate }), 'COMPLETE_MAPPING', today);
}

// integreringsloven § 12: decision and actual start at the latest 3 months after settlement or request.
// A refused participation leaves nothing to start.
export function startDuty(c: CaseBeforeStart, today: IsoDate): WorklistDuty | null {
  if (!c.settlementDate || !NOT_STARTED.includes(c.status) || c.participationOutcome === 'REFUSED') return null;
  const action: WorklistAction = c.participationOutcome === 'GRANTED' ? 'START_PROGRAMME' : 'MAKE_PARTICIPATION_DECISION';
  return duty('PROGRAMME_START_DUE', 'R-5.1', startDeadline({ settlementDate: c.settlementDate, requestDate: c.requestDate }), action, today);
}

// forvaltningsloven § 27 første ledd: the party is notified "as soon as possible" — the notice is due
// the day the decision is made [D], and the date it reached the participant is recorded (it starts ).
export function decisionNoticeDueDate(decidedAt: IsoDate): IsoDate {
  return decidedAt;
}

export function decisionNoticeDuty(d: { decidedAt: IsoDate; notifiedAt: IsoDate | null }, today: IsoDate): WorklistDuty | null {
  if (d.notifiedAt) return null;
  return duty('DECISION_NOTICE_MISSING', 'R-8.2', decisionNoticeDueDate(d.decidedAt), 'RECORD_DECISION_NOTICE', today);
}

// forvaltningsloven § 33: the municipality reviews an appeal "as soon as the case is prepared"; flagged
// when it has had the appeal longer than `weeks` weeks (default APPEAL_REVIEW_FLAG_WEEKS).
export function appealReviewDueDate(receivedAt: IsoDate, weeks: number = APPEAL_REVIEW_FLAG_WEEKS): IsoDate {
  return addWeeks(receivedAt, weeks);
}

export function appealReviewDuty(a: { state: string; receivedAt: IsoDate }, today: IsoDate, weeks: number = APPEAL_REVIEW_FLAG_WEEKS): WorklistDuty | null {
  if (a.state !== 'RECEIVED' && a.state !== 'UNDER_REVIEW') return null;
  return duty(
    'APPEAL_REVIEW',
    'R-9.4',
    appealReviewDueDate(a.receivedAt, weeks),
    a.state === 'RECEIVED' ? 'START_APPEAL_REVIEW' : 'FINISH_APPEAL_REVIEW',
    today,
  );
}

/** An appeal not yet decided: with the municipality (RECEIVED, UNDER_REVIEW) or with Statsforvalteren (forwarded). */
const UNDECIDED = ['RECEIVED', 'UNDER_REVIEW', 'FORWARDED', 'PARTLY_REVERSED_AND_FORWARDED'];

// forvaltningsloven § 34 tredje ledd: notice of a possible change to the appellant's detriment within 3
// months of the municipality receiving the appeal. A duty while the appeal is undecided and no notice is sent;
// after the last day there is nothing left to do (a change to the detriment is then barred), so no duty.
export function detrimentNoticeDuty(a: { state: string; receivedAt: IsoDate; detrimentNoticeAt: IsoDate | null }, today: IsoDate): WorklistDuty | null {
  if (!UNDECIDED.includes(a.state) || a.detrimentNoticeAt) return null;
  const deadline = detrimentNoticeDeadline(a.receivedAt);
  if (compareDates(today, deadline) > 0) return null;
  return duty('DETRIMENT_NOTICE_DEADLINE', 'R-9.7', deadline, 'SEND_DETRIMENT_NOTICE_IF_NEEDED', today);
}

// integreringsloven § 47 / forvaltningsloven § 34: after Statsforvalteren changed the decision or quashed
// it and sent it back, the municipality makes its follow-up decision, without undue delay [D: PROMPT_FOLLOW_UP_MONTHS].
export function appealFollowUpDueDate(outcomeDecidedAt: IsoDate): IsoDate {
  return addMonths(outcomeDecidedAt, PROMPT_FOLLOW_UP_MONTHS);
}

export function appealFollowUpDuty(
  a: { outcome: string | null; outcomeDecidedAt: IsoDate | null; followUpDecisionId: string | null },
  today: IsoDate,
): WorklistDuty | null {
  if ((a.outcome !== 'CHANGED' && a.outcome !== 'QUASHED_AND_RETURNED') || !a.outcomeDecidedAt || a.followUpDecisionId) return null;
  return duty('APPEAL_FOLLOW_UP', 'R-9.6', appealFollowUpDueDate(a.outcomeDecidedAt), 'RECORD_FOLLOW_UP_DECISION', today);
}

// integreringsforskriften § 16: from the fourth month of care leave the municipality offers follow-up and
// Norwegian training. The fourth month begins three months after the leave's first day (R-0.3 month arithmetic):
// the same day the leave's details show as followUpFrom (leave.ts careLeaveFollowUpFrom).
export function careLeaveFourthMonthStart(leaveFrom: IsoDate): IsoDate {
  return addMonths(leaveFrom, 3);
}

/** A care leave that reaches its fourth month is a duty until the leave ends (nothing records the offer yet). */
export function careLeaveFollowUpDuty(leave: { fromDate: IsoDate; toDate: IsoDate }, today: IsoDate): WorklistDuty | null {
  const followUpFrom = careLeaveFollowUpFrom({ kind: 'CARE_LEAVE', ...leave });
  if (!followUpFrom || compareDates(today, leave.toDate) > 0) return null;
  return duty('CARE_LEAVE_FOLLOW_UP', 'R-6.2', followUpFrom, 'OFFER_CARE_LEAVE_FOLLOW_UP', today);
}

// integreringsloven § 18 a: a running programme that ends within PROGRAMME_ENDING_WINDOW_DAYS needs its
// end-of-programme work and the participation certificate; one past its planned end is to be ended.
export function programmeEndingDuty(p: { state: string; plannedEndDate: IsoDate | null }, today: IsoDate): WorklistDuty | null {
  if (!p.plannedEndDate || !['ACTIVE', 'ON_LEAVE', 'HALTED'].includes(p.state)) return null;
  if (compareDates(p.plannedEndDate, addDays(today, PROGRAMME_ENDING_WINDOW_DAYS)) > 0) return null;
  const action: WorklistAction = compareDates(p.plannedEndDate, today) < 0 ? 'END_PROGRAMME' : 'PREPARE_PROGRAMME_END';
  return duty('PROGRAMME_ENDING', 'R-5.10', p.plannedEndDate, action, today);
}

// integreringsloven § 11: the municipality uses the county's recommendation in the plan, without undue
// delay [D: PROMPT_FOLLOW_UP_MONTHS after the guidance was submitted]; a duty until a plan version builds on it.
export function guidanceUseDueDate(submittedOn: IsoDate): IsoDate {
  return addMonths(submittedOn, PROMPT_FOLLOW_UP_MONTHS);
}

export function guidanceUseDuty(r: { state: string; submittedOn: IsoDate | null; usedInPlan: boolean }, today: IsoDate): WorklistDuty | null {
  if (r.state !== 'COMPLETED' || !r.submittedOn || r.usedInPlan) return null;
  return duty('GUIDANCE_NOT_USED', 'R-3.3', guidanceUseDueDate(r.submittedOn), 'USE_GUIDANCE_IN_PLAN', today);
}

// integreringsloven § 11: guidance should take place before the programme decision, so by the case's start
// deadline; a referral made after that deadline (or without one) is due PROMPT_FOLLOW_UP_MONTHS after it was made [D].
export function guidanceReferralDueDate(r: { referredOn: IsoDate; startDeadline: IsoDate | null }): IsoDate {
  return r.startDeadline && compareDates(r.startDeadline, r.referredOn) >= 0 ? r.startDeadline : addMonths(r.referredOn, PROMPT_FOLLOW_UP_MONTHS);
}

export function guidanceReferralDuty(r: { state: string; referredOn: IsoDate; startDeadline: IsoDate | null }, today: IsoDate): WorklistDuty | null {
  if (r.state !== 'OPEN' && r.state !== 'IN_PROGRESS') return null;
  return duty('GUIDANCE_REFERRAL_OPEN', 'R-3.2', guidanceReferralDueDate(r), r.state === 'OPEN' ? 'START_GUIDANCE' : 'SUBMIT_GUIDANCE', today);
}

// integreringsloven § 47 / forvaltningsloven § 34: Statsforvalteren decides a forwarded appeal; no number of
// days is set, so it is due PROMPT_FOLLOW_UP_MONTHS after forwarding (forvaltningsloven § 11 a: provisional reply) [D].
export function appealDecisionDueDate(forwardedOn: IsoDate): IsoDate {
  return addMonths(forwardedOn, PROMPT_FOLLOW_UP_MONTHS);
}

export function appealDecisionDuty(a: { state: string; forwardedOn: IsoDate | null }, today: IsoDate): WorklistDuty | null {
  if ((a.state !== 'FORWARDED' && a.state !== 'PARTLY_REVERSED_AND_FORWARDED') || !a.forwardedOn) return null;
  return duty('APPEAL_DECISION_DUE', 'R-9.6', appealDecisionDueDate(a.forwardedOn), 'DECIDE_APPEAL', today);
}

/** The worklist's order: due date, then kind (in WORKLIST_KINDS order), then the record's id. */
export function compareDuties(a: { dueDate: IsoDate; kind: WorklistKind; id: string }, b: { dueDate: IsoDate; kind: WorklistKind; id: string }): number {
  return compareDates(a.dueDate, b.dueDate) || WORKLIST_KINDS.indexOf(a.kind) - WORKLIST_KINDS.indexOf(b.kind) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
