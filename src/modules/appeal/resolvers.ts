/** The appeal module's resolvers, for src/graphql/schema.ts (the schema's door into the module). */
import { AppealResolver, ParticipantAppealsResolver, DecisionAppealsResolver } from './appeal.resolver';
import { DecisionAppealFactsResolver } from './decision-facts.resolver';
import { StatsforvalterAppealResolver } from './statsforvalter.resolver';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const APPEAL_RESOLVERS: Function[] = [
  AppealResolver,
  ParticipantAppealsResolver,
  DecisionAppealsResolver,
  DecisionAppealFactsResolver,
  StatsforvalterAppealResolver,
];
