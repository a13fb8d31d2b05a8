import { c, defineTable, KyselyTable, RecordOf } from '../../db/table';

/** one competence mapping per case, completed before the participation decision. */
export const competenceMappingTable = defineTable(
  'competence_mapping',
  {
    municipality_id: c.smallint(),
    id: c.uuid().defaultSql('gen_random_uuid()'),
    participant_id: c.uuid(),
    version: c.integer().default(1),
    status: c.text<'IN_PROGRESS' | 'COMPLETED'>(),
    language_skills: c.text().default(''),
    education: c.text().default(''),
    counts_as_upper_secondary: c.boolean().default(false),
    work_experience: c.text().default(''),
    other_competence: c.text().default(''),
    mapped_before_arrival_by_imdi: c.boolean().default(false),
    completed_at: c.date().nullable(),
    updated_by: c.text(),
    updated_at: c.timestamptz().defaultSql('now()'),
  },
  {
    primaryKey: ['municipality_id', 'id'],
    uniques: [{ columns: ['municipality_id', 'participant_id'] }],
    foreignKeys: [{ columns: ['municipality_id', 'participant_id'], references: { table: 'participant', columns: ['municipality_id', 'id'] } }],
    checks: [{ name: 'competence_mapping_status_check', expression: `status IN ('IN_PROGRESS', 'COMPLETED')` }],
  },
);
export type CompetenceMappingRecord = RecordOf<typeof competenceMappingTable>;

declare module '../../db/sql' {
  interface Tables {
    'app.competence_mapping': KyselyTable<typeof competenceMappingTable>;
  }
}
