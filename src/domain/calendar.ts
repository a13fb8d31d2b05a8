// Calendar arithmetic on date-only values. All computation in UTC on 'YYYY-MM-DD' strings.

export type IsoDate = string;

const DAY_MS = 86_400_000;
const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(d: IsoDate): [number, number, number] {
  const m = ISO_RE.exec(d);
  if (!m) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${d}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function toUtcMs(d: IsoDate): number {
  if (!isCalendarDate(d)) throw new RangeError(`Not a valid calendar date: ${d}`);
  const [y, m, day] = parts(d);
  return Date.UTC(y, m - 1, day);
}

function fromUtcMs(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * A real calendar date in a four-digit year from 0100. Arithmetic accepts these: a deadline counted from an
 * input date late in 2199 (the last year isIsoDate accepts) falls in 2200 or later, and must be a date,
 * not an error.
 */
function isCalendarDate(s: string): boolean {
  const m = ISO_RE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 100 || mo < 1 || mo > 12 || d < 1) return false; // Date.UTC reads years 0–99 as 1900–1999
  return d <= daysInMonth(y, mo);
}

// strict 'YYYY-MM-DD', a real calendar date, years 1900–2199 (what input may carry).
export function isIsoDate(s: string): boolean {
  const m = ISO_RE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2199 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export function addDays(d: IsoDate, n: number): IsoDate {
  return fromUtcMs(toUtcMs(d) + n * DAY_MS);
}

// "N weeks" ends on the same weekday N weeks later.
export function addWeeks(d: IsoDate, n: number): IsoDate {
  return addDays(d, 7 * n);
}

// "N months after D" = same day number N months later, or the last day of that month if it does not exist.
export function addMonths(d: IsoDate, n: number): IsoDate {
  toUtcMs(d); // validate
  const [y, m, day] = parts(d);
  const total = y * 12 + (m - 1) + n;
  const ty = Math.floor(total / 12);
  const tm = (total % 12) + 1;
  return isoDate(ty, tm, Math.min(day, daysInMonth(ty, tm)));
}

// years as 12 months, so 29 Feb + 1 year = 28 Feb.
export function addYears(d: IsoDate, n: number): IsoDate {
  return addMonths(d, 12 * n);
}

export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  const diff = toUtcMs(a) - toUtcMs(b);
  return diff < 0 ? -1 : diff > 0 ? 1 : 0;
}

// b − a in whole days (positive when b is later).
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((toUtcMs(b) - toUtcMs(a)) / DAY_MS);
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) >= 0 ? a : b;
}

// R-0.3 (lov om helligdager § 1): Gregorian Easter Sunday, the anchor of the movable holidays (Meeus–Jones–Butcher).
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(year, month, day);
}

// R-0.3 (lov om helligdager og helligdagsfred § 1, lov om 1. og 17. mai som høgtidsdager): Norwegian public holidays.
export function norwegianPublicHolidays(year: number): IsoDate[] {
  const easter = easterSunday(year);
  return [
    isoDate(year, 1, 1), // nyttårsdag
    addDays(easter, -3), // skjærtorsdag
    addDays(easter, -2), // langfredag
    easter, // 1. påskedag
    addDays(easter, 1), // 2. påskedag
    isoDate(year, 5, 1), // 1. mai
    isoDate(year, 5, 17), // 17. mai
    addDays(easter, 39), // Kristi himmelfartsdag
    addDays(easter, 49), // 1. pinsedag
    addDays(easter, 50), // 2. pinsedag
    isoDate(year, 12, 25), // 1. juledag
    isoDate(year, 12, 26), // 2. juledag
  ].sort();
}

const holidayCache = new Map<number, ReadonlySet<IsoDate>>();

export function isPublicHoliday(d: IsoDate): boolean {
  const year = parts(d)[0];
  let set = holidayCache.get(year);
  if (!set) {
    set = new Set(norwegianPublicHolidays(year));
    holidayCache.set(year, set);
  }
  return set.has(d);
}

export function isWeekend(d: IsoDate): boolean {
  const dow = new Date(toUtcMs(d)).getUTCDay();
  return dow === 0 || dow === 6;
}

// a working day (virkedag) is Monday–Friday and not a public holiday.
export function isWorkingDay(d: IsoDate): boolean {
  return !isWeekend(d) && !isPublicHoliday(d);
}

// R-0.3 (domstolloven § 148): a party's deadline ending on a non-working day moves to the next working day.
export function nextWorkingDayOnOrAfter(d: IsoDate): IsoDate {
  let cur = d;
  while (!isWorkingDay(cur)) cur = addDays(cur, 1);
  return cur;
}

// number of working days from `from` to `to`, both included (0 when to < from).
export function workingDaysBetweenInclusive(from: IsoDate, to: IsoDate): number {
  let count = 0;
  for (let cur = from; compareDates(cur, to) <= 0; cur = addDays(cur, 1)) {
    if (isWorkingDay(cur)) count++;
  }
  return count;
}

// the date n working days after d (n = 0 → d itself; negative n counts backwards).
export function addWorkingDays(d: IsoDate, n: number): IsoDate {
  const step = n < 0 ? -1 : 1;
  let cur = d;
  for (let left = Math.abs(n); left > 0;) {
    cur = addDays(cur, step);
    if (isWorkingDay(cur)) left--;
  }
  return cur;
}

// age in whole years on a date. Someone born 29 Feb turns a year older on 1 Mar in non-leap years
// (the birthday has not happened until the day after 28 Feb) — the usual Norwegian folk-registry reading.
export function ageOn(birthDate: IsoDate, onDate: IsoDate): number {
  toUtcMs(birthDate);
  toUtcMs(onDate);
  const [by, bm, bd] = parts(birthDate);
  const [oy, om, od] = parts(onDate);
  let age = oy - by;
  if (om < bm || (om === bm && od < bd)) age--;
  return age;
}

const osloFormatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

// dates are Europe/Oslo calendar dates.
export function todayInOslo(now: Date = new Date()): IsoDate {
  const p = osloFormatter.formatToParts(now);
  const get = (t: string): string => p.find((x) => x.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}
