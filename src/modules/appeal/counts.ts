/**
 * Appeals on the municipality's dashboard: the counts for caseloadSummary and the SQL predicate for the
 * participants filter. Built from constants only, never from input text.
 */
import { GraphQLContext } from '../../graphql/context';
import { ownMunicipality } from '../participant/participant.service';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Appeals the municipality has still to review (received, or under review). Alias `a` = app.appeal. */
export const AWAITING_REVIEW_SQL = `a.state IN ('RECEIVED', 'UNDER_REVIEW')`;
/** Statsforvalteren changed or quashed the decision and the municipality has not recorded its follow-up. */
export const FOLLOW_UP_NEEDED_SQL = `a.outcome IN ('CHANGED', 'QUASHED_AND_RETURNED') AND a.follow_up_decision_id IS NULL`;

/**
 * EXISTS(…) for "the participant has an appeal that is not closed", for the participants filter;
 * `participantAlias` is the alias of app.participant in the caller's SQL (an SQL identifier).
 */
export function hasOpenAppealSql(participantAlias: string): string {
  if (!IDENTIFIER.test(participantAlias)) throw new Error(`not an SQL alias: ${participantAlias}`);
  const p = participantAlias;
  return `EXISTS (SELECT 1 FROM app.appeal oa WHERE oa.municipality_id = ${p}.municipality_id AND oa.participant_id = ${p}.id AND oa.state <> 'CLOSED')`;
}

/** The caller's municipality's appeal counts for the dashboard, in one SQL statement (each count its own partial index). */
export async function appealCounts(ctx: GraphQLContext): Promise<{ awaitingReview: number; followUpsNeeded: number }> {
  const [row] = await ctx.tx.query<{ awaiting_review: string; follow_ups_needed: string }>(
    `SELECT (SELECT count(*) FROM app.appeal a WHERE a.municipality_id = $1 AND ${AWAITING_REVIEW_SQL}) AS awaiting_review,
            (SELECT count(*) FROM app.appeal a WHERE a.municipality_id = $1 AND ${FOLLOW_UP_NEEDED_SQL}) AS follow_ups_needed`,
    [ownMunicipality(ctx)],
  );
  return { awaitingReview: Number(row.awaiting_review), followUpsNeeded: Number(row.follow_ups_needed) };
}
