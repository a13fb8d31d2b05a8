import { LAW, lawReferenceFor } from '../../../src/domain/law-references';

describe('R-1.8 law references for every rule id', () => {
  const sections: Record<string, number> = { 0: 3, 1: 8, 2: 2, 3: 4, 4: 3, 5: 10, 6: 4, 7: 3, 8: 3, 9: 8, 10: 1, 11: 3, 12: 2 };
  const expected = Object.entries(sections).flatMap(([s, n]) => Array.from({ length: n }, (_, i) => `R-${s}.${i + 1}`));

  // Section 13 (clarifications, R-13.1–) is listed as its rules come to be enforced.
  const clarification = /^R-13\.([1-9]|1[01])$/;

  it('covers every rule id in RULES.md sections 0–12 and nothing else', () => {
    expect(
      Object.keys(LAW)
        .filter((id) => !id.startsWith('R-13.'))
        .sort(),
    ).toEqual(expected.sort());
  });
  it('names only clarifications RULES.md section 13 has (R-13.1–R-13.11)', () => {
    for (const id of Object.keys(LAW).filter((k) => k.startsWith('R-13.'))) expect(id).toMatch(clarification);
    expect(Object.keys(LAW)).toEqual(expect.arrayContaining(['R-13.7', 'R-13.8', 'R-13.9', 'R-13.10']));
  });
  it('gives a readable section for each', () => {
    for (const ref of Object.values(LAW)) expect(ref).toMatch(/§|lov|forskrift/);
  });
  it('looks up a reference', () => {
    expect(lawReferenceFor('R-1.1')).toBe('integreringsloven § 8');
    expect(lawReferenceFor('R-9.2')).toBe('integreringsloven § 47 / forvaltningsloven § 29');
  });
});
