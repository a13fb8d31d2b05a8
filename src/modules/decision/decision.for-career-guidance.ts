/** What career guidance reads of a participant's decisions. */
import { Row } from '../../db/table';
import type { IsoDate } from '../../domain/calendar';
import { RequestContext } from '../shared';
import { decisionTable } from './decision.table';

/**
 * The day participation was first granted (R-3.2: guidance should come before it), or null. From the
 * request's batched case-file loader, so a page of referrals costs one statement, shared with any other
 * field that reads the participant's decisions.
 */
export async function firstParticipationGrantDate(ctx: RequestContext, participantId: string): Promise<IsoDate | null> {
  // The case-file loader selects * from app.decision: its rows are the table's rows.
  const decisions = (await ctx.loaders.caseRows.load({ table: 'decision', participantId })) as Row<typeof decisionTable>[];
  const dates = decisions.filter((d) => d.type === 'PARTICIPATION' && d.outcome === 'GRANTED').map((d) => d.decided_at);
  return dates.sort()[0] ?? null;
}
