import { ArrayMaxSize, IsBoolean, IsIn, IsInt, IsNumber, IsOptional, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Arg, Authorized, Ctx, Field, FieldResolver, Float, InputType, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { ageOn } from '../../domain/calendar';
import { END_GOALS, EndGoal, validateDuration, validateEndGoal } from '../../domain/end-goal';
import { ELEMENT_KINDS, ElementKind, MAIN_PROGRAMME_TYPES, MainProgrammeType, PlanContent, assertValidPlan, isSignificantChange } from '../../domain/integration-plan';
import { assertLifeSkillsHours, assertWorkOrientedHours, hasChildUnder18, missingRequiredElements } from '../../domain/programme-content';
import { LAW } from '../../domain/law-references';
import { RuleViolation } from '../../domain/rule-violation';
import { enumFrom } from '../../graphql/enums';
import { GraphQLContext } from '../../graphql/context';
import { conflict } from '../../graphql/errors';
import { LocalDateScalar, UUIDScalar } from '../../graphql/scalars';
import { diff, recordChange } from '../audit/change-log';
import { forgetCase, lockCase } from '../case/case-access';
import { linkPlanVersionToGuidance } from '../career-guidance/plan-link';
import { ParticipantEntity } from '../participant/participant.entity';
import { ParticipantService } from '../participant/participant.service';
import { Participant } from '../participant/participant.types';
import { PLAIN_TEXT } from '../shared';

export const EndGoalEnum = enumFrom(END_GOALS, 'EndGoal', 'End goal (sluttmål), integreringsloven §§ 13–14 (R-5.2).');
export const ElementKindEnum = enumFrom(ELEMENT_KINDS, 'ElementKind');
export const MainProgrammeTypeEnum = enumFrom(MAIN_PROGRAMME_TYPES, 'MainProgrammeType');

@ObjectType()
@InputType('NorwegianGoalInput')
export class NorwegianGoal {
  @Field({ nullable: true }) @IsOptional() @Matches(/^(A1|A2|B1|B2|C1|C2)$/) listening?: string;
  @Field({ nullable: true }) @IsOptional() @Matches(/^(A1|A2|B1|B2|C1|C2)$/) reading?: string;
  @Field({ nullable: true }) @IsOptional() @Matches(/^(A1|A2|B1|B2|C1|C2)$/) speaking?: string;
  @Field({ nullable: true }) @IsOptional() @Matches(/^(A1|A2|B1|B2|C1|C2)$/) writing?: string;
}

@ObjectType()
@InputType('PlanElementInput')
export class PlanElement {
  @Field(() => ElementKindEnum) @IsIn(ELEMENT_KINDS as unknown as string[]) kind: ElementKind;
  @Field() @Length(1, 1000) @Matches(PLAIN_TEXT) description: string;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() @Min(0) @Max(60) hoursPerWeek?: number;
  @Field({ nullable: true, description: 'A main element: removing or replacing it is a significant change (R-4.3).' }) @IsOptional() @IsBoolean() isMain?: boolean;
}

@ObjectType('LifeSkillsHours')
@InputType('LifeSkillsHoursInput')
export class LifeSkillsHours {
  @Field(() => Float, { description: 'Migration, health and diversity.' }) @IsNumber() @Min(0) @Max(500) migrationHealthDiversity: number;
  @Field(() => Float, { description: 'Career competence.' }) @IsNumber() @Min(0) @Max(500) careerCompetence: number;
}

@InputType({ description: 'The integration plan (§ 15, R-4.1) and the contract signed with it (§ 16, R-4.2).' })
export class IntegrationPlanInput {
  @Field(() => EndGoalEnum) @IsIn(END_GOALS as unknown as string[]) endGoal: EndGoal;
  @Field(() => String, { nullable: true, description: 'Why a participant under 25 without upper-secondary gets a reduced goal (R-5.2).' })
  @IsOptional() @MaxLength(2000) @Matches(PLAIN_TEXT) reducedGoalReason?: string | null;
  @Field(() => NorwegianGoal) @ValidateNested() norwegianGoal: NorwegianGoal;
  @Field() @Length(0, 2000) @Matches(PLAIN_TEXT) longTermGoal: string;
  @Field(() => Float) @IsNumber() @Min(0) @Max(60) norwegianHoursPerWeek: number;
  @Field(() => Float) @IsNumber() @Min(0) @Max(2000) socialStudiesHours: number;
  @Field(() => Int) @IsInt() @Min(1) @Max(72) durationMonths: number;
  @Field(() => [PlanElement]) @ArrayMaxSize(40) @ValidateNested({ each: true }) elements: PlanElement[];
  @Field() @Length(0, 4000) @Matches(PLAIN_TEXT) appealInformation: string;
  @Field() @Length(0, 4000) @Matches(PLAIN_TEXT) elementReasons: string;
  @Field(() => MainProgrammeTypeEnum) @IsIn(MAIN_PROGRAMME_TYPES as unknown as string[]) mainProgrammeType: MainProgrammeType;
  @Field(() => LifeSkillsHours, { nullable: true, description: 'Planned hours of the life-skills course (R-5.4: at least 10 + 15, or 5 + 10 with upper-secondary, for programmes from 2026).' })
  @IsOptional() @ValidateNested() lifeSkillsHours?: LifeSkillsHours | null;
  @Field(() => LocalDateScalar, { description: 'The day plan and contract were signed with the participant.' }) contractSignedAt: string;
  @Field({ description: 'The mutual obligations of the integration contract (§ 16).' }) @Length(1, 4000) @Matches(PLAIN_TEXT) contractObligations: string;
}

@ObjectType({ description: 'One version of the integration plan with its contract. Every version is kept (R-4.3).' })
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
  @Field({ description: 'This version was a significant change (R-4.3).' }) significantChange: boolean;
  @Field(() => UUIDScalar, { nullable: true }) significantChangeDecisionId: string | null;
  @Field(() => LocalDateScalar) contractSignedAt: string;
  @Field() contractObligations: string;
  @Field() createdBy: string;
}

@ObjectType({ description: 'The integration plan (integreringsplan) with all its versions.' })
export class IntegrationPlan {
  @Field(() => PlanVersion) current: PlanVersion;
  @Field(() => [PlanVersion], { description: 'Newest first.' }) versions: PlanVersion[];
}

export function toPlanVersion(r: Record<string, unknown>): PlanVersion {
  const c = r.content as PlanContent & { reducedGoalReason?: string | null };
  return {
    participantId: r.participant_id as string,
    municipalityId: Number(r.municipality_id),
    id: r.id as string,
    versionNo: Number(r.version_no),
    endGoal: c.endGoal,
    reducedGoalReason: (r.reduced_goal_reason as string) ?? null,
    norwegianGoal: c.norwegianGoal,
    longTermGoal: c.longTermGoal,
    norwegianHoursPerWeek: c.norwegianHoursPerWeek,
    socialStudiesHours: c.socialStudiesHours,
    durationMonths: c.durationMonths,
    elements: c.elements,
    appealInformation: c.appealInformation,
    elementReasons: c.elementReasons,
    mainProgrammeType: c.mainProgrammeType,
    lifeSkillsHours: (c as { lifeSkillsHours?: LifeSkillsHours | null }).lifeSkillsHours ?? null,
    significantChange: r.significant_change as boolean,
    significantChangeDecisionId: (r.significant_change_decision_id as string) ?? null,
    contractSignedAt: r.contract_signed_at as string,
    contractObligations: r.contract_obligations as string,
    createdBy: r.created_by as string,
  };
}

function contentOf(input: IntegrationPlanInput): PlanContent & { lifeSkillsHours: LifeSkillsHours | null } {
  return {
    lifeSkillsHours: input.lifeSkillsHours ? { ...input.lifeSkillsHours } : null,
    endGoal: input.endGoal,
    norwegianGoal: { ...input.norwegianGoal },
    longTermGoal: input.longTermGoal,
    norwegianHoursPerWeek: input.norwegianHoursPerWeek,
    socialStudiesHours: input.socialStudiesHours,
    durationMonths: input.durationMonths,
    elements: input.elements.map((e) => ({ kind: e.kind, description: e.description, hoursPerWeek: e.hoursPerWeek, isMain: e.isMain ?? false })),
    appealInformation: input.appealInformation,
    elementReasons: input.elementReasons,
    mainProgrammeType: input.mainProgrammeType,
  };
}

/** what every plan version must satisfy. */
function checkPlan(p: ParticipantEntity, input: IntegrationPlanInput, content: PlanContent): void {
  assertValidPlan(content);
  validateEndGoal({ endGoal: input.endGoal, hasUpperSecondary: p.hasUpperSecondary, ageOnDate: ageOn(p.birthDate, input.contractSignedAt), reducedGoalReason: input.reducedGoalReason });
  validateDuration({ endGoal: input.endGoal, durationMonths: input.durationMonths, offerDate: input.contractSignedAt });
  const missing = missingRequiredElements(
    { hasChildUnder18: hasChildUnder18(p.childrenBirthDates, input.contractSignedAt), collectiveProtection: p.permitCategory === 'COLLECTIVE_PROTECTION' },
    content.elements,
  );
  if (missing.length) {
    throw new RuleViolation('R-5.3', LAW['R-5.3'], `The programme lacks required content: ${missing.join(', ')}.`, { missing });
  }
  assertLifeSkillsHours({ hasUpperSecondary: p.hasUpperSecondary, decisionDate: input.contractSignedAt, planned: input.lifeSkillsHours });
  assertWorkOrientedHours({ workQualifying: input.endGoal === 'WORK_QUALIFYING' || input.mainProgrammeType === 'WORK_QUALIFYING', elements: content.elements, hasUpperSecondary: p.hasUpperSecondary });
}

@Authorized('MUNICIPALITY')
@Resolver(() => Participant)
export class IntegrationPlanResolver {
  @FieldResolver(() => String, { nullable: true, description: 'The end goal of the latest integration plan version; null without a plan.' })
  currentEndGoal(@Root() p: Participant, @Ctx() ctx: GraphQLContext): string | null | Promise<string | null> {
    const prefetched = p.prefetched?.currentEndGoal as string | null | undefined;
    if (prefetched !== undefined) return prefetched;
    // Outside the list (which fills it in its SQL): the request's batched case-file loader, newest version first.
    return ctx.loaders.caseRows.load({ table: 'plan_version', participantId: p.id }).then((versions) => (versions[0]?.end_goal as string | undefined) ?? null);
  }

  @Authorized('MUNICIPALITY')
  @Mutation(() => Participant, {
    nullable: true,
    description: 'Makes the first plan version, or a revision of the current one. A significant change (R-4.3) needs a granted PLAN_SIGNIFICANT_CHANGE decision.',
  })
  async saveIntegrationPlan(
    @Arg('participantId', () => UUIDScalar) participantId: string,
    @Arg('input') input: IntegrationPlanInput,
    @Arg('expectedVersionNo', () => Int, { nullable: true, description: 'The plan version you revised; omit for the first plan.' }) expectedVersionNo: number | null,
    @Arg('significantChangeDecisionId', () => UUIDScalar, { nullable: true }) significantChangeDecisionId: string | null,
    @Arg('guidanceReferralId', () => UUIDScalar, { nullable: true, description: 'The submitted career guidance this plan builds on (R-4.1, R-3.3).' }) guidanceReferralId: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Participant> {
    const p = await lockCase(ctx, participantId);
    const content = contentOf(input);
    checkPlan(p, input, content);
    const [current] = await ctx.tx.query(
      `SELECT * FROM app.plan_version WHERE municipality_id = $1 AND participant_id = $2 ORDER BY version_no DESC LIMIT 1`,
      [p.municipalityId, p.id],
    );
    const currentNo = current ? Number(current.version_no) : 0;
    if ((expectedVersionNo ?? 0) !== currentNo) throw conflict('The plan was changed by someone else; reload and try again');
    let significant = false;
    if (current) {
      const change = isSignificantChange(current.content as PlanContent, content);
      significant = change.significant;
      if (significant) {
        const [decision] = significantChangeDecisionId
          ? await ctx.tx.query(
              `SELECT id FROM app.decision WHERE municipality_id = $1 AND participant_id = $2 AND id = $3 AND type = 'PLAN_SIGNIFICANT_CHANGE' AND outcome = 'GRANTED'`,
              [p.municipalityId, p.id, significantChangeDecisionId],
            )
          : [];
        if (!decision) {
          throw new RuleViolation('R-4.3', LAW['R-4.3'], `This is a significant change of the plan (${change.reasons.join('; ')}): it needs a granted PLAN_SIGNIFICANT_CHANGE decision.`, { reasons: change.reasons });
        }
      }
    }
    const [row] = await ctx.tx.query(
      `INSERT INTO app.plan_version (municipality_id, participant_id, version_no, content, end_goal, duration_months, reduced_goal_reason,
         significant_change, significant_change_decision_id, contract_signed_at, contract_obligations, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING *`,
      [p.municipalityId, p.id, currentNo + 1, JSON.stringify(content), input.endGoal, input.durationMonths, input.reducedGoalReason ?? null,
        significant, significant ? significantChangeDecisionId : null, input.contractSignedAt, input.contractObligations, ctx.actor.name],
    );
    await recordChange(ctx, {
      municipalityId: p.municipalityId, operation: 'saveIntegrationPlan', participantId: p.id, entity: 'plan_version', entityId: row.id as string,
      changes: diff(current ? toPlanVersion(current) : null, toPlanVersion(row), ['id', 'versionNo', 'participantId', 'municipalityId'] as never[]),
    });
    if (guidanceReferralId) await linkPlanVersionToGuidance(ctx, p, row.id as string, guidanceReferralId);
    forgetCase(ctx, p.id);
    return ParticipantService.get(ctx, p.id);
  }

  @FieldResolver(() => IntegrationPlan, { nullable: true })
  async integrationPlan(@Root() p: Participant, @Ctx() ctx: GraphQLContext): Promise<IntegrationPlan | null> {
    const rows = await ctx.loaders.caseRows.load({ table: 'plan_version', participantId: p.id });
    if (!rows.length) return null;
    const versions = rows.map(toPlanVersion);
    return { current: versions[0], versions };
  }
}
