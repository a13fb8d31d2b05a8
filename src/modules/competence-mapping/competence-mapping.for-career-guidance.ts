/**
 * What career guidance reads of the competence mapping: whether it is complete (guidance builds on it,
 * ), and for the county's projection what the county may see of it.
 */
import { db, first } from '../../db/sql';
import { RequestContext } from '../shared';
import { CompetenceMappingRecord } from './competence-mapping.table';

/** The mapping's status, or null when the participant has no mapping yet. */
export async function guidanceMappingStatus(
  ctx: RequestContext,
  municipalityId: number,
  participantId: string,
): Promise<CompetenceMappingRecord['status'] | null> {
  const row = await first(
    ctx.tx,
    db.selectFrom('app.competence_mapping').select('status').where('municipality_id', '=', municipalityId).where('participant_id', '=', participantId),
  );
  return row?.status ?? null;
}

/**
 * The county's window on the mapping, as a relation the career-guidance module joins into its own
 * statement (Kysely inlines it as a sub-select, which PostgreSQL flattens into a plain join). The completion
 * date only while the mapping is complete: a reopened mapping has none.
 */
export function guidanceMappings() {
  return db
    .selectFrom('app.competence_mapping')
    .select([
      'municipality_id',
      'participant_id',
      'language_skills',
      'education',
      'work_experience',
      'other_competence',
      'counts_as_upper_secondary',
      (eb) => eb.case().when('status', '=', 'COMPLETED').then(eb.ref('completed_at')).end().as('mapping_completed_at'),
    ]);
}
