// Introduction benefit (introduksjonsstønad), integreringsloven §§ 19–25.
import { IsoDate, addDays, addYears, ageOn, compareDates, daysBetween, daysInMonth, isoDate } from './calendar';
import { LAW } from './law-references';
import { RuleViolation } from './rule-violation';

export interface GValue {
  from: IsoDate;
  amount: number;
}

// the basic amount (grunnbeløpet, G) as dated data, newest last. New values are appended here.
export const G_VALUES: readonly GValue[] = [
  { from: '2024-05-01', amount: 124028 },
  { from: '2025-05-01', amount: 130160 }, // FOR-2025-05-23-837
];

export const BENEFIT_FULL_RATE_AGE = 25;

// integreringsloven § 20: the G in force on a date.
export function gOn(date: IsoDate): GValue {
  const value = [...G_VALUES].reverse().find((g) => compareDates(g.from, date) <= 0);
  if (!value) {
    throw new RuleViolation('R-7.2', LAW['R-7.2'], `No G value is recorded for ${date} (first value is from ${G_VALUES[0].from}).`, {
      date,
    });
  }
  return value;
}

// G is adjusted every 1 May; a date a year or more after the newest recorded value probably needs a new row.
export function gValueMayBeOutdated(date: IsoDate): boolean {
  const newest = G_VALUES[G_VALUES.length - 1];
  return compareDates(date, addYears(newest.from, 1)) >= 0;
}

export interface Fraction {
  numerator: number;
  denominator: number;
}

// integreringsloven § 20: 2 G a year; under 25 "2/3 of the full benefit" when not living with a parent and 1/3
// when living with one. The fractions apply to the full benefit (2 G), not to G — so 4/3 G and 2/3 G
// (LAW-NOTES § 7.3 and its worked amounts: 173 546.67 and 86 773.33 at G = 130 160).
export function benefitFraction({ age, livingWithParent }: { age: number; livingWithParent: boolean }): Fraction {
  if (age >= BENEFIT_FULL_RATE_AGE) return { numerator: 2, denominator: 1 };
  return livingWithParent ? { numerator: 2, denominator: 3 } : { numerator: 4, denominator: 3 };
}

export function formatFraction({ numerator, denominator }: Fraction): string {
  return denominator === 1 ? String(numerator) : `${numerator}/${denominator}`;
}

export interface BenefitInput {
  birthDate: IsoDate;
  livingWithParent: boolean;
  periodFrom: IsoDate;
  periodTo?: IsoDate | null;
  /** The date whose G and age the calculation uses. */
  date: IsoDate;
}

export interface BenefitCalculation {
  gAmount: number;
  gDate: IsoDate;
  /** The date is a year or more past the newest G in the table: check whether a new G must be added. */
  gMayBeOutdated: boolean;
  fractionOfG: string;
  annualAmount: number;
  monthlyAmount: number;
  age: number;
  periodFrom: IsoDate;
  periodTo: IsoDate | null;
  /** Dates inside (periodFrom, periodTo] when the rate changes (new G, 25th birthday): split the period there. */
  rateChangesInPeriod: IsoDate[];
}

// integreringsloven § 20: the yearly and monthly benefit with the inputs used. G and age are taken on
// `date`; rounding to whole kroner (half up) on each amount is a product decision (the rounding rule is unverified).
export function computeBenefit(input: BenefitInput): BenefitCalculation {
  const periodTo = input.periodTo ?? null;
  if (periodTo !== null && compareDates(periodTo, input.periodFrom) < 0) {
    throw new RangeError('periodTo is before periodFrom');
  }
  const g = gOn(input.date);
  const age = ageOn(input.birthDate, input.date);
  const fraction = benefitFraction({ age, livingWithParent: input.livingWithParent });
  const annualExact = (g.amount * fraction.numerator) / fraction.denominator;

  const inPeriod = (d: IsoDate): boolean => compareDates(d, input.periodFrom) > 0 && (periodTo === null || compareDates(d, periodTo) <= 0);
  const changes = [...G_VALUES.map((v) => v.from), addYears(input.birthDate, BENEFIT_FULL_RATE_AGE)].filter(inPeriod);

  return {
    gAmount: g.amount,
    gDate: g.from,
    gMayBeOutdated: gValueMayBeOutdated(input.date),
    fractionOfG: formatFraction(fraction),
    annualAmount: Math.round(annualExact),
    monthlyAmount: Math.round(annualExact / 12),
    age,
    periodFrom: input.periodFrom,
    periodTo,
    rateChangesInPeriod: [...new Set(changes)].sort(),
  };
}

// integreringsloven §§ 21 og 46: a deduction for unexcused absence needs an appealable decision when it is
// at least 50 % of one payment AND at least 1/12 G.
export function deductionRequiresDecision({ monthlyPayment, deduction, gAmount }: { monthlyPayment: number; deduction: number; gAmount: number }): boolean {
  return 2 * deduction >= monthlyPayment && 12 * deduction >= gAmount;
}

/** One part of a benefit period at one rate: the G in force on its first day and the fraction for the age then. */
export interface BenefitPart {
  from: IsoDate;
  /** Last day of the part; null for the open end of an open period. */
  to: IsoDate | null;
  gAmount: number;
  gDate: IsoDate;
  /** Share of G per year, e.g. "2" or "4/3". */
  fraction: string;
  age: number;
  annualAmount: number;
  monthlyAmount: number;
  /** What the part pays (whole kroner); null for an open part. */
  amount: number | null;
  /** The part starts a year or more past the newest G in the table. */
  gMayBeOutdated: boolean;
}

export interface BenefitByPeriod {
  parts: BenefitPart[];
  /** Sum of the parts' amounts; null when the period is open. */
  totalAmount: number | null;
}

// R-7.2 [D]: what a closed stretch pays at a yearly rate — each calendar month it touches pays a twelfth of the year
// times the share of that month's days it covers (a whole month pays exactly the monthly amount; the benefit is paid
// monthly, R-7.1). Exact until the part's sum is rounded to whole kroner (half up).
function amountFor(annualExact: number, from: IsoDate, to: IsoDate): number {
  let sum = 0;
  let cursor = from;
  while (compareDates(cursor, to) <= 0) {
    const [y, m] = cursor.split('-').map(Number);
    const monthLast = isoDate(y, m, daysInMonth(y, m));
    const last = compareDates(monthLast, to) <= 0 ? monthLast : to;
    const days = daysBetween(cursor, last) + 1;
    sum += (annualExact / 12) * (days / daysInMonth(y, m));
    cursor = addDays(last, 1);
  }
  return Math.round(sum);
}

// integreringsloven § 20: the benefit follows the period, not the decision date. The period is split
// where the rate changes — a new G (1 May) or the 25th birthday — and each part takes G and age on its first
// day. An open period is split at the changes already known; its last part has no amount.
export function benefitByPeriod(input: { birthDate: IsoDate; livingWithParent: boolean; periodFrom: IsoDate; periodTo?: IsoDate | null }): BenefitByPeriod {
  const periodTo = input.periodTo ?? null;
  const { rateChangesInPeriod } = computeBenefit({ ...input, periodTo, date: input.periodFrom });
  const starts = [input.periodFrom, ...rateChangesInPeriod];
  const parts = starts.map((from, i): BenefitPart => {
    const to = i + 1 < starts.length ? addDays(starts[i + 1], -1) : periodTo;
    const c = computeBenefit({ ...input, periodTo: to, date: from });
    const fraction = benefitFraction({ age: c.age, livingWithParent: input.livingWithParent });
    const annualExact = (c.gAmount * fraction.numerator) / fraction.denominator;
    return {
      from,
      to,
      gAmount: c.gAmount,
      gDate: c.gDate,
      fraction: c.fractionOfG,
      age: c.age,
      annualAmount: c.annualAmount,
      monthlyAmount: c.monthlyAmount,
      amount: to === null ? null : amountFor(annualExact, from, to),
      gMayBeOutdated: c.gMayBeOutdated,
    };
  });
  const totalAmount = parts.every((p) => p.amount !== null) ? parts.reduce((s, p) => s + (p.amount ?? 0), 0) : null;
  return { parts, totalAmount };
}
