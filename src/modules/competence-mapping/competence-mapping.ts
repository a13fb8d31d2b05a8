import { IsBoolean, IsInt, IsOptional, Length, Matches, Min } from 'class-validator';
import { Arg, Authorized, Ctx, Field, FieldResolver, InputType, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { mappingDeadline } from '../../domain/deadlines';
import { GraphQLContext } from '../../graphql/context';
import { conflict } from '../../graphql/errors';
import { IdempotencyKeyField } from '../../graphql/idempotency-key';
import { LocalDateScalar, UUIDScalar } from '../../graphql/scalars';
import { diff, recordChange } from '../audit/change-log';
import { idempotentCreate } from '../audit/idempotency';
import { forgetCase, lockCase } from '../case/case-access';
import { Participant } from '../participant/participant.types';
import { PLAIN_TEXT } from '../shared';
import { ownMunicipality, ParticipantService } from '../participant/participant.service';

/** Kompetansekartlegging (integreringsloven §§ 6, 10; R-2). */
@ObjectType({ description: 'Competence mapping (kompetansekartlegging), R-2.' })
export class CompetenceMapping {
  @Field(() => UUIDScalar)
  id: string;

  @Field(() => Int)
  version: number;

  @Field({ description: 'IN_PROGRESS or COMPLETED.' })
  status: string;

  @Field()
  languageSkills: string;

  @Field()
  education: string;

  @Field({ description: 'Highest education counts as upper-secondary (GSU list, forskrift § 65a).' })
  countsAsUpperSecondary: boolean;

  @Field()
  workExperience: string;

  @Field()
  otherCompetence: string;

  @Field({ description: 'Resettlement refugees are mapped by IMDi before arrival; the municipality completes and quality-checks.' })
  mappedBeforeArrivalByImdi: boolean;

  @Field(() => LocalDateScalar, { nullable: true })
  completedAt: string | null;
}

@InputType()
export class CompetenceMappingInput {
  @Field()
  @Length(0, 4000)
  @Matches(PLAIN_TEXT)
  languageSkills: string;

  @Field()
  @Length(0, 4000)
  @Matches(PLAIN_TEXT)
  education: string;

  @Field()
  @IsBoolean()
  countsAsUpperSecondary: boolean;

  @Field()
  @Length(0, 4000)
  @Matches(PLAIN_TEXT)
  workExperience: string;

  @Field({ defaultValue: '' })
  @Length(0, 4000)
  @Matches(PLAIN_TEXT)
  otherCompetence: string;

  @Field({ defaultValue: false })
  @IsBoolean()
  mappedBeforeArrivalByImdi: boolean;

  @Field({ description: 'Mark the mapping complete (required before the participation decision).' })
  @IsBoolean()
  complete: boolean;

  @Field(() => LocalDateScalar, { nullable: true, description: 'When completed; today if not given.' })
  @IsOptional()
  completedAt?: string | null;

  @Field(() => Int, { nullable: true, description: 'The version you edited; omit when creating.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number | null;

  @IdempotencyKeyField('Retrying with the same key returns the first answer and records nothing new.')
  idempotencyKey?: string | null;
}

export function toMapping(r: Record<string, unknown>): CompetenceMapping {
  return {
    id: r.id as string,
    version: Number(r.version),
    status: r.status as string,
    languageSkills: r.language_skills as string,
    education: r.education as string,
    countsAsUpperSecondary: r.counts_as_upper_secondary as boolean,
    workExperience: r.work_experience as string,
    otherCompetence: r.other_competence as string,
    mappedBeforeArrivalByImdi: r.mapped_before_arrival_by_imdi as boolean,
    completedAt: (r.completed_at as string) ?? null,
  };
}

@Authorized('MUNICIPALITY')
@Resolver(() => Participant)
export class CompetenceMappingResolver {
  @Authorized('MUNICIPALITY')
  @Mutation(() => Participant, { nullable: true, description: 'Records or updates the competence mapping (R-2).' })
  async recordCompetenceMapping(
    @Arg('participantId', () => UUIDScalar) participantId: string,
    @Arg('input') input: CompetenceMappingInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Participant> {
    const { idempotencyKey, ...payload } = input;
    await idempotentCreate(ctx, { municipalityId: ownMunicipality(ctx), key: idempotencyKey, operation: 'recordCompetenceMapping', payload: { participantId, ...payload } }, () =>
      record(ctx, participantId, input),
    );
    return ParticipantService.get(ctx, participantId);
  }

  @FieldResolver(() => CompetenceMapping, { nullable: true })
  async competenceMapping(@Root() p: Participant, @Ctx() ctx: GraphQLContext): Promise<CompetenceMapping | null> {
    const rows = await ctx.loaders.caseRows.load({ table: 'competence_mapping', participantId: p.id });
    return rows[0] ? toMapping(rows[0]) : null;
  }

  @FieldResolver(() => LocalDateScalar, { nullable: true, description: 'Mapping complete at the latest (R-2.2): the start deadline, not moved.' })
  mappingDeadline(@Root() p: Participant): string | null {
    return p.settlementDate ? mappingDeadline({ settlementDate: p.settlementDate, requestDate: p.requestDate }) : null;
  }
}

/** Records or updates the mapping on the locked case; returns the mapping's id (what an idempotency key replays). */
async function record(ctx: GraphQLContext, participantId: string, input: CompetenceMappingInput): Promise<string> {
  const p = await lockCase(ctx, participantId);
  const [existing] = await ctx.tx.query(`SELECT * FROM app.competence_mapping WHERE municipality_id = $1 AND participant_id = $2`, [p.municipalityId, p.id]);
  const completedAt = input.complete ? (input.completedAt ?? ctx.today) : null;
  const values = [
    p.municipalityId, p.id, input.complete ? 'COMPLETED' : 'IN_PROGRESS', input.languageSkills, input.education,
    input.countsAsUpperSecondary, input.workExperience, input.otherCompetence, input.mappedBeforeArrivalByImdi, completedAt, ctx.actor.sub,
  ];
  let row: Record<string, unknown>;
  if (!existing) {
    [row] = await ctx.tx.query(
      `INSERT INTO app.competence_mapping (municipality_id, participant_id, status, language_skills, education, counts_as_upper_secondary,
         work_experience, other_competence, mapped_before_arrival_by_imdi, completed_at, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING *`,
      values,
    );
  } else {
    // The version guard is in the UPDATE itself: a stale edit changes nothing.
    const rows = await ctx.tx.query(
      `UPDATE app.competence_mapping SET status = $3, language_skills = $4, education = $5, counts_as_upper_secondary = $6,
         work_experience = $7, other_competence = $8, mapped_before_arrival_by_imdi = $9, completed_at = $10, updated_by = $11,
         version = version + 1, updated_at = now()
       WHERE municipality_id = $1 AND participant_id = $2 AND version = $12 RETURNING *`,
      [...values, input.expectedVersion ?? -1],
    );
    if (!rows.length) throw conflict('The competence mapping was changed by someone else; reload and try again');
    row = rows[0];
  }
  // The mapping's judgement of upper-secondary education is what the end-goal rules read.
  await ctx.tx.query(`UPDATE app.participant SET has_upper_secondary = $3 WHERE municipality_id = $1 AND id = $2`, [p.municipalityId, p.id, input.countsAsUpperSecondary]);
  await recordChange(ctx, {
    municipalityId: p.municipalityId, operation: 'recordCompetenceMapping', participantId: p.id, entity: 'competence_mapping', entityId: row.id as string,
    changes: diff(existing ? toMapping(existing) : null, toMapping(row)),
  });
  forgetCase(ctx, p.id);
  return row.id as string;
}
