import { GraphQLContext } from '../../graphql/context';
import { ParticipantRecord, ParticipantService } from '../participant';

/**
 * The case a mutation works on, locked for the rest of the request's transaction so two caseworkers'
 * changes to one case are applied one after the other. A missing id and another municipality's id
 * answer the same NOT_FOUND.
 */
export function lockCase(ctx: GraphQLContext, participantId: string): Promise<ParticipantRecord> {
  return ParticipantService.lockCase(ctx, participantId);
}

/** Keeps the participant's list status in step with the programme (the dashboard filters and indexes it). */
export async function setCaseStatus(ctx: GraphQLContext, p: ParticipantRecord, status: string): Promise<void> {
  await ParticipantService.setCaseStatus(ctx, p, status);
}

/** After a write, the request's loaders must not answer from what they read before it. */
export function forgetCase(ctx: GraphQLContext, participantId: string): void {
  for (const table of ['competence_mapping', 'programme', 'decision', 'absence', 'certificate'] as const) {
    ctx.loaders.caseRows.clear({ table, participantId });
  }
}
