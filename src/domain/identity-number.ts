// Norwegian national identity numbers (fødselsnummer and D-number), R-11.
// the number is personal data — never put it in an error message, a log line or an id.
import { IsoDate, daysInMonth, isoDate } from './calendar';
import { LAW } from './law-references';
import { RuleViolation } from './rule-violation';

export type IdentityNumberKind = 'FODSELSNUMMER' | 'D_NUMBER';

export type IdentityNumberValidation = { valid: true; kind: IdentityNumberKind; birthDate: IsoDate } | { valid: false; reason: string };

const K1_WEIGHTS = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function weightedSum(digits: number[], weights: number[]): number {
  return weights.reduce((sum, w, i) => sum + w * digits[i], 0);
}

// folkeregisterforskriften § 2-2-1: classic check, (S1 + K1) mod 11 = 0. Numbers issued from 2032 may also
// give a remainder of 1, 2 or 3 for K1 (K2 unchanged); validators must accept both schemes now.
function k1Valid(digits: number[]): boolean {
  return [0, 1, 2, 3].includes((weightedSum(digits, K1_WEIGHTS) + digits[9]) % 11);
}

// (S2 + K2) mod 11 = 0.
function k2Valid(digits: number[]): boolean {
  return (weightedSum(digits, K2_WEIGHTS) + digits[10]) % 11 === 0;
}

// century from the individual number (individnummer, digits 7–9) and the two-digit year.
function fullYear(individual: number, yy: number): number | null {
  if (individual <= 499) return 1900 + yy;
  if (individual <= 749 && yy >= 54) return 1800 + yy;
  if (individual >= 500 && yy <= 39) return 2000 + yy;
  if (individual >= 900 && yy >= 40) return 1900 + yy;
  return null;
}

// 11 digits, both check digits, D-number accepted (day + 40), H-number (month + 40) rejected,
// and the encoded birth date must exist.
export function validateIdentityNumber(value: string): IdentityNumberValidation {
  if (!/^\d+$/.test(value)) return { valid: false, reason: 'must contain digits only' };
  if (value.length !== 11) return { valid: false, reason: 'must be exactly 11 digits' };
  const digits = [...value].map(Number);
  if (!k1Valid(digits)) return { valid: false, reason: 'first check digit (K1) is wrong' };
  if (!k2Valid(digits)) return { valid: false, reason: 'second check digit (K2) is wrong' };

  let day = Number(value.slice(0, 2));
  const month = Number(value.slice(2, 4));
  const yy = Number(value.slice(4, 6));
  const individual = Number(value.slice(6, 9));

  if (month >= 41 && month <= 52) {
    return { valid: false, reason: 'H-numbers (help numbers) are not accepted in case data' };
  }
  let kind: IdentityNumberKind = 'FODSELSNUMMER';
  if (day >= 41 && day <= 71) {
    kind = 'D_NUMBER';
    day -= 40;
  }
  const year = fullYear(individual, yy);
  if (year === null) return { valid: false, reason: 'individual number does not match any birth century' };
  // Checked directly (not with isIsoDate): numbers for 1854–1899 births are valid numbers.
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { valid: false, reason: 'the encoded birth date does not exist' };
  }
  return { valid: true, kind, birthDate: isoDate(year, month, day) };
}

// the same check as a boolean.
export function isValidIdentityNumber(value: string): boolean {
  return validateIdentityNumber(value).valid;
}

// show only the birth-date part (DDMMYY) where a person must be recognised.
export function maskIdentityNumber(value: string): string {
  return `${value.slice(0, 6)}*****`;
}

// a person's D-number may later be replaced by their fødselsnummer; a fødselsnummer is never
// replaced, and the birth date the numbers encode must be the same person's.
export function assertIdentityNumberReplacement(current: string, next: string): void {
  if (current === next) return;
  const was = validateIdentityNumber(current);
  const now = validateIdentityNumber(next);
  const refuse = (message: string): never => {
    throw new RuleViolation('R-11.2', LAW['R-11.2'], message);
  };
  if (!now.valid) refuse('The new identity number is not a valid fødselsnummer or D-number.');
  if (!was.valid || was.kind !== 'D_NUMBER') refuse("Only a D-number can be replaced, by the person's fødselsnummer.");
  if (now.valid && now.kind !== 'FODSELSNUMMER') refuse('A D-number can only be replaced by a fødselsnummer.');
  if (was.valid && now.valid && was.birthDate !== now.birthDate)
    refuse('The fødselsnummer encodes another birth date than the D-number: it is not the same person.');
}
