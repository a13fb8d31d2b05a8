/**
 * The integration plan (integreringsplan, § 15) and its contract (§ 16): every version, and the career
 * guidance a version built on (app.plan_guidance_link is part of the version's record). The dependency
 * points plan → career guidance: the plan reads a referral to record it, guidance never reads plans.
 * The resolvers (INTEGRATION_PLAN_RESOLVERS) are registered from integration-plan.resolver.ts.
 */
export { planGuidanceLinkTable, planVersionTable } from './integration-plan.table';
export type { PlanVersionRecord, StoredPlanContent } from './integration-plan.table';
export { IntegrationPlanService, integrationPlanForTransfer, toPlanVersion } from './integration-plan.service';
export type { PlanDecisions, PlanVersionTransferRow } from './integration-plan.service';
export {
  ElementKindEnum,
  EndGoalEnum,
  IntegrationPlan,
  IntegrationPlanInput,
  LifeSkillsHours,
  MainProgrammeTypeEnum,
  NorwegianGoal,
  PlanElement,
  PlanVersion,
} from './integration-plan.types';
/** What the programme and the appeal read of the plan. */
export { currentPlan } from './integration-plan.for-programme';
export type { CurrentPlan } from './integration-plan.for-programme';
export { planVersionsForAppeal } from './integration-plan.for-appeal';
export type { PlanOwnerKey } from './integration-plan.for-appeal';
/** The dashboard's parts on plans (src/modules/caseload). */
export { currentEndGoalInSql, currentEndGoalLateralSql, hasPlanSql } from './integration-plan.caseload';
/** What the worklist reads of plans. */
export { planGuidanceLinks } from './integration-plan.for-worklist';
