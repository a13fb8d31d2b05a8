import { EligibilityInput, MAX_AGE_TABLE, PERMIT_CATEGORIES, evaluateEligibility, maxAgeOn } from '../../../src/domain/eligibility';

// A refugee with right and duty: permit 2025-06-15, settled by agreement 2025-08-01, assessed 2025-09-01.
const base: EligibilityInput = {
  birthDate: '1990-01-10',
  permitCategory: 'REFUGEE',
  permitGrantDate: '2025-06-15',
  arrivalDate: '2025-06-20',
  settlementDate: '2025-08-01',
  settledByAgreementWithImdi: true,
  familyReferenceYearsInMunicipality: null,
  weeklyWorkHours: null,
  evaluationDate: '2025-09-01',
  requestDate: null,
};
const evaluate = (over: Partial<EligibilityInput>) => evaluateEligibility({ ...base, ...over });
const codes = (over: Partial<EligibilityInput>) => evaluate(over).unmet.map((u) => u.code);

describe('R-1.8 eligibility answered as data', () => {
  it('right and duty when every condition is met', () => {
    expect(evaluateEligibility(base)).toEqual({ eligible: true, basis: 'RIGHT_AND_DUTY', regime: 'INTEGRERINGSLOVEN', unmet: [] });
  });

  it('lists every unmet condition with its code, rule and section', () => {
    const result = evaluate({ permitCategory: 'OTHER', birthDate: '2010-01-01', settlementDate: null });
    expect(result.eligible).toBe(false);
    expect(result.basis).toBe('NONE');
    expect(result.unmet.map((u) => u.code).sort()).toEqual(['AGE_BELOW_18', 'NOT_SETTLED', 'PERMIT_NOT_COVERED']);
    for (const u of result.unmet) {
      expect(u.ruleId).toMatch(/^R-\d+\.\d+$/);
      expect(u.lawReference).toMatch(/§/);
      expect(u.message.length).toBeGreaterThan(10);
    }
  });

  it('has ten permit categories', () => {
    expect(PERMIT_CATEGORIES).toHaveLength(10);
  });
});

describe('R-0.2 eligibility in the old regime', () => {
  it('returns OLD_REGIME instead of evaluating', () => {
    const result = evaluate({ permitGrantDate: '2020-10-01', arrivalDate: '2020-12-31' });
    expect(result).toMatchObject({ eligible: false, basis: 'NONE', regime: 'INTRODUKSJONSLOVEN' });
    expect(result.unmet.map((u) => u.code)).toEqual(['OLD_REGIME']);
    expect(result.unmet[0].ruleId).toBe('R-0.2');
  });
  it('arrival from 2021 brings an older permit into integreringsloven', () => {
    expect(evaluate({ permitGrantDate: '2020-10-01', arrivalDate: '2021-01-01' }).regime).toBe('INTEGRERINGSLOVEN');
  });
});

describe('R-1.1 age 18–55 on the permit grant date (integreringsloven § 8)', () => {
  // Permit granted 2025-06-15.
  it('17 on the permit date (18 the next day): no right, no discretion', () => {
    const r = evaluate({ birthDate: '2007-06-16' });
    expect(r.basis).toBe('NONE');
    expect(r.unmet.map((u) => u.code)).toEqual(['AGE_BELOW_18']);
    expect(r.unmet[0].ruleId).toBe('R-1.1');
  });
  it('18 on the permit date (birthday that day): right and duty', () => {
    expect(evaluate({ birthDate: '2007-06-15' }).basis).toBe('RIGHT_AND_DUTY');
  });
  it('55 on the permit date: right and duty (55 is inclusive)', () => {
    expect(evaluate({ birthDate: '1970-06-15' }).basis).toBe('RIGHT_AND_DUTY');
    expect(evaluate({ birthDate: '1969-06-16' }).basis).toBe('RIGHT_AND_DUTY'); // turns 56 the next day
  });
  it('56 on the permit date: no right, but the municipality may offer (R-1.6)', () => {
    const r = evaluate({ birthDate: '1969-06-15' });
    expect(r).toMatchObject({ eligible: false, basis: 'DISCRETIONARY' });
    expect(r.unmet.map((u) => u.code)).toEqual(['AGE_ABOVE_55']);
  });
  it('a later birthday changes nothing', () => {
    // 17 on the permit date, 18 by the assessment date: still below 18.
    expect(codes({ birthDate: '2007-07-01', evaluationDate: '2025-09-01' })).toEqual(['AGE_BELOW_18']);
    // 55 on the permit date, 56 by the assessment date: still right and duty.
    expect(evaluate({ birthDate: '1970-06-16', evaluationDate: '2025-09-01' }).basis).toBe('RIGHT_AND_DUTY');
  });
  it('keeps the upper bound as dated data', () => {
    expect(MAX_AGE_TABLE[0]).toEqual({ from: '2021-01-01', maxAge: 55 });
    expect(maxAgeOn('2026-06-01')).toBe(55);
  });
});

describe('R-1.2 permit categories (integreringsloven § 9)', () => {
  it.each(['REFUGEE', 'RESETTLEMENT_REFUGEE', 'STRONG_HUMANITARIAN', 'LIMITED_FAMILY_OR_IDENTITY', 'COLLECTIVE_PROTECTION'] as const)(
    '%s gives right and duty',
    (permitCategory) => {
      expect(evaluate({ permitCategory }).basis).toBe('RIGHT_AND_DUTY');
    },
  );
  it('OTHER permits: no right and no discretion', () => {
    expect(evaluate({ permitCategory: 'OTHER' })).toMatchObject({ basis: 'NONE' });
    expect(codes({ permitCategory: 'OTHER' })).toEqual(['PERMIT_NOT_COVERED']);
  });
});

describe('R-1.2 family immigration: reference person under 5 years in a municipality', () => {
  const family = { permitCategory: 'FAMILY_REUNIFICATION' as const, settledByAgreementWithImdi: false };
  it('4.99 years: right and duty', () => {
    expect(evaluate({ ...family, familyReferenceYearsInMunicipality: 4.99 }).basis).toBe('RIGHT_AND_DUTY');
  });
  it('0 years: right and duty', () => {
    expect(evaluate({ ...family, familyReferenceYearsInMunicipality: 0 }).basis).toBe('RIGHT_AND_DUTY');
  });
  it('5 years: no right, but discretion (R-1.6)', () => {
    const r = evaluate({ ...family, familyReferenceYearsInMunicipality: 5 });
    expect(r.basis).toBe('DISCRETIONARY');
    expect(r.unmet.map((u) => u.code)).toEqual(['FAMILY_REFERENCE_5_YEARS']);
  });
  it('unknown years: asks for them; only a discretionary offer meanwhile', () => {
    const r = evaluate({ ...family, familyReferenceYearsInMunicipality: null });
    expect(r.basis).toBe('DISCRETIONARY');
    expect(r.unmet.map((u) => u.code)).toEqual(['FAMILY_REFERENCE_YEARS_MISSING']);
  });
});

describe('R-1.3 settled by agreement with IMDi (integreringsloven § 8 andre ledd)', () => {
  it('refugee settled without agreement: discretion (R-1.6)', () => {
    const r = evaluate({ settledByAgreementWithImdi: false });
    expect(r.basis).toBe('DISCRETIONARY');
    expect(r.unmet.map((u) => u.code)).toEqual(['NOT_SETTLED_BY_AGREEMENT']);
  });
  it('family immigration and independent basis need no agreement', () => {
    expect(evaluate({ permitCategory: 'FAMILY_REUNIFICATION', familyReferenceYearsInMunicipality: 2, settledByAgreementWithImdi: false }).basis).toBe(
      'RIGHT_AND_DUTY',
    );
    expect(evaluate({ permitCategory: 'INDEPENDENT_AFTER_ABUSE', settledByAgreementWithImdi: false }).basis).toBe('RIGHT_AND_DUTY');
  });
  it('not settled (or settled only after the assessment date): no right, no discretion', () => {
    expect(codes({ settlementDate: null })).toEqual(['NOT_SETTLED']);
    expect(evaluate({ settlementDate: null }).basis).toBe('NONE');
    expect(codes({ settlementDate: '2025-09-02' })).toEqual(['NOT_SETTLED']);
    expect(codes({ settlementDate: '2025-09-01' })).toEqual([]);
  });
});

describe('R-1.4 decision less than 2 years after first settlement (integreringsloven § 8 første ledd)', () => {
  const settled = { settlementDate: '2024-03-10', evaluationDate: '2026-03-09' };
  it('the day before the 2-year anniversary: in time', () => {
    expect(evaluate(settled).basis).toBe('RIGHT_AND_DUTY');
  });
  it('on the anniversary: too late, and no discretion either', () => {
    const r = evaluate({ ...settled, evaluationDate: '2026-03-10' });
    expect(r.basis).toBe('NONE');
    expect(r.unmet.map((u) => u.code)).toEqual(['DECISION_WINDOW_2_YEARS_PASSED']);
  });
  it('the day after: too late', () => {
    expect(codes({ ...settled, evaluationDate: '2026-03-11' })).toEqual(['DECISION_WINDOW_2_YEARS_PASSED']);
  });
  it('the window also limits discretion', () => {
    expect(evaluate({ ...settled, evaluationDate: '2026-03-10', settledByAgreementWithImdi: false }).basis).toBe('NONE');
  });
});

describe('R-1.5 work of 30 hours a week or more, from 2026-01-01 (integreringsloven § 8 fjerde ledd)', () => {
  const in2026 = { settlementDate: '2025-10-01', evaluationDate: '2026-01-01' };
  it('29 hours: right and duty', () => {
    expect(evaluate({ ...in2026, weeklyWorkHours: 29 }).basis).toBe('RIGHT_AND_DUTY');
    expect(evaluate({ ...in2026, weeklyWorkHours: 29.99 }).basis).toBe('RIGHT_AND_DUTY');
  });
  it('30 hours on 2026-01-01: excluded, no discretion', () => {
    const r = evaluate({ ...in2026, weeklyWorkHours: 30 });
    expect(r.basis).toBe('NONE');
    expect(r.unmet.map((u) => u.code)).toEqual(['WORKS_30_HOURS']);
    expect(r.unmet[0].ruleId).toBe('R-1.5');
  });
  it('30 hours on 2025-12-31: the rule does not yet apply', () => {
    expect(evaluate({ ...in2026, evaluationDate: '2025-12-31', weeklyWorkHours: 30 }).basis).toBe('RIGHT_AND_DUTY');
    expect(evaluate({ ...in2026, evaluationDate: '2025-12-31', weeklyWorkHours: 40 }).basis).toBe('RIGHT_AND_DUTY');
  });
  it('work ended (hours back to 0 or unknown) within the window: right and duty return', () => {
    expect(evaluate({ ...in2026, weeklyWorkHours: 0 }).basis).toBe('RIGHT_AND_DUTY');
    expect(evaluate({ ...in2026, weeklyWorkHours: null }).basis).toBe('RIGHT_AND_DUTY');
  });
});

describe('R-1.6 discretionary offer (integreringsloven § 8 tredje ledd)', () => {
  it('family of others than the refugee groups', () => {
    const r = evaluate({ permitCategory: 'FAMILY_OTHER', settledByAgreementWithImdi: false });
    expect(r).toMatchObject({ eligible: false, basis: 'DISCRETIONARY' });
    expect(r.unmet.map((u) => u.code)).toEqual(['FAMILY_OF_OTHERS']);
  });
  it('over 55 and settled without agreement together: still discretionary', () => {
    const r = evaluate({ birthDate: '1960-01-01', settledByAgreementWithImdi: false });
    expect(r.basis).toBe('DISCRETIONARY');
    expect(r.unmet.map((u) => u.code).sort()).toEqual(['AGE_ABOVE_55', 'NOT_SETTLED_BY_AGREEMENT']);
  });
  it('a discretionary condition combined with a hard one: none', () => {
    expect(evaluate({ birthDate: '1960-01-01', permitCategory: 'OTHER' }).basis).toBe('NONE');
    expect(evaluate({ birthDate: '1960-01-01', evaluationDate: '2026-02-01', weeklyWorkHours: 35 }).basis).toBe('NONE');
  });
});

describe('R-1.7 Nordic and EEA citizens (integreringsloven § 8 femte ledd)', () => {
  it('are outside the programme', () => {
    const r = evaluate({ permitCategory: 'NORDIC_OR_EEA', settledByAgreementWithImdi: false });
    expect(r).toMatchObject({ eligible: false, basis: 'NONE' });
    expect(r.unmet.map((u) => u.code)).toEqual(['NORDIC_OR_EEA']);
    expect(r.unmet[0].ruleId).toBe('R-1.7');
  });
});
