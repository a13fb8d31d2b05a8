// Deadlines of the municipality and of the party.
// The municipality's own duty deadlines never move off weekends or holidays; the party's appeal deadline does.
import { IsoDate, addMonths, addWeeks, addYears, addDays, compareDates, maxDate, nextWorkingDayOnOrAfter } from './calendar';
import { LAW } from './law-references';
import { RuleViolation } from './rule-violation';

export interface SettlementOrRequest {
  settlementDate: IsoDate;
  requestDate?: IsoDate | null;
}

function laterOfSettlementAndRequest({ settlementDate, requestDate }: SettlementOrRequest): IsoDate {
  return requestDate ? maxDate(settlementDate, requestDate) : settlementDate;
}

// integreringsloven § 12: decision and start at the latest 3 months after settlement or the later request (not moved, R-0.3).
export function startDeadline(input: SettlementOrRequest): IsoDate {
  return addMonths(laterOfSettlementAndRequest(input), 3);
}

// integreringsloven § 12: the participation decision is due by the start deadline too (the municipality's own
// deadline: not moved, R-0.3). A first participation decision after it needs a recorded reason, as a late start does.
export function assertLateDecisionReason(input: { decidedAt: IsoDate; deadline: IsoDate | null; reason?: string | null }): void {
  if (input.deadline === null || compareDates(input.decidedAt, input.deadline) <= 0) return;
  if (typeof input.reason === 'string' && input.reason.trim().length > 0) return;
  throw new RuleViolation(
    'R-5.1',
    LAW['R-5.1'],
    `The participation decision on ${input.decidedAt} is after the deadline ${input.deadline} (3 months after settlement or the later request); record the reason for the late decision.`,
    { decidedAt: input.decidedAt, deadline: input.deadline },
  );
}

// integreringsloven §§ 6 og 10: mapping complete before the programme decision, so by the start deadline (not moved).
export function mappingDeadline(input: SettlementOrRequest): IsoDate {
  return startDeadline(input);
}

// integreringsloven § 8 første ledd: the last day a participation decision may be made — "less than 2 years"
// after first settlement, so the day before the 2-year anniversary.
export function participationDecisionWindowEnd(firstSettlementDate: IsoDate): IsoDate {
  return addDays(addYears(firstSettlementDate, 2), -1);
}

export type AppealDeadlineBasis = 'NOTICE' | 'REASONS' | 'EXTENDED';

export interface AppealDeadlineInput {
  /** The date the notice of the decision reached the party. */
  notifiedAt: IsoDate;
  /** The party asked for reasons (fvl § 24). */
  reasonsRequestedAt?: IsoDate | null;
  /** The party received the reasons. */
  reasonsReceivedAt?: IsoDate | null;
  /** An extension granted before expiry (fvl § 29 fourth para). */
  extendedDeadline?: IsoDate | null;
}

export interface AppealDeadline {
  deadline: IsoDate;
  basis: AppealDeadlineBasis;
  /** Reasons were requested in time but not yet received: a new 3 weeks will run from receipt, so `deadline` is only a floor. */
  awaitingReasons: boolean;
}

// integreringsloven § 47 / forvaltningsloven § 29: 3 weeks from notice (or from receipt of reasons requested in
// time), moved to the next working day (domstolloven § 148); an extension that ends later replaces it.
export function appealDeadline(input: AppealDeadlineInput): AppealDeadline {
  const noticeDeadline = nextWorkingDayOnOrAfter(addWeeks(input.notifiedAt, 3));
  let result: AppealDeadline = { deadline: noticeDeadline, basis: 'NOTICE', awaitingReasons: false };

  const requested = input.reasonsRequestedAt;
  if (requested && compareDates(requested, noticeDeadline) <= 0) {
    if (input.reasonsReceivedAt) {
      const reasonsDeadline = nextWorkingDayOnOrAfter(addWeeks(input.reasonsReceivedAt, 3));
      if (compareDates(reasonsDeadline, noticeDeadline) > 0) {
        result = { deadline: reasonsDeadline, basis: 'REASONS', awaitingReasons: false };
      }
    } else {
      result = { ...result, awaitingReasons: true };
    }
  }

  if (input.extendedDeadline) {
    const extended = nextWorkingDayOnOrAfter(input.extendedDeadline);
    if (compareDates(extended, result.deadline) > 0) {
      // Reasons still awaited keep the deadline open however it was extended: their new 3 weeks have not begun.
      result = { deadline: extended, basis: 'EXTENDED', awaitingReasons: result.awaitingReasons };
    }
  }
  return result;
}

// forvaltningsloven § 30: an appeal sent (or posted) on or before the deadline is on time.
export function isAppealInTime({ deadline, sentAt }: { deadline: IsoDate; sentAt: IsoDate }): boolean {
  return compareDates(sentAt, deadline) <= 0;
}

// forvaltningsloven § 31: the last day a late appeal can be considered — after that "more than 1 year" has passed.
export function lateAppealAbsoluteBar(decidedAt: IsoDate): IsoDate {
  return addYears(decidedAt, 1);
}

export type LateAppealGround = 'PARTY_NOT_TO_BLAME' | 'SPECIAL_REASONS';

// forvaltningsloven § 31: a late appeal may be considered only on a recorded ground and never after 1 year.
export function canConsiderLateAppeal(input: { decidedAt: IsoDate; receivedAt: IsoDate; ground: LateAppealGround | null }): true {
  const bar = lateAppealAbsoluteBar(input.decidedAt);
  if (compareDates(input.receivedAt, bar) > 0) {
    throw new RuleViolation('R-9.3', LAW['R-9.3'], 'More than 1 year has passed since the decision was made: the late appeal cannot be considered.', {
      decidedAt: input.decidedAt,
      receivedAt: input.receivedAt,
      lastDay: bar,
    });
  }
  if (input.ground === null) {
    throw new RuleViolation(
      'R-9.3',
      LAW['R-9.3'],
      'A late appeal can be considered only if the party cannot be blamed for the delay or there are special reasons; record which.',
      { decidedAt: input.decidedAt, receivedAt: input.receivedAt },
    );
  }
  return true;
}

// forvaltningsloven § 34 tredje ledd: notice of a change to the appellant's detriment within 3 months of the
// municipality receiving the appeal (the authority's own deadline: not moved, R-0.3).
export function detrimentNoticeDeadline(appealReceivedAt: IsoDate): IsoDate {
  return addMonths(appealReceivedAt, 3);
}

// forvaltningsloven § 29 fourth para, R-13.8: the appeal deadline is extended before it expires, to a later
// day; it needs a running deadline (a recorded notice) and is granted on a day that has come.
export function validateAppealDeadlineExtension(input: {
  decidedAt: IsoDate;
  /** The deadline as it stands before this extension (an earlier extension included). */
  current: AppealDeadline | null;
  grantedOn: IsoDate;
  extendedTo: IsoDate;
  today: IsoDate;
}): void {
  const { current, grantedOn, extendedTo } = input;
  const refuse = (message: string) => {
    throw new RuleViolation('R-9.2', LAW['R-9.2'], message, { grantedOn, extendedTo, deadline: current?.deadline ?? null });
  };
  if (!current) refuse('Record when the notice reached the participant first: only a running appeal deadline can be extended.');
  if (compareDates(grantedOn, input.decidedAt) < 0) refuse(`An extension cannot be granted (${grantedOn}) before the decision was made (${input.decidedAt}).`);
  if (compareDates(grantedOn, input.today) > 0) {
    throw new RuleViolation('R-13.7', LAW['R-13.7'], `grantedOn (${grantedOn}) is in the future: a reported date is never after today.`, {
      field: 'grantedOn',
      date: grantedOn,
      today: input.today,
    });
  }
  if (!current!.awaitingReasons && compareDates(grantedOn, current!.deadline) > 0) {
    refuse(`The deadline expired on ${current!.deadline}: it can be extended only before it expires, not on ${grantedOn}.`);
  }
  if (compareDates(extendedTo, current!.deadline) <= 0) refuse(`An extension ends after the deadline it extends (${current!.deadline}).`);
}
