/** The integration plan's parts of the dashboard's SQL (src/modules/caseload). */
import { CaseRowRef, columnsOf } from '../../db/table';
import { planVersionTable } from './integration-plan.table';

const v = columnsOf(planVersionTable, 'v');

/** the participant has an integration plan (any version). */
export function hasPlanSql(p: CaseRowRef): string {
  return `EXISTS (SELECT 1 FROM ${planVersionTable.sqlName} v WHERE ${v.municipality_id} = ${p.municipality_id} AND ${v.participant_id} = ${p.id})`;
}

/**
 * The current end goal (the highest plan version's) is one of `goals` (a bound text[]): written as "a
 * version with such a goal and no later version", which the planner runs as a hash semi-join, not a
 * look-up per row.
 */
export function currentEndGoalInSql(p: CaseRowRef, goals: string): string {
  const later = columnsOf(planVersionTable, 'later');
  return `EXISTS (SELECT 1 FROM ${planVersionTable.sqlName} v
    WHERE ${v.municipality_id} = ${p.municipality_id} AND ${v.participant_id} = ${p.id} AND ${v.end_goal} = ANY(${goals})
      AND NOT EXISTS (SELECT 1 FROM ${planVersionTable.sqlName} later WHERE ${later.municipality_id} = ${v.municipality_id}
                        AND ${later.participant_id} = ${v.participant_id} AND ${later.version_no} > ${v.version_no}))`;
}

/** A lateral sub-select giving the current end goal as `end_goal` (no row without a plan). */
export function currentEndGoalLateralSql(p: CaseRowRef): string {
  return `SELECT ${v.end_goal} FROM ${planVersionTable.sqlName} v
    WHERE ${v.municipality_id} = ${p.municipality_id} AND ${v.participant_id} = ${p.id} ORDER BY ${v.version_no} DESC LIMIT 1`;
}
