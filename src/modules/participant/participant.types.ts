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
  {
    RIGHT_AND_DUTY: 'Right and duty (rett og plikt) to the programme: every condition of integreringsloven §§ 8–9 is met.',
    DISCRETIONARY:
      'No right and duty, but every unmet condition is one the municipality may set aside: it may offer the programme (R-1.6, integreringsloven § 8 tredje ledd); a refusal is an appealable decision.',
    NONE: 'Outside the programme: at least one unmet condition cannot be set aside by discretion (or the old regime applies).',
  },
);
export const RegimeEnum = enumFrom(
  REGIMES,
  'Regime',
  'The law that governs a case (R-0.2): INTEGRERINGSLOVEN (from 2021-01-01) or the old INTRODUKSJONSLOVEN (manual assessment).',
  {
    INTEGRERINGSLOVEN: 'The Integration Act (integreringsloven, LOV-2020-11-06-127): the permit grant date or the arrival date is on or after 2021-01-01.',
    INTRODUKSJONSLOVEN:
      'The old Introduction Act (introduksjonsloven): permit and arrival both before 2021-01-01. Registered, but every rule automation is refused with RULE_VIOLATION (R-0.2, R-13.2).',
  },
);
export const UnmetConditionCodeEnum = enumFrom(
  UNMET_CONDITION_CODES,
  'UnmetConditionCode',
  'A condition of right and duty to the introduction programme (rett og plikt, integreringsloven §§ 8–9) that is not met; stable and language-free.',
  {
    AGE_BELOW_18: 'Under 18 on the permit grant date (R-1.1).',
    AGE_ABOVE_55: 'Over 55 on the permit grant date (R-1.1); the municipality may still offer the programme (R-1.6).',
    NORDIC_OR_EEA: 'Nordic or EEA citizen: outside the programme (R-1.7).',
    PERMIT_NOT_COVERED: 'The residence permit gives no right and duty (R-1.2), e.g. work or study.',
    FAMILY_OF_OTHERS:
      'Family immigrant of a person outside the refugee groups of § 9: no right and duty, but the municipality may offer the programme (R-1.6).',
    FAMILY_REFERENCE_YEARS_MISSING:
      'Family reunification without familyReferenceYearsInMunicipality recorded: how long the reference person had lived in a municipality decides (R-1.2).',
    FAMILY_REFERENCE_5_YEARS:
      'Family reunification where the reference person had lived in a municipality for 5 years or more before the application (R-1.2); discretion possible.',
    NOT_SETTLED: 'Not settled in a municipality on the assessment date (no settlement date, or a later one) (R-1.3).',
    NOT_SETTLED_BY_AGREEMENT: 'A § 9 a–e permit settled without an agreement with IMDi (R-1.3); discretion possible.',
    DECISION_WINDOW_2_YEARS_PASSED: 'The participation decision must be made less than 2 years after first settlement, and that window has passed (R-1.4).',
    WORKS_30_HOURS: 'Works, or holds a job offer, of 30 hours a week or more (R-1.5, assessments from 2026-01-01).',
    OLD_REGIME: 'Permit and arrival both before 2021-01-01: the old introduksjonsloven applies, manual assessment (R-0.2).',
  },
);
export const PermitCategoryEnum = enumFrom(PERMIT_CATEGORIES, 'PermitCategory', 'Residence-permit category (R-1.2, integreringsloven § 9).', {
  REFUGEE: 'Refugee after asylum (utlendingsloven § 28): right and duty, § 9 a.',
  RESETTLEMENT_REFUGEE: 'Resettlement refugee (overføringsflyktning, utlendingsloven § 35): right and duty, § 9 b.',
  STRONG_HUMANITARIAN: 'Strong humanitarian grounds after an asylum application (utlendingsloven § 38): right and duty, § 9 c.',
  LIMITED_FAMILY_OR_IDENTITY:
    'Limited permit for a family with children or on doubt about identity (utlendingsloven § 38 femte ledd a–b): right and duty, § 9 d.',
  COLLECTIVE_PROTECTION: 'Collective protection (kollektiv beskyttelse, utlendingsloven § 34): right and duty, § 9 e.',
  FAMILY_REUNIFICATION:
    'Family immigration with a person in § 9 a–e: right and duty (§ 9 f) only if the reference person had lived in a municipality under 5 years before the application.',
  INDEPENDENT_AFTER_ABUSE: 'Independent permit after a relationship broken by abuse (utlendingsloven § 53): right and duty, § 9 g.',
  FAMILY_OTHER: 'Family immigration with someone outside § 9 a–e: no right and duty; discretionary offer possible (§ 8 tredje ledd, R-1.6).',
  NORDIC_OR_EEA: 'Nordic citizen or EEA right of residence: outside the programme (R-1.7).',
  OTHER: 'Any other permit (e.g. work, study): no right and duty.',
});
export const ParticipantStatusEnum = enumFrom(
  PARTICIPANT_STATUSES,
  'ParticipantStatus',
  "Where a case stands: REGISTERED (no programme yet) or the programme's state.",
  {
    REGISTERED: 'Registered; no participation decision has created a programme yet.',
    PLANNED: 'Participation granted (programme exists), not yet started (R-5.1).',
    ACTIVE: 'The programme is running.',
    ON_LEAVE: 'On leave (permisjon) under a LEAVE decision (R-6.3).',
    HALTED: 'Temporarily halted (stans) under a HALT decision (R-5.9).',
    COMPLETED: 'Ended as completed: end goal reached or time out (R-5.10, R-13.4). Final.',
    INTERRUPTED: 'Ended as interrupted: halted permanently, refused or left (R-5.10). Final.',
    TRANSFERRED: 'Sent to another municipality (transferParticipant), which may accept it as a new case; closed here. Final.',
  },
);

@ObjectType({ simpleResolvers: true, description: 'One unmet condition of eligibility, with the section it comes from.' })
export class UnmetConditionType {
  @Field(() => UnmetConditionCodeEnum, { description: 'Which condition is not met (stable, language-free).' })
  code: UnmetConditionCode;

  @Field({ description: 'The rule id of RULES.md, e.g. R-1.1.' })
  ruleId: string;

  @Field({ description: 'The section the condition comes from, e.g. "integreringsloven § 8".' })
  lawReference: string;

  @Field({ description: 'What is unmet, in English, with the figures of the case (age, hours, last day).' })
  message: string;
}

@ObjectType({ simpleResolvers: true, description: 'Right and duty to the introduction programme (R-1.8), evaluated as data.' })
export class EligibilityType {
  @Field({ description: 'True only with right and duty (basis RIGHT_AND_DUTY); a discretionary offer is not eligible.' })
  eligible: boolean;

  @Field(() => EligibilityBasisEnum, { description: 'RIGHT_AND_DUTY, DISCRETIONARY or NONE.' })
  basis: EligibilityBasis;

  @Field(() => RegimeEnum, { description: 'INTEGRERINGSLOVEN, or INTRODUKSJONSLOVEN (old regime: manual assessment).' })
  regime: Regime;

  @Field(() => [UnmetConditionType], { description: 'Every unmet condition, with its rule and section; empty with right and duty.' })
  unmet: UnmetConditionType[];
}

@ObjectType({ simpleResolvers: true, description: 'A caseworker (saksbehandler) of the municipality, as named in their token.' })
export class Caseworker {
  @Field({ description: "The caseworker's subject (user id) from the token." })
  sub: string;

  @Field({ description: "The caseworker's display name." })
  name: string;
}

@ObjectType({ simpleResolvers: true, description: "A person in the municipality's introduction-programme register (deltaker)." })
export class Participant {
  @Field(() => UUIDScalar, { description: 'The case id (never the identity number, R-11.3).' })
  id: string;

  municipalityId: number;

  @Field(() => Int, { description: 'Optimistic-concurrency version: send it back with an update.' })
  version: number;

  @Field({ description: "The participant's full name." })
  name: string;

  // Resolved by a field resolver: full only on the single-participant view of the own municipality.
  identityNumber?: string;

  @Field(() => LocalDateScalar, { description: 'Date of birth.' })
  birthDate: string;

  @Field(() => PermitCategoryEnum, { description: 'The residence-permit category that decides right and duty (R-1.2).' })
  permitCategory: PermitCategory;

  @Field(() => LocalDateScalar, { description: 'The date the residence permit was granted: age is measured on it (R-1.1) and it selects the regime (R-0.2).' })
  permitGrantDate: string;

  @Field(() => LocalDateScalar, { description: 'Arrival in Norway; with the permit grant date it selects the regime (R-0.2).' })
  arrivalDate: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'First settlement in a municipality (bosetting); null while not settled.' })
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

  @Field(() => String, { nullable: true, description: 'Highest completed education, free text as recorded; null when not recorded.' })
  highestEducation: string | null;

  @Field({ description: 'Highest education counts as upper-secondary (GSU list, forskrift § 65a).' })
  hasUpperSecondary: boolean;

  @Field(() => Float, { nullable: true, description: 'Hours per week of work or a job offer (R-1.5).' })
  weeklyWorkHours: number | null;

  @Field(() => [LocalDateScalar], { description: "Children's birth dates (parental guidance for a child under 18, R-5.3; care leave, R-6.2)." })
  childrenBirthDates: string[];

  @Field({ description: 'Lives with a parent (benefit rate under 25, R-7.1).' })
  livesWithParent: boolean;

  @Field(() => [String], { description: 'Languages the participant speaks, free text as recorded.' })
  languages: string[];

  @Field(() => LocalDateScalar, { nullable: true, description: 'Decision and start at the latest (R-5.1); not moved off weekends.' })
  startDeadline: string | null;

  @Field(() => ParticipantStatusEnum, { description: "REGISTERED until a programme exists, then the programme's state." })
  status: ParticipantStatus;

  @Field(() => Caseworker, { nullable: true, description: 'The caseworker the case is assigned to; null when unassigned.' })
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
  @Field({ description: 'Full name, 1–200 characters, no control characters.' })
  @Length(1, 200)
  @Matches(PLAIN_TEXT, { message: 'name contains control characters' })
  name: string;

  @Field({ description: 'Fødselsnummer or D-number, 11 digits with valid check digits (R-11).' })
  @Matches(/^\d{11}$/, { message: 'identityNumber must be 11 digits' })
  identityNumber: string;

  @Field(() => LocalDateScalar, { description: 'Date of birth; must match the identity number.' })
  birthDate: string;

  @Field(() => PermitCategoryEnum, { description: 'Residence-permit category (R-1.2).' })
  @IsIn(PERMIT_CATEGORIES as unknown as string[])
  permitCategory: PermitCategory;

  @Field(() => LocalDateScalar, { description: 'The date the residence permit was granted (R-1.1, R-0.2).' })
  permitGrantDate: string;

  @Field(() => LocalDateScalar, { description: 'Arrival in Norway (R-0.2).' })
  arrivalDate: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'First settlement in a municipality; null or omitted while not settled.' })
  @IsOptional()
  settlementDate?: string | null;

  @Field({ defaultValue: false, description: 'Settled by agreement with IMDi (R-1.3).' })
  @IsBoolean()
  settledByAgreementWithImdi: boolean;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "The participant's request (krav), where the right arises later; moves the start deadline (R-5.1).",
  })
  @IsOptional()
  requestDate?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The programme offer date (R-13.1), if it is not the participation decision.' })
  @IsOptional()
  offerDate?: string | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Family reunification: years (0–100) the reference person had lived in a municipality before the application (R-1.2).',
  })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(100)
  familyReferenceYearsInMunicipality?: number | null;

  @Field(() => String, { nullable: true, description: 'Highest completed education, free text (at most 200 characters).' })
  @IsOptional()
  @MaxLength(200)
  @Matches(PLAIN_TEXT)
  highestEducation?: string | null;

  @Field({ defaultValue: false, description: 'Highest education counts as upper-secondary (GSU list, forskrift § 65a): decides the end goals (R-5.2).' })
  @IsBoolean()
  hasUpperSecondary: boolean;

  @Field(() => Float, { nullable: true, description: 'Hours per week (0–168) of work or a job offer (R-1.5).' })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(168)
  weeklyWorkHours?: number | null;

  @Field(() => [LocalDateScalar], { defaultValue: [], description: "Children's birth dates, at most 30." })
  @ArrayMaxSize(30)
  childrenBirthDates: string[];

  @Field({ defaultValue: false, description: 'Lives with a parent (benefit rate under 25, R-7.1).' })
  @IsBoolean()
  livesWithParent: boolean;

  @Field(() => [String], { defaultValue: [], description: 'Languages spoken, at most 20 of at most 60 characters each.' })
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
  @Field(() => UUIDScalar, { description: 'The participant.' })
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
  @Field(() => Int, { description: "The participant's version the caller last saw: a changed participant answers CONFLICT." })
  @IsInt()
  @Min(1)
  expectedVersion: number;
  @Field({ nullable: true, description: 'Full name, 1–200 characters.' })
  @IsOptional()
  @Length(1, 200)
  @Matches(PLAIN_TEXT, { message: 'name contains control characters' })
  name?: string;
  @Field({ nullable: true, description: "A D-number may be replaced by the person's fødselsnummer (R-11.2); the birth date must stay the same." })
  @IsOptional()
  @Matches(/^\d{11}$/, { message: 'identityNumber must be 11 digits' })
  identityNumber?: string;
  @Field(() => PermitCategoryEnum, { nullable: true, description: 'Residence-permit category (R-1.2).' })
  @IsOptional()
  @IsIn(PERMIT_CATEGORIES as unknown as string[])
  permitCategory?: PermitCategory;
  @Field(() => LocalDateScalar, { nullable: true, description: 'The date the residence permit was granted (R-1.1, R-0.2).' })
  @IsOptional()
  permitGrantDate?: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Arrival in Norway (R-0.2).' }) @IsOptional() arrivalDate?: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'First settlement in a municipality; null clears it.' }) @IsOptional() settlementDate?:
    string | null;
  @Field({ nullable: true, description: 'Settled by agreement with IMDi (R-1.3).' }) @IsOptional() @IsBoolean() settledByAgreementWithImdi?: boolean;
  @Field(() => LocalDateScalar, { nullable: true, description: "The participant's request (krav) (R-5.1); null clears it." }) @IsOptional() requestDate?:
    string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'The programme offer date (R-13.1).' }) @IsOptional() offerDate?: string | null;
  @Field(() => Float, { nullable: true, description: 'Family reunification: years (0–100) the reference person had lived in a municipality (R-1.2).' })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(100)
  familyReferenceYearsInMunicipality?: number | null;
  @Field(() => String, { nullable: true, description: 'Highest completed education, free text (at most 200 characters).' })
  @IsOptional()
  @MaxLength(200)
  @Matches(PLAIN_TEXT)
  highestEducation?: string | null;
  @Field(() => Float, { nullable: true, description: 'Hours per week (0–168) of work or a job offer (R-1.5).' })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(168)
  weeklyWorkHours?: number | null;
  @Field(() => [LocalDateScalar], { nullable: true, description: "Children's birth dates, at most 30; replaces the list." })
  @IsOptional()
  @ArrayMaxSize(30)
  childrenBirthDates?: string[];
  @Field({ nullable: true, description: 'Lives with a parent (benefit rate under 25, R-7.1).' }) @IsOptional() @IsBoolean() livesWithParent?: boolean;
  @Field(() => [String], { nullable: true, description: 'Languages spoken, at most 20; replaces the list.' })
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
