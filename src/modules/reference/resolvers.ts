/** The reference module's resolvers, for src/graphql/schema.ts (the schema's door into the module). */
import { ReferenceResolver } from './reference.resolver';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const REFERENCE_RESOLVERS: Function[] = [ReferenceResolver];
