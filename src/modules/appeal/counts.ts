/**
 * Appeals on the municipality's dashboard: the counts for caseloadSummary and the SQL predicates for the
 * participants filter. Transitional file: the case list (src/modules/caseload) still imports it by path;
 * everything else imports these through the module's index.
 */
import { ownMunicipality, RequestContext } from '../shared';
import { appealRepository } from './appeal.repository';

export { AWAITING_REVIEW_SQL, FOLLOW_UP_NEEDED_SQL, hasOpenAppealSql } from './appeal.repository';

/** The caller's municipality's appeal counts for the dashboard, in one SQL statement (each count its own partial index). */
export function appealCounts(ctx: Pick<RequestContext, 'tx' | 'actor'>): Promise<{ awaitingReview: number; followUpsNeeded: number }> {
  return appealRepository.counts(ctx, ownMunicipality(ctx));
}
