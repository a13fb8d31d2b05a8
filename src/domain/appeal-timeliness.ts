// The timeliness of one appeal as a single assessment, composed from the deadline rules in
// deadlines.ts: the deadline, whether the appeal was sent in time, and whether a late one may be considered.
import { compareDates, type IsoDate } from './calendar';
import { appealDeadline, type AppealDeadlineBasis, canConsiderLateAppeal, isAppealInTime, lateAppealAbsoluteBar, type LateAppealGround } from './deadlines';

export const LATE_APPEAL_GROUNDS = ['PARTY_NOT_TO_BLAME', 'SPECIAL_REASONS'] as const satisfies readonly LateAppealGround[];

export interface AppealDates {
  /** The appealed decision was made (the 1-year bar runs from here). */
  decidedAt: IsoDate;
  /** The notice reached the party (the deadline runs from here). */
  notifiedAt: IsoDate;
  /** The appeal was sent or posted (forvaltningsloven § 30: this decides timeliness). */
  sentAt: IsoDate;
  /** The municipality received the appeal. */
  receivedAt: IsoDate;
  reasonsRequestedAt?: IsoDate | null;
  reasonsReceivedAt?: IsoDate | null;
  extendedDeadline?: IsoDate | null;
}

export interface AppealTimeliness {
  deadline: IsoDate;
  basis: AppealDeadlineBasis;
  /** Reasons were requested in time and not yet received: the deadline has not started to run. */
  awaitingReasons: boolean;
  filedInTime: boolean;
  /** The last day a late appeal can be considered at all. */
  lateAppealLastDay: IsoDate;
  /** Late, and received after the 1-year bar: never considered, only dismissed. */
  pastAbsoluteBar: boolean;
}

/** Dates that contradict each other or lie in the future, as { field, message } (empty when consistent). */
export function appealDateProblems(d: AppealDates, today: IsoDate): { field: keyof AppealDates; message: string }[] {
  const out: { field: keyof AppealDates; message: string }[] = [];
  if (compareDates(d.receivedAt, today) > 0) out.push({ field: 'receivedAt', message: 'receivedAt is in the future' });
  if (compareDates(d.sentAt, d.receivedAt) > 0) out.push({ field: 'sentAt', message: 'The appeal cannot be received before it was sent' });
  if (compareDates(d.sentAt, d.decidedAt) < 0) out.push({ field: 'sentAt', message: 'The appeal was sent before the decision was made' });
  if (d.reasonsReceivedAt && !d.reasonsRequestedAt) out.push({ field: 'reasonsReceivedAt', message: 'Reasons received without a request for reasons' });
  if (d.reasonsRequestedAt && compareDates(d.reasonsRequestedAt, d.decidedAt) < 0) {
    out.push({ field: 'reasonsRequestedAt', message: 'Reasons were requested before the decision was made' });
  }
  if (d.reasonsRequestedAt && d.reasonsReceivedAt && compareDates(d.reasonsReceivedAt, d.reasonsRequestedAt) < 0) {
    out.push({ field: 'reasonsReceivedAt', message: 'Reasons were received before they were requested' });
  }
  if (d.reasonsReceivedAt && compareDates(d.reasonsReceivedAt, today) > 0)
    out.push({ field: 'reasonsReceivedAt', message: 'reasonsReceivedAt is in the future' });
  return out;
}

/** The facts of a decision that move the appeal deadline, as the decision records them. */
export interface DecisionAppealFacts {
  decidedAt: IsoDate;
  notifiedAt: IsoDate;
  reasonsRequestedAt?: IsoDate | null;
  reasonsReceivedAt?: IsoDate | null;
  appealDeadlineExtendedTo?: IsoDate | null;
}

/** What one appeal recorded itself: when it was sent and received, and any deadline facts given with it. */
export interface AppealOwnDates {
  sentAt: IsoDate;
  receivedAt: IsoDate;
  reasonsRequestedAt?: IsoDate | null;
  reasonsReceivedAt?: IsoDate | null;
  extendedDeadline?: IsoDate | null;
}

// the dates an appeal is judged on. The decision's facts (notice, request for reasons, extension) hold
// for every appeal against it; what an appeal recorded with itself counts only where the decision records nothing.
export function appealDatesOf(decision: DecisionAppealFacts, appeal: AppealOwnDates): AppealDates {
  const requested = decision.reasonsRequestedAt ?? null;
  return {
    decidedAt: decision.decidedAt,
    notifiedAt: decision.notifiedAt,
    sentAt: appeal.sentAt,
    receivedAt: appeal.receivedAt,
    reasonsRequestedAt: requested ?? appeal.reasonsRequestedAt ?? null,
    reasonsReceivedAt: requested ? (decision.reasonsReceivedAt ?? null) : (appeal.reasonsReceivedAt ?? null),
    extendedDeadline: decision.appealDeadlineExtendedTo ?? appeal.extendedDeadline ?? null,
  };
}

// forvaltningsloven §§ 29–30, R-9.3 § 31: the deadline, whether the appeal was sent in time, and the 1-year bar.
// An appeal sent while reasons requested in time are still awaited is in time: its 3 weeks have not begun.
export function assessAppealTimeliness(d: AppealDates): AppealTimeliness {
  const { deadline, basis, awaitingReasons } = appealDeadline(d);
  const filedInTime = awaitingReasons || isAppealInTime({ deadline, sentAt: d.sentAt });
  const lateAppealLastDay = lateAppealAbsoluteBar(d.decidedAt);
  return {
    deadline,
    basis,
    awaitingReasons,
    filedInTime,
    lateAppealLastDay,
    pastAbsoluteBar: !filedInTime && compareDates(d.receivedAt, lateAppealLastDay) > 0,
  };
}

// forvaltningsloven § 31: an appeal in time may always be considered; a late one only on a recorded ground
// (party not to blame / special reasons) and never once more than 1 year has passed since the decision.
export function assertAppealMayBeConsidered(input: {
  filedInTime: boolean;
  decidedAt: IsoDate;
  receivedAt: IsoDate;
  lateGround: LateAppealGround | null;
}): void {
  if (input.filedInTime) return;
  canConsiderLateAppeal({ decidedAt: input.decidedAt, receivedAt: input.receivedAt, ground: input.lateGround });
}
