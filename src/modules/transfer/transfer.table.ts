import { c, defineTable, KyselyTable, RecordOf } from '../../db/table';

/** A case sent to another municipality (the participant moved): the receiver's inbox. */
export const caseTransferTable = defineTable(
  'case_transfer',
  {
    municipality_id: c.smallint(),
    id: c.uuid().defaultSql('gen_random_uuid()'),
    from_municipality_id: c.smallint(),
    from_participant_id: c.uuid(),
    sent_at: c.date(),
    sent_by: c.text(),
    snapshot: c.jsonb<Record<string, unknown>>(),
    time_already_used_days: c.integer().default(0),
    state: c.text<'PENDING' | 'ACCEPTED' | 'REJECTED'>().default('PENDING'),
    decided_at: c.date().nullable(),
    decided_by: c.text().nullable(),
    rejection_reason: c.text().nullable(),
    accepted_participant_id: c.uuid().nullable(),
    version: c.integer().default(1),
  },
  {
    primaryKey: ['municipality_id', 'id'],
    indexes: [{ name: 'case_transfer_pending', columns: ['municipality_id', 'sent_at', 'id'], where: `state = 'PENDING'` }],
    foreignKeys: [
      { columns: ['municipality_id'], references: { table: 'municipality', columns: ['id'] } },
      { columns: ['from_municipality_id'], references: { table: 'municipality', columns: ['id'] } },
      { columns: ['municipality_id', 'accepted_participant_id'], references: { table: 'participant', columns: ['municipality_id', 'id'] } },
    ],
    checks: [
      { name: 'case_transfer_check', expression: 'municipality_id <> from_municipality_id' },
      { name: 'case_transfer_state_check', expression: `state IN ('PENDING', 'ACCEPTED', 'REJECTED')` },
    ],
  },
);
export type CaseTransferRecord = RecordOf<typeof caseTransferTable>;

declare module '../../db/sql' {
  interface Tables {
    'app.case_transfer': KyselyTable<typeof caseTransferTable>;
  }
}
