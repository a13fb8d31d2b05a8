/**
 * Career guidance (karriereveiledning, R-3): referrals, the county's work on them and the guidance it
 * submits. The module knows nothing of plans: the integration plan records which guidance it built on
 * (and adds CareerGuidanceReferral.usedByPlanVersions), so the dependency points plan → guidance.
 */
import { CountyCareerGuidanceResolver, MunicipalityCareerGuidanceResolver, ParticipantCareerGuidanceResolver } from './career-guidance.resolver';

export { careerGuidanceReferralTable } from './career-guidance.table';
export type { CareerGuidanceReferralRecord } from './career-guidance.table';
export { CareerGuidanceService } from './career-guidance.service';
export type { ReferralRecord } from './career-guidance.service';
export { toMunicipalityReferral } from './career-guidance.resolver';
export { CareerGuidanceReferral, CountyGuidanceReferral, EndGoalEnum } from './career-guidance.types';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const CAREER_GUIDANCE_RESOLVERS: Function[] = [MunicipalityCareerGuidanceResolver, ParticipantCareerGuidanceResolver, CountyCareerGuidanceResolver];
