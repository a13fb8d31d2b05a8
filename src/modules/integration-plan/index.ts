/**
 * The integration-plan module's door, minimal for now: what the appeal module uses. (The module's owner
 * replaces this with the module's real index; keep the integration-plan.for-appeal export.)
 */
export { PlanVersion, toPlanVersion } from './integration-plan';
export { planVersionsForAppeal } from './integration-plan.for-appeal';
export type { PlanOwnerKey } from './integration-plan.for-appeal';
