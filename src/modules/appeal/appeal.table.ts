import type { Role } from '../../auth/roles';
import type { AppealHistoryEvent, AppealState, StatsforvalterOutcome } from '../../domain/appeal';
import type { AppealDeadlineBasis, LateAppealGround } from '../../domain/deadlines';
import { c, defineTable, KyselyTable, RecordOf } from '../../db/table';

const toDecision = (column: 'decision_id' | 'reversal_decision_id' | 'follow_up_decision_id' | 'dismissal_decision_id') => ({
  columns: ['municipality_id' as const, column],
  references: { table: 'decision', columns: ['municipality_id', 'id'] },
});

/** an appeal (klage) against a municipality's decision, from intake to Statsforvalteren's outcome. */
export const appealTable = defineTable(
  'appeal',
  {
    municipality_id: c.smallint(),
    id: c.uuid().defaultSql('gen_random_uuid()'),
    decision_id: c.uuid(),
    participant_id: c.uuid(),
    version: c.integer().default(1),
    state: c.text<AppealState>().default('RECEIVED'),
    closed_from: c.text<AppealState>().nullable(),
    received_at: c.date(),
    sent_at: c.date(),
    grounds: c.text(),
    change_wanted: c.text(),
    reasons_requested_at: c.date().nullable(),
    reasons_received_at: c.date().nullable(),
    extended_deadline: c.date().nullable(),
    deadline: c.date(),
    deadline_basis: c.text<AppealDeadlineBasis>(),
    filed_in_time: c.boolean(),
    late_ground: c.text<LateAppealGround>().nullable(),
    late_appeal_last_day: c.date(),
    dismissal_reasons: c.text().nullable(),
    /** the municipality's dismissal is itself a decision (APPEAL_DISMISSAL), appealable like any other. */
    dismissal_decision_id: c.uuid().nullable(),
    reversal_decision_id: c.uuid().nullable(),
    municipality_statement: c.text().nullable(),
    statement_copied_to_participant_at: c.date().nullable(),
    forwarded_at: c.timestamptz().nullable(),
    statsforvalter_id: c.text().nullable(),
    reassigned_at: c.timestamptz().nullable(),
    reassignment_reason: c.text().nullable(),
    /** the office that handed the appeal on (disqualified); it keeps sight of this row only. */
    handed_on_by: c.text().nullable(),
    outcome: c.text<StatsforvalterOutcome>().nullable(),
    outcome_partial: c.boolean().default(false),
    outcome_reasons: c.text().nullable(),
    outcome_decided_at: c.date().nullable(),
    detriment_notice_at: c.date().nullable(),
    decided_by: c.text().nullable(),
    decided_by_sub: c.text().nullable(),
    to_detriment: c.boolean().default(false),
    follow_up_decision_id: c.uuid().nullable(),
    created_by_sub: c.text(),
    created_at: c.timestamptz().defaultSql('now()'),
    updated_at: c.timestamptz().defaultSql('now()'),
  },
  {
    primaryKey: ['municipality_id', 'id'],
    indexes: [
      { name: 'appeal_participant', columns: ['municipality_id', 'participant_id', 'received_at'] },
      { name: 'appeal_decision', columns: ['municipality_id', 'decision_id'] },
      { name: 'appeal_reversal_decision', columns: ['municipality_id', 'reversal_decision_id'], where: 'reversal_decision_id IS NOT NULL' },
      { name: 'appeal_statsforvalter_municipality', columns: ['municipality_id', 'statsforvalter_id'], where: 'forwarded_at IS NOT NULL' },
      { name: 'appeal_statsforvalter_id', columns: ['statsforvalter_id', 'id'], where: 'forwarded_at IS NOT NULL' },
      { name: 'appeal_statsforvalter_waiting', columns: ['statsforvalter_id', 'forwarded_at', 'id'], where: 'forwarded_at IS NOT NULL' },
      { name: 'appeal_statsforvalter_received', columns: ['statsforvalter_id', 'received_at', 'id'], where: 'forwarded_at IS NOT NULL' },
      { name: 'appeal_municipality_deadline', columns: ['municipality_id', 'deadline', 'id'] },
      { name: 'appeal_municipality_received', columns: ['municipality_id', 'received_at', 'id'] },
      { name: 'appeal_statsforvalter_deadline', columns: ['statsforvalter_id', 'deadline', 'id'], where: 'forwarded_at IS NOT NULL' },
      { name: 'appeal_awaiting_review', columns: ['municipality_id'], where: `state IN ('RECEIVED', 'UNDER_REVIEW')` },
      {
        name: 'appeal_follow_up_needed',
        columns: ['municipality_id'],
        where: `outcome IN ('CHANGED', 'QUASHED_AND_RETURNED') AND follow_up_decision_id IS NULL`,
      },
      { name: 'appeal_open', columns: ['municipality_id', 'participant_id'], where: `state <> 'CLOSED'` },
    ],
    foreignKeys: [
      { columns: ['municipality_id'], references: { table: 'municipality', columns: ['id'] } },
      toDecision('decision_id'),
      { columns: ['municipality_id', 'participant_id'], references: { table: 'participant', columns: ['municipality_id', 'id'] } },
      toDecision('reversal_decision_id'),
      toDecision('follow_up_decision_id'),
      toDecision('dismissal_decision_id'),
      { columns: ['statsforvalter_id'], references: { table: 'statsforvalter_area', columns: ['id'] } },
    ],
    checks: [
      { name: 'appeal_check', expression: 'forwarded_at IS NULL OR (statsforvalter_id IS NOT NULL AND municipality_statement IS NOT NULL)' },
      { name: 'appeal_check1', expression: `state <> 'DECIDED_BY_STATSFORVALTER' OR (outcome IS NOT NULL AND outcome_decided_at IS NOT NULL)` },
      { name: 'appeal_check2', expression: `(state = 'CLOSED') = (closed_from IS NOT NULL)` },
      {
        name: 'appeal_closed_from_check',
        expression: `closed_from IN ('RECEIVED', 'UNDER_REVIEW', 'REVERSED', 'DISMISSED', 'DECIDED_BY_STATSFORVALTER', 'FORWARDED', 'PARTLY_REVERSED_AND_FORWARDED')`,
      },
      { name: 'appeal_deadline_basis_check', expression: `deadline_basis IN ('NOTICE', 'REASONS', 'EXTENDED')` },
      { name: 'appeal_late_ground_check', expression: `late_ground IN ('PARTY_NOT_TO_BLAME', 'SPECIAL_REASONS')` },
      { name: 'appeal_outcome_check', expression: `outcome IN ('DISMISSED', 'UPHELD', 'CHANGED', 'QUASHED_AND_RETURNED')` },
      {
        name: 'appeal_state_check',
        expression: `state IN ('RECEIVED', 'UNDER_REVIEW', 'REVERSED', 'PARTLY_REVERSED_AND_FORWARDED', 'DISMISSED', 'FORWARDED', 'DECIDED_BY_STATSFORVALTER', 'CLOSED')`,
      },
    ],
  },
);
export type AppealRecord = RecordOf<typeof appealTable>;

/** The appeal's history: every step, by whom (either side), in order. */
export const appealEventTable = defineTable(
  'appeal_event',
  {
    municipality_id: c.smallint(),
    id: c.uuid().defaultSql('gen_random_uuid()'),
    appeal_id: c.uuid(),
    at: c.timestamptz().defaultSql('clock_timestamp()'),
    actor_sub: c.text(),
    actor_name: c.text(),
    actor_role: c.text<Role>(),
    actor_org: c.text(),
    event: c.text<AppealHistoryEvent>(),
    from_state: c.text<AppealState>().nullable(),
    to_state: c.text<AppealState>().nullable(),
    note: c.text().nullable(),
  },
  {
    primaryKey: ['municipality_id', 'id'],
    indexes: [{ name: 'appeal_event_appeal', columns: ['municipality_id', 'appeal_id', 'at'] }],
    foreignKeys: [
      { columns: ['municipality_id'], references: { table: 'municipality', columns: ['id'] } },
      { columns: ['municipality_id', 'appeal_id'], references: { table: 'appeal', columns: ['municipality_id', 'id'] } },
    ],
    checks: [
      {
        name: 'appeal_event_event_check',
        expression: `event IN ('REGISTER', 'ACCEPT_LATE', 'START_REVIEW', 'REVERSE', 'PARTLY_REVERSE_AND_FORWARD', 'DISMISS', 'FORWARD', 'REASSIGN', 'STATSFORVALTER_DECIDE', 'RECORD_FOLLOW_UP', 'CLOSE', 'REJUDGE_TIMELINESS')`,
      },
    ],
  },
);
export type AppealEventRecord = RecordOf<typeof appealEventTable>;

declare module '../../db/sql' {
  interface Tables {
    'app.appeal': KyselyTable<typeof appealTable>;
    'app.appeal_event': KyselyTable<typeof appealEventTable>;
  }
}
