/** The appeal (klage) module's resolvers, registered in src/graphql/schema.ts. */
import { AppealResolver, DecisionAppealsResolver, ParticipantAppealsResolver } from './appeal.resolver';
import { StatsforvalterAppealResolver } from './statsforvalter.resolver';

export { appealCounts, hasOpenAppealSql } from './counts';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const APPEAL_RESOLVERS: Function[] = [AppealResolver, ParticipantAppealsResolver, DecisionAppealsResolver, StatsforvalterAppealResolver];
