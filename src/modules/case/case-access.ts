import { GraphQLContext } from '../../graphql/context';
import { notFound } from '../../graphql/errors';
import { ParticipantEntity } from '../participant/participant.entity';
import { fromRow, ownMunicipality } from '../participant/participant.service';

/**
 * The case a mutation works on, locked for the rest of the request's transaction so two caseworkers'
 * changes to one case are applied one after the other. A missing id and another municipality's id
 * answer the same NOT_FOUND.
 */
export async function lockCase(ctx: GraphQLContext, participantId: string): Promise<ParticipantEntity> {
  const municipalityId = ownMunicipality(ctx);
  const [row] = await ctx.tx.query(`SELECT * FROM app.participant WHERE municipality_id = $1 AND id = $2 FOR UPDATE`, [municipalityId, participantId]);
  if (!row) throw notFound('Participant');
  return fromRow(row);
}

/** Keeps the participant's list status in step with the programme (the dashboard filters and indexes it). */
export async function setCaseStatus(ctx: GraphQLContext, p: ParticipantEntity, status: string): Promise<void> {
  await ctx.tx.query(`UPDATE app.participant SET status = $3, updated_at = now() WHERE municipality_id = $1 AND id = $2`, [p.municipalityId, p.id, status]);
}

/** After a write, the request's loaders must not answer from what they read before it. */
export function forgetCase(ctx: GraphQLContext, participantId: string): void {
  ctx.loaders.participant.clear(participantId);
  for (const table of ['competence_mapping', 'plan_version', 'programme', 'decision', 'absence', 'certificate'] as const) {
    ctx.loaders.caseRows.clear({ table, participantId });
  }
}
