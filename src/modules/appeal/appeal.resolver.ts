import { loaderFor } from '../loaders';
import DataLoader from 'dataloader';
import { ParticipantService } from '../participant';
import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { GraphQLContext } from '../../graphql/context';
import { toDecision } from '../decision/decision.service';
import { Decision, DecisionInput } from '../decision/decision.types';
import { Participant } from '../participant/participant.types';
import { appealLoaders } from './appeal.loaders';
import { AppealRow, toAppeal, toHistoryEntry } from './appeal.rows';
import { AppealService } from './appeal.service';
import {
  AcceptLateAppealArgs,
  Appeal,
  AppealFollowUpArgs,
  AppealHistoryEntry,
  AppealNoteArgs,
  AppealStepArgs,
  DismissAppealArgs,
  ForwardAppealArgs,
  ReassignAppealArgs,
  RegisterAppealInput,
} from './appeal.types';

async function decisionById(ctx: GraphQLContext, municipalityId: number, id: string | null): Promise<Decision | null> {
  if (!id) return null;
  const row = await appealLoaders.decision(ctx).load({ municipalityId, id });
  return row ? toDecision(row) : null;
}

/** The municipality's side of an appeal (klage): intake, review and its outcomes, follow-up. */
@Authorized('MUNICIPALITY')
@Resolver(() => Appeal)
export class AppealResolver {
  @Authorized('MUNICIPALITY')
  @Mutation(() => Appeal, {
    nullable: true,
    description: 'Registers an appeal of a notified, appealable decision (R-8.1, R-9.1). The deadline and whether it is in time are computed (R-9.2); a late appeal is registered and must then be accepted on a ground or dismissed (R-9.3).',
  })
  registerAppeal(@Arg('input') input: RegisterAppealInput, @Ctx() ctx: GraphQLContext): Promise<Appeal> {
    return AppealService.register(ctx, input);
  }

  @Authorized('MUNICIPALITY')
  @Mutation(() => Appeal, { nullable: true, description: 'Accepts a late appeal for consideration on a recorded ground; never more than 1 year after the decision (R-9.3).' })
  acceptLateAppeal(@Args() args: AcceptLateAppealArgs, @Ctx() ctx: GraphQLContext): Promise<Appeal> {
    return AppealService.acceptLate(ctx, args, args.ground);
  }

  @Authorized('MUNICIPALITY')
  @Mutation(() => Appeal, { nullable: true, description: 'RECEIVED → UNDER_REVIEW: the municipality prepares the case (R-9.4).' })
  startAppealReview(@Args() args: AppealStepArgs, @Ctx() ctx: GraphQLContext): Promise<Appeal> {
    return AppealService.startReview(ctx, args);
  }

  @Authorized('MUNICIPALITY')
  @Mutation(() => Appeal, {
    nullable: true,
    description: 'UNDER_REVIEW → REVERSED: the appeal is allowed in full. The new decision (same type as the appealed one) is made like any other and is itself appealable (R-9.4).',
  })
  reverseAppeal(@Args() args: AppealStepArgs, @Arg('decision') decision: DecisionInput, @Ctx() ctx: GraphQLContext): Promise<Appeal> {
    return AppealService.reverse(ctx, args, decision);
  }

  @Authorized('MUNICIPALITY')
  @Mutation(() => Appeal, {
    nullable: true,
    description: 'UNDER_REVIEW → PARTLY_REVERSED_AND_FORWARDED: the part allowed is a new, appealable decision; the rest goes to the competent Statsforvalter with the statement (R-9.4, R-9.5).',
  })
  partlyReverseAndForward(@Args() args: ForwardAppealArgs, @Arg('decision') decision: DecisionInput, @Ctx() ctx: GraphQLContext): Promise<Appeal> {
    return AppealService.partlyReverseAndForward(ctx, args, decision, args.statement, args.copiedToParticipantAt);
  }

  @Authorized('MUNICIPALITY')
  @Mutation(() => Appeal, { nullable: true, description: 'UNDER_REVIEW → DISMISSED (avvist): the conditions for an appeal are not met (R-9.4).' })
  dismissAppeal(@Args() args: DismissAppealArgs, @Ctx() ctx: GraphQLContext): Promise<Appeal> {
    return AppealService.dismiss(ctx, args, args.reasons);
  }

  @Authorized('MUNICIPALITY')
  @Mutation(() => Appeal, {
    nullable: true,
    description: "UNDER_REVIEW → FORWARDED: upheld and sent, with the municipality's statement, to the Statsforvalter whose area holds the municipality's county (R-9.4, R-9.5).",
  })
  forwardAppeal(@Args() args: ForwardAppealArgs, @Ctx() ctx: GraphQLContext): Promise<Appeal> {
    return AppealService.forward(ctx, args, args.statement, args.copiedToParticipantAt);
  }

  @Authorized('MUNICIPALITY')
  @Mutation(() => Appeal, { nullable: true, description: 'Hands a forwarded, undecided appeal to another Statsforvalter office, e.g. when the competent one is disqualified (R-9.5).' })
  reassignAppeal(@Args() args: ReassignAppealArgs, @Ctx() ctx: GraphQLContext): Promise<Appeal> {
    return AppealService.reassign(ctx, args, args.statsforvalterId, args.reason);
  }

  @Authorized('MUNICIPALITY')
  @Mutation(() => Appeal, { nullable: true, description: "Records the municipality's new decision after Statsforvalteren CHANGED or QUASHED_AND_RETURNED it (R-9.6)." })
  recordAppealFollowUp(@Args() args: AppealFollowUpArgs, @Ctx() ctx: GraphQLContext): Promise<Appeal> {
    return AppealService.recordFollowUp(ctx, args, args.decisionId);
  }

  @Authorized('MUNICIPALITY')
  @Mutation(() => Appeal, {
    nullable: true,
    description: 'Closes a reversed, dismissed or decided appeal (after any follow-up), or one under review that the appellant withdrew (say so in the note).',
  })
  closeAppeal(@Args() args: AppealNoteArgs, @Ctx() ctx: GraphQLContext): Promise<Appeal> {
    return AppealService.close(ctx, args, args.note);
  }

  @FieldResolver(() => Decision, { description: 'The appealed decision.' })
  async decision(@Root() a: Appeal, @Ctx() ctx: GraphQLContext): Promise<Decision> {
    return (await decisionById(ctx, a.municipalityId, a.decisionId))!;
  }

  @FieldResolver(() => Decision, { nullable: true, description: 'The new decision made by a full or partial reversal (R-9.4).' })
  reversalDecision(@Root() a: Appeal, @Ctx() ctx: GraphQLContext): Promise<Decision | null> {
    return decisionById(ctx, a.municipalityId, a.reversalDecisionId);
  }

  @FieldResolver(() => Decision, { nullable: true, description: "The municipality's follow-up decision after CHANGED or QUASHED_AND_RETURNED." })
  followUpDecision(@Root() a: Appeal, @Ctx() ctx: GraphQLContext): Promise<Decision | null> {
    return decisionById(ctx, a.municipalityId, a.followUpDecisionId);
  }

  @FieldResolver(() => Participant)
  async participant(@Root() a: Appeal, @Ctx() ctx: GraphQLContext): Promise<Participant> {
    return ParticipantService.view(ctx, a.participantId);
  }

  @FieldResolver(() => [AppealHistoryEntry], { description: 'Every step, oldest first.' })
  async history(@Root() a: Appeal, @Ctx() ctx: GraphQLContext): Promise<AppealHistoryEntry[]> {
    return (await appealLoaders.history(ctx).load({ municipalityId: a.municipalityId, id: a.id })).map((r) => toHistoryEntry(r, ctx.directory));
  }
}

@Authorized('MUNICIPALITY')
@Resolver(() => Participant)
export class ParticipantAppealsResolver {
  @FieldResolver(() => [Appeal], { description: "The participant's appeals, newest first." })
  async appeals(@Root() p: Participant, @Ctx() ctx: GraphQLContext): Promise<Appeal[]> {
    return (await appealLoaders.byParticipant(ctx).load({ municipalityId: p.municipalityId, id: p.id })).map((r: AppealRow) => toAppeal(r, ctx.directory));
  }

  @FieldResolver(() => Boolean, { description: 'The participant has an appeal that is not closed; the case list fetches it in its own SQL.' })
  hasOpenAppeal(@Root() p: Participant, @Ctx() ctx: GraphQLContext): boolean | Promise<boolean> {
    // A value, not a promise, when the list fetched it: 50 rows are 50 promises fewer.
    const prefetched = p.prefetched?.hasOpenAppeal as boolean | undefined;
    if (prefetched !== undefined) return prefetched;
    const loader = loaderFor(ctx.loaders, 'openAppealByParticipant', (tx) => new DataLoader<string, boolean>(async (ids) => {
      const rows = await tx.query<{ participant_id: string }>(
        `SELECT DISTINCT participant_id FROM app.appeal WHERE municipality_id = ANY($2::smallint[]) AND participant_id = ANY($1::uuid[]) AND state <> 'CLOSED'`,
        [ids, tx.municipalityIds],
      );
      const open = new Set(rows.map((x) => x.participant_id));
      return ids.map((id) => open.has(id));
    }));
    return loader.load(p.id);
  }
}

@Authorized('MUNICIPALITY')
@Resolver(() => Decision)
export class DecisionAppealsResolver {
  @FieldResolver(() => [Appeal], { description: 'Appeals of this decision, newest first.' })
  async appeals(@Root() d: Decision, @Ctx() ctx: GraphQLContext): Promise<Appeal[]> {
    return (await appealLoaders.byDecision(ctx).load({ municipalityId: d.municipalityId, id: d.id })).map((r: AppealRow) => toAppeal(r, ctx.directory));
  }
}
