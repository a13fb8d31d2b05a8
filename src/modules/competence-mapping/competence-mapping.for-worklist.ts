/** What the worklist reads of the competence mapping: which of the given cases are mapped. */
import { anyOf, db, run, sql } from '../../db/sql';
import { RequestContext } from '../shared';
import './competence-mapping.table';

/** The cases among `participantIds` whose mapping is completed. */
export async function mappedParticipants(ctx: RequestContext, municipalityId: number, participantIds: readonly string[]): Promise<Set<string>> {
  if (!participantIds.length) return new Set();
  const rows = await run(
    ctx.tx,
    db
      .selectFrom('app.competence_mapping')
      .select('participant_id')
      .where('municipality_id', '=', municipalityId)
      .where('participant_id', '=', anyOf(participantIds, 'uuid'))
      .where('status', '=', sql.lit('COMPLETED')),
  );
  return new Set(rows.map((r) => r.participant_id));
}
