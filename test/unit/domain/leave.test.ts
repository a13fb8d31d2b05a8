import { violation } from '../../support/violation';
import { LAW } from '../../../src/domain/law-references';
import {
  CARE_LEAVE_MAX_WORKING_DAYS,
  CARE_LEAVE_RESERVED_WORKING_DAYS_PER_PARENT,
  validateHalt,
  validateLeave,
  type LeaveRequest,
} from '../../../src/domain/leave';
import { RuleViolation } from '../../../src/domain/rule-violation';

const BIRTH = '2026-03-10'; // a Tuesday

describe('R-6.1 integreringsforskriften §§ 11–12: leave with benefit', () => {
  it('refuses a period that ends before it starts, and one without working days', () => {
    expect(violation(() => validateLeave({ kind: 'PREGNANCY_CHECKUP', fromDate: '2026-02-03', toDate: '2026-02-02' })).ruleId).toBe('R-6.1');
    // Saturday–Sunday
    expect(violation(() => validateLeave({ kind: 'PREGNANCY_CHECKUP', fromDate: '2026-02-07', toDate: '2026-02-08' })).ruleId).toBe('R-6.1');
  });

  it('pregnancy check-up: with benefit', () => {
    expect(validateLeave({ kind: 'PREGNANCY_CHECKUP', fromDate: '2026-02-03', toDate: '2026-02-03' })).toEqual({
      workingDays: 1,
      withBenefit: true,
    });
  });

  describe('pregnancy: up to 10 working days in total', () => {
    const req: LeaveRequest = { kind: 'PREGNANCY', fromDate: '2026-02-02', toDate: '2026-02-06' }; // Mon–Fri = 5
    it('5 already + 5 = 10: allowed', () => {
      expect(validateLeave({ ...req, pregnancyLeaveAlreadyTakenWorkingDays: 5 })).toEqual({ workingDays: 5, withBenefit: true });
    });
    it('5 already + 6 = 11: refused', () => {
      const v = violation(() => validateLeave({ ...req, toDate: '2026-02-09', pregnancyLeaveAlreadyTakenWorkingDays: 5 }));
      expect(v.ruleId).toBe('R-6.1');
      expect(v.lawReference).toBe(LAW['R-6.1']);
      expect(v.details).toMatchObject({ alreadyTaken: 5, requested: 6 });
    });
    it('weekends are not counted: Mon 2 Feb to Fri 13 Feb is 10 working days', () => {
      expect(validateLeave({ ...req, toDate: '2026-02-13' }).workingDays).toBe(10);
    });
    it('must end before the birth', () => {
      expect(violation(() => validateLeave({ ...req, toDate: BIRTH, fromDate: '2026-03-09', childBirthDate: BIRTH })).ruleId).toBe('R-6.1');
      expect(validateLeave({ ...req, fromDate: '2026-03-09', toDate: '2026-03-09', childBirthDate: BIRTH }).workingDays).toBe(1);
    });
  });

  describe('mother after the birth: the first 20 working days from the day of birth', () => {
    // Working days from Tue 10 Mar 2026: the 20th is Thu 9 Apr (Easter: 2, 3 and 6 Apr are holidays).
    it('up to the 20th working day: allowed', () => {
      expect(validateLeave({ kind: 'MOTHER_AFTER_BIRTH', fromDate: BIRTH, toDate: '2026-04-09', childBirthDate: BIRTH })).toEqual({
        workingDays: 20,
        withBenefit: true,
      });
    });
    it('to the 21st working day: refused', () => {
      expect(violation(() => validateLeave({ kind: 'MOTHER_AFTER_BIRTH', fromDate: BIRTH, toDate: '2026-04-10', childBirthDate: BIRTH })).ruleId).toBe('R-6.1');
    });
    it('a later part of the window is allowed', () => {
      expect(validateLeave({ kind: 'MOTHER_AFTER_BIRTH', fromDate: '2026-04-07', toDate: '2026-04-09', childBirthDate: BIRTH }).workingDays).toBe(3);
    });
    it('cannot start before the birth, and needs the birth date', () => {
      expect(violation(() => validateLeave({ kind: 'MOTHER_AFTER_BIRTH', fromDate: '2026-03-09', toDate: '2026-03-12', childBirthDate: BIRTH })).ruleId).toBe(
        'R-6.1',
      );
      expect(violation(() => validateLeave({ kind: 'MOTHER_AFTER_BIRTH', fromDate: BIRTH, toDate: '2026-03-12' })).message).toMatch(/date of birth/);
    });
  });

  describe('father at the birth: up to 7 working days, within 14 days of the birth', () => {
    it('7 working days (Tue 10 – Wed 18 Mar): allowed', () => {
      expect(validateLeave({ kind: 'FATHER_AT_BIRTH', fromDate: BIRTH, toDate: '2026-03-18', childBirthDate: BIRTH })).toEqual({
        workingDays: 7,
        withBenefit: true,
      });
    });
    it('8 working days: refused', () => {
      expect(violation(() => validateLeave({ kind: 'FATHER_AT_BIRTH', fromDate: BIRTH, toDate: '2026-03-19', childBirthDate: BIRTH })).ruleId).toBe('R-6.1');
    });
    it('days already taken count: 5 + 3 refused, 5 + 2 allowed', () => {
      const req: LeaveRequest = {
        kind: 'FATHER_AT_BIRTH',
        fromDate: '2026-03-16',
        toDate: '2026-03-18',
        childBirthDate: BIRTH,
        fatherLeaveAlreadyTakenWorkingDays: 5,
      };
      expect(() => validateLeave(req)).toThrow(RuleViolation);
      expect(validateLeave({ ...req, toDate: '2026-03-17' }).workingDays).toBe(2);
    });
    it('window: 14 days before the birth allowed, 15 refused; 14 after allowed, 15 refused', () => {
      expect(validateLeave({ kind: 'FATHER_AT_BIRTH', fromDate: '2026-02-24', toDate: '2026-02-24', childBirthDate: BIRTH }).workingDays).toBe(1);
      expect(() => validateLeave({ kind: 'FATHER_AT_BIRTH', fromDate: '2026-02-23', toDate: '2026-02-23', childBirthDate: BIRTH })).toThrow(RuleViolation);
      expect(validateLeave({ kind: 'FATHER_AT_BIRTH', fromDate: '2026-03-24', toDate: '2026-03-24', childBirthDate: BIRTH }).workingDays).toBe(1);
      expect(() => validateLeave({ kind: 'FATHER_AT_BIRTH', fromDate: '2026-03-25', toDate: '2026-03-25', childBirthDate: BIRTH })).toThrow(RuleViolation);
    });
  });
});

describe('R-6.2 integreringsforskriften § 16: care leave without benefit', () => {
  // Mon 13 – Fri 17 Apr 2026: 5 working days.
  const req: LeaveRequest = { kind: 'CARE_LEAVE', fromDate: '2026-04-13', toDate: '2026-04-17', childBirthDate: BIRTH };

  it('is without benefit', () => {
    expect(validateLeave(req)).toEqual({ workingDays: 5, withBenefit: false });
  });

  it('10 months = 217 working days; 75 reserved per parent', () => {
    expect(CARE_LEAVE_MAX_WORKING_DAYS).toBe(217);
    expect(CARE_LEAVE_RESERVED_WORKING_DAYS_PER_PARENT).toBe(75);
  });

  it('one parent participant: 212 + 5 = 217 allowed, 213 + 5 refused', () => {
    expect(validateLeave({ ...req, careLeaveAlreadyTakenWorkingDays: 212 }).workingDays).toBe(5);
    const v = violation(() => validateLeave({ ...req, careLeaveAlreadyTakenWorkingDays: 213 }));
    expect(v.ruleId).toBe('R-6.2');
    expect(v.lawReference).toBe(LAW['R-6.2']);
  });

  it('both parents participants: one parent at most 217 − 75 = 142 (137 + 5 allowed, 138 + 5 refused)', () => {
    expect(validateLeave({ ...req, otherParentIsParticipant: true, careLeaveAlreadyTakenWorkingDays: 137 }).workingDays).toBe(5);
    const v = violation(() => validateLeave({ ...req, otherParentIsParticipant: true, careLeaveAlreadyTakenWorkingDays: 138 }));
    expect(v.ruleId).toBe('R-6.2');
    expect(v.message).toMatch(/reserved for the other parent/);
    expect(v.details).toMatchObject({ maxForThisParent: 142 });
  });

  it('both parents participants: 217 together (100 + 112 + 5 allowed, 100 + 113 + 5 refused)', () => {
    const both = { ...req, otherParentIsParticipant: true, careLeaveAlreadyTakenWorkingDays: 100 };
    expect(validateLeave({ ...both, otherParentCareLeaveTakenWorkingDays: 112 }).workingDays).toBe(5);
    expect(violation(() => validateLeave({ ...both, otherParentCareLeaveTakenWorkingDays: 113 })).message).toMatch(/together/);
  });

  it("within the child's first year: to 2027-03-09 allowed, to 2027-03-10 refused", () => {
    expect(validateLeave({ ...req, fromDate: '2027-03-03', toDate: '2027-03-09' }).workingDays).toBe(5);
    expect(violation(() => validateLeave({ ...req, fromDate: '2027-03-03', toDate: '2027-03-10' })).ruleId).toBe('R-6.2');
  });

  it('cannot start before the birth', () => {
    expect(violation(() => validateLeave({ ...req, fromDate: '2026-03-09' })).ruleId).toBe('R-6.2');
  });

  it('adoption: child aged 14 allowed with the year counted from the adoption; aged 15 refused', () => {
    const adoption: LeaveRequest = {
      kind: 'CARE_LEAVE',
      fromDate: '2026-06-01',
      toDate: '2026-06-05',
      childBirthDate: '2012-01-01',
      adoptionDate: '2026-06-01',
    };
    expect(validateLeave(adoption).workingDays).toBe(5);
    expect(violation(() => validateLeave({ ...adoption, childBirthDate: '2011-06-01' })).ruleId).toBe('R-6.2');
    expect(violation(() => validateLeave({ ...adoption, fromDate: '2026-05-29' })).ruleId).toBe('R-6.2');
  });
});

describe('R-5.9 integreringsloven § 18: halt (stans)', () => {
  it('temporary: exactly 3 months (2026-01-15 to 2026-04-14) allowed', () => {
    expect(validateHalt({ kind: 'TEMPORARY', fromDate: '2026-01-15', toDate: '2026-04-14' })).toEqual({
      kind: 'TEMPORARY',
      fromDate: '2026-01-15',
      toDate: '2026-04-14',
      latestToDate: '2026-04-14',
    });
  });

  it('temporary: one day more refused', () => {
    const v = violation(() => validateHalt({ kind: 'TEMPORARY', fromDate: '2026-01-15', toDate: '2026-04-15' }));
    expect(v.ruleId).toBe('R-5.9');
    expect(v.lawReference).toBe(LAW['R-5.9']);
  });

  it('temporary: end-of-month clamping (from 2025-11-30 the last day is 2026-02-27)', () => {
    expect(validateHalt({ kind: 'TEMPORARY', fromDate: '2025-11-30', toDate: '2026-02-27' }).latestToDate).toBe('2026-02-27');
    expect(() => validateHalt({ kind: 'TEMPORARY', fromDate: '2025-11-30', toDate: '2026-02-28' })).toThrow(RuleViolation);
  });

  it('temporary: needs an end date that is not before the start', () => {
    expect(violation(() => validateHalt({ kind: 'TEMPORARY', fromDate: '2026-01-15' })).message).toMatch(/needs an end date/);
    expect(violation(() => validateHalt({ kind: 'TEMPORARY', fromDate: '2026-01-15', toDate: '2026-01-14' })).ruleId).toBe('R-5.9');
    expect(validateHalt({ kind: 'TEMPORARY', fromDate: '2026-01-15', toDate: '2026-01-15' }).toDate).toBe('2026-01-15');
  });

  it('permanent: no end date', () => {
    expect(validateHalt({ kind: 'PERMANENT', fromDate: '2026-01-15', toDate: null })).toEqual({
      kind: 'PERMANENT',
      fromDate: '2026-01-15',
      toDate: null,
      latestToDate: null,
    });
    expect(violation(() => validateHalt({ kind: 'PERMANENT', fromDate: '2026-01-15', toDate: '2026-02-01' })).ruleId).toBe('R-5.9');
  });
});
