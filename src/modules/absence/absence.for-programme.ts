/** What the programme module reads of app.absence (owned here): the days that move the planned end date. */
import { countableDaysForEndDate } from '../../domain/absence';
import { RequestContext } from '../shared';
import { absenceRepository } from './absence.repository';

/** countable absence, free days and leave of the case, in working days. */
export async function countableWorkingDays(ctx: RequestContext, p: { municipalityId: number; id: string }): Promise<number> {
  const rows = await absenceRepository.forLockedCase(ctx, p);
  return countableDaysForEndDate(rows.map((r) => ({ kind: r.kind, workingDays: r.workingDays })));
}
