// the benefit follows the period — split at a new G (1 May) and at the 25th birthday.
import { benefitByPeriod } from '../../../src/domain/benefit';
import { RuleViolation } from '../../../src/domain/rule-violation';

const adult = { birthDate: '1990-01-01', livingWithParent: false };

describe('R-13.3 a period split at 1 May (new G)', () => {
  it('a period ending on 30 April is one part at the old G', () => {
    const r = benefitByPeriod({ ...adult, periodFrom: '2025-04-01', periodTo: '2025-04-30' });
    expect(r.parts).toHaveLength(1);
    expect(r.parts[0]).toMatchObject({ from: '2025-04-01', to: '2025-04-30', gAmount: 124028, gDate: '2024-05-01', fraction: '2', amount: 20671 });
    expect(r.totalAmount).toBe(20671);
  });
  it('a period starting on 1 May is one part at the new G, whenever it was decided', () => {
    const r = benefitByPeriod({ ...adult, periodFrom: '2025-05-01', periodTo: '2025-05-31' });
    expect(r.parts).toEqual([
      expect.objectContaining({
        from: '2025-05-01',
        to: '2025-05-31',
        gAmount: 130160,
        gDate: '2025-05-01',
        annualAmount: 260320,
        monthlyAmount: 21693,
        amount: 21693,
      }),
    ]);
  });
  it('a period across 1 May has two parts, each at its G, and the total is their sum', () => {
    const r = benefitByPeriod({ ...adult, periodFrom: '2025-04-01', periodTo: '2025-05-31' });
    expect(r.parts.map((p) => [p.from, p.to, p.gAmount, p.amount])).toEqual([
      ['2025-04-01', '2025-04-30', 124028, 20671],
      ['2025-05-01', '2025-05-31', 130160, 21693],
    ]);
    expect(r.totalAmount).toBe(20671 + 21693);
  });
  it('30 April to 1 May: one day at each G (the day before / of the change)', () => {
    const r = benefitByPeriod({ ...adult, periodFrom: '2025-04-30', periodTo: '2025-05-01' });
    expect(r.parts.map((p) => [p.from, p.to, p.gAmount])).toEqual([
      ['2025-04-30', '2025-04-30', 124028],
      ['2025-05-01', '2025-05-01', 130160],
    ]);
    // One day of a 30-day and of a 31-day month.
    expect(r.parts[0].amount).toBe(Math.round(248056 / 12 / 30));
    expect(r.parts[1].amount).toBe(Math.round(260320 / 12 / 31));
  });
  it('an open period is split at the known changes; its last part has no amount and there is no total', () => {
    const r = benefitByPeriod({ ...adult, periodFrom: '2025-03-01', periodTo: null });
    expect(r.parts.map((p) => [p.from, p.to, p.amount])).toEqual([
      ['2025-03-01', '2025-04-30', Math.round((248056 / 12) * 2)],
      ['2025-05-01', null, null],
    ]);
    expect(r.totalAmount).toBeNull();
  });
  it('refuses a period before the first recorded G (R-7.2)', () => {
    expect(() => benefitByPeriod({ ...adult, periodFrom: '2024-04-30', periodTo: '2024-05-31' })).toThrow(RuleViolation);
  });
});

describe('R-7.1 / R-13.3 a period split at the 25th birthday', () => {
  const young = { birthDate: '2000-06-15', livingWithParent: false };
  it('birthday the day after the period: one part at the under-25 rate', () => {
    const r = benefitByPeriod({ ...young, periodFrom: '2025-06-01', periodTo: '2025-06-14' });
    expect(r.parts).toHaveLength(1);
    expect(r.parts[0]).toMatchObject({ age: 24, fraction: '4/3' });
  });
  it('birthday inside the period: the rate changes on the birthday', () => {
    const r = benefitByPeriod({ ...young, periodFrom: '2025-06-01', periodTo: '2025-06-30' });
    expect(r.parts.map((p) => [p.from, p.to, p.age, p.fraction])).toEqual([
      ['2025-06-01', '2025-06-14', 24, '4/3'],
      ['2025-06-15', '2025-06-30', 25, '2'],
    ]);
    expect(r.parts[0].amount).toBe(Math.round((((130160 * 4) / 3 / 12) * 14) / 30));
    expect(r.parts[1].amount).toBe(Math.round(((260320 / 12) * 16) / 30));
    expect(r.totalAmount).toBe(r.parts[0].amount! + r.parts[1].amount!);
  });
  it('birthday on the first day: one part at the full rate', () => {
    const r = benefitByPeriod({ ...young, periodFrom: '2025-06-15', periodTo: '2025-06-30' });
    expect(r.parts).toHaveLength(1);
    expect(r.parts[0]).toMatchObject({ age: 25, fraction: '2' });
  });
  it('new G and birthday in one period: three parts', () => {
    const r = benefitByPeriod({ birthDate: '2000-05-20', livingWithParent: true, periodFrom: '2025-04-01', periodTo: '2025-05-31' });
    expect(r.parts.map((p) => [p.from, p.to, p.gAmount, p.fraction])).toEqual([
      ['2025-04-01', '2025-04-30', 124028, '2/3'],
      ['2025-05-01', '2025-05-19', 130160, '2/3'],
      ['2025-05-20', '2025-05-31', 130160, '2'],
    ]);
  });
});
