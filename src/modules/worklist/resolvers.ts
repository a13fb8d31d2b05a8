/** The worklist module's resolvers, for src/graphql/schema.ts (the schema's door into the module). */
import { WorklistResolver } from './worklist.resolver';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const WORKLIST_RESOLVERS: Function[] = [WorklistResolver];
