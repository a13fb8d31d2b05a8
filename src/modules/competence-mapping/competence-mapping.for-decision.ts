/** What the decision module reads of app.competence_mapping (owned here): whether the mapping is complete. */
import { db, first } from '../../db/sql';
import { RequestContext } from '../shared';
import type { CompetenceMappingRecord } from './competence-mapping.table';

/** The case's mapping status, or undefined when there is no mapping yet. */
export async function mappingStatus(ctx: RequestContext, p: { municipalityId: number; id: string }): Promise<CompetenceMappingRecord['status'] | undefined> {
  const row = await first(
    ctx.tx,
    db.selectFrom('app.competence_mapping').select('status').where('municipality_id', '=', p.municipalityId).where('participant_id', '=', p.id),
  );
  return row?.status;
}
