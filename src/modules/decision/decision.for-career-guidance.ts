/** What career guidance reads of a participant's decisions. */
import type { IsoDate } from '../../domain/calendar';
import { RequestContext } from '../shared';
import { decisionRepository } from './decision.repository';

/**
 * The day participation was first granted (R-3.2: guidance should come before it), or null. From the
 * request's batched decision loader, so a page of referrals costs one statement, shared with any other
 * field that reads the participant's decisions.
 */
export async function firstParticipationGrantDate(ctx: RequestContext, participantId: string): Promise<IsoDate | null> {
  const decisions = await decisionRepository.forCase(ctx, participantId);
  const dates = decisions.filter((d) => d.type === 'PARTICIPATION' && d.outcome === 'GRANTED').map((d) => d.decidedAt);
  return dates.sort()[0] ?? null;
}
