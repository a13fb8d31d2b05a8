/** The decision module's resolvers, for src/graphql/schema.ts (the schema's door into the module). */
import { DecisionResolver, ParticipantDecisionsResolver } from './decision.resolver';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const DECISION_RESOLVERS: Function[] = [DecisionResolver, ParticipantDecisionsResolver];
