import { c, defineTable, KyselyTable, RecordOf } from '../../db/table';
import type { DecisionType } from '../../domain/decision-types';
import type { Eligibility } from '../../domain/eligibility';
import type { HaltKind } from '../../domain/leave';
import type { RuleNotice } from '../../domain/regime';
import type { BenefitDetails, ExemptionDetails, ExtensionDetails, LeaveDetails } from './decision.types';

export type DecisionOutcome = 'GRANTED' | 'REFUSED';

/** What a decision stores of its type's block (app.decision.details): the API reads it back as the type's details. */
export interface DecisionDetails {
  /** PARTICIPATION: the eligibility the grant was made on. */
  eligibility?: Eligibility;
  benefit?: BenefitDetails;
  halt?: { kind: HaltKind; fromDate: string; toDate?: string | null; latestToDate?: string | null };
  extension?: ExtensionDetails;
  leave?: LeaveDetails;
  exemption?: ExemptionDetails;
  /** why the first participation decision came after the deadline. */
  lateDecisionReason?: string;
  /** rules not enforced automatically for this decision (an offer before the rule's start). */
  ruleNotices?: RuleNotice[];
}

/** decisions (enkeltvedtak), with the notice date that starts the appeal deadline. */
export const decisionTable = defineTable(
  'decision',
  {
    municipality_id: c.smallint(),
    id: c.uuid().defaultSql('gen_random_uuid()'),
    participant_id: c.uuid(),
    type: c.text<DecisionType>(),
    outcome: c.text<DecisionOutcome>(),
    basis: c.text().nullable(),
    reasons: c.text(),
    legal_basis: c.text().array(),
    decided_at: c.date(),
    decided_by_sub: c.text(),
    decided_by_name: c.text(),
    advance_notice_at: c.date().nullable(),
    notified_at: c.date().nullable(),
    // facts of the decision that move its appeal deadline.
    reasons_requested_at: c.date().nullable(),
    reasons_received_at: c.date().nullable(),
    appeal_deadline_extended_to: c.date().nullable(),
    appeal_deadline_extended_on: c.date().nullable(),
    details: c.jsonb<DecisionDetails>().defaultSql(`'{}'`),
    version: c.integer().default(1),
    created_at: c.timestamptz().defaultSql('now()'),
  },
  {
    primaryKey: ['municipality_id', 'id'],
    indexes: [
      // (municipality_id, participant_id, decided_at DESC, id): a descending key TypeORM cannot describe.
      { name: 'decision_participant', columns: ['municipality_id', 'participant_id', 'decided_at', 'id'], managedByMigration: true },
      { name: 'decision_awaiting_notice', columns: ['municipality_id'], where: 'notified_at IS NULL' },
    ],
    foreignKeys: [{ columns: ['municipality_id', 'participant_id'], references: { table: 'participant', columns: ['municipality_id', 'id'] } }],
    checks: [{ name: 'decision_outcome_check', expression: `outcome IN ('GRANTED', 'REFUSED')` }],
  },
);
export type DecisionRecord = RecordOf<typeof decisionTable>;

declare module '../../db/sql' {
  interface Tables {
    'app.decision': KyselyTable<typeof decisionTable>;
  }
}
