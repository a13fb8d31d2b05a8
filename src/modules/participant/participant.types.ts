import { IdempotencyKeyField } from '../../graphql/idempotency-key';
import { ArrayMaxSize, IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { PERMIT_CATEGORIES, PermitCategory } from '../../domain/eligibility';
import { END_GOALS } from '../../domain/end-goal';
import { enumFrom } from '../../graphql/enums';
import { Connection, PageArgs } from '../../graphql/pagination';
import { LocalDateScalar, UUIDScalar } from '../../graphql/scalars';
import { PARTICIPANT_ORDERS, PARTICIPANT_STATUSES, ParticipantOrderValue, ParticipantStatus } from './caseload';

export const EligibilityBasisEnum = enumFrom(['RIGHT_AND_DUTY', 'DISCRETIONARY', 'NONE'] as const, 'EligibilityBasis', 'R-1.8: right and duty, a discretionary offer, or neither.');
export const PermitCategoryEnum = enumFrom(PERMIT_CATEGORIES, 'PermitCategory', 'Residence-permit category (R-1.2, integreringsloven § 9).');
export const ParticipantStatusEnum = enumFrom(
  PARTICIPANT_STATUSES,
  'ParticipantStatus',
  'Where a case stands: REGISTERED (no programme yet) or the programme\'s state.',
);
export const ParticipantOrderEnum = enumFrom(
  PARTICIPANT_ORDERS,
  'ParticipantOrder',
  'The order of the case list, ascending, participants without a value last, ties by id.',
);

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

  // Resolved by a field resolver: filled by the case list's SQL; undefined means "not read yet".
  currentEndGoal?: string | null;

  transferredFromMunicipalityId?: number | null;
  transferredToMunicipalityId?: number | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'When the case was moved to or from another municipality.' })
  transferredAt?: string | null;

  /** Filled by the case list's SQL (the newest decision as a row); undefined elsewhere. */
  latestDecisionRow?: Record<string, unknown> | null;

  /** Filled by the case list's SQL; undefined elsewhere. */
  hasOpenAppeal?: boolean;
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

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

@InputType({ description: 'Narrows the case list. Every condition given must hold; a yes/no condition set to false selects the complement.' })
export class ParticipantFilter {
  @Field(() => [ParticipantStatusEnum], { nullable: true, description: 'Any of these statuses (an empty list matches nothing).' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsIn(PARTICIPANT_STATUSES as unknown as string[], { each: true })
  status?: ParticipantStatus[] | null;

  @Field(() => [String], { nullable: true, description: 'Any of these current end goals (the latest plan version\'s; an empty list matches nothing); participants without a plan do not match.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsIn(END_GOALS as unknown as string[], { each: true })
  endGoal?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'The start deadline has passed and the programme has not started (REGISTERED or PLANNED).' })
  @IsOptional()
  @IsBoolean()
  startOverdue?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'The start deadline falls from today to today + n days (0–366), whatever the status.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(366)
  startDeadlineWithinDays?: number | null;

  @Field(() => Int, { nullable: true, description: 'A running programme (ACTIVE, ON_LEAVE, HALTED) whose planned end date falls from today to today + n days (0–366).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(366)
  programmeEndingWithinDays?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'An open case (not COMPLETED, INTERRUPTED or TRANSFERRED) without a completed competence mapping.' })
  @IsOptional()
  @IsBoolean()
  mappingMissing?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'An open case (not COMPLETED, INTERRUPTED or TRANSFERRED) without any integration plan.' })
  @IsOptional()
  @IsBoolean()
  planMissing?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'The participant has an appeal that is not closed.' })
  @IsOptional()
  @IsBoolean()
  hasOpenAppeal?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Part of the name, case-insensitive, % and _ taken literally (at most 100 characters; blank: no condition).' })
  @IsOptional()
  @MaxLength(100)
  @Matches(PLAIN_TEXT, { message: 'nameContains contains control characters' })
  nameContains?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Assigned to the caller (true) or not (false).' })
  @IsOptional()
  @IsBoolean()
  assignedToMe?: boolean | null;

  @Field(() => EligibilityBasisEnum, { nullable: true, description: 'Right and duty, discretionary or none (R-1.8), evaluated today. Slower than the other filters: the law is evaluated for each candidate.' })
  @IsOptional()
  @IsIn(['RIGHT_AND_DUTY', 'DISCRETIONARY', 'NONE'])
  eligibility?: 'RIGHT_AND_DUTY' | 'DISCRETIONARY' | 'NONE' | null;
}

@ArgsType()
export class ParticipantsArgs extends PageArgs {
  // A NAME cursor carries the name: room for a 200-character name (PageArgs allows 200 characters).
  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page (same filter and orderBy).' })
  @IsOptional()
  @MaxLength(1200)
  override after?: string | null = undefined;

  @Field(() => ParticipantFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: ParticipantFilter | null;

  @Field(() => ParticipantOrderEnum, { defaultValue: 'START_DEADLINE' })
  @IsIn(PARTICIPANT_ORDERS as unknown as string[])
  orderBy: ParticipantOrderValue;
}

@ObjectType({ description: 'How many participants have a status.' })
export class StatusCount {
  @Field(() => ParticipantStatusEnum)
  status: ParticipantStatus;

  @Field(() => Int)
  count: number;
}

@ObjectType({ description: 'The municipality\'s caseload at a glance, today (Europe/Oslo).' })
export class CaseloadSummary {
  @Field(() => Int, { description: 'All participants.' })
  total: number;

  @Field(() => [StatusCount], { description: 'Every status, with zero counts.' })
  byStatus: StatusCount[];

  @Field(() => Int, { description: 'Start deadline passed, programme not started (filter: startOverdue).' })
  startsOverdue: number;

  @Field(() => Int, { description: 'Open cases without a completed competence mapping (filter: mappingMissing).' })
  mappingsMissing: number;

  @Field(() => Int, { description: 'Open cases without an integration plan (filter: planMissing).' })
  plansMissing: number;

  @Field(() => Int, { description: 'Decisions not yet notified to the participant.' })
  decisionsAwaitingNotice: number;

  @Field(() => Int, { description: 'Running programmes planned to end within 30 days (filter: programmeEndingWithinDays: 30).' })
  programmesEndingWithin30Days: number;

  @Field(() => Int, { description: 'Participants with an appeal that is not closed (filter: hasOpenAppeal).' })
  openAppeals: number;

  @Field(() => Int, { description: 'Appeals received or under review: the municipality has to review them (R-9.4).' })
  appealsAwaitingReview: number;

  @Field(() => Int, { description: 'Appeals Statsforvalteren changed or quashed and returned, still without the municipality\'s follow-up decision (R-9.6).' })
  appealFollowUpsNeeded: number;
}

@ArgsType()
export class ReassignParticipantArgs {
  @Field(() => UUIDScalar)
  id: string;

  @Field({ description: 'The new caseworker\'s subject (user id).' })
  @Length(1, 200)
  @Matches(PLAIN_TEXT, { message: 'toSub contains control characters' })
  toSub: string;

  @Field({ description: 'The new caseworker\'s name.' })
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
  @Field({ nullable: true, description: 'A D-number may be replaced by the person\'s fødselsnummer (R-11.2); the birth date must stay the same.' })
  @IsOptional() @Matches(/^\d{11}$/, { message: 'identityNumber must be 11 digits' }) identityNumber?: string;
  @Field(() => PermitCategoryEnum, { nullable: true }) @IsOptional() @IsIn(PERMIT_CATEGORIES as unknown as string[]) permitCategory?: PermitCategory;
  @Field(() => LocalDateScalar, { nullable: true }) @IsOptional() permitGrantDate?: string;
  @Field(() => LocalDateScalar, { nullable: true }) @IsOptional() arrivalDate?: string;
  @Field(() => LocalDateScalar, { nullable: true }) @IsOptional() settlementDate?: string | null;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() settledByAgreementWithImdi?: boolean;
  @Field(() => LocalDateScalar, { nullable: true }) @IsOptional() requestDate?: string | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() @Min(0) @Max(100) familyReferenceYearsInMunicipality?: number | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) @Matches(PLAIN_TEXT) highestEducation?: string | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() @Min(0) @Max(168) weeklyWorkHours?: number | null;
  @Field(() => [LocalDateScalar], { nullable: true }) @IsOptional() @ArrayMaxSize(30) childrenBirthDates?: string[];
  @Field({ nullable: true }) @IsOptional() @IsBoolean() livesWithParent?: boolean;
  @Field(() => [String], { nullable: true }) @IsOptional() @ArrayMaxSize(20) @IsString({ each: true }) @MaxLength(60, { each: true }) @Matches(PLAIN_TEXT, { each: true }) languages?: string[];
}
