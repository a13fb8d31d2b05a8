import { IdempotencyKeyField } from '../../graphql/idempotency-key';
import { ArrayMaxSize, IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { EligibilityBasis, PERMIT_CATEGORIES, PermitCategory, UNMET_CONDITION_CODES, UnmetConditionCode } from '../../domain/eligibility';
import { PROGRAMME_STATES } from '../../domain/programme';
import { Regime, REGIMES } from '../../domain/regime';
import { enumFrom } from '../../graphql/enums';
import { LocalDateScalar, UUIDScalar } from '../../graphql/scalars';
import { PLAIN_TEXT } from '../shared';

/** app.participant.status: REGISTERED until a programme exists, then the programme's state (kept in step by the programme module). */
export const PARTICIPANT_STATUSES = ['REGISTERED', ...PROGRAMME_STATES] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];

export const EligibilityBasisEnum = enumFrom(
  ['RIGHT_AND_DUTY', 'DISCRETIONARY', 'NONE'] as const,
  'EligibilityBasis',
  'R-1.8: right and duty, a discretionary offer, or neither.',
);
export const RegimeEnum = enumFrom(
  REGIMES,
  'Regime',
  'The law that governs a case (R-0.2): INTEGRERINGSLOVEN (from 2021-01-01) or the old INTRODUKSJONSLOVEN (manual assessment).',
);
export const UnmetConditionCodeEnum = enumFrom(
  UNMET_CONDITION_CODES,
  'UnmetConditionCode',
  'A condition of right and duty to the introduction programme (rett og plikt, integreringsloven §§ 8–9) that is not met; stable and language-free.',
);
export const PermitCategoryEnum = enumFrom(PERMIT_CATEGORIES, 'PermitCategory', 'Residence-permit category (R-1.2, integreringsloven § 9).');
export const ParticipantStatusEnum = enumFrom(
  PARTICIPANT_STATUSES,
  'ParticipantStatus',
  "Where a case stands: REGISTERED (no programme yet) or the programme's state.",
);

@ObjectType({ simpleResolvers: true, description: 'One unmet condition of eligibility, with the section it comes from.' })
export class UnmetConditionType {
  @Field(() => UnmetConditionCodeEnum)
  code: UnmetConditionCode;

  @Field()
  ruleId: string;

  @Field()
  lawReference: string;

  @Field()
  message: string;
}

@ObjectType({ simpleResolvers: true, description: 'Right and duty to the introduction programme (R-1.8), evaluated as data.' })
export class EligibilityType {
  @Field()
  eligible: boolean;

  @Field(() => EligibilityBasisEnum, { description: 'RIGHT_AND_DUTY, DISCRETIONARY or NONE.' })
  basis: EligibilityBasis;

  @Field(() => RegimeEnum, { description: 'INTEGRERINGSLOVEN, or INTRODUKSJONSLOVEN (old regime: manual assessment).' })
  regime: Regime;

  @Field(() => [UnmetConditionType])
  unmet: UnmetConditionType[];
}

@ObjectType({ simpleResolvers: true })
export class Caseworker {
  @Field()
  sub: string;

  @Field()
  name: string;
}

@ObjectType({ simpleResolvers: true, description: "A person in the municipality's introduction-programme register (deltaker)." })
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

  @Field(() => LocalDateScalar, { nullable: true, description: "The participant's request (krav), where the right arises later." })
  requestDate: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'The programme offer date, where recorded (R-13.1); else the first granted participation decision selects the regime of the programme rules.',
  })
  offerDate: string | null;

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

  @Field(() => ParticipantStatusEnum)
  status: ParticipantStatus;

  @Field(() => Caseworker, { nullable: true })
  assignedTo: Caseworker | null;

  transferredFromMunicipalityId: number | null;
  transferredToMunicipalityId: number | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'When the case was moved to or from another municipality.' })
  transferredAt: string | null;

  /**
   * What a list read together with the page, by the module that owns it (e.g. the latest decision, the
   * current end goal): that module's field resolver answers from here instead of loading it again.
   */
  prefetched?: Record<string, unknown>;
}

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

  @Field(() => LocalDateScalar, { nullable: true, description: 'The programme offer date (R-13.1), if it is not the participation decision.' })
  @IsOptional()
  offerDate?: string | null;

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

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

@ArgsType()
export class ReassignParticipantArgs {
  @Field(() => UUIDScalar)
  id: string;

  @Field({ description: "The new caseworker's subject (user id)." })
  @Length(1, 200)
  @Matches(PLAIN_TEXT, { message: 'toSub contains control characters' })
  toSub: string;

  @Field({ description: "The new caseworker's name." })
  @Length(1, 200)
  @Matches(PLAIN_TEXT, { message: 'toName contains control characters' })
  toName: string;

  @Field(() => Int, { description: 'The version the caller last saw: a changed participant answers CONFLICT.' })
  @IsInt()
  @Min(1)
  expectedVersion: number;
}

@InputType({ description: 'Corrections and new facts about a participant. Give only what changes, with the version you saw.' })
export class UpdateParticipantInput {
  @Field(() => Int) @IsInt() @Min(1) expectedVersion: number;
  @Field({ nullable: true }) @IsOptional() @Length(1, 200) @Matches(PLAIN_TEXT, { message: 'name contains control characters' }) name?: string;
  @Field({ nullable: true, description: "A D-number may be replaced by the person's fødselsnummer (R-11.2); the birth date must stay the same." })
  @IsOptional()
  @Matches(/^\d{11}$/, { message: 'identityNumber must be 11 digits' })
  identityNumber?: string;
  @Field(() => PermitCategoryEnum, { nullable: true }) @IsOptional() @IsIn(PERMIT_CATEGORIES as unknown as string[]) permitCategory?: PermitCategory;
  @Field(() => LocalDateScalar, { nullable: true }) @IsOptional() permitGrantDate?: string;
  @Field(() => LocalDateScalar, { nullable: true }) @IsOptional() arrivalDate?: string;
  @Field(() => LocalDateScalar, { nullable: true }) @IsOptional() settlementDate?: string | null;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() settledByAgreementWithImdi?: boolean;
  @Field(() => LocalDateScalar, { nullable: true }) @IsOptional() requestDate?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'The programme offer date (R-13.1).' }) @IsOptional() offerDate?: string | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() @Min(0) @Max(100) familyReferenceYearsInMunicipality?: number | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) @Matches(PLAIN_TEXT) highestEducation?: string | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() @Min(0) @Max(168) weeklyWorkHours?: number | null;
  @Field(() => [LocalDateScalar], { nullable: true }) @IsOptional() @ArrayMaxSize(30) childrenBirthDates?: string[];
  @Field({ nullable: true }) @IsOptional() @IsBoolean() livesWithParent?: boolean;
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  @Matches(PLAIN_TEXT, { each: true })
  languages?: string[];
}

@ArgsType()
export class IdentityNumberSearchArgs {
  @Field({ description: 'The whole fødselsnummer or D-number (11 digits): an exact match, never a part.' })
  @Matches(/^\d{11}$/, { message: 'identityNumber must be 11 digits' })
  identityNumber: string;
}
