// Absence, free days and leave: integreringsforskriften §§ 10, 17–19; introduction benefit deductions, integreringsloven § 21.
import { compareDates, IsoDate, isoDate, workingDaysBetweenInclusive } from './calendar';
import { LAW } from './law-references';
import { RuleViolation } from './rule-violation';

export const ABSENCE_KINDS = [
  'ABSENCE_EXCUSED',
  'ABSENCE_UNEXCUSED',
  'LEAVE',
  'FREE_DAY',
  'HOLIDAY', // ferie, forskrift § 18: never added to the end date
  'FREE_DAY_17_2', // fri under forskrift § 17 second para: never added to the end date
] as const;
export type AbsenceKind = (typeof ABSENCE_KINDS)[number];

export type AbsenceRecord = { kind: AbsenceKind; workingDays: number };

const NOT_COUNTED: readonly AbsenceKind[] = ['HOLIDAY', 'FREE_DAY_17_2'];

/** the end date moves only when the countable days together exceed this many working days. */
export const EXTENSION_THRESHOLD_WORKING_DAYS = 10;

// integreringsforskriften §§ 10 and 19: working days of absence, free days and leave that count towards the end date.
export function countableDaysForEndDate(records: readonly AbsenceRecord[]): number {
  let total = 0;
  for (const r of records) {
    if (!Number.isInteger(r.workingDays) || r.workingDays < 0) {
      throw new RuleViolation(
        'R-5.8',
        LAW['R-5.8'],
        `An absence or leave record must have a whole, non-negative number of working days; got ${r.workingDays}.`,
        { record: r },
      );
    }
    if (!NOT_COUNTED.includes(r.kind)) total += r.workingDays;
  }
  return total;
}

// integreringsforskriften §§ 10 and 19: "together exceed 10 working days" — 10 does not, 11 does.
export function exceedsExtensionThreshold(totalWorkingDays: number): boolean {
  return totalWorkingDays > EXTENSION_THRESHOLD_WORKING_DAYS;
}

// integreringsforskriften §§ 10 and 19: working days added to the end date. The provision adds the absence,
// free days and leave "that together exceed 10 working days" (LAW-NOTES §6.5): the subject is the days themselves,
// so once the threshold is passed ALL of them are added, not only the excess over 10 [D].
export function workingDaysAddedToEndDate(totalWorkingDays: number): number {
  return exceedsExtensionThreshold(totalWorkingDays) ? totalWorkingDays : 0;
}

export type AbsencePeriod = { id: string; kind: AbsenceKind; fromDate: IsoDate; toDate: IsoDate };

// integreringsforskriften §§ 10 and 19, a product decision [D] (the provision is silent on double registration):
// a working day is absent, free or on leave at most once. A period that overlaps one already registered for the
// participant (of any kind, also leave granted by a LEAVE decision) is refused: it would count the same days twice
// toward moving the end date and, for unexcused absence, twice in the benefit deduction. Periods that
// only touch (one ends the day before the other starts) do not overlap. `exceptId` is the period being corrected.
export function assertNoOverlappingAbsence(
  period: { fromDate: IsoDate; toDate: IsoDate },
  existing: readonly AbsencePeriod[],
  exceptId: string | null = null,
): void {
  if (compareDates(period.toDate, period.fromDate) < 0) {
    throw new RuleViolation('R-5.8', LAW['R-5.8'], `An absence period ends before it starts (${period.fromDate} to ${period.toDate}).`, { ...period });
  }
  const overlaps = existing.filter((e) => e.id !== exceptId && compareDates(e.fromDate, period.toDate) <= 0 && compareDates(period.fromDate, e.toDate) <= 0);
  if (overlaps.length) {
    const first = overlaps[0];
    throw new RuleViolation(
      'R-5.8',
      LAW['R-5.8'],
      `The period ${period.fromDate} to ${period.toDate} overlaps ${first.kind} registered for ${first.fromDate} to ${first.toDate}: a day is counted once. Correct or cancel the registered period instead.`,
      { overlaps: overlaps.map((o) => ({ id: o.id, kind: o.kind, fromDate: o.fromDate, toDate: o.toDate })) },
    );
  }
}

export type BenefitDeduction = { deduction: number; requiresDecision: boolean; lawReference: string };

function roundOre(n: number): number {
  return Math.round(n * 100) / 100;
}

// integreringsloven § 21: unexcused absence reduces a payment pro rata; a deduction of at least 50 % of the
// payment AND at least 1/12 G needs an appealable decision. Rounding to øre is a [D] (LAW-NOTES §7, unverified).
export function benefitDeduction(input: { payment: number; scheduledWorkingDays: number; unexcusedWorkingDays: number; g: number }): BenefitDeduction {
  const { payment, scheduledWorkingDays, unexcusedWorkingDays, g } = input;
  if (!(scheduledWorkingDays > 0) || unexcusedWorkingDays < 0 || unexcusedWorkingDays > scheduledWorkingDays || payment < 0) {
    throw new RuleViolation('R-6.4', LAW['R-6.4'], 'Unexcused absence must be between 0 and the number of scheduled working days in the payment period.', {
      ...input,
    });
  }
  const exact = (payment * unexcusedWorkingDays) / scheduledWorkingDays;
  const requiresDecision = exact > 0 && exact >= payment / 2 && exact >= g / 12;
  return { deduction: roundOre(exact), requiresDecision, lawReference: LAW['R-6.4'] };
}

/** holiday (ferie) per calendar year, in working days; the 26th is refused. */
export const HOLIDAY_MAX_WORKING_DAYS_PER_YEAR = 25;

/** Working days of a period in each calendar year it touches (a holiday over New Year counts in both years). */
export function workingDaysByYear(period: { fromDate: IsoDate; toDate: IsoDate }): Map<number, number> {
  const days = new Map<number, number>();
  const first = Number(period.fromDate.slice(0, 4));
  const last = Number(period.toDate.slice(0, 4));
  for (let y = first; y <= last; y++) {
    const from = y === first ? period.fromDate : isoDate(y, 1, 1);
    const to = y === last ? period.toDate : isoDate(y, 12, 31);
    const n = workingDaysBetweenInclusive(from, to);
    if (n > 0) days.set(y, n);
  }
  return days;
}

// integreringsloven §§ 13–14 / integreringsforskriften § 18: holiday is at most 25 working days per
// calendar year [D]; a period that would bring a year past 25 is refused whole (the 26th day is refused). `existing`
// are the participant's other HOLIDAY periods (without the one being corrected).
export function assertHolidayWithinYearlyLimit(
  period: { fromDate: IsoDate; toDate: IsoDate },
  existing: readonly { fromDate: IsoDate; toDate: IsoDate }[],
): void {
  const taken = new Map<number, number>();
  for (const e of existing) for (const [y, n] of workingDaysByYear(e)) taken.set(y, (taken.get(y) ?? 0) + n);
  for (const [year, requested] of workingDaysByYear(period)) {
    const already = taken.get(year) ?? 0;
    if (already + requested > HOLIDAY_MAX_WORKING_DAYS_PER_YEAR) {
      throw new RuleViolation(
        'R-5.6',
        LAW['R-5.6'],
        `Holiday is limited to ${HOLIDAY_MAX_WORKING_DAYS_PER_YEAR} working days per calendar year: ${already} already registered in ${year}, ${requested} requested.`,
        { year, alreadyTaken: already, requested, maxPerYear: HOLIDAY_MAX_WORKING_DAYS_PER_YEAR, clarification: 'R-13.5' },
      );
    }
  }
}
