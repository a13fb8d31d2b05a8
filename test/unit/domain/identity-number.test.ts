import { makeFnr } from '../../../scripts/lib/synthetic';
import { assertIdentityNumberReplacement, isValidIdentityNumber, maskIdentityNumber, validateIdentityNumber } from '../../../src/domain/identity-number';

const K1_WEIGHTS = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
const sum = (digits: number[], weights: number[]): number => weights.reduce((s, w, i) => s + w * digits[i], 0);
const checkDigit = (s: number): number | null => {
  const k = 11 - (s % 11);
  return k === 11 ? 0 : k === 10 ? null : k;
};

/** Appends classic check digits to 9 digits (DDMMYY + individual number); tries the next individual numbers when a check digit would be 10. */
function withCheckDigits(ddmmyy: string, individual: number): string {
  for (let ind = individual; ind < individual + 50; ind++) {
    const nine = ddmmyy + String(ind % 1000).padStart(3, '0');
    const d = [...nine].map(Number);
    const k1 = checkDigit(sum(d, K1_WEIGHTS));
    if (k1 === null) continue;
    const k2 = checkDigit(sum([...d, k1], K2_WEIGHTS));
    if (k2 === null) continue;
    return `${nine}${k1}${k2}`;
  }
  throw new Error('no valid number found');
}

/** Replaces K1 with a digit no scheme accepts, and recomputes K2 so that only K1 is wrong. */
function withWrongK1(valid: string): string {
  const d = [...valid.slice(0, 9)].map(Number);
  const s1 = sum(d, K1_WEIGHTS);
  for (let k1 = 0; k1 <= 9; k1++) {
    if ((s1 + k1) % 11 < 4) continue;
    const k2 = checkDigit(sum([...d, k1], K2_WEIGHTS));
    if (k2 !== null) return `${valid.slice(0, 9)}${k1}${k2}`;
  }
  throw new Error('no wrong K1 found');
}

describe('R-11.1 fødselsnummer (check digits and birth date)', () => {
  it("accepts Skatteetaten's example 02013299997", () => {
    expect(validateIdentityNumber('02013299997')).toEqual({ valid: true, kind: 'FODSELSNUMMER', birthDate: '2032-01-02' });
  });

  it('the helper reproduces the example', () => {
    expect(withCheckDigits('020132', 999)).toBe('02013299997');
  });

  it.each([
    ['150685', 123, '1985-06-15'], // individual 000–499 → 1900s
    ['311299', 0, '1999-12-31'],
    ['010160', 910, '1960-01-01'], // 900–999 with YY 40–99 → 1900s
    ['150875', 600, '1875-08-15'], // 500–749 with YY 54–99 → 1800s
    ['150810', 550, '2010-08-15'], // 500–999 with YY 00–39 → 2000s
    ['290200', 520, '2000-02-29'], // leap day in 2000
  ])('derives the birth date of %s with individual number %i', (ddmmyy, individual, birthDate) => {
    expect(validateIdentityNumber(withCheckDigits(ddmmyy, individual))).toEqual({ valid: true, kind: 'FODSELSNUMMER', birthDate });
  });

  it('accepts numbers with the 2032 K1 scheme (remainder 1–3)', () => {
    expect(isValidIdentityNumber('30108299920')).toBe(true);
    expect(isValidIdentityNumber('30108299939')).toBe(true);
  });

  it('rejects a wrong first check digit (K1)', () => {
    const wrong = withWrongK1(withCheckDigits('150685', 123));
    expect(validateIdentityNumber(wrong)).toEqual({ valid: false, reason: 'first check digit (K1) is wrong' });
  });

  it('rejects a wrong second check digit (K2)', () => {
    const valid = withCheckDigits('150685', 123);
    const wrong = valid.slice(0, 10) + String((Number(valid[10]) + 1) % 10);
    expect(validateIdentityNumber(wrong)).toEqual({ valid: false, reason: 'second check digit (K2) is wrong' });
  });

  it('rejects a date that does not exist', () => {
    expect(validateIdentityNumber(withCheckDigits('310299', 123))).toEqual({ valid: false, reason: 'the encoded birth date does not exist' });
    expect(validateIdentityNumber(withCheckDigits('290201', 520))).toMatchObject({ valid: false }); // 2001 is not a leap year
    expect(validateIdentityNumber(withCheckDigits('001385', 123))).toMatchObject({ valid: false }); // day 00, month 13
  });

  it('rejects an individual number that fits no century', () => {
    expect(validateIdentityNumber(withCheckDigits('150645', 600))).toEqual({
      valid: false,
      reason: 'individual number does not match any birth century',
    });
    expect(validateIdentityNumber(withCheckDigits('150685', 800))).toMatchObject({ valid: false });
  });

  it.each([
    ['0201329999', 'must be exactly 11 digits'],
    ['020132999970', 'must be exactly 11 digits'],
    ['', 'must contain digits only'],
    ['0201329999a', 'must contain digits only'],
    ['020132 99997', 'must contain digits only'],
    ['020132-9999', 'must contain digits only'],
  ])('rejects malformed input %j', (value, reason) => {
    expect(validateIdentityNumber(value)).toEqual({ valid: false, reason });
  });

  it('never echoes the number in the reason', () => {
    const wrong = '02013299998';
    const result = validateIdentityNumber(wrong);
    expect(result.valid).toBe(false);
    expect(JSON.stringify(result)).not.toContain(wrong);
  });
});

describe('R-11.2 D-number and H-number', () => {
  it('accepts a D-number (day + 40) and gives the real birth date', () => {
    const d = withCheckDigits('550685', 123); // 15 June 1985
    expect(validateIdentityNumber(d)).toEqual({ valid: true, kind: 'D_NUMBER', birthDate: '1985-06-15' });
    expect(validateIdentityNumber(withCheckDigits('710190', 123))).toMatchObject({ valid: true, kind: 'D_NUMBER', birthDate: '1990-01-31' });
  });

  it('rejects a D-number whose day does not exist', () => {
    expect(validateIdentityNumber(withCheckDigits('710490', 123))).toMatchObject({ valid: false }); // 31 April
  });

  it('rejects an H-number (month + 40)', () => {
    const h = withCheckDigits('154685', 123);
    expect(validateIdentityNumber(h)).toEqual({ valid: false, reason: 'H-numbers (help numbers) are not accepted in case data' });
    expect(isValidIdentityNumber(withCheckDigits('155285', 123))).toBe(false);
  });
});

describe('R-11.3 masking', () => {
  it('shows only the first six digits', () => {
    expect(maskIdentityNumber('02013299997')).toBe('020132*****');
  });
});

describe('R-11.2 a D-number replaced by a fødselsnummer', () => {
  const dNumber = makeFnr('2032-01-02', 3, true);
  test('the test D-number is a D-number for the same birth date', () => {
    expect(validateIdentityNumber(dNumber)).toEqual({ valid: true, kind: 'D_NUMBER', birthDate: '2032-01-02' });
  });
  test("a D-number may become the same person's fødselsnummer", () => {
    expect(() => assertIdentityNumberReplacement(dNumber, '02013299997')).not.toThrow();
  });
  test('a fødselsnummer is never replaced', () => {
    expect(() => assertIdentityNumberReplacement('02013299997', dNumber)).toThrow(expect.objectContaining({ ruleId: 'R-11.2' }));
  });
  test('another birth date is another person', () => {
    expect(() => assertIdentityNumberReplacement(makeFnr('2032-01-03', 3, true), '02013299997')).toThrow(expect.objectContaining({ ruleId: 'R-11.2' }));
    expect(() => assertIdentityNumberReplacement(dNumber, makeFnr('2032-01-03', 5))).toThrow(expect.objectContaining({ ruleId: 'R-11.2' }));
  });
  test('the same number is no change', () => {
    expect(() => assertIdentityNumberReplacement('02013299997', '02013299997')).not.toThrow();
  });
});
