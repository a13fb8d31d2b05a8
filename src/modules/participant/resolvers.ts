/** The participant module's resolvers, for src/graphql/schema.ts (the schema's door into the module). */
import { ParticipantResolver } from './participant.resolver';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const PARTICIPANT_RESOLVERS: Function[] = [ParticipantResolver];
