/**
 * What the decision module writes into app.absence (owned here): the leave a granted LEAVE decision
 * gives, counted in working days toward moving the end date.
 */
import { db, run } from '../../db/sql';
import { RequestContext } from '../shared';

export async function recordGrantedLeave(
  ctx: RequestContext,
  p: { municipalityId: number; id: string },
  leave: { fromDate: string; toDate: string; workingDays: number; note: string },
): Promise<void> {
  await run(
    ctx.tx,
    db.insertInto('app.absence').values({
      municipality_id: p.municipalityId,
      participant_id: p.id,
      kind: 'LEAVE',
      from_date: leave.fromDate,
      to_date: leave.toDate,
      working_days: leave.workingDays,
      note: leave.note,
      created_by: ctx.actor.sub,
    }),
  );
  // The absence list is still read through the shared case-file loader: it must not answer from before this row.
  ctx.loaders.caseRows.clear({ table: 'absence', participantId: p.id });
}
