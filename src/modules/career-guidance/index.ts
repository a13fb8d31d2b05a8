/** The career-guidance (karriereveiledning) module's resolvers, registered in src/graphql/schema.ts. */
import { CountyCareerGuidanceResolver, MunicipalityCareerGuidanceResolver, ParticipantCareerGuidanceResolver } from './career-guidance.resolver';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const CAREER_GUIDANCE_RESOLVERS: Function[] = [MunicipalityCareerGuidanceResolver, ParticipantCareerGuidanceResolver, CountyCareerGuidanceResolver];
