/** The integration plan. Minimal for now: what the programme and appeal modules need; the module's owner adds the rest. */
export { EndGoalEnum, PlanVersion, toPlanVersion } from './integration-plan';
export { currentPlan } from './integration-plan.for-programme';
export type { CurrentPlan } from './integration-plan.for-programme';
export { planVersionsForAppeal } from './integration-plan.for-appeal';
export type { PlanOwnerKey } from './integration-plan.for-appeal';
