import { G_VALUES, benefitFraction, computeBenefit, deductionRequiresDecision, gOn, gValueMayBeOutdated } from '../../../src/domain/benefit';
import { RuleViolation } from '../../../src/domain/rule-violation';

describe('R-7.2 G as dated data', () => {
  it('switches on 1 May 2025', () => {
    expect(gOn('2025-04-30')).toEqual({ from: '2024-05-01', amount: 124028 });
    expect(gOn('2025-05-01')).toEqual({ from: '2025-05-01', amount: 130160 });
    expect(gOn('2026-12-31').amount).toBe(130160);
  });
  it('starts on 1 May 2024 and refuses earlier dates', () => {
    expect(gOn('2024-05-01').amount).toBe(124028);
    expect(() => gOn('2024-04-30')).toThrow(RuleViolation);
  });
  it('flags dates a year or more past the newest G (G changes every 1 May)', () => {
    expect(gValueMayBeOutdated('2026-04-30')).toBe(false);
    expect(gValueMayBeOutdated('2026-05-01')).toBe(true);
  });
  it('is ordered oldest first', () => {
    const froms = G_VALUES.map((g) => g.from);
    expect([...froms].sort()).toEqual(froms);
  });
});

describe('R-7.1 benefit fraction (integreringsloven § 20)', () => {
  it('2 G from 25', () => {
    expect(benefitFraction({ age: 25, livingWithParent: false })).toEqual({ numerator: 2, denominator: 1 });
    expect(benefitFraction({ age: 25, livingWithParent: true })).toEqual({ numerator: 2, denominator: 1 });
  });
  it('under 25 not living with a parent: 2/3 of 2 G = 4/3 G', () => {
    expect(benefitFraction({ age: 24, livingWithParent: false })).toEqual({ numerator: 4, denominator: 3 });
  });
  it('under 25 living with a parent: 1/3 of 2 G = 2/3 G', () => {
    expect(benefitFraction({ age: 18, livingWithParent: true })).toEqual({ numerator: 2, denominator: 3 });
  });
});

describe('R-7.1/R-7.2 computed benefit', () => {
  const period = { periodFrom: '2025-06-01', periodTo: '2025-06-30', date: '2025-06-01' };
  it('full rate: 2 G = 260 320 a year', () => {
    expect(computeBenefit({ birthDate: '1990-01-01', livingWithParent: false, ...period })).toEqual({
      gAmount: 130160,
      gDate: '2025-05-01',
      gMayBeOutdated: false,
      fractionOfG: '2',
      annualAmount: 260320,
      monthlyAmount: 21693,
      age: 35,
      periodFrom: '2025-06-01',
      periodTo: '2025-06-30',
      rateChangesInPeriod: [],
    });
  });
  it('under 25 alone: 4/3 G = 173 547 a year (LAW-NOTES worked amount 173 546.67)', () => {
    const r = computeBenefit({ birthDate: '2003-01-01', livingWithParent: false, ...period });
    expect(r).toMatchObject({ fractionOfG: '4/3', annualAmount: 173547, monthlyAmount: 14462, age: 22 });
  });
  it('under 25 with a parent: 2/3 G = 86 773 a year', () => {
    const r = computeBenefit({ birthDate: '2003-01-01', livingWithParent: true, ...period });
    expect(r).toMatchObject({ fractionOfG: '2/3', annualAmount: 86773, monthlyAmount: 7231 });
  });
  it('uses the G of the calculation date: 2025-04-30 vs 2025-05-01', () => {
    const input = { birthDate: '1990-01-01', livingWithParent: false, periodFrom: '2025-04-01', periodTo: '2025-05-31' };
    expect(computeBenefit({ ...input, date: '2025-04-30' })).toMatchObject({ gAmount: 124028, gDate: '2024-05-01', annualAmount: 248056 });
    expect(computeBenefit({ ...input, date: '2025-05-01' })).toMatchObject({ gAmount: 130160, gDate: '2025-05-01', annualAmount: 260320 });
  });
  it('the 25th birthday switches to the full rate', () => {
    const input = { birthDate: '2000-06-15', livingWithParent: false, periodFrom: '2025-06-01', periodTo: '2025-06-30' };
    expect(computeBenefit({ ...input, date: '2025-06-14' })).toMatchObject({ age: 24, fractionOfG: '4/3' });
    expect(computeBenefit({ ...input, date: '2025-06-15' })).toMatchObject({ age: 25, fractionOfG: '2' });
  });
  it('reports rate changes inside the period so the caller can split it', () => {
    const r = computeBenefit({ birthDate: '2000-05-20', livingWithParent: true, periodFrom: '2025-04-01', periodTo: '2025-05-31', date: '2025-04-01' });
    expect(r.rateChangesInPeriod).toEqual(['2025-05-01', '2025-05-20']);
    const open = computeBenefit({ birthDate: '1990-01-01', livingWithParent: false, periodFrom: '2025-05-01', date: '2025-05-01' });
    expect(open.periodTo).toBeNull();
    expect(open.rateChangesInPeriod).toEqual([]); // the change on periodFrom itself is not "inside"
  });
  it('refuses a period that ends before it starts', () => {
    expect(() =>
      computeBenefit({ birthDate: '1990-01-01', livingWithParent: false, periodFrom: '2025-06-01', periodTo: '2025-05-31', date: '2025-06-01' }),
    ).toThrow(RangeError);
  });
});

describe('R-6.4 deduction that requires a decision (≥ 50 % of a payment and ≥ 1/12 G)', () => {
  const gAmount = 130160; // G/12 = 10 846.67
  it('full monthly payment 21 693: the 50 % threshold decides', () => {
    expect(deductionRequiresDecision({ monthlyPayment: 21693, deduction: 10846, gAmount })).toBe(false);
    expect(deductionRequiresDecision({ monthlyPayment: 21693, deduction: 10847, gAmount })).toBe(true);
  });
  it('smaller payment 14 462: the 1/12 G threshold decides', () => {
    expect(deductionRequiresDecision({ monthlyPayment: 14462, deduction: 7231, gAmount })).toBe(false); // 50 % but < G/12
    expect(deductionRequiresDecision({ monthlyPayment: 14462, deduction: 10846, gAmount })).toBe(false);
    expect(deductionRequiresDecision({ monthlyPayment: 14462, deduction: 10847, gAmount })).toBe(true);
  });
  it('both thresholds are inclusive', () => {
    expect(deductionRequiresDecision({ monthlyPayment: 20000, deduction: 10000, gAmount: 120000 })).toBe(true);
    expect(deductionRequiresDecision({ monthlyPayment: 20000, deduction: 9999, gAmount: 120000 })).toBe(false);
  });
});
