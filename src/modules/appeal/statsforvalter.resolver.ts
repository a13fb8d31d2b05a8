import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { relevantPlanVersions } from '../../domain/appeal';
import { decodeCursor, edgesOf, pageInfoFor, pageWindow } from '../../graphql/pagination';
import { UUIDScalar } from '../../graphql/scalars';
import { decisionForAppealView } from '../decision';
import { PlanVersion, planVersionsForAppeal } from '../integration-plan';
import { RequestContext } from '../shared';
import { AppealService } from './appeal.service';
import {
  AppealedDecision,
  AppealHistoryEntry,
  AppealsArgs,
  AppealStepArgs,
  DecideAppealInput,
  ForwardedAppeal,
  ForwardedAppealConnection,
  ReassignAppealArgs,
} from './appeal.types';
import { StatsforvalterArea } from '../reference';
import { toAppealedDecision, toForwardedAppeal, toHistoryEntry } from './appeal.views';
import { StatsforvalterAppealService } from './statsforvalter.service';

/** Statsforvalteren's side of an appeal: its forwarded appeals, one appeal with what it needs, its decision. */
@Authorized('STATSFORVALTER')
@Resolver(() => ForwardedAppeal)
export class StatsforvalterAppealResolver {
  @Authorized('STATSFORVALTER')
  @Query(() => ForwardedAppealConnection, {
    description:
      "The appeals forwarded to the caller's office, from the municipalities of its area (and any reassigned to it), filtered, a page at a time; by default those waiting longest first. One SQL statement per page, whatever its size.",
  })
  async appeals(@Args() args: AppealsArgs, @Ctx() ctx: RequestContext): Promise<ForwardedAppealConnection> {
    const window = pageWindow(args);
    const cursor = window.cursor ? decodeCursor(window.cursor, 3, window.cursorArg) : null;
    const page = await StatsforvalterAppealService.list(ctx, { window, cursor, filter: args.filter, orderBy: args.orderBy, direction: args.direction });
    const { nodes, totalCount, cursorValues } = page;
    const edges = edgesOf(nodes, cursorValues, (n) => toForwardedAppeal(n, ctx.directory, ctx.today));
    return { edges, totalCount, pageInfo: pageInfoFor(edges, page) };
  }

  @Authorized('STATSFORVALTER')
  @Query(() => ForwardedAppeal, {
    description:
      "One forwarded appeal with what it needs (R-9.8): the appealed decision, the appellant's identity (no national identity number), the plan and contract versions concerned, the municipality's statement and the history.",
  })
  async appeal(
    @Arg('id', () => UUIDScalar, { description: 'The appeal; one not forwarded to this office answers NOT_FOUND like a missing one.' }) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<ForwardedAppeal> {
    return toForwardedAppeal(await StatsforvalterAppealService.get(ctx, id), ctx.directory, ctx.today);
  }

  @Authorized('STATSFORVALTER')
  @Mutation(() => ForwardedAppeal, {
    nullable: true,
    description:
      "Statsforvalteren's decision (R-9.6): DISMISSED, UPHELD, CHANGED (fully or partly) or QUASHED_AND_RETURNED. Final. A change to the appellant's detriment needs notice within 3 months of the municipality receiving the appeal (R-9.7).",
  })
  async decideAppeal(
    @Args() args: AppealStepArgs,
    @Arg('input', { description: 'The decision on the appeal.' }) input: DecideAppealInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ForwardedAppeal> {
    return toForwardedAppeal(await StatsforvalterAppealService.decide(ctx, args, input), ctx.directory, ctx.today);
  }

  @Authorized('STATSFORVALTER')
  @Mutation(() => StatsforvalterArea, {
    nullable: true,
    description:
      'A disqualified office (inhabil) hands a forwarded appeal it has not decided on to another office itself (R-9.5, R-13.10); the history says why. Answers the office that now has it: the appeal is no longer this office’s to read.',
  })
  async handOnAppeal(@Args() args: ReassignAppealArgs, @Ctx() ctx: RequestContext): Promise<StatsforvalterArea> {
    const to = await StatsforvalterAppealService.handOn(ctx, args, args.statsforvalterId, args.reason);
    return ctx.directory.area(to)!;
  }

  @FieldResolver(() => AppealedDecision, {
    nullable: true,
    description: "The municipality's new decision for the part it allowed (PARTLY_REVERSED_AND_FORWARDED).",
  })
  async reversalDecision(@Root() a: ForwardedAppeal, @Ctx() ctx: RequestContext): Promise<AppealedDecision | null> {
    if (!a.reversalDecisionId) return null;
    const decision = await decisionForAppealView(ctx, { municipalityId: a.municipalityId, id: a.reversalDecisionId });
    return decision ? toAppealedDecision(decision) : null;
  }

  @FieldResolver(() => [PlanVersion], {
    description:
      'The integration plan and contract versions the decision concerned (R-9.8): the one in force when it was made, and any made under it. Newest first.',
  })
  async planVersions(@Root() a: ForwardedAppeal, @Ctx() ctx: RequestContext): Promise<PlanVersion[]> {
    const versions = await planVersionsForAppeal(ctx, { municipalityId: a.municipalityId, participantId: a.participantId });
    return relevantPlanVersions(versions, a.decision, a.reversalDecisionId);
  }

  @FieldResolver(() => [AppealHistoryEntry], { description: 'Every step, oldest first.' })
  async history(@Root() a: ForwardedAppeal, @Ctx() ctx: RequestContext): Promise<AppealHistoryEntry[]> {
    return (await AppealService.history(ctx, a)).map((r) => toHistoryEntry(r, ctx.directory));
  }
}
