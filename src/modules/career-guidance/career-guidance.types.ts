import { IdempotencyKeyField } from '../../graphql/idempotency-key';
/**
 * GraphQL types of career guidance. The municipality's view (CareerGuidanceReferral) and the county's
 * (CountyGuidanceReferral with GuidanceParticipant) are separate types: the county's types carry only what
 * guidance needs — no identity number, decisions, benefit, absence, plan history or appeals — so no
 * resolver can hand the county more than that, whatever it selects.
 */
import { ArrayMaxSize, IsIn, IsInt, IsOptional, IsString, Length, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, InputType, Int, ObjectType } from 'type-graphql';
import { RECOMMENDATION_KINDS, REFERRAL_STATES, RecommendationKind, ReferralState } from '../../domain/career-guidance';
import { END_GOALS, EndGoal } from '../../domain/end-goal';
import { EndGoalEnum, enumFrom } from '../../graphql/enums';
import { Connection, PageArgs, SORT_DIRECTIONS, SortDirectionEnum, SortDirectionValue } from '../../graphql/pagination';
import { LocalDateScalar, UUIDScalar } from '../../graphql/scalars';
import { PLAIN_TEXT } from '../shared';
import { County, Municipality } from '../reference';

/**
 * The end goal (sluttmål) as GraphQL names it. Registered here because career guidance is the lowest
 * module that names it: the integration plan and the programme use it through this module's door. Its
 * natural home is src/graphql/enums.ts, beside enumFrom.
 */
export { EndGoalEnum };

export const CareerGuidanceStateEnum = enumFrom(
  REFERRAL_STATES,
  'CareerGuidanceState',
  'Where a career-guidance referral stands: OPEN (waiting for the county), IN_PROGRESS, COMPLETED (guidance submitted) or WITHDRAWN.',
  {
    OPEN: 'Referred by the municipality, not yet taken on by the county (startCareerGuidance); the municipality may still withdraw it.',
    IN_PROGRESS: 'The county works on the guidance (karriereveiledning) (R-3.1).',
    COMPLETED: 'The guidance and its recommendation were submitted (R-3.3). Final.',
    WITHDRAWN: 'The municipality withdrew the referral while OPEN. Final.',
  },
);
export const RecommendationKindEnum = enumFrom(
  RECOMMENDATION_KINDS,
  'RecommendationKind',
  'The recommendation of career guidance: work or education (R-3.3).',
  {
    WORK: 'Work (arbeid).',
    EDUCATION: 'Education (utdanning).',
  },
);

@ObjectType({ simpleResolvers: true, description: 'The submitted career guidance and its recommendation (integreringsloven § 11 fourth para, R-3.3).' })
export class CareerGuidanceRecord {
  @Field(() => LocalDateScalar, { description: 'The day the guidance was held.' })
  heldAt: string;

  @Field({ description: 'The career adviser who held it.' })
  adviser: string;

  @Field({ description: "The adviser's summary of the guidance." })
  summary: string;

  @Field(() => RecommendationKindEnum, { description: 'Work or education (R-3.3).' })
  recommendationKind: RecommendationKind;

  @Field(() => EndGoalEnum, { description: 'The recommended end goal (sluttmål) within §§ 13–14.' })
  recommendedEndGoal: EndGoal;

  @Field(() => String, { nullable: true, description: 'Under 25 without upper-secondary: why less than completed upper-secondary is recommended (R-5.2).' })
  reducedGoalReason: string | null;

  @Field(() => [String], { description: 'Programme elements the adviser suggests for the plan.' })
  suggestedElements: string[];

  @Field(() => LocalDateScalar, { description: 'The day the county submitted the guidance.' })
  submittedAt: string;
}

/** The fields both views share, read from one app.career_guidance_referral row. */
export interface ReferralCore {
  id: string;
  municipalityId: number;
  participantId: string;
  countyNumber: string;
  version: number;
  state: ReferralState;
  note: string;
  referredAt: string;
  referredBy: string;
  startedAt: string | null;
  submittedAt: string | null;
  withdrawnAt: string | null;
  adviser: string | null;
  guidance: CareerGuidanceRecord | null;
  daysOpen: number;
  openMoreThan14Days: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'A referral to career guidance as the referring municipality sees it, with the guidance once submitted.' })
export class CareerGuidanceReferral implements ReferralCore {
  @Field(() => UUIDScalar, { description: "The referral's id." })
  id: string;

  municipalityId: number;

  @Field(() => UUIDScalar, { description: 'The participant referred.' })
  participantId: string;

  countyNumber: string;

  @Field(() => Int, { description: 'Optimistic-concurrency version: send it back with a change.' })
  version: number;

  @Field(() => CareerGuidanceStateEnum, { description: 'Where the referral stands.' })
  state: ReferralState;

  @Field(() => County, { description: 'The county the referral is addressed to (R-3.1; Oslo: county 03, served by Oslo itself).' })
  county: County;

  @Field({ description: 'What the municipality asks the guidance to look at.' })
  note: string;

  @Field(() => LocalDateScalar, { description: 'The day the municipality referred the participant.' })
  referredAt: string;

  @Field({ description: 'The caseworker who referred.' })
  referredBy: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'When the county started the guidance.' })
  startedAt: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The day the county submitted the guidance; null until then.' })
  submittedAt: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The day the municipality withdrew the referral; null unless WITHDRAWN.' })
  withdrawnAt: string | null;

  @Field(() => String, { nullable: true, description: 'The county adviser working on it.' })
  adviser: string | null;

  @Field(() => CareerGuidanceRecord, { nullable: true, description: 'The guidance and recommendation; null until submitted.' })
  guidance: CareerGuidanceRecord | null;

  @Field(() => Int, { description: 'Calendar days from the referral to its end (submitted or withdrawn), or to today while it runs.' })
  daysOpen: number;

  @Field({ description: 'Warning: still OPEN (not started by the county) more than 14 days after the referral.' })
  openMoreThan14Days: boolean;
}

@ObjectType({
  simpleResolvers: true,
  description: 'What career guidance needs to know about the participant (R-3.4): identity without the identity number, and the competence mapping.',
})
export class GuidanceParticipant {
  // Not fields: they let the access log record whose data the county read (never exposed to the county).
  participantId: string;
  municipalityId: number;

  @Field({ description: "The participant's full name." })
  name: string;

  @Field(() => Int, { description: 'Year of birth only (no full birth date or identity number, R-3.4).' })
  birthYear: number;

  @Field(() => [String], { description: 'Languages the participant speaks, as registered.' })
  languages: string[];

  @Field({ description: 'From the competence mapping.' })
  languageSkills: string;

  @Field({ description: 'From the competence mapping.' })
  education: string;

  @Field({ description: 'The highest education counts as upper-secondary (GSU list): decides whether § 13 or § 14 end goals apply.' })
  countsAsUpperSecondary: boolean;

  @Field({ description: 'From the competence mapping.' })
  workExperience: string;

  @Field({ description: 'From the competence mapping.' })
  otherCompetence: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'When the mapping was completed; null if the municipality has reopened it.' })
  mappingCompletedAt: string | null;

  @Field(() => [EndGoalEnum], {
    description:
      'The end goals a recommendation can name for this participant today (R-5.2, §§ 13–14). Under 25 without upper-secondary, UPPER_SECONDARY_PARTIAL and WORK_QUALIFYING need reducedGoalReason.',
  })
  allowedEndGoals: EndGoal[];
}

@ObjectType({ simpleResolvers: true, description: "A referral as the county sees it: the county's narrow window on the case (R-3.4)." })
export class CountyGuidanceReferral implements ReferralCore {
  @Field(() => UUIDScalar, { description: "The referral's id." })
  id: string;

  municipalityId: number;
  participantId: string;
  countyNumber: string;

  @Field(() => Int, { description: 'Optimistic-concurrency version: send it back with a change.' })
  version: number;

  @Field(() => CareerGuidanceStateEnum, { description: 'Where the referral stands.' })
  state: ReferralState;

  @Field(() => Municipality, { description: 'The referring municipality.' })
  municipality: Municipality;

  @Field(() => GuidanceParticipant, { description: 'What guidance needs to know about the participant (R-3.4).' })
  participant: GuidanceParticipant;

  @Field({ description: 'What the municipality asks the guidance to look at.' })
  note: string;

  @Field(() => LocalDateScalar, { description: 'The day the municipality referred the participant.' })
  referredAt: string;

  @Field({ description: 'The caseworker who referred (the contact at the municipality).' })
  referredBy: string;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'The day by which the municipality must decide on and start the programme (R-5.1): guidance should come before it (R-3.2).',
  })
  programmeDecisionDeadline: string | null;

  @Field(() => Int, { nullable: true, description: 'Days from today to programmeDecisionDeadline; negative when it has passed.' })
  daysToProgrammeDecisionDeadline: number | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The day the county started the guidance; null while OPEN.' })
  startedAt: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The day the guidance was submitted; null until then.' })
  submittedAt: string | null;

  withdrawnAt: string | null;

  @Field(() => String, { nullable: true, description: 'The county adviser working on it; null while OPEN.' })
  adviser: string | null;

  @Field(() => CareerGuidanceRecord, { nullable: true, description: 'The submitted guidance; null until submitted.' })
  guidance: CareerGuidanceRecord | null;

  @Field(() => Int, { description: 'Calendar days from the referral to its submission, or to today while it runs.' })
  daysOpen: number;

  @Field({ description: 'Warning: still OPEN (not started) more than 14 days after the referral.' })
  openMoreThan14Days: boolean;
}

@ObjectType({ simpleResolvers: true, description: "A page of the county's referrals (Relay cursor connection)." })
export class CountyGuidanceReferralConnection extends Connection(CountyGuidanceReferral, 'CountyGuidanceReferral') {}

@InputType({ description: "Narrows the county's work list. Every condition given must hold." })
export class CareerGuidanceFilter {
  @Field(() => CareerGuidanceStateEnum, { nullable: true, description: 'OPEN, IN_PROGRESS or COMPLETED; all three when not given.' })
  @IsOptional()
  @IsIn(REFERRAL_STATES as unknown as string[])
  state?: ReferralState | null;

  @Field(() => String, { nullable: true, description: 'Only referrals from this municipality (four digits).' })
  @IsOptional()
  @Matches(/^\d{4}$/, { message: 'municipalityNumber must be four digits' })
  municipalityNumber?: string | null;
}

@ArgsType()
export class CareerGuidanceReferralsArgs extends PageArgs {
  @Field(() => CareerGuidanceFilter, { nullable: true, description: 'Narrows the list; every condition given must hold.' })
  @IsOptional()
  @ValidateNested()
  filter?: CareerGuidanceFilter | null;

  @Field(() => SortDirectionEnum, {
    defaultValue: 'ASC',
    description: 'ASC: the earliest programme-decision deadline first, referrals without one last; DESC the exact reverse. A cursor belongs to one direction.',
  })
  @IsIn(SORT_DIRECTIONS as unknown as string[])
  direction: SortDirectionValue = 'ASC';
}

@InputType({ description: 'The guidance held and its recommendation (R-3.3).' })
export class SubmitCareerGuidanceInput {
  @Field(() => LocalDateScalar, { description: 'The day the guidance was held: not before the referral, not in the future.' })
  heldAt: string;

  @Field({ description: 'The career adviser who held the guidance, 1–200 characters.' })
  @Length(1, 200)
  @Matches(PLAIN_TEXT, { message: 'adviser contains control characters' })
  adviser: string;

  @Field({ description: 'Summary of the guidance, 1–8000 characters.' })
  @Length(1, 8000)
  @Matches(PLAIN_TEXT, { message: 'summary contains control characters' })
  summary: string;

  @Field(() => RecommendationKindEnum, { description: 'Work or education (R-3.3).' })
  @IsIn(RECOMMENDATION_KINDS as unknown as string[])
  recommendationKind: RecommendationKind;

  @Field(() => EndGoalEnum, {
    description: "The recommended end goal (sluttmål): must fit the participant's education and age on heldAt (R-5.2), as allowedEndGoals shows.",
  })
  @IsIn(END_GOALS as unknown as string[])
  recommendedEndGoal: EndGoal;

  @Field(() => String, { nullable: true, description: 'Under 25 without upper-secondary: why less than completed upper-secondary (R-5.2).' })
  @IsOptional()
  @MaxLength(2000)
  @Matches(PLAIN_TEXT)
  reducedGoalReason?: string | null;

  @Field(() => [String], { defaultValue: [], description: 'Programme elements suggested for the plan, at most 20 of 1–500 characters.' })
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 500, { each: true })
  @Matches(PLAIN_TEXT, { each: true })
  suggestedElements: string[];

  @Field(() => Int, { description: 'The version you started from.' })
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @IdempotencyKeyField('Retrying with the same key returns the first answer and submits nothing new.')
  idempotencyKey?: string | null;
}

@ArgsType()
export class ReferToCareerGuidanceArgs {
  @Field(() => UUIDScalar, { description: 'The participant to refer; their competence mapping must be complete (R-3.2).' })
  participantId: string;

  @Field({ defaultValue: '', description: 'What the guidance should look at.' })
  @Length(0, 4000)
  @Matches(PLAIN_TEXT, { message: 'note contains control characters' })
  note: string;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

@ArgsType()
export class ReferralVersionArgs {
  @Field(() => UUIDScalar, { description: 'The referral.' })
  referralId: string;

  @Field(() => Int, { description: 'The version the caller last saw: a changed referral answers CONFLICT.' })
  @IsInt()
  @Min(1)
  expectedVersion: number;
}

@ArgsType()
export class StartCareerGuidanceArgs extends ReferralVersionArgs {
  @Field(() => String, { nullable: true, description: 'The adviser who takes it on; the caller when not given.' })
  @IsOptional()
  @Length(1, 200)
  @Matches(PLAIN_TEXT, { message: 'adviser contains control characters' })
  adviser?: string | null;
}
