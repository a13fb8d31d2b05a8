/** GraphQL types of the integration plan (integreringsplan, § 15) and its contract (§ 16). */
import { ArrayMaxSize, IsBoolean, IsIn, IsInt, IsNumber, IsOptional, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { END_GOALS, EndGoal } from '../../domain/end-goal';
import { CEFR_LEVELS, CefrLevel, ELEMENT_KINDS, ElementKind, MAIN_PROGRAMME_TYPES, MainProgrammeType } from '../../domain/integration-plan';
import { CefrLevelEnum, enumFrom } from '../../graphql/enums';
import { RuleNoticeType } from '../../graphql/rule-notice';
import { LocalDateScalar, UUIDScalar } from '../../graphql/scalars';
import { EndGoalEnum } from '../career-guidance';
import { PLAIN_TEXT } from '../shared';

export { EndGoalEnum };

export const ElementKindEnum = enumFrom(ELEMENT_KINDS, 'ElementKind', 'The kind of a programme element (tiltak) of the integration plan (R-4.1 f, R-5.3).', {
  NORWEGIAN: 'Training in Norwegian (opplæring i norsk).',
  SOCIAL_STUDIES: 'Social studies (samfunnskunnskap); not required for collective-protection participants (§ 37 c, R-5.3).',
  LIFE_SKILLS: 'The life-skills course (livsmestring), with minimum hours for programmes from 2026 (R-5.4).',
  PARENTAL_GUIDANCE: 'Parental guidance (foreldreveiledning): required when the participant has a child under 18 (R-5.3).',
  WORK_PRACTICE: 'Work practice (arbeidspraksis): work-oriented.',
  EDUCATION: 'Education (utdanning), e.g. upper-secondary training.',
  JOB_TRAINING: 'Job training (arbeidstrening): work-oriented.',
  OTHER: 'Any other element (annet); say what in the description.',
});
export const MainProgrammeTypeEnum = enumFrom(
  MAIN_PROGRAMME_TYPES,
  'MainProgrammeType',
  'The main type of the programme: changing it is a significant change of the plan (vesentlig endring, R-4.3).',
  {
    WORK_QUALIFYING: 'Work-qualifying (arbeidskvalifiserende): on average at least 15 hours a week of work-oriented activity (R-5.5).',
    FORMAL_UPPER_SECONDARY: 'Formal upper-secondary education (formell videregående opplæring), § 14.',
    HIGHER_EDUCATION_OR_WORK: 'Aimed at work or higher education, as the end goals of § 13 are.',
  },
);

@ObjectType({ simpleResolvers: true, description: 'The Norwegian goal (norskmål): a CEFR level per skill (R-4.1 b).' })
@InputType('NorwegianGoalInput', { description: 'The Norwegian goal (norskmål): a CEFR level per skill; all four are required for a valid plan (R-4.1 b).' })
export class NorwegianGoal {
  @Field(() => CefrLevelEnum, { nullable: true, description: 'Listening (lytting).' })
  @IsOptional()
  @IsIn(CEFR_LEVELS as unknown as string[])
  listening?: CefrLevel;
  @Field(() => CefrLevelEnum, { nullable: true, description: 'Reading (lesing).' }) @IsOptional() @IsIn(CEFR_LEVELS as unknown as string[]) reading?: CefrLevel;
  @Field(() => CefrLevelEnum, { nullable: true, description: 'Speaking (muntlig).' })
  @IsOptional()
  @IsIn(CEFR_LEVELS as unknown as string[])
  speaking?: CefrLevel;
  @Field(() => CefrLevelEnum, { nullable: true, description: 'Writing (skriving).' })
  @IsOptional()
  @IsIn(CEFR_LEVELS as unknown as string[])
  writing?: CefrLevel;
}

@ObjectType({ simpleResolvers: true, description: 'A programme element (tiltak) of the plan (R-4.1 f).' })
@InputType('PlanElementInput', { description: 'A programme element (tiltak) of the plan (R-4.1 f).' })
export class PlanElement {
  @Field(() => ElementKindEnum, { description: 'What kind of element.' }) @IsIn(ELEMENT_KINDS as unknown as string[]) kind: ElementKind;
  @Field({ description: 'What the element is, 1–1000 characters, not blank.' }) @Length(1, 1000) @Matches(PLAIN_TEXT) description: string;
  @Field(() => Float, { nullable: true, description: 'Planned hours per week (0–60); null when not given.' })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(60)
  hoursPerWeek?: number;
  @Field({ nullable: true, description: 'A main element: removing or replacing it is a significant change (R-4.3).' })
  @IsOptional()
  @IsBoolean()
  isMain?: boolean;
}

@ObjectType('LifeSkillsHours', { simpleResolvers: true, description: 'Planned hours of the life-skills course (livsmestring, forskrift § 4, R-5.4).' })
@InputType('LifeSkillsHoursInput', { description: 'Planned hours of the life-skills course (livsmestring, forskrift § 4, R-5.4), 0–500 each.' })
export class LifeSkillsHours {
  @Field(() => Float, { description: 'Migration, health and diversity.' }) @IsNumber() @Min(0) @Max(500) migrationHealthDiversity: number;
  @Field(() => Float, { description: 'Career competence.' }) @IsNumber() @Min(0) @Max(500) careerCompetence: number;
}

@InputType({ description: 'The integration plan (§ 15, R-4.1) and the contract signed with it (§ 16, R-4.2).' })
export class IntegrationPlanInput {
  @Field(() => EndGoalEnum, { description: 'The end goal (sluttmål, R-4.1 a); must fit education and age on contractSignedAt (R-5.2).' })
  @IsIn(END_GOALS as unknown as string[])
  endGoal: EndGoal;
  @Field(() => String, { nullable: true, description: 'Why a participant under 25 without upper-secondary gets a reduced goal (R-5.2).' })
  @IsOptional()
  @MaxLength(2000)
  @Matches(PLAIN_TEXT)
  reducedGoalReason?: string | null;
  @Field(() => NorwegianGoal, { description: 'The Norwegian goal (norskmål, R-4.1 b).' }) @ValidateNested() norwegianGoal: NorwegianGoal;
  @Field({ description: "The participant's long-term goal (R-4.1 c), not blank, at most 2000 characters." })
  @Length(0, 2000)
  @Matches(PLAIN_TEXT)
  longTermGoal: string;
  @Field(() => Float, { description: 'Norwegian training, hours per week (0–60; 0 with an exemption) (R-4.1 d).' })
  @IsNumber()
  @Min(0)
  @Max(60)
  norwegianHoursPerWeek: number;
  @Field(() => Float, { description: 'Social-studies training, hours in total (0–2000) (R-4.1 d).' }) @IsNumber() @Min(0) @Max(2000) socialStudiesHours: number;
  @Field(() => Int, { description: "Programme duration in whole months, at most the end goal's maximum (R-4.1 e, R-5.7)." })
  @IsInt()
  @Min(1)
  @Max(72)
  durationMonths: number;
  @Field(() => [PlanElement], { description: 'The programme elements, 1–40, with the required content of R-5.3 (R-4.1 f).' })
  @ArrayMaxSize(40)
  @ValidateNested({ each: true })
  elements: PlanElement[];
  @Field({ description: 'How to appeal (R-4.1 g), as the plan tells the participant; not blank.' })
  @Length(0, 4000)
  @Matches(PLAIN_TEXT)
  appealInformation: string;
  @Field({ description: 'Why the chosen work- or education-oriented elements help the participant (R-4.1); not blank.' })
  @Length(0, 4000)
  @Matches(PLAIN_TEXT)
  elementReasons: string;
  @Field(() => MainProgrammeTypeEnum, { description: 'The main programme type (R-4.3).' })
  @IsIn(MAIN_PROGRAMME_TYPES as unknown as string[])
  mainProgrammeType: MainProgrammeType;
  @Field(() => LifeSkillsHours, {
    nullable: true,
    description: 'Planned hours of the life-skills course (R-5.4: at least 10 + 15, or 5 + 10 with upper-secondary, for programmes from 2026).',
  })
  @IsOptional()
  @ValidateNested()
  lifeSkillsHours?: LifeSkillsHours | null;
  @Field(() => LocalDateScalar, { description: 'The day plan and contract were signed with the participant.' }) contractSignedAt: string;
  @Field({ description: 'The mutual obligations of the integration contract (§ 16).' }) @Length(1, 4000) @Matches(PLAIN_TEXT) contractObligations: string;
}

@ObjectType({ simpleResolvers: true, description: 'One version of the integration plan with its contract. Every version is kept (R-4.3).' })
export class PlanVersion {
  /** Not fields: where the access log finds whose data was read. */
  participantId?: string;
  municipalityId?: number;
  @Field(() => UUIDScalar, { description: "The plan version's id (planVersionId of linkPlanToGuidance)." }) id: string;
  @Field(() => Int, { description: 'The version number, 1 for the first plan: send the current one as expectedVersionNo with a revision.' }) versionNo: number;
  @Field(() => EndGoalEnum, { description: 'The end goal (sluttmål, R-4.1 a).' }) endGoal: EndGoal;
  @Field(() => String, { nullable: true, description: 'The recorded reason for a reduced end goal under 25 (R-5.2); null when none.' })
  reducedGoalReason: string | null;
  @Field(() => NorwegianGoal, { description: 'The Norwegian goal (norskmål, R-4.1 b).' }) norwegianGoal: NorwegianGoal;
  @Field({ description: "The participant's long-term goal (R-4.1 c)." }) longTermGoal: string;
  @Field(() => Float, { description: 'Norwegian training, hours per week (R-4.1 d).' }) norwegianHoursPerWeek: number;
  @Field(() => Float, { description: 'Social-studies training, hours in total (R-4.1 d).' }) socialStudiesHours: number;
  @Field(() => Int, { description: 'Programme duration in months (R-4.1 e).' }) durationMonths: number;
  @Field(() => [PlanElement], { description: 'The programme elements (R-4.1 f).' }) elements: PlanElement[];
  @Field({ description: 'How to appeal, as the plan tells the participant (R-4.1 g).' }) appealInformation: string;
  @Field({ description: 'Why the chosen work- or education-oriented elements help (R-4.1).' }) elementReasons: string;
  @Field(() => MainProgrammeTypeEnum, { description: 'The main programme type (R-4.3).' }) mainProgrammeType: MainProgrammeType;
  @Field(() => LifeSkillsHours, { nullable: true, description: 'Planned life-skills hours (R-5.4); null when not given.' })
  lifeSkillsHours: LifeSkillsHours | null;
  @Field(() => [RuleNoticeType], {
    description: 'Rules not enforced automatically for this version: the programme was offered before they apply (R-0.2, R-13.1).',
  })
  ruleNotices: RuleNoticeType[];
  @Field({ description: 'This version was a significant change (R-4.3).' }) significantChange: boolean;
  @Field(() => UUIDScalar, { nullable: true, description: 'The granted PLAN_SIGNIFICANT_CHANGE decision behind a significant change; null otherwise.' })
  significantChangeDecisionId: string | null;
  @Field(() => LocalDateScalar, { description: 'The day plan and contract (integreringskontrakt) were signed (R-4.2).' }) contractSignedAt: string;
  @Field({ description: 'The mutual obligations of the contract (integreringskontrakt, § 16, R-4.2).' }) contractObligations: string;
  @Field({ description: 'The name of the caseworker who saved this version.' }) createdBy: string;
}

@ObjectType({ simpleResolvers: true, description: 'The integration plan (integreringsplan) with all its versions.' })
export class IntegrationPlan {
  @Field(() => PlanVersion, { description: 'The current (newest) version.' }) current: PlanVersion;
  @Field(() => [PlanVersion], { description: 'Newest first.' }) versions: PlanVersion[];
}
