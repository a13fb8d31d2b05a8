/** The caseload module's resolvers, for src/graphql/schema.ts (the schema's door into the module). */
import { CaseloadResolver } from './caseload.resolver';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const CASELOAD_RESOLVERS: Function[] = [CaseloadResolver];
