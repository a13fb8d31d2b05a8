import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { compareDates } from '../../domain/calendar';
import { GraphQLContext } from '../../graphql/context';
import { UUIDScalar } from '../../graphql/scalars';
import { toDecision } from '../decision/decision.service';
import { PlanVersion, toPlanVersion } from '../integration-plan/integration-plan';
import { appealLoaders } from './appeal.loaders';
import { toAppealedDecision, toHistoryEntry } from './appeal.rows';
import { AppealedDecision, AppealHistoryEntry, AppealsArgs, AppealStepArgs, DecideAppealInput, ForwardedAppeal, ForwardedAppealConnection } from './appeal.types';
import { StatsforvalterAppealService } from './statsforvalter.service';

/**
 * the plan and contract versions the decision concerned: the one in force when the appealed
 * decision was made, and any made under the appealed decision or its partial reversal. Newest first.
 */
export function relevantPlanVersions(
  rows: Record<string, unknown>[],
  decision: { id: string; decidedAt: string },
  reversalDecisionId: string | null,
): Record<string, unknown>[] {
  const byVersion = [...rows].sort((a, b) => Number(b.version_no) - Number(a.version_no));
  const linked = new Set([decision.id, reversalDecisionId].filter(Boolean));
  const inForce = byVersion.find((r) => compareDates(r.contract_signed_at as string, decision.decidedAt) <= 0);
  return byVersion.filter((r) => r === inForce || linked.has(r.significant_change_decision_id as string));
}

/** Statsforvalteren's side of an appeal: its forwarded appeals, one appeal with what it needs, its decision. */
@Authorized('STATSFORVALTER')
@Resolver(() => ForwardedAppeal)
export class StatsforvalterAppealResolver {
  @Authorized('STATSFORVALTER')
  @Query(() => ForwardedAppealConnection, {
    description: "The appeals forwarded to the caller's office, from the municipalities of its area (and any reassigned to it), filtered, a page at a time; by default those waiting longest first. One SQL statement per page, whatever its size.",
  })
  async appeals(@Args() args: AppealsArgs, @Ctx() ctx: GraphQLContext): Promise<ForwardedAppealConnection> {
    const { nodes, hasNextPage, totalCount, cursor } = await StatsforvalterAppealService.list(ctx, args);
    const edges = nodes.map((node) => ({ node, cursor: cursor(node) }));
    return { edges, totalCount, pageInfo: { hasNextPage, endCursor: edges.length ? edges[edges.length - 1].cursor : null } };
  }

  @Authorized('STATSFORVALTER')
  @Query(() => ForwardedAppeal, {
    description: "One forwarded appeal with what it needs (R-9.8): the appealed decision, the appellant's identity (no national identity number), the plan and contract versions concerned, the municipality's statement and the history.",
  })
  appeal(@Arg('id', () => UUIDScalar) id: string, @Ctx() ctx: GraphQLContext): Promise<ForwardedAppeal> {
    return StatsforvalterAppealService.get(ctx, id);
  }

  @Authorized('STATSFORVALTER')
  @Mutation(() => ForwardedAppeal, {
    nullable: true,
    description: "Statsforvalteren's decision (R-9.6): DISMISSED, UPHELD, CHANGED (fully or partly) or QUASHED_AND_RETURNED. Final. A change to the appellant's detriment needs notice within 3 months of the municipality receiving the appeal (R-9.7).",
  })
  decideAppeal(@Args() args: AppealStepArgs, @Arg('input') input: DecideAppealInput, @Ctx() ctx: GraphQLContext): Promise<ForwardedAppeal> {
    return StatsforvalterAppealService.decide(ctx, args, input);
  }

  @FieldResolver(() => AppealedDecision, { nullable: true, description: "The municipality's new decision for the part it allowed (PARTLY_REVERSED_AND_FORWARDED)." })
  async reversalDecision(@Root() a: ForwardedAppeal, @Ctx() ctx: GraphQLContext): Promise<AppealedDecision | null> {
    if (!a.reversalDecisionId) return null;
    const row = await appealLoaders.decision(ctx).load({ municipalityId: a.municipalityId, id: a.reversalDecisionId });
    return row ? toAppealedDecision(toDecision(row)) : null;
  }

  @FieldResolver(() => [PlanVersion], {
    description: 'The integration plan and contract versions the decision concerned (R-9.8): the one in force when it was made, and any made under it. Newest first.',
  })
  async planVersions(@Root() a: ForwardedAppeal, @Ctx() ctx: GraphQLContext): Promise<PlanVersion[]> {
    const rows = await appealLoaders.planVersions(ctx).load({ municipalityId: a.municipalityId, id: a.participantId });
    return relevantPlanVersions(rows, a.decision, a.reversalDecisionId).map(toPlanVersion);
  }

  @FieldResolver(() => [AppealHistoryEntry], { description: 'Every step, oldest first.' })
  async history(@Root() a: ForwardedAppeal, @Ctx() ctx: GraphQLContext): Promise<AppealHistoryEntry[]> {
    return (await appealLoaders.history(ctx).load({ municipalityId: a.municipalityId, id: a.id })).map((r) => toHistoryEntry(r, ctx.directory));
  }
}
