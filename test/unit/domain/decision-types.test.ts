import { DECISION_TYPES, appealInformation, formatDateNb, isAppealable, legalBasisFor } from '../../../src/domain/decision-types';

describe('R-8.1 appealable decision types (integreringsloven § 46)', () => {
  it('lists the seed types', () => {
    expect([...DECISION_TYPES]).toEqual(['PARTICIPATION', 'BENEFIT', 'PLAN_SIGNIFICANT_CHANGE', 'HALT', 'EXTENSION', 'LEAVE', 'EXEMPTION', 'APPEAL_DISMISSAL']);
  });
  it.each([...DECISION_TYPES])('%s is appealable and has a legal basis', (type) => {
    expect(isAppealable(type)).toBe(true);
    expect(legalBasisFor(type).length).toBeGreaterThan(0);
    for (const section of legalBasisFor(type)) expect(section).toMatch(/^integrerings(loven|forskriften) /);
  });
  it('holiday and career guidance are not decisions', () => {
    expect(isAppealable('HOLIDAY')).toBe(false);
    expect(isAppealable('CAREER_GUIDANCE')).toBe(false);
    expect(isAppealable('')).toBe(false);
  });
  it('names the sections', () => {
    expect(legalBasisFor('HALT')).toEqual(['integreringsloven § 18']);
    expect(legalBasisFor('EXEMPTION')).toContain('integreringsloven § 29');
  });
});

describe('R-8.3 appeal information in the notice (forvaltningsloven § 27)', () => {
  const info = appealInformation({ statsforvalterName: 'Statsforvalteren i Vestland', deadline: '2026-04-07' });
  it('keeps the deadline as a date', () => {
    expect(info.deadline).toBe('2026-04-07');
  });
  it('tells the right to appeal and the deadline in bokmål', () => {
    expect(info.rightToAppeal).toContain('rett til å klage');
    expect(info.rightToAppeal).toContain('7. april 2026');
    expect(info.rightToAppeal).toContain('tre uker');
  });
  it('names the appeal body', () => {
    expect(info.appealBody).toContain('Statsforvalteren i Vestland');
  });
  it('says how to appeal: in writing, to the municipality, which decision and what change', () => {
    expect(info.howToAppeal).toContain('skriftlig');
    expect(info.howToAppeal).toContain('kommunen');
    expect(info.howToAppeal).toContain('hvilket vedtak');
    expect(info.howToAppeal).toContain('endring');
  });
  it('formats dates in Norwegian', () => {
    expect(formatDateNb('2026-01-01')).toBe('1. januar 2026');
    expect(formatDateNb('2025-12-24')).toBe('24. desember 2025');
    expect(() => formatDateNb('2025-02-30')).toThrow(RangeError);
  });
});
