/** The programme module's resolvers, for src/graphql/schema.ts (the schema's door into the module). */
import { ProgrammeResolver } from './programme.resolver';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const PROGRAMME_RESOLVERS: Function[] = [ProgrammeResolver];
