import {
  addDays,
  addMonths,
  addWeeks,
  addWorkingDays,
  addYears,
  ageOn,
  compareDates,
  daysBetween,
  easterSunday,
  isIsoDate,
  isPublicHoliday,
  isWeekend,
  isWorkingDay,
  nextWorkingDayOnOrAfter,
  norwegianPublicHolidays,
  todayInOslo,
  workingDaysBetweenInclusive,
} from '../../../src/domain/calendar';

describe('R-0.3 calendar: ISO dates', () => {
  it.each(['2025-01-01', '2024-02-29', '1900-01-01', '2199-12-31'])('accepts %s', (d) => {
    expect(isIsoDate(d)).toBe(true);
  });
  it.each(['2025-02-29', '2025-13-01', '2025-00-10', '2025-04-31', '1899-12-31', '2200-01-01', '2025-1-01', '20250101', '2025-01-01T00:00', ''])(
    'rejects %s',
    (d) => {
      expect(isIsoDate(d)).toBe(false);
    },
  );
  it('throws on invalid input to arithmetic', () => {
    expect(() => addDays('2025-02-30', 1)).toThrow(RangeError);
  });
});

describe('R-0.3 calendar: day, week, month and year arithmetic', () => {
  it('adds days across month, year and leap day', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });
  it('is not disturbed by daylight-saving changes (Oslo DST on 2025-03-30 and 2025-10-26)', () => {
    expect(addDays('2025-03-29', 1)).toBe('2025-03-30');
    expect(addDays('2025-03-30', 1)).toBe('2025-03-31');
    expect(addDays('2025-10-25', 2)).toBe('2025-10-27');
  });
  it('"3 weeks" ends on the same weekday', () => {
    expect(addWeeks('2025-09-05', 3)).toBe('2025-09-26');
  });
  it('"N months" keeps the day number', () => {
    expect(addMonths('2025-01-15', 3)).toBe('2025-04-15');
    expect(addMonths('2025-10-15', 3)).toBe('2026-01-15');
    expect(addMonths('2025-03-15', -3)).toBe('2024-12-15');
  });
  it('"N months" clamps to the last day of a shorter month', () => {
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2025-08-31', 3)).toBe('2025-11-30');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
  });
  it('years clamp 29 February', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2025-03-10', 2)).toBe('2027-03-10');
  });
  it('compares and counts days', () => {
    expect(compareDates('2025-01-01', '2025-01-02')).toBe(-1);
    expect(compareDates('2025-01-02', '2025-01-01')).toBe(1);
    expect(compareDates('2025-01-01', '2025-01-01')).toBe(0);
    expect(daysBetween('2025-01-01', '2025-01-22')).toBe(21);
    expect(daysBetween('2025-01-22', '2025-01-01')).toBe(-21);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });
});

describe('R-0.3 calendar: Norwegian public holidays', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2019, '2019-04-21'],
    [2038, '2038-04-25'],
  ])('Easter Sunday %i is %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it('lists the twelve holidays of 2026', () => {
    expect(norwegianPublicHolidays(2026)).toEqual([
      '2026-01-01',
      '2026-04-02', // skjærtorsdag
      '2026-04-03', // langfredag
      '2026-04-05',
      '2026-04-06',
      '2026-05-01',
      '2026-05-14', // Kristi himmelfart
      '2026-05-17',
      '2026-05-24', // pinse
      '2026-05-25',
      '2026-12-25',
      '2026-12-26',
    ]);
  });

  it('knows holidays, weekends and working days', () => {
    expect(isPublicHoliday('2025-05-17')).toBe(true);
    expect(isPublicHoliday('2025-12-24')).toBe(false); // Christmas Eve is not a public holiday
    expect(isWeekend('2025-09-06')).toBe(true); // Saturday
    expect(isWeekend('2025-09-07')).toBe(true); // Sunday
    expect(isWeekend('2025-09-08')).toBe(false);
    expect(isWorkingDay('2026-04-06')).toBe(false); // Easter Monday
    expect(isWorkingDay('2026-04-07')).toBe(true);
  });

  it('finds the next working day on or after a date', () => {
    expect(nextWorkingDayOnOrAfter('2025-09-08')).toBe('2025-09-08');
    expect(nextWorkingDayOnOrAfter('2025-09-06')).toBe('2025-09-08');
    expect(nextWorkingDayOnOrAfter('2026-04-02')).toBe('2026-04-07'); // Maundy Thursday → Tuesday after Easter
    expect(nextWorkingDayOnOrAfter('2025-12-25')).toBe('2025-12-29');
  });

  it('counts working days inclusive', () => {
    expect(workingDaysBetweenInclusive('2025-09-08', '2025-09-12')).toBe(5);
    expect(workingDaysBetweenInclusive('2025-09-06', '2025-09-07')).toBe(0);
    expect(workingDaysBetweenInclusive('2026-03-30', '2026-04-10')).toBe(7); // Easter: Mon–Wed, then Tue–Fri after Easter Monday
    expect(workingDaysBetweenInclusive('2025-09-12', '2025-09-08')).toBe(0);
  });

  it('adds working days', () => {
    expect(addWorkingDays('2025-09-05', 1)).toBe('2025-09-08'); // Friday + 1 → Monday
    expect(addWorkingDays('2026-04-01', 1)).toBe('2026-04-07'); // over Easter
    expect(addWorkingDays('2025-09-08', 0)).toBe('2025-09-08');
    expect(addWorkingDays('2025-09-08', 10)).toBe('2025-09-22');
    expect(addWorkingDays('2025-09-08', -1)).toBe('2025-09-05');
  });
});

describe('R-1.1 calendar: age in whole years', () => {
  it('turns a year older on the birthday', () => {
    expect(ageOn('2007-06-15', '2025-06-14')).toBe(17);
    expect(ageOn('2007-06-15', '2025-06-15')).toBe(18);
    expect(ageOn('2007-06-15', '2025-06-16')).toBe(18);
  });
  it('someone born 29 February turns older on 1 March in non-leap years', () => {
    expect(ageOn('2004-02-29', '2025-02-28')).toBe(20);
    expect(ageOn('2004-02-29', '2025-03-01')).toBe(21);
    expect(ageOn('2004-02-29', '2028-02-29')).toBe(24);
  });
});

describe('R-0.3 calendar: Europe/Oslo calendar date', () => {
  it('uses Oslo time, not UTC', () => {
    expect(todayInOslo(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01'); // CET, UTC+1
    expect(todayInOslo(new Date('2025-12-31T22:59:59Z'))).toBe('2025-12-31');
    expect(todayInOslo(new Date('2025-06-30T22:30:00Z'))).toBe('2025-07-01'); // CEST, UTC+2
    expect(todayInOslo(new Date('2025-06-30T21:59:00Z'))).toBe('2025-06-30');
  });
  it('defaults to now and returns an ISO date', () => {
    expect(isIsoDate(todayInOslo())).toBe(true);
  });
});

describe('R-0.3 calendar: arithmetic past the last input year', () => {
  it('counts from 2199-12-31 into 2200 (input stops at 2199, deadlines do not)', () => {
    expect(addDays('2199-12-31', 1)).toBe('2200-01-01');
    expect(isIsoDate('2200-01-01')).toBe(false);
  });
});
