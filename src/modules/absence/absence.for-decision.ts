/**
 * What the decision module writes into app.absence (owned here): the leave a granted LEAVE decision
 * gives, counted in working days toward moving the end date.
 */
import { RequestContext } from '../shared';
import { absenceRepository } from './absence.repository';

export async function recordGrantedLeave(
  ctx: RequestContext,
  p: { municipalityId: number; id: string },
  leave: { fromDate: string; toDate: string; workingDays: number; note: string },
): Promise<void> {
  await absenceRepository.insert(ctx, {
    municipalityId: p.municipalityId,
    participantId: p.id,
    kind: 'LEAVE',
    fromDate: leave.fromDate,
    toDate: leave.toDate,
    workingDays: leave.workingDays,
    note: leave.note,
    createdBy: ctx.actor.sub,
  });
}
