/**
 * What the decision letter reads of a decision (src/modules/documents): the decision as stored, with the
 * appeal deadline the API shows for it (R-9.2: from the recorded notice; null until the notice is recorded).
 */
import type { IsoDate } from '../../domain/calendar';
import { appealDeadline } from '../../domain/deadlines';
import { RequestContext } from '../shared';
import { decisionRepository } from './decision.repository';
import type { DecisionRecord } from './decision.table';

export type DecisionForLetter = DecisionRecord & { appealDeadline: IsoDate | null };

/** A decision the caller's transaction can see, or null (another municipality's and a random id alike). */
export async function decisionForLetter(ctx: RequestContext, id: string): Promise<DecisionForLetter | null> {
  const d = await decisionRepository.find(ctx, id);
  if (!d) return null;
  return { ...d, appealDeadline: d.notifiedAt ? appealDeadline({ notifiedAt: d.notifiedAt }).deadline : null };
}
