import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import { EndGoalEnum } from '../../graphql/enums';
import { UUIDScalar } from '../../graphql/scalars';
import { CareerGuidanceReferral, CareerGuidanceService, toMunicipalityReferral } from '../career-guidance';
import { firstParticipationGrantDate, hasGrantedDecision } from '../decision';
import { Participant, ParticipantService } from '../participant';
import { RequestContext } from '../shared';
import { IntegrationPlanService, toPlanVersion } from './integration-plan.service';
import { IntegrationPlan, IntegrationPlanInput } from './integration-plan.types';

/** What a list read with the page (src/modules/caseload): the current end goal, or null for no plan; undefined when not read. */
function prefetchedEndGoal(p: Participant): string | null | undefined {
  const value = p.prefetched?.currentEndGoal;
  return typeof value === 'string' || value === null ? value : undefined;
}

/*
 * The resolvers are registered by src/graphql/schema.ts from this file, not through the module's index: they
 * ask the decision module, which through the programme reaches this module's index; exporting them
 * from the index would close that import cycle.
 */

@Authorized('MUNICIPALITY')
@Resolver(() => Participant)
export class IntegrationPlanResolver {
  @FieldResolver(() => EndGoalEnum, { nullable: true, description: 'The end goal of the latest integration plan version; null without a plan.' })
  currentEndGoal(@Root() p: Participant, @Ctx() ctx: RequestContext): string | null | Promise<string | null> {
    const prefetched = prefetchedEndGoal(p);
    if (prefetched !== undefined) return prefetched;
    // Outside the list (which fills it in its SQL): the request's batched loader, newest version first.
    return IntegrationPlanService.versions(ctx, p.id).then((versions) => versions[0]?.endGoal ?? null);
  }

  @Authorized('MUNICIPALITY')
  @Mutation(() => Participant, {
    nullable: true,
    description:
      'Makes the first plan version, or a revision of the current one. A significant change (R-4.3) needs a granted PLAN_SIGNIFICANT_CHANGE decision.',
  })
  async saveIntegrationPlan(
    @Arg('participantId', () => UUIDScalar, { description: 'The participant.' }) participantId: string,
    @Arg('input', { description: 'The whole plan and contract (a revision gives every field again).' }) input: IntegrationPlanInput,
    @Arg('expectedVersionNo', () => Int, { nullable: true, description: 'The plan version you revised; omit for the first plan.' })
    expectedVersionNo: number | null,
    @Arg('significantChangeDecisionId', () => UUIDScalar, {
      nullable: true,
      description: 'A granted PLAN_SIGNIFICANT_CHANGE decision: required when the revision is a significant change (R-4.3), ignored otherwise.',
    })
    significantChangeDecisionId: string | null,
    @Arg('guidanceReferralId', () => UUIDScalar, { nullable: true, description: 'The submitted career guidance this plan builds on (R-4.1, R-3.3).' })
    guidanceReferralId: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Participant> {
    const p = await IntegrationPlanService.save(
      ctx,
      { participantId, input, expectedVersionNo, significantChangeDecisionId, guidanceReferralId },
      {
        isGranted: (c, decisionId, type) => hasGrantedDecision(ctx, c, decisionId, type),
        participationGrantedAt: (c) => firstParticipationGrantDate(ctx, c.id),
      },
    );
    return ParticipantService.view(ctx, p.id);
  }

  @FieldResolver(() => IntegrationPlan, {
    nullable: true,
    description: 'The integration plan (integreringsplan) with all its versions; null before the first.',
  })
  async integrationPlan(@Root() p: Participant, @Ctx() ctx: RequestContext): Promise<IntegrationPlan | null> {
    const versions = (await IntegrationPlanService.versions(ctx, p.id)).map(toPlanVersion);
    return versions.length ? { current: versions[0], versions } : null;
  }
}

/** The plan's side of career guidance: a version records the guidance it built on, and a referral shows which versions did. */
@Authorized('MUNICIPALITY')
@Resolver(() => CareerGuidanceReferral)
export class PlanGuidanceResolver {
  @Authorized('MUNICIPALITY')
  @Mutation(() => CareerGuidanceReferral, {
    nullable: true,
    description: "Records that a plan version built on this participant's submitted career guidance (R-4.1). A plan version records one guidance.",
  })
  async linkPlanToGuidance(
    @Arg('planVersionId', () => UUIDScalar, { description: 'The plan version (PlanVersion.id).' }) planVersionId: string,
    @Arg('referralId', () => UUIDScalar, { description: "The participant's submitted career-guidance referral." }) referralId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<CareerGuidanceReferral> {
    await IntegrationPlanService.linkPlanToGuidance(ctx, { planVersionId, referralId });
    return toMunicipalityReferral(ctx, await CareerGuidanceService.municipalityReferral(ctx, referralId));
  }

  @FieldResolver(() => [Int], { description: "The municipality's plan versions (versionNo) that built on this guidance." })
  usedByPlanVersions(@Root() r: CareerGuidanceReferral, @Ctx() ctx: RequestContext): Promise<number[]> {
    return IntegrationPlanService.versionNosBuiltOn(ctx, r.id);
  }
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const INTEGRATION_PLAN_RESOLVERS: Function[] = [IntegrationPlanResolver, PlanGuidanceResolver];
