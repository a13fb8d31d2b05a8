/** The appeal (klage) module: the one door other modules use. */
import { AppealResolver, DecisionAppealsResolver, ParticipantAppealsResolver } from './appeal.resolver';
import { StatsforvalterAppealResolver } from './statsforvalter.resolver';

export { appealEventTable, appealTable } from './appeal.table';
export type { AppealEventRecord, AppealRecord } from './appeal.table';
export { AppealService } from './appeal.service';
export { StatsforvalterAppealService } from './statsforvalter.service';
export { Appeal, AppealedDecision, AppealParticipant, ForwardedAppeal } from './appeal.types';
export { toAppeal } from './appeal.views';
// The dashboard's counts and the case list's predicates (src/modules/caseload).
export { appealCounts, AWAITING_REVIEW_SQL, FOLLOW_UP_NEEDED_SQL, hasOpenAppealSql } from './counts';
export { AppealResolver, DecisionAppealsResolver, ParticipantAppealsResolver, StatsforvalterAppealResolver };

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const APPEAL_RESOLVERS: Function[] = [AppealResolver, ParticipantAppealsResolver, DecisionAppealsResolver, StatsforvalterAppealResolver];
