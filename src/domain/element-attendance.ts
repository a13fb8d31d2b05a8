// Attendance per programme element, as the municipality records it, for the participation certificate:
// integreringsloven § 18 a / integreringsforskriften § 50 (R-10.1, clarified by ).
import { compareDates, daysBetween, type IsoDate } from './calendar';
import type { CertificateElement } from './certificate';
import type { ElementKind, PlanElement } from './integration-plan';
import { LAW } from './law-references';
import { RuleViolation } from './rule-violation';

/** One recorded period of one element: the hours the participant actually attended, and whether the element was completed. */
export type ElementAttendance = {
  kind: ElementKind;
  fromDate: IsoDate;
  toDate: IsoDate;
  hoursAttended: number;
  /** Whether the element was completed, as of the end of this period. */
  completed: boolean;
};

/** What a new record is checked against: the programme's own dates, today, and what was recorded before. */
export type AttendanceContext = {
  /** The programme's first day, or null before it started. */
  programmeStartDate: IsoDate | null;
  /** The programme's last day, once it has ended. */
  programmeEndedAt: IsoDate | null;
  today: IsoDate;
  recorded: readonly ElementAttendance[];
};

function refuse(message: string, details: Record<string, unknown>): never {
  throw new RuleViolation('R-13.11', LAW['R-10.1'], message, details);
}

/**
 * integreringsloven § 18 a: a recorded period lies within the programme (from its start to
 * its end, or to today while it runs, a reported date is never after today), holds no more hours than
 * its days have, and shares no day with another period recorded for the same element, so no hour is counted twice.
 */
export function checkElementAttendance(record: ElementAttendance, context: AttendanceContext): void {
  const period = { fromDate: record.fromDate, toDate: record.toDate };
  if (compareDates(record.toDate, record.fromDate) < 0) refuse('The attendance period ends before it starts.', period);
  if (!context.programmeStartDate) refuse('Attendance is recorded once the programme has started.', period);
  if (compareDates(record.fromDate, context.programmeStartDate) < 0) {
    refuse('The attendance period starts before the programme did.', { ...period, programmeStartDate: context.programmeStartDate });
  }
  if (context.programmeEndedAt && compareDates(record.toDate, context.programmeEndedAt) > 0) {
    refuse('The attendance period ends after the programme ended.', { ...period, programmeEndedAt: context.programmeEndedAt });
  }
  if (compareDates(record.toDate, context.today) > 0)
    refuse('Attendance is recorded for days that have passed, never for the future.', { ...period, today: context.today });
  const days = daysBetween(record.fromDate, record.toDate) + 1;
  if (!(record.hoursAttended >= 0) || record.hoursAttended > 24 * days) {
    refuse('The hours attended do not fit in the period.', { ...period, hoursAttended: record.hoursAttended, days });
  }
  const overlapping = context.recorded.find(
    (r) => r.kind === record.kind && compareDates(r.fromDate, record.toDate) <= 0 && compareDates(record.fromDate, r.toDate) <= 0,
  );
  if (overlapping) {
    refuse('A period already recorded for this element shares days with this one.', {
      ...period,
      kind: record.kind,
      recordedFromDate: overlapping.fromDate,
      recordedToDate: overlapping.toDate,
    });
  }
}

/**
 * the certificate's elements, one per element kind of the plan (in plan order, descriptions
 * joined), then any kind recorded but no longer in the plan. Hours are the sum of what was recorded; completed
 * is what the latest recorded period says. An element with nothing recorded has hours and completed null: the
 * certificate says so rather than guessing from the plan or from how the programme ended.
 */
export function certificateElements(planElements: readonly PlanElement[], recorded: readonly ElementAttendance[]): CertificateElement[] {
  const kinds: ElementKind[] = [];
  const descriptions = new Map<ElementKind, string[]>();
  for (const e of planElements) {
    if (!kinds.includes(e.kind)) kinds.push(e.kind);
    const d = e.description?.trim();
    const list = descriptions.get(e.kind) ?? [];
    if (d && !list.includes(d)) list.push(d);
    descriptions.set(e.kind, list);
  }
  for (const r of recorded) if (!kinds.includes(r.kind)) kinds.push(r.kind);
  return kinds.map((kind) => {
    const periods = recorded.filter((r) => r.kind === kind).sort((a, b) => compareDates(a.toDate, b.toDate) || compareDates(a.fromDate, b.fromDate));
    const description = (descriptions.get(kind) ?? []).join('; ') || null;
    if (periods.length === 0) return { kind, description, hours: null, completed: null };
    // Sum in tenths, as recorded (numeric(6,1)), so 0.1 + 0.2 prints 0,3.
    const tenths = periods.reduce((sum, r) => sum + Math.round(r.hoursAttended * 10), 0);
    return { kind, description, hours: tenths / 10, completed: periods[periods.length - 1].completed };
  });
}
