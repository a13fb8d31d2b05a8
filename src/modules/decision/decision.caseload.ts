/** The decision module's parts of the dashboard's SQL (src/modules/caseload). */
import { CaseRowRef, columnsOf } from '../../db/table';
import { prefixedDecisionColumns } from './decision-row';
import { decisionTable } from './decision.table';

const d = columnsOf(decisionTable, 'd');

/** A lateral sub-select giving the newest decision's columns, each with `prefix` (see unprefixedDecisionRow). */
export function latestDecisionLateralSql(p: CaseRowRef, prefix: string): string {
  return `SELECT ${prefixedDecisionColumns('d', prefix)} FROM ${decisionTable.sqlName} d
    WHERE ${d.municipality_id} = ${p.municipality_id} AND ${d.participant_id} = ${p.id} ORDER BY ${d.decided_at} DESC, ${d.created_at} DESC LIMIT 1`;
}

/** decisions whose notice to the participant is not yet recorded (partial index decision_awaiting_notice). */
export function decisionsAwaitingNoticeCountSql(municipality: string): string {
  return `(SELECT count(*) FROM ${decisionTable.sqlName} d WHERE ${d.municipality_id} = ${municipality} AND ${d.notified_at} IS NULL)`;
}
