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

export const ElementKindEnum = enumFrom(ELEMENT_KINDS, 'ElementKind');
export const MainProgrammeTypeEnum = enumFrom(MAIN_PROGRAMME_TYPES, 'MainProgrammeType');

@ObjectType({ simpleResolvers: true })
@InputType('NorwegianGoalInput')
export class NorwegianGoal {
  @Field(() => CefrLevelEnum, { nullable: true }) @IsOptional() @IsIn(CEFR_LEVELS as unknown as string[]) listening?: CefrLevel;
  @Field(() => CefrLevelEnum, { nullable: true }) @IsOptional() @IsIn(CEFR_LEVELS as unknown as string[]) reading?: CefrLevel;
  @Field(() => CefrLevelEnum, { nullable: true }) @IsOptional() @IsIn(CEFR_LEVELS as unknown as string[]) speaking?: CefrLevel;
  @Field(() => CefrLevelEnum, { nullable: true }) @IsOptional() @IsIn(CEFR_LEVELS as unknown as string[]) writing?: CefrLevel;
}

@ObjectType({ simpleResolvers: true })
@InputType('PlanElementInput')
export class PlanElement {
  @Field(() => ElementKindEnum) @IsIn(ELEMENT_KINDS as unknown as string[]) kind: ElementKind;
  @Field() @Length(1, 1000) @Matches(PLAIN_TEXT) description: string;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() @Min(0) @Max(60) hoursPerWeek?: number;
  @Field({ nullable: true, description: 'A main element: removing or replacing it is a significant change (R-4.3).' })
  @IsOptional()
  @IsBoolean()
  isMain?: boolean;
}

@ObjectType('LifeSkillsHours', { simpleResolvers: true })
@InputType('LifeSkillsHoursInput')
export class LifeSkillsHours {
  @Field(() => Float, { description: 'Migration, health and diversity.' }) @IsNumber() @Min(0) @Max(500) migrationHealthDiversity: number;
  @Field(() => Float, { description: 'Career competence.' }) @IsNumber() @Min(0) @Max(500) careerCompetence: number;
}

@InputType({ description: 'The integration plan (§ 15, R-4.1) and the contract signed with it (§ 16, R-4.2).' })
export class IntegrationPlanInput {
  @Field(() => EndGoalEnum) @IsIn(END_GOALS as unknown as string[]) endGoal: EndGoal;
  @Field(() => String, { nullable: true, description: 'Why a participant under 25 without upper-secondary gets a reduced goal (R-5.2).' })
  @IsOptional()
  @MaxLength(2000)
  @Matches(PLAIN_TEXT)
  reducedGoalReason?: string | null;
  @Field(() => NorwegianGoal) @ValidateNested() norwegianGoal: NorwegianGoal;
  @Field() @Length(0, 2000) @Matches(PLAIN_TEXT) longTermGoal: string;
  @Field(() => Float) @IsNumber() @Min(0) @Max(60) norwegianHoursPerWeek: number;
  @Field(() => Float) @IsNumber() @Min(0) @Max(2000) socialStudiesHours: number;
  @Field(() => Int) @IsInt() @Min(1) @Max(72) durationMonths: number;
  @Field(() => [PlanElement]) @ArrayMaxSize(40) @ValidateNested({ each: true }) elements: PlanElement[];
  @Field() @Length(0, 4000) @Matches(PLAIN_TEXT) appealInformation: string;
  @Field() @Length(0, 4000) @Matches(PLAIN_TEXT) elementReasons: string;
  @Field(() => MainProgrammeTypeEnum) @IsIn(MAIN_PROGRAMME_TYPES as unknown as string[]) mainProgrammeType: MainProgrammeType;
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
  @Field(() => UUIDScalar) id: string;
  @Field(() => Int) versionNo: number;
  @Field(() => EndGoalEnum) endGoal: EndGoal;
  @Field(() => String, { nullable: true }) reducedGoalReason: string | null;
  @Field(() => NorwegianGoal) norwegianGoal: NorwegianGoal;
  @Field() longTermGoal: string;
  @Field(() => Float) norwegianHoursPerWeek: number;
  @Field(() => Float) socialStudiesHours: number;
  @Field(() => Int) durationMonths: number;
  @Field(() => [PlanElement]) elements: PlanElement[];
  @Field() appealInformation: string;
  @Field() elementReasons: string;
  @Field(() => MainProgrammeTypeEnum) mainProgrammeType: MainProgrammeType;
  @Field(() => LifeSkillsHours, { nullable: true }) lifeSkillsHours: LifeSkillsHours | null;
  @Field(() => [RuleNoticeType], {
    description: 'Rules not enforced automatically for this version: the programme was offered before they apply (R-0.2, R-13.1).',
  })
  ruleNotices: RuleNoticeType[];
  @Field({ description: 'This version was a significant change (R-4.3).' }) significantChange: boolean;
  @Field(() => UUIDScalar, { nullable: true }) significantChangeDecisionId: string | null;
  @Field(() => LocalDateScalar) contractSignedAt: string;
  @Field() contractObligations: string;
  @Field() createdBy: string;
}

@ObjectType({ simpleResolvers: true, description: 'The integration plan (integreringsplan) with all its versions.' })
export class IntegrationPlan {
  @Field(() => PlanVersion) current: PlanVersion;
  @Field(() => [PlanVersion], { description: 'Newest first.' }) versions: PlanVersion[];
}
