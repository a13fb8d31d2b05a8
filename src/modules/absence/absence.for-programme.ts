/** What the programme module reads of app.absence (owned here): the days that move the planned end date. */
import { db, run } from '../../db/sql';
import { AbsenceKind, countableDaysForEndDate } from '../../domain/absence';
import { RequestContext } from '../shared';

/** countable absence, free days and leave of the case, in working days. */
export async function countableWorkingDays(ctx: RequestContext, p: { municipalityId: number; id: string }): Promise<number> {
  const rows = await run(
    ctx.tx,
    db.selectFrom('app.absence').select(['kind', 'working_days']).where('municipality_id', '=', p.municipalityId).where('participant_id', '=', p.id),
  );
  // app.absence.kind is plain text in absence.table.ts; it is only ever written from AbsenceKindEnum (and 'LEAVE').
  return countableDaysForEndDate(rows.map((r) => ({ kind: r.kind as AbsenceKind, workingDays: r.working_days })));
}
