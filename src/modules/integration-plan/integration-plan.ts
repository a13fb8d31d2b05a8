/**
 * Transitional: the path other modules imported before the module had a door, kept until they import
 * '../integration-plan' (programme.resolver: EndGoalEnum; appeal's statsforvalter.resolver: PlanVersion and
 * toPlanVersion on the raw app.plan_version rows its own loader reads).
 */
import { toRecord } from '../../db/table';
import { EndGoalEnum } from '../career-guidance';
import { PlanVersionRecord } from './integration-plan.table';
import { toPlanVersion as view } from './integration-plan.service';
import { PlanVersion } from './integration-plan.types';

export { EndGoalEnum, PlanVersion };

/** A raw app.plan_version row (SELECT *, snake_case) as its GraphQL view. */
export function toPlanVersion(row: Record<string, unknown>): PlanVersion {
  return view(toRecord(row) as unknown as PlanVersionRecord);
}
