/** What the programme module reads of app.plan_version (owned here): the current plan, to start the programme and write the certificate. */
import { db, first, sql } from '../../db/sql';
import type { EndGoal } from '../../domain/end-goal';
import type { PlanContent } from '../../domain/integration-plan';
import { RequestContext } from '../shared';

export interface CurrentPlan {
  content: PlanContent;
  contractSignedAt: string | null;
  endGoal: EndGoal;
  durationMonths: number;
}

/** The case's newest plan version, or null when there is none. */
export async function currentPlan(ctx: RequestContext, p: { municipalityId: number; id: string }): Promise<CurrentPlan | null> {
  const row = await first(
    ctx.tx,
    db
      .selectFrom('app.plan_version')
      .select(['content', 'contract_signed_at', 'end_goal', 'duration_months'])
      .where('municipality_id', '=', p.municipalityId)
      .where('participant_id', '=', p.id)
      .orderBy('version_no', 'desc')
      .limit(sql.lit(1)),
  );
  if (!row) return null;
  // content and end_goal are declared loosely in integration-plan.table.ts; they are only ever written from a validated plan.
  return {
    content: row.content as PlanContent,
    contractSignedAt: row.contract_signed_at,
    endGoal: row.end_goal as EndGoal,
    durationMonths: row.duration_months,
  };
}
