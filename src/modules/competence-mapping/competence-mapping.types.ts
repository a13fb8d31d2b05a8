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
  'Where the competence mapping (kartlegging av kompetanse, integreringsloven § 11) stands: IN_PROGRESS or COMPLETED.',
);

/** Kompetansekartlegging (integreringsloven §§ 6, 10; R-2). */
@ObjectType({ simpleResolvers: true, description: 'Competence mapping (kompetansekartlegging), R-2.' })
export class CompetenceMapping {
  @Field(() => UUIDScalar)
  id: string;

  @Field(() => Int)
  version: number;

  @Field(() => CompetenceMappingStatusEnum, { description: 'IN_PROGRESS or COMPLETED.' })
  status: CompetenceMappingStatus;

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
