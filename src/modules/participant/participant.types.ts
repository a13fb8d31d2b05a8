import { ArrayMaxSize, IsBoolean, IsIn, IsNumber, IsOptional, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { PERMIT_CATEGORIES, PermitCategory } from '../../domain/eligibility';
import { enumFrom } from '../../graphql/enums';
import { Connection } from '../../graphql/pagination';
import { LocalDateScalar, UUIDScalar } from '../../graphql/scalars';

export const PermitCategoryEnum = enumFrom(PERMIT_CATEGORIES, 'PermitCategory', 'Residence-permit category (R-1.2, integreringsloven § 9).');

/** Free text a person types: printable, bounded, no control characters. */
export const PLAIN_TEXT = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]*$/;

@ObjectType({ description: 'One unmet condition of eligibility, with the section it comes from.' })
export class UnmetConditionType {
  @Field()
  code: string;

  @Field()
  ruleId: string;

  @Field()
  lawReference: string;

  @Field()
  message: string;
}

@ObjectType({ description: 'Right and duty to the introduction programme (R-1.8), evaluated as data.' })
export class EligibilityType {
  @Field()
  eligible: boolean;

  @Field({ description: 'RIGHT_AND_DUTY, DISCRETIONARY or NONE.' })
  basis: string;

  @Field({ description: 'INTEGRERINGSLOVEN, or INTRODUKSJONSLOVEN (old regime: manual assessment).' })
  regime: string;

  @Field(() => [UnmetConditionType])
  unmet: UnmetConditionType[];
}

@ObjectType()
export class Caseworker {
  @Field()
  sub: string;

  @Field()
  name: string;
}

@ObjectType({ description: 'A person in the municipality\'s introduction-programme register (deltaker).' })
export class Participant {
  @Field(() => UUIDScalar)
  id: string;

  municipalityId: number;

  @Field(() => Int, { description: 'Optimistic-concurrency version: send it back with an update.' })
  version: number;

  @Field()
  name: string;

  // Resolved by a field resolver: full only on the single-participant view of the own municipality.
  identityNumber?: string;

  @Field(() => LocalDateScalar)
  birthDate: string;

  @Field(() => PermitCategoryEnum)
  permitCategory: PermitCategory;

  @Field(() => LocalDateScalar)
  permitGrantDate: string;

  @Field(() => LocalDateScalar)
  arrivalDate: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'First settlement in a municipality.' })
  settlementDate: string | null;

  @Field({ description: 'Settled by agreement with IMDi (R-1.3).' })
  settledByAgreementWithImdi: boolean;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The participant\'s request (krav), where the right arises later.' })
  requestDate: string | null;

  @Field(() => Float, { nullable: true, description: 'Family reunification: years the reference person had lived in a municipality (R-1.2).' })
  familyReferenceYearsInMunicipality: number | null;

  @Field(() => String, { nullable: true })
  highestEducation: string | null;

  @Field({ description: 'Highest education counts as upper-secondary (GSU list, forskrift § 65a).' })
  hasUpperSecondary: boolean;

  @Field(() => Float, { nullable: true, description: 'Hours per week of work or a job offer (R-1.5).' })
  weeklyWorkHours: number | null;

  @Field(() => [LocalDateScalar])
  childrenBirthDates: string[];

  @Field({ description: 'Lives with a parent (benefit rate under 25, R-7.1).' })
  livesWithParent: boolean;

  @Field(() => [String])
  languages: string[];

  @Field(() => LocalDateScalar, { nullable: true, description: 'Decision and start at the latest (R-5.1); not moved off weekends.' })
  startDeadline: string | null;

  @Field()
  status: string;

  @Field(() => Caseworker, { nullable: true })
  assignedTo: Caseworker | null;
}

@ObjectType()
export class ParticipantConnection extends Connection(Participant, 'Participant') {}

@InputType({ description: 'A new participant. All dates are calendar dates.' })
export class RegisterParticipantInput {
  @Field()
  @Length(1, 200)
  @Matches(PLAIN_TEXT, { message: 'name contains control characters' })
  name: string;

  @Field({ description: 'Fødselsnummer or D-number, 11 digits with valid check digits (R-11).' })
  @Matches(/^\d{11}$/, { message: 'identityNumber must be 11 digits' })
  identityNumber: string;

  @Field(() => LocalDateScalar)
  birthDate: string;

  @Field(() => PermitCategoryEnum)
  @IsIn(PERMIT_CATEGORIES as unknown as string[])
  permitCategory: PermitCategory;

  @Field(() => LocalDateScalar)
  permitGrantDate: string;

  @Field(() => LocalDateScalar)
  arrivalDate: string;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  settlementDate?: string | null;

  @Field({ defaultValue: false })
  @IsBoolean()
  settledByAgreementWithImdi: boolean;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  requestDate?: string | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(100)
  familyReferenceYearsInMunicipality?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  @Matches(PLAIN_TEXT)
  highestEducation?: string | null;

  @Field({ defaultValue: false })
  @IsBoolean()
  hasUpperSecondary: boolean;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(168)
  weeklyWorkHours?: number | null;

  @Field(() => [LocalDateScalar], { defaultValue: [] })
  @ArrayMaxSize(30)
  childrenBirthDates: string[];

  @Field({ defaultValue: false })
  @IsBoolean()
  livesWithParent: boolean;

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  @Matches(PLAIN_TEXT, { each: true })
  languages: string[];

  @Field(() => String, { nullable: true, description: 'Retrying with the same key returns the first answer and creates nothing new.' })
  @IsOptional()
  @Length(8, 100)
  @Matches(/^[A-Za-z0-9_.:-]+$/)
  idempotencyKey?: string | null;
}
