/** What the integration plan reads of a participant's decisions. */
import { db, first } from '../../db/sql';
import type { DecisionType } from '../../domain/decision-types';
import { RequestContext } from '../shared';

/** Whether `decisionId` is a granted decision of `type` on this participant (R-4.3: a significant change of the plan needs one). */
export async function hasGrantedDecision(
  ctx: RequestContext,
  p: { municipalityId: number; id: string },
  decisionId: string,
  type: DecisionType,
): Promise<boolean> {
  const row = await first(
    ctx.tx,
    db
      .selectFrom('app.decision')
      .select('id')
      .where('municipality_id', '=', p.municipalityId)
      .where('participant_id', '=', p.id)
      .where('id', '=', decisionId)
      .where('type', '=', type)
      .where('outcome', '=', 'GRANTED'),
  );
  return row !== undefined;
}
