import { IsBoolean, IsInt, IsOptional, Length, Matches, Min } from 'class-validator';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { enumFrom } from '../../graphql/enums';
import { IdempotencyKeyField } from '../../graphql/idempotency-key';
import { LocalDateScalar, UUIDScalar } from '../../graphql/scalars';
import { PLAIN_TEXT } from '../shared';

export const COMPETENCE_MAPPING_STATUSES = ['IN_PROGRESS', 'COMPLETED'] as const;
export type CompetenceMappingStatus = (typeof COMPETENCE_MAPPING_STATUSES)[number];
export const CompetenceMappingStatusEnum = enumFrom(
  COMPETENCE_MAPPING_STATUSES,
  'CompetenceMappingStatus',
  'Where the competence mapping (kartlegging av kompetanse, integreringsloven §§ 6 and 10) stands: IN_PROGRESS or COMPLETED.',
  {
    IN_PROGRESS: 'Begun (or reopened) but not complete: no participation decision can be granted (R-2.2) and career guidance cannot be submitted (R-13.9).',
    COMPLETED: 'Complete (R-2.1): what the participation decision and career guidance build on (R-2.2, R-3.2).',
  },
);

/** Kompetansekartlegging (integreringsloven §§ 6, 10; R-2). */
@ObjectType({ simpleResolvers: true, description: 'Competence mapping (kompetansekartlegging), R-2.' })
export class CompetenceMapping {
  @Field(() => UUIDScalar, { description: "The mapping's id." })
  id: string;

  @Field(() => Int, { description: 'Optimistic-concurrency version: send it back as input.expectedVersion with an update.' })
  version: number;

  @Field(() => CompetenceMappingStatusEnum, { description: 'IN_PROGRESS or COMPLETED.' })
  status: CompetenceMappingStatus;

  @Field({ description: 'Language skills as mapped (R-2.1), free text.' })
  languageSkills: string;

  @Field({ description: 'Education as mapped, highest level included (R-2.1), free text.' })
  education: string;

  @Field({ description: 'Highest education counts as upper-secondary (GSU list, forskrift § 65a).' })
  countsAsUpperSecondary: boolean;

  @Field({ description: 'Work experience as mapped (R-2.1), free text.' })
  workExperience: string;

  @Field({ description: 'Other relevant competence (R-2.1), free text; empty when none.' })
  otherCompetence: string;

  @Field({ description: 'Resettlement refugees are mapped by IMDi before arrival; the municipality completes and quality-checks.' })
  mappedBeforeArrivalByImdi: boolean;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The day the mapping was completed; null while IN_PROGRESS.' })
  completedAt: string | null;
}

@InputType({ description: 'The competence mapping (kartlegging av kompetanse, R-2.1) as recorded; an update gives every field again.' })
export class CompetenceMappingInput {
  @Field({ description: 'Language skills, at most 4000 characters.' })
  @Length(0, 4000)
  @Matches(PLAIN_TEXT)
  languageSkills: string;

  @Field({ description: 'Education, highest level included, at most 4000 characters.' })
  @Length(0, 4000)
  @Matches(PLAIN_TEXT)
  education: string;

  @Field({
    description:
      "Highest education counts as upper-secondary (GSU list, forskrift § 65a); also sets the participant's hasUpperSecondary, which the end goals follow (R-5.2).",
  })
  @IsBoolean()
  countsAsUpperSecondary: boolean;

  @Field({ description: 'Work experience, at most 4000 characters.' })
  @Length(0, 4000)
  @Matches(PLAIN_TEXT)
  workExperience: string;

  @Field({ defaultValue: '', description: 'Other relevant competence, at most 4000 characters.' })
  @Length(0, 4000)
  @Matches(PLAIN_TEXT)
  otherCompetence: string;

  @Field({ defaultValue: false, description: 'A resettlement refugee mapped by IMDi before arrival: the municipality completes and quality-checks (R-2.2).' })
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
