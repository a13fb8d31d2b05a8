/** The absence module's resolvers, for src/graphql/schema.ts. */
import { AbsenceResolver } from './absence.resolver';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const ABSENCE_RESOLVERS: Function[] = [AbsenceResolver];
