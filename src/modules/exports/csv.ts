/** CSV as spreadsheet programs read it: UTF-8 with a byte-order mark, RFC 4180 quoting, CRLF line ends. */

export const BOM = '\uFEFF';

export type CsvLanguage = 'NB' | 'NN' | 'EN';

/**
 * One field. Text a person typed that begins like a formula (=, +, -, @, tab, carriage return) gets a leading
 * apostrophe, so a spreadsheet shows it instead of running it (CSV injection); every field with a quote, a
 * separator or a line break is quoted.
 */
export function csvField(value: string | number | boolean | null | undefined, words: { yes: string; no: string }): string {
  if (value === null || value === undefined) return '';
  let s = typeof value === 'boolean' ? (value ? words.yes : words.no) : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: readonly (string | number | boolean | null | undefined)[], words: { yes: string; no: string }): string {
  return values.map((v) => csvField(v, words)).join(',') + '\r\n';
}

/** nb, nn or en from Accept-Language by quality (no and nob are bokmål, nno nynorsk); bokmål by default. */
export function csvLanguage(acceptLanguage: string | undefined): CsvLanguage {
  const tags = String(acceptLanguage ?? '')
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.split(';');
      const q = Number(
        params
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { tag: tag.trim().toLowerCase(), q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((x) => x.q > 0 && x.tag)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { tag } of tags) {
    if (/^(nn|nno)(-|$)/.test(tag)) return 'NN';
    if (/^(nb|nob|no)(-|$)/.test(tag)) return 'NB';
    if (/^en(-|$)/.test(tag)) return 'EN';
  }
  return 'NB';
}

export const YES_NO: Record<CsvLanguage, { yes: string; no: string }> = {
  NB: { yes: 'ja', no: 'nei' },
  NN: { yes: 'ja', no: 'nei' },
  EN: { yes: 'yes', no: 'no' },
};
