/** The integration plan. Minimal for now: what the programme module needs; the module's owner adds the rest. */
export { EndGoalEnum } from './integration-plan';
export { currentPlan } from './integration-plan.for-programme';
export type { CurrentPlan } from './integration-plan.for-programme';
