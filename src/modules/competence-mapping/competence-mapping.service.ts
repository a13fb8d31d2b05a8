/** The competence mapping (kompetansekartlegging, integreringsloven §§ 6, 10; R-2): one per case. */
import { ConflictError } from '../../domain/errors';
import { diff, idempotentCreate, recordChange } from '../audit';
import { ParticipantService } from '../participant';
import { ownMunicipality, RequestContext } from '../shared';
import { competenceMappingRepository } from './competence-mapping.repository';
import { CompetenceMappingRecord } from './competence-mapping.table';
import type { CompetenceMapping, CompetenceMappingInput } from './competence-mapping.types';

export function toMapping(r: CompetenceMappingRecord): CompetenceMapping {
  return {
    id: r.id,
    version: r.version,
    status: r.status,
    languageSkills: r.languageSkills,
    education: r.education,
    countsAsUpperSecondary: r.countsAsUpperSecondary,
    workExperience: r.workExperience,
    otherCompetence: r.otherCompetence,
    mappedBeforeArrivalByImdi: r.mappedBeforeArrivalByImdi,
    completedAt: r.completedAt,
  };
}

export const CompetenceMappingService = {
  forCase(ctx: RequestContext, participantId: string): Promise<CompetenceMappingRecord | null> {
    return competenceMappingRepository.forCase(ctx, participantId);
  },

  /** Records or updates the mapping; a retry with the same idempotency key records nothing new. */
  async record(ctx: RequestContext, participantId: string, input: CompetenceMappingInput): Promise<void> {
    const { idempotencyKey, ...payload } = input;
    await idempotentCreate(
      ctx,
      { municipalityId: ownMunicipality(ctx), key: idempotencyKey, operation: 'recordCompetenceMapping', payload: { participantId, ...payload } },
      () => recordOnLockedCase(ctx, participantId, input),
    );
  },
};

/** Records or updates the mapping on the locked case; returns the mapping's id (what an idempotency key replays). */
async function recordOnLockedCase(ctx: RequestContext, participantId: string, input: CompetenceMappingInput): Promise<string> {
  const p = await ParticipantService.lockCase(ctx, participantId);
  const existing = await competenceMappingRepository.ofLockedCase(ctx, p);
  const fields = {
    status: input.complete ? ('COMPLETED' as const) : ('IN_PROGRESS' as const),
    languageSkills: input.languageSkills,
    education: input.education,
    countsAsUpperSecondary: input.countsAsUpperSecondary,
    workExperience: input.workExperience,
    otherCompetence: input.otherCompetence,
    mappedBeforeArrivalByImdi: input.mappedBeforeArrivalByImdi,
    completedAt: input.complete ? (input.completedAt ?? ctx.today) : null,
    updatedBy: ctx.actor.sub,
  };
  let row: CompetenceMappingRecord | null;
  if (!existing) {
    row = await competenceMappingRepository.insert(ctx, { municipalityId: p.municipalityId, participantId: p.id, ...fields });
  } else {
    row = await competenceMappingRepository.update(ctx, p, input.expectedVersion ?? -1, fields);
    if (!row) throw new ConflictError('The competence mapping was changed by someone else; reload and try again');
  }
  // The mapping's judgement of upper-secondary education is what the end-goal rules read.
  await ParticipantService.recordUpperSecondary(ctx, p, input.countsAsUpperSecondary);
  await recordChange(ctx, {
    municipalityId: p.municipalityId,
    operation: 'recordCompetenceMapping',
    participantId: p.id,
    entity: 'competence_mapping',
    entityId: row.id,
    changes: diff(existing ? toMapping(existing) : null, toMapping(row)),
  });
  return row.id;
}
