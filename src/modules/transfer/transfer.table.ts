import { c, defineTable, KyselyTable, RecordOf } from '../../db/table';
import type { TransferState } from '../../domain/case-transfer';
import type { CompetenceMappingTransferRow } from '../competence-mapping';
import type { DecisionTransferRow } from '../decision';
import type { PlanVersionTransferRow } from '../integration-plan';
import type { ParticipantTransferRow } from '../participant';
import type { ProgrammeTransferRow } from '../programme';

/** A row as JSON holds it: timestamps become ISO strings. */
export type Json<T> = { [K in keyof T]: Exclude<T[K], Date> | (Date extends T[K] ? string : never) };

/**
 * What the sender puts into the receiver's inbox: the case's rows as each owning module gives them for a
 * transfer. Older snapshots hold only end_goal, duration_months and extension_months of the programme.
 */
export interface TransferSnapshot {
  participant: Json<ParticipantTransferRow>;
  mapping: Json<CompetenceMappingTransferRow> | null;
  plan: Json<PlanVersionTransferRow> | null;
  programme: Json<Partial<ProgrammeTransferRow>> | null;
  decisions: Json<DecisionTransferRow>[];
}

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
    snapshot: c.jsonb<TransferSnapshot>(),
    time_already_used_days: c.integer().default(0),
    state: c.text<TransferState>().default('PENDING'),
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
