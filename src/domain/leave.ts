// Leave (permisjon) and halt (stans): integreringsforskriften §§ 11, 12, 16; integreringsloven § 18.
import { addDays, addMonths, addYears, ageOn, compareDates, workingDaysBetweenInclusive, type IsoDate } from './calendar';
import { LAW, type RuleId } from './law-references';
import { RuleViolation } from './rule-violation';

export const LEAVE_KINDS = ['PREGNANCY_CHECKUP', 'PREGNANCY', 'MOTHER_AFTER_BIRTH', 'FATHER_AT_BIRTH', 'CARE_LEAVE'] as const;
export type LeaveKind = (typeof LEAVE_KINDS)[number];

// All "days" below are working days (virkedager), LAW-NOTES §6.5 [P].
export const PREGNANCY_LEAVE_MAX_WORKING_DAYS = 10;
/** Mother: the first 20 working days counted from the day of birth [D]. */
export const MOTHER_LEAVE_WORKING_DAYS = 20;
export const FATHER_LEAVE_MAX_WORKING_DAYS = 7;
/** "Around the birth" [D]: the father's days lie within 14 calendar days before to 14 calendar days after the birth. */
export const FATHER_LEAVE_WINDOW_DAYS = 14;
/**
 * "10 months" of care leave expressed in working days [D]: 10 × 260 / 12 = 216.7 → 217, using the same
 * 5-days-a-week convention as the 75 reserved days (= 15 weeks).
 */
export const CARE_LEAVE_MAX_WORKING_DAYS = 217;
export const CARE_LEAVE_RESERVED_WORKING_DAYS_PER_PARENT = 75;
export const ADOPTION_MAX_CHILD_AGE = 15;

export type LeaveRequest = {
  kind: LeaveKind;
  fromDate: IsoDate;
  toDate: IsoDate;
  /** Date of birth (or expected birth for pregnancy leave checks). Required for birth and care leave. */
  childBirthDate?: IsoDate | null;
  /** Care leave for an adopted child: the year runs from the adoption (omsorgsovertakelse). */
  adoptionDate?: IsoDate | null;
  otherParentIsParticipant?: boolean;
  /** Care leave this parent has already taken for this child. */
  careLeaveAlreadyTakenWorkingDays?: number;
  /** Care leave the other parent (a participant) has already taken for this child. */
  otherParentCareLeaveTakenWorkingDays?: number;
  pregnancyLeaveAlreadyTakenWorkingDays?: number;
  fatherLeaveAlreadyTakenWorkingDays?: number;
};

export type LeaveResult = { workingDays: number; withBenefit: boolean };

function ruleOf(kind: LeaveKind): RuleId {
  return kind === 'CARE_LEAVE' ? 'R-6.2' : 'R-6.1';
}

function refuse(ruleId: RuleId, message: string, details: Record<string, unknown>): never {
  throw new RuleViolation(ruleId, LAW[ruleId], message, details);
}

// integreringsforskriften §§ 11, 12, 16: whether a leave can be granted, its working days and benefit.
export function validateLeave(req: LeaveRequest): LeaveResult {
  const { kind, fromDate, toDate, childBirthDate } = req;
  const ruleId = ruleOf(kind);
  const fail = (message: string, extra: Record<string, unknown> = {}): never => refuse(ruleId, message, { kind, fromDate, toDate, ...extra });

  if (compareDates(fromDate, toDate) > 0) fail('The leave must end on or after the day it starts.');
  const workingDays = workingDaysBetweenInclusive(fromDate, toDate);
  if (workingDays === 0) fail('The leave period contains no working days.');

  switch (kind) {
    // integreringsforskriften § 11: time off for prenatal check-ups, with benefit, no day limit.
    case 'PREGNANCY_CHECKUP':
      return { workingDays, withBenefit: true };

    // integreringsforskriften § 11: up to 10 working days in total during the pregnancy.
    case 'PREGNANCY': {
      if (childBirthDate && compareDates(toDate, childBirthDate) >= 0) {
        fail('Pregnancy leave must end before the birth.', { childBirthDate });
      }
      const taken = req.pregnancyLeaveAlreadyTakenWorkingDays ?? 0;
      if (taken + workingDays > PREGNANCY_LEAVE_MAX_WORKING_DAYS) {
        fail(`Pregnancy leave is limited to ${PREGNANCY_LEAVE_MAX_WORKING_DAYS} working days in total; ${taken} already taken, ${workingDays} requested.`, {
          alreadyTaken: taken,
          requested: workingDays,
        });
      }
      return { workingDays, withBenefit: true };
    }

    // integreringsforskriften § 12: the mother has 20 working days after the birth, counted from the day of
    // birth [D]; any leave inside that window is allowed, nothing after it.
    case 'MOTHER_AFTER_BIRTH': {
      const birth = childBirthDate ?? fail("The child's date of birth is required for leave after the birth.");
      if (compareDates(fromDate, birth) < 0) fail('Leave after the birth cannot start before the birth.', { childBirthDate: birth });
      const dayNumber = workingDaysBetweenInclusive(birth, toDate);
      if (dayNumber > MOTHER_LEAVE_WORKING_DAYS) {
        fail(`The mother's leave covers the first ${MOTHER_LEAVE_WORKING_DAYS} working days after the birth; this leave ends on working day ${dayNumber}.`, {
          childBirthDate: birth,
        });
      }
      return { workingDays, withBenefit: true };
    }

    // integreringsforskriften § 12: the father (or the person helping the mother) up to 7 working days around
    // the birth; "around" = within 14 calendar days before and after the birth [D].
    case 'FATHER_AT_BIRTH': {
      const birth = childBirthDate ?? fail("The child's date of birth is required for leave at the birth.");
      const earliest = addDays(birth, -FATHER_LEAVE_WINDOW_DAYS);
      const latest = addDays(birth, FATHER_LEAVE_WINDOW_DAYS);
      if (compareDates(fromDate, earliest) < 0 || compareDates(toDate, latest) > 0) {
        fail(`Leave at the birth must lie between ${earliest} and ${latest}.`, { childBirthDate: birth });
      }
      const taken = req.fatherLeaveAlreadyTakenWorkingDays ?? 0;
      if (taken + workingDays > FATHER_LEAVE_MAX_WORKING_DAYS) {
        fail(`Leave at the birth is limited to ${FATHER_LEAVE_MAX_WORKING_DAYS} working days; ${taken} already taken, ${workingDays} requested.`, {
          alreadyTaken: taken,
          requested: workingDays,
        });
      }
      return { workingDays, withBenefit: true };
    }

    // integreringsforskriften § 16: care leave without benefit, up to 10 months in total in the child's first
    // year (after adoption of a child under 15: the first year after the adoption). The 10 months are one pool for
    // both parents; when both are participants 75 days are reserved for each, so one parent can take at most
    // 10 months − 75 days, and both together at most 10 months [D].
    case 'CARE_LEAVE': {
      const birth = childBirthDate ?? fail("The child's date of birth is required for care leave.");
      const yearStart = req.adoptionDate ?? birth;
      if (req.adoptionDate && ageOn(birth, req.adoptionDate) >= ADOPTION_MAX_CHILD_AGE) {
        fail(`Care leave after adoption applies to children under ${ADOPTION_MAX_CHILD_AGE}.`, { childBirthDate: birth });
      }
      const lastDay = addDays(addYears(yearStart, 1), -1);
      if (compareDates(fromDate, yearStart) < 0 || compareDates(toDate, lastDay) > 0) {
        fail(`Care leave must be taken within the child's first year (${yearStart} to ${lastDay}).`, { yearStart, lastDay });
      }
      const own = req.careLeaveAlreadyTakenWorkingDays ?? 0;
      const other = req.otherParentIsParticipant ? (req.otherParentCareLeaveTakenWorkingDays ?? 0) : 0;
      const ownMax = req.otherParentIsParticipant ? CARE_LEAVE_MAX_WORKING_DAYS - CARE_LEAVE_RESERVED_WORKING_DAYS_PER_PARENT : CARE_LEAVE_MAX_WORKING_DAYS;
      if (own + workingDays > ownMax) {
        fail(
          req.otherParentIsParticipant
            ? `Both parents are participants, so ${CARE_LEAVE_RESERVED_WORKING_DAYS_PER_PARENT} working days are reserved for the other parent: this parent can take at most ${ownMax} working days of care leave; ${own} already taken, ${workingDays} requested.`
            : `Care leave is limited to ${ownMax} working days (10 months); ${own} already taken, ${workingDays} requested.`,
          { alreadyTaken: own, requested: workingDays, maxForThisParent: ownMax },
        );
      }
      if (own + other + workingDays > CARE_LEAVE_MAX_WORKING_DAYS) {
        fail(
          `The parents together can take at most ${CARE_LEAVE_MAX_WORKING_DAYS} working days (10 months) of care leave; ${own + other} already taken, ${workingDays} requested.`,
          { alreadyTaken: own, otherParentTaken: other, requested: workingDays },
        );
      }
      return { workingDays, withBenefit: false };
    }
  }
}

// integreringsforskriften § 16: from the fourth month of care leave the municipality must offer follow-up and
// Norwegian training or language practice. The fourth month begins three months after the leave's first day (R-0.3
// month arithmetic: leave from 2026-02-01 → 2026-05-01); a care leave that ends before that day has no such duty
// (null). The duty belongs to the leave as granted, one LEAVE decision [D].
export function careLeaveFollowUpFrom(leave: { kind: LeaveKind; fromDate: IsoDate; toDate: IsoDate }): IsoDate | null {
  if (leave.kind !== 'CARE_LEAVE') return null;
  const fourth = addMonths(leave.fromDate, 3);
  return compareDates(leave.toDate, fourth) < 0 ? null : fourth;
}

export const HALT_KINDS = ['TEMPORARY', 'PERMANENT'] as const;
export type HaltKind = (typeof HALT_KINDS)[number];

export type HaltResult = { kind: HaltKind; fromDate: IsoDate; toDate: IsoDate | null; latestToDate: IsoDate | null };

// integreringsloven § 18: a temporary halt has an end (toDate = its last day) at most 3 months after the
// start: from 2026-01-15 the last possible day is 2026-04-14 (R-0.3 months, minus one day as for durations);
// a permanent halt has no end.
export function validateHalt(input: { kind: HaltKind; fromDate: IsoDate; toDate?: IsoDate | null }): HaltResult {
  const { kind, fromDate } = input;
  const toDate = input.toDate ?? null;
  const fail = (message: string, extra: Record<string, unknown> = {}): never => refuse('R-5.9', message, { kind, fromDate, toDate, ...extra });
  if (kind === 'PERMANENT') {
    if (toDate !== null) fail('A permanent halt has no end date.');
    return { kind, fromDate, toDate: null, latestToDate: null };
  }
  if (toDate === null) return fail('A temporary halt needs an end date.');
  if (compareDates(toDate, fromDate) < 0) fail('A temporary halt must end on or after the day it starts.');
  const latestToDate = addDays(addMonths(fromDate, 3), -1);
  if (compareDates(toDate, latestToDate) > 0) {
    fail(`A temporary halt can last at most 3 months: from ${fromDate} the last day is ${latestToDate}.`, { latestToDate });
  }
  return { kind, fromDate, toDate, latestToDate };
}
