/** The competence-mapping module's resolvers, for src/graphql/schema.ts. */
import { CompetenceMappingResolver } from './competence-mapping.resolver';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const COMPETENCE_MAPPING_RESOLVERS: Function[] = [CompetenceMappingResolver];
