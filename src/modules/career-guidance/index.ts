/**
 * Career guidance (karriereveiledning, R-3): referrals, the county's work on them and the guidance it
 * submits. The module knows nothing of plans: the integration plan records which guidance it built on
 * (and adds CareerGuidanceReferral.usedByPlanVersions), so the dependency points plan → guidance.
 * The resolvers (CAREER_GUIDANCE_RESOLVERS) are registered from career-guidance.resolver.ts.
 */
export { careerGuidanceReferralTable } from './career-guidance.table';
export type { CareerGuidanceReferralRecord } from './career-guidance.table';
export { CareerGuidanceService } from './career-guidance.service';
export type { CountyReferralRecord, ReferralRecord } from './career-guidance.service';
export { toCountyReferral, toMunicipalityReferral } from './career-guidance.views';
export { CareerGuidanceReferral, CountyGuidanceReferral, EndGoalEnum } from './career-guidance.types';
/** What the worklist reads of referrals. */
export { completedReferrals, countyWorklistReferrals } from './career-guidance.for-worklist';
export type { CountyWorklistReferralRecord } from './career-guidance.for-worklist';
