/** Synthetic identity numbers for tests, the benchmark data set and the chaos run: valid mod-11, never real people. */
const K1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function check(digits: number[], weights: number[]): number | null {
  const r = 11 - (weights.reduce((s, w, i) => s + w * digits[i], 0) % 11);
  if (r === 11) return 0;
  if (r === 10) return null;
  return r;
}

/** A valid fødselsnummer for a birth date (1940–2039), trying individual numbers from `seed` on; `dNumber` gives the D-number (day + 40). */
export function makeFnr(birthDate: string, seed = 0, dNumber = false): string {
  const [y, m, d] = birthDate.split('-').map(Number);
  const yy = y % 100;
  for (let i = 0; i < 500; i++) {
    const n = (seed + i) % 500;
    const individual = y >= 2000 ? 500 + (n % 400) : n; // 000–499 for the 1900s, 500–899 for the 2000s
    const digits = [
      ...`${String(dNumber ? d + 40 : d).padStart(2, '0')}${String(m).padStart(2, '0')}${String(yy).padStart(2, '0')}${String(individual).padStart(3, '0')}`,
    ].map(Number);
    const c1 = check(digits, K1);
    if (c1 === null) continue;
    const c2 = check([...digits, c1], K2);
    if (c2 === null) continue;
    return digits.join('') + c1 + c2;
  }
  throw new Error('no valid number found');
}
