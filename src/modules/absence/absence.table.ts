import type { AbsenceKind } from '../../domain/absence';
import { c, defineTable, KyselyTable, RecordOf } from '../../db/table';

/** absence and leave, counted in working days. */
export const absenceTable = defineTable(
  'absence',
  {
    municipality_id: c.smallint(),
    id: c.uuid().defaultSql('gen_random_uuid()'),
    participant_id: c.uuid(),
    /** LEAVE rows belong to the LEAVE decision that granted them. */
    kind: c.text<AbsenceKind>(),
    from_date: c.date(),
    to_date: c.date(),
    working_days: c.integer(),
    note: c.text().default(''),
    decision_id: c.uuid().nullable(),
    created_by: c.text(),
    created_at: c.timestamptz().defaultSql('now()'),
    /** Corrections (correctAbsence) take the version the caller saw. */
    version: c.integer().default(1),
    updated_at: c.timestamptz().nullable(),
  },
  {
    primaryKey: ['municipality_id', 'id'],
    indexes: [{ name: 'absence_participant', columns: ['municipality_id', 'participant_id', 'from_date'] }],
    foreignKeys: [{ columns: ['municipality_id', 'participant_id'], references: { table: 'participant', columns: ['municipality_id', 'id'] } }],
    checks: [
      { name: 'absence_check', expression: 'to_date >= from_date' },
      { name: 'absence_working_days_check', expression: 'working_days >= 0' },
    ],
  },
);
export type AbsenceRecord = RecordOf<typeof absenceTable>;

declare module '../../db/sql' {
  interface Tables {
    'app.absence': KyselyTable<typeof absenceTable>;
  }
}
