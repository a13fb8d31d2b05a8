/**
 * How pg turns column values into JavaScript, for every connection of the process. Calendar dates stay
 * 'YYYY-MM-DD' strings (a JS Date would shift them by the process's time zone); numeric and bigint
 * become numbers (hours, years and counts here are far inside double precision).
 */
import { types } from 'pg';

types.setTypeParser(1082, (v: string) => v);
types.setTypeParser(1182 as Parameters<typeof types.setTypeParser>[0], (v: string) =>
  v === '{}'
    ? []
    : v
        .slice(1, -1)
        .split(',')
        .map((d) => (d === 'NULL' ? null : d)),
);
types.setTypeParser(1700, (v: string) => Number(v));
types.setTypeParser(20, (v: string) => Number(v));
