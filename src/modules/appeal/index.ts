/** The appeal (klage) module: the one door other modules use. */

export { appealEventTable, appealTable } from './appeal.table';
export type { AppealEventRecord, AppealRecord } from './appeal.table';
export { AppealService } from './appeal.service';
export { StatsforvalterAppealService } from './statsforvalter.service';
export { Appeal, AppealedDecision, AppealParticipant, ForwardedAppeal } from './appeal.types';
export { toAppeal } from './appeal.views';
/** The dashboard's counts and the case list's predicate on appeals (src/modules/caseload). */
export { appealCounts, appealFollowUpsCountSql, appealsAwaitingReviewCountSql, hasOpenAppealSql } from './appeal.caseload';
/** What the worklist reads of appeals. */
export { municipalityWorklistAppeals, statsforvalterWorklistAppeals } from './appeal.for-worklist';
export type { ForwardedWorklistAppealRecord, WorklistAppealRecord } from './appeal.for-worklist';
/** The appeal list for the CSV export. */
export { appealListExportQuery } from './appeal.for-exports';
export type { AppealExportRow } from './appeal.for-exports';
export { AppealFilter } from './appeal.types';
