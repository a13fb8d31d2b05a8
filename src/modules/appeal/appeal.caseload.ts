/**
 * The appeal module's parts of the dashboard's SQL (src/modules/caseload): predicates correlated with a
 * participant row, and the summary's counts. Constants stay SQL literals so the partial indexes
 * (appeal_open, appeal_awaiting_review, appeal_follow_up_needed) match generic plans too.
 */
import type { AppealState, StatsforvalterOutcome } from '../../domain/appeal';
import { CaseRowRef, caseRowRef, columnsOf, lit, litList } from '../../db/table';
import { ownMunicipality, RequestContext } from '../shared';
import { appealTable } from './appeal.table';

const a = columnsOf(appealTable, 'a');

/** The participant has an appeal that is not closed. */
export function hasOpenAppealSql(row: CaseRowRef | string): string {
  const p = caseRowRef(row);
  const oa = columnsOf(appealTable, 'oa');
  return `EXISTS (SELECT 1 FROM ${appealTable.sqlName} oa WHERE ${oa.municipality_id} = ${p.municipality_id} AND ${oa.participant_id} = ${p.id} AND ${oa.state} <> ${lit<AppealState>('CLOSED')})`;
}

/** appeals the municipality still has to review (received, or under review). */
export function appealsAwaitingReviewCountSql(municipality: string): string {
  return `(SELECT count(*) FROM ${appealTable.sqlName} a WHERE ${a.municipality_id} = ${municipality} AND ${a.state} IN (${litList<AppealState>(['RECEIVED', 'UNDER_REVIEW'])}))`;
}

/** Statsforvalteren changed or quashed the decision and the municipality has not recorded its follow-up. */
export function appealFollowUpsCountSql(municipality: string): string {
  return `(SELECT count(*) FROM ${appealTable.sqlName} a WHERE ${a.municipality_id} = ${municipality}
    AND ${a.outcome} IN (${litList<StatsforvalterOutcome>(['CHANGED', 'QUASHED_AND_RETURNED'])}) AND ${a.follow_up_decision_id} IS NULL)`;
}

/** The caller's municipality's appeal counts for the dashboard, in one SQL statement (each count its own partial index). */
export async function appealCounts(ctx: Pick<RequestContext, 'tx' | 'actor'>): Promise<{ awaitingReview: number; followUpsNeeded: number }> {
  const m = ownMunicipality(ctx);
  const [row] = await ctx.tx.query<{ awaiting_review: number; follow_ups_needed: number }>(
    `SELECT ${appealsAwaitingReviewCountSql('$1')} AS awaiting_review, ${appealFollowUpsCountSql('$1')} AS follow_ups_needed`,
    [m],
  );
  return { awaitingReview: Number(row.awaiting_review), followUpsNeeded: Number(row.follow_ups_needed) };
}
