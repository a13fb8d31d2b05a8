import { Arg, Args, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { guidanceAfterParticipationDecision } from '../../domain/career-guidance';
import { GraphQLContext } from '../../graphql/context';
import { UUIDScalar } from '../../graphql/scalars';
import { Participant } from '../participant/participant.types';
import { planVersionsByReferral, referralsByParticipant } from './career-guidance.loaders';
import { CareerGuidanceService, toMunicipalityReferral } from './career-guidance.service';
import {
  CareerGuidanceReferral,
  CareerGuidanceReferralsArgs,
  CountyGuidanceReferral,
  CountyGuidanceReferralConnection,
  ReferralVersionArgs,
  ReferToCareerGuidanceArgs,
  StartCareerGuidanceArgs,
  SubmitCareerGuidanceInput,
} from './career-guidance.types';

/** The municipality refers, withdraws and records which guidance a plan built on. */
@Authorized('MUNICIPALITY')
@Resolver(() => CareerGuidanceReferral)
export class MunicipalityCareerGuidanceResolver {
  @Authorized('MUNICIPALITY')
  @Mutation(() => CareerGuidanceReferral, {
    nullable: true,
    description: 'Refers the participant to career guidance at the county of the municipality (R-3.1); only after the competence mapping is complete (R-3.2).',
  })
  referToCareerGuidance(@Args() args: ReferToCareerGuidanceArgs, @Ctx() ctx: GraphQLContext): Promise<CareerGuidanceReferral> {
    return CareerGuidanceService.refer(ctx, args);
  }

  @Authorized('MUNICIPALITY')
  @Mutation(() => CareerGuidanceReferral, { nullable: true, description: 'Withdraws a referral the county has not started on (OPEN).' })
  withdrawCareerGuidanceReferral(@Args() args: ReferralVersionArgs, @Ctx() ctx: GraphQLContext): Promise<CareerGuidanceReferral> {
    return CareerGuidanceService.withdraw(ctx, args);
  }

  @Authorized('MUNICIPALITY')
  @Mutation(() => CareerGuidanceReferral, {
    nullable: true,
    description: "Records that a plan version built on this participant's submitted career guidance (R-4.1). A plan version records one guidance.",
  })
  linkPlanToGuidance(
    @Arg('planVersionId', () => UUIDScalar) planVersionId: string,
    @Arg('referralId', () => UUIDScalar) referralId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CareerGuidanceReferral> {
    return CareerGuidanceService.linkPlan(ctx, { planVersionId, referralId });
  }

  @FieldResolver(() => Boolean, {
    description: 'Warning: the guidance was submitted on a later day than the first granted participation decision (allowed; guidance should come before it, R-3.2).',
  })
  async guidanceAfterParticipationDecision(@Root() r: CareerGuidanceReferral, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    if (!r.submittedAt) return false;
    const decisions = await ctx.loaders.caseRows.load({ table: 'decision', participantId: r.participantId });
    const decidedOn = decisions
      .filter((d) => d.type === 'PARTICIPATION' && d.outcome === 'GRANTED')
      .map((d) => d.decided_at as string)
      .sort()[0];
    return guidanceAfterParticipationDecision(r.submittedAt, decidedOn ?? null);
  }

  @FieldResolver(() => [Int], { description: "The municipality's plan versions (versionNo) that built on this guidance." })
  usedByPlanVersions(@Root() r: CareerGuidanceReferral, @Ctx() ctx: GraphQLContext): Promise<number[]> {
    return planVersionsByReferral(ctx).load(r.id);
  }
}

/** Participant.careerGuidance: the case file shows the referrals and the submitted guidance. */
@Authorized('MUNICIPALITY')
@Resolver(() => Participant)
export class ParticipantCareerGuidanceResolver {
  @FieldResolver(() => [CareerGuidanceReferral], {
    description: "The participant's career-guidance referrals, newest first, each with its guidance once submitted: input to the plan (R-3.3, R-4.1).",
  })
  async careerGuidance(@Root() p: Participant, @Ctx() ctx: GraphQLContext): Promise<CareerGuidanceReferral[]> {
    return (await referralsByParticipant(ctx).load(p.id)).map((r) => toMunicipalityReferral(ctx, r));
  }
}

/** The county's work: its list, one referral, start and submit. Only the county's projection types are reachable. */
@Authorized('COUNTY')
@Resolver(() => CountyGuidanceReferral)
export class CountyCareerGuidanceResolver {
  @Authorized('COUNTY')
  @Query(() => CountyGuidanceReferralConnection, {
    description: "Referrals to the caller's county from its municipalities (open, in progress, completed), by programme-decision deadline.",
  })
  async careerGuidanceReferrals(@Args() args: CareerGuidanceReferralsArgs, @Ctx() ctx: GraphQLContext): Promise<CountyGuidanceReferralConnection> {
    const { rows, hasNextPage, totalCount, cursor } = await CareerGuidanceService.countyList(ctx, args);
    const edges = rows.map((node) => ({ node, cursor: cursor(node) }));
    return { edges, totalCount, pageInfo: { hasNextPage, endCursor: edges.length ? edges[edges.length - 1].cursor : null } };
  }

  @Authorized('COUNTY')
  @Query(() => CountyGuidanceReferral, { description: "One referral to the caller's county." })
  careerGuidanceReferral(@Arg('id', () => UUIDScalar) id: string, @Ctx() ctx: GraphQLContext): Promise<CountyGuidanceReferral> {
    return CareerGuidanceService.countyReferral(ctx, id);
  }

  @Authorized('COUNTY')
  @Mutation(() => CountyGuidanceReferral, { nullable: true, description: 'The county takes an OPEN referral on.' })
  startCareerGuidance(@Args() args: StartCareerGuidanceArgs, @Ctx() ctx: GraphQLContext): Promise<CountyGuidanceReferral> {
    return CareerGuidanceService.start(ctx, args);
  }

  @Authorized('COUNTY')
  @Mutation(() => CountyGuidanceReferral, {
    nullable: true,
    description: 'Submits the guidance held and its recommendation of work or education within §§ 13–14 (R-3.3).',
  })
  submitCareerGuidance(
    @Arg('referralId', () => UUIDScalar) referralId: string,
    @Arg('input') input: SubmitCareerGuidanceInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CountyGuidanceReferral> {
    return CareerGuidanceService.submit(ctx, referralId, input);
  }
}
