import { c, defineTable, KyselyTable, RecordOf } from '../../db/table';

/** Reference data (not tenant data), loaded by migration from data/reference: read-only to the API. */
export const statsforvalterAreaTable = defineTable('statsforvalter_area', { id: c.text(), name: c.text() }, { primaryKey: ['id'] });

export const countyTable = defineTable(
  'county',
  { number: c.char(2), name: c.text(), statsforvalter_id: c.text() },
  {
    primaryKey: ['number'],
    foreignKeys: [{ columns: ['statsforvalter_id'], references: { table: 'statsforvalter_area', columns: ['id'] } }],
  },
);

/** The municipality number changes in reforms: it is a dated attribute, the key is a surrogate. */
export const municipalityTable = defineTable(
  'municipality',
  { id: c.smallint(), number: c.char(4), name: c.text(), county_number: c.char(2), valid_from: c.date(), valid_to: c.date().nullable() },
  {
    primaryKey: ['id'],
    uniques: [{ columns: ['number', 'valid_from'] }],
    foreignKeys: [{ columns: ['county_number'], references: { table: 'county', columns: ['number'] } }],
  },
);
export type MunicipalityRecord = RecordOf<typeof municipalityTable>;
export type CountyRecord = RecordOf<typeof countyTable>;
export type StatsforvalterAreaRecord = RecordOf<typeof statsforvalterAreaTable>;

declare module '../../db/sql' {
  interface Tables {
    'app.statsforvalter_area': KyselyTable<typeof statsforvalterAreaTable>;
    'app.county': KyselyTable<typeof countyTable>;
    'app.municipality': KyselyTable<typeof municipalityTable>;
  }
}
