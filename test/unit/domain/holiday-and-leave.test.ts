import { violation } from '../../support/violation';
import { assertHolidayWithinYearlyLimit, HOLIDAY_MAX_WORKING_DAYS_PER_YEAR, workingDaysByYear } from '../../../src/domain/absence';
import { LAW } from '../../../src/domain/law-references';
import { CARE_LEAVE_MAX_WORKING_DAYS, careLeaveFollowUpFrom, validateLeave } from '../../../src/domain/leave';
import { careLeaveFollowUpDuty } from '../../../src/domain/worklist';

describe('holiday: at most 25 working days per calendar year (R-5.6, R-13.5)', () => {
  // 2027-06-07 (Mon) to 2027-07-09 (Fri): 25 working days (no public holiday in between).
  const twentyFive = { fromDate: '2027-06-07', toDate: '2027-07-09' };

  it('counts working days per calendar year', () => {
    expect(workingDaysByYear(twentyFive)).toEqual(new Map([[2027, 25]]));
    // Over New Year: 2027-12-27..31 (5 working days) and 2028-01-03..04 (2; 1 January is a public holiday, 2 Jan a Sunday).
    expect(workingDaysByYear({ fromDate: '2027-12-27', toDate: '2028-01-04' })).toEqual(
      new Map([
        [2027, 5],
        [2028, 2],
      ]),
    );
  });

  it('the 25th day is accepted, the 26th refused with the rule and its section', () => {
    expect(HOLIDAY_MAX_WORKING_DAYS_PER_YEAR).toBe(25);
    expect(() => assertHolidayWithinYearlyLimit(twentyFive, [])).not.toThrow();
    // 24 registered, one more day: 25.
    expect(() =>
      assertHolidayWithinYearlyLimit({ fromDate: '2027-07-09', toDate: '2027-07-09' }, [{ fromDate: '2027-06-07', toDate: '2027-07-08' }]),
    ).not.toThrow();
    // 25 registered, one more day: the 26th.
    const v = violation(() => assertHolidayWithinYearlyLimit({ fromDate: '2027-08-02', toDate: '2027-08-02' }, [twentyFive]));
    expect(v.ruleId).toBe('R-5.6');
    expect(v.lawReference).toBe(LAW['R-5.6']);
    expect(v.details).toMatchObject({ year: 2027, alreadyTaken: 25, requested: 1, clarification: 'R-13.5' });
  });

  it('each calendar year has its own 25 days; a weekend adds nothing', () => {
    expect(() => assertHolidayWithinYearlyLimit({ fromDate: '2028-01-03', toDate: '2028-01-03' }, [twentyFive])).not.toThrow();
    // Saturday 2027-08-07 and Sunday 2027-08-08 are no working days.
    expect(() => assertHolidayWithinYearlyLimit({ fromDate: '2027-08-07', toDate: '2027-08-08' }, [twentyFive])).not.toThrow();
    // A period over New Year counts in the year that is full.
    expect(violation(() => assertHolidayWithinYearlyLimit({ fromDate: '2027-12-31', toDate: '2028-01-03' }, [twentyFive])).details).toMatchObject({
      year: 2027,
    });
  });
});

describe('care leave: follow-up from the fourth month (R-6.2)', () => {
  const care = { kind: 'CARE_LEAVE' as const, fromDate: '2026-02-01' };
  it('is the first day of the fourth month when the leave reaches it: the day before it ends, no duty', () => {
    expect(careLeaveFollowUpFrom({ ...care, toDate: '2026-04-30' })).toBeNull();
    expect(careLeaveFollowUpFrom({ ...care, toDate: '2026-05-01' })).toBe('2026-05-01');
    expect(careLeaveFollowUpFrom({ ...care, toDate: '2026-05-02' })).toBe('2026-05-01');
    expect(careLeaveFollowUpFrom({ kind: 'MOTHER_AFTER_BIRTH', fromDate: '2026-02-01', toDate: '2026-08-01' })).toBeNull();
  });

  it("the worklist's CARE_LEAVE_FOLLOW_UP is due on the leave's followUpFrom", () => {
    const leave = { fromDate: '2026-02-01', toDate: '2026-08-31' };
    expect(careLeaveFollowUpDuty(leave, '2026-04-30')?.dueDate).toBe(careLeaveFollowUpFrom({ ...care, toDate: leave.toDate }));
    expect(careLeaveFollowUpDuty({ fromDate: '2026-02-01', toDate: '2026-04-30' }, '2026-04-01')).toBeNull();
  });
});

describe('care leave shared by the child (R-6.2, R-13.6)', () => {
  const base = { kind: 'CARE_LEAVE' as const, childBirthDate: '2026-01-05', otherParentIsParticipant: true };
  it("a parent's 142 working days (217 − 75 reserved for the other parent): the 142nd is accepted, the 143rd refused", () => {
    // One day of leave on Monday 2026-06-01.
    const day = { ...base, fromDate: '2026-06-01', toDate: '2026-06-01' };
    expect(validateLeave({ ...day, careLeaveAlreadyTakenWorkingDays: 141 }).workingDays).toBe(1);
    expect(violation(() => validateLeave({ ...day, careLeaveAlreadyTakenWorkingDays: 142 })).ruleId).toBe('R-6.2');
  });

  it('both parents together: 217 working days; the other parent’s days count against the pool', () => {
    const day = { ...base, fromDate: '2026-06-01', toDate: '2026-06-01' };
    expect(
      validateLeave({ ...day, careLeaveAlreadyTakenWorkingDays: 74, otherParentCareLeaveTakenWorkingDays: CARE_LEAVE_MAX_WORKING_DAYS - 75 }).workingDays,
    ).toBe(1);
    const v = violation(() =>
      validateLeave({ ...day, careLeaveAlreadyTakenWorkingDays: 75, otherParentCareLeaveTakenWorkingDays: CARE_LEAVE_MAX_WORKING_DAYS - 75 }),
    );
    expect(v.ruleId).toBe('R-6.2');
    expect(v.lawReference).toBe(LAW['R-6.2']);
  });

  it('adoption: the year runs from the adoption date; the child must be under 15 on it', () => {
    const adopted = { kind: 'CARE_LEAVE' as const, childBirthDate: '2020-03-10', adoptionDate: '2026-03-02' };
    expect(validateLeave({ ...adopted, fromDate: '2026-03-02', toDate: '2026-03-06' }).workingDays).toBe(5);
    expect(violation(() => validateLeave({ ...adopted, fromDate: '2026-02-27', toDate: '2026-03-06' })).ruleId).toBe('R-6.2');
    expect(validateLeave({ ...adopted, fromDate: '2027-03-01', toDate: '2027-03-01' }).workingDays).toBe(1);
    expect(violation(() => validateLeave({ ...adopted, fromDate: '2027-03-02', toDate: '2027-03-02' })).ruleId).toBe('R-6.2');
    // Born 2011-03-02: 15 on the adoption day is refused; the day before the 15th birthday is accepted.
    expect(violation(() => validateLeave({ ...adopted, childBirthDate: '2011-03-02', fromDate: '2026-03-02', toDate: '2026-03-06' })).ruleId).toBe('R-6.2');
    expect(validateLeave({ ...adopted, childBirthDate: '2011-03-03', fromDate: '2026-03-02', toDate: '2026-03-06' }).workingDays).toBe(5);
  });
});
