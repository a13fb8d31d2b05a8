import { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { DecisionValidity, decisionValidity } from '../../domain/appeal';
import { decodeCursor, edgesOf, pageInfoFor, pageWindow } from '../../graphql/pagination';
import { declarePurpose, noteRead } from '../access-log';
import { MunicipalityAppealListService } from './municipality-list.service';
import { Decision, DecisionInput, decisionForAppealView } from '../decision';
import { Participant, ParticipantService } from '../participant';
import { RequestContext } from '../shared';
import { AppealService } from './appeal.service';
import {
  AcceptLateAppealArgs,
  Appeal,
  AppealFollowUpArgs,
  AppealHistoryEntry,
  AppealNoteArgs,
  AppealStepArgs,
  DecisionValidityEnum,
  DismissAppealArgs,
  ForwardAppealArgs,
  MunicipalityAppealConnection,
  MunicipalityAppealsArgs,
  ReassignAppealArgs,
  RegisterAppealInput,
} from './appeal.types';
import { toAppeal, toHistoryEntry } from './appeal.views';

function decisionById(ctx: RequestContext, municipalityId: number, id: string | null): Promise<Decision | null> {
  return id ? decisionForAppealView(ctx, { municipalityId, id }) : Promise.resolve(null);
}

@Authorized('MUNICIPALITY')
@Resolver(() => Appeal)
export class AppealResolver {
  @Authorized('MUNICIPALITY')
  @Query(() => MunicipalityAppealConnection, {
    description:
      "The municipality's own appeals (klager), filtered by state, appeal deadline and the appellant's caseworker, with the count per state, a page at a time (default: the earliest deadline first). One SQL statement per page, whatever its size.",
  })
  async municipalityAppeals(
    @Args() args: MunicipalityAppealsArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<MunicipalityAppealConnection> {
    const window = pageWindow(args);
    const cursor = window.cursor ? decodeCursor(window.cursor, 3, window.cursorArg) : null;
    const page = await MunicipalityAppealListService.list(ctx, { window, cursor, filter: args.filter, orderBy: args.orderBy, direction: args.direction });
    // A page names the appellants whatever fields are read (a page of cursors under assignedTo says whose appeals they are).
    const given = Object.entries(args.filter ?? {}).filter(([, v]) => v !== null && v !== undefined);
    const purpose = given.length
      ? `MUNICIPALITY_APPEAL_LIST filter ${JSON.stringify(Object.fromEntries(given.sort(([a], [b]) => (a < b ? -1 : 1))))}`
      : 'MUNICIPALITY_APPEAL_LIST';
    declarePurpose(ctx, info, purpose);
    noteRead(
      ctx,
      page.rows.map((a) => ({ participantId: a.participantId, municipalityId: a.municipalityId })),
      purpose,
      ['listed'],
    );
    const edges = edgesOf(page.rows, page.cursorValues, (a) => toAppeal(a, ctx.directory));
    return { edges, totalCount: page.totalCount, countsByState: page.countsByState, pageInfo: pageInfoFor(edges, page) };
  }

  @Authorized('MUNICIPALITY')
  @Mutation(() => Appeal, {
    nullable: true,
    description:
      'Registers an appeal of a notified, appealable decision (R-8.1, R-9.1). The deadline and whether it is in time are computed (R-9.2); a late appeal is registered and must then be accepted on a ground or dismissed (R-9.3).',
  })
  async registerAppeal(@Arg('input', { description: 'The appeal as received.' }) input: RegisterAppealInput, @Ctx() ctx: RequestContext): Promise<Appeal> {
    return toAppeal(await AppealService.register(ctx, input), ctx.directory);
  }

  @Authorized('MUNICIPALITY')
  @Mutation(() => Appeal, {
    nullable: true,
    description: 'Accepts a late appeal for consideration on a recorded ground; never more than 1 year after the decision (R-9.3).',
  })
  async acceptLateAppeal(@Args() args: AcceptLateAppealArgs, @Ctx() ctx: RequestContext): Promise<Appeal> {
    return toAppeal(await AppealService.acceptLate(ctx, args, args.ground), ctx.directory);
  }

  @Authorized('MUNICIPALITY')
  @Mutation(() => Appeal, { nullable: true, description: 'RECEIVED → UNDER_REVIEW: the municipality prepares the case (R-9.4).' })
  async startAppealReview(@Args() args: AppealStepArgs, @Ctx() ctx: RequestContext): Promise<Appeal> {
    return toAppeal(await AppealService.startReview(ctx, args), ctx.directory);
  }

  @Authorized('MUNICIPALITY')
  @Mutation(() => Appeal, {
    nullable: true,
    description:
      'UNDER_REVIEW → REVERSED: the appeal is allowed in full. The new decision (same type as the appealed one) is made like any other and is itself appealable (R-9.4).',
  })
  async reverseAppeal(
    @Args() args: AppealStepArgs,
    @Arg('decision', { description: 'The new decision, of the same type as the appealed one, dated on or after the appeal was received.' })
    decision: DecisionInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Appeal> {
    return toAppeal(await AppealService.reverse(ctx, args, decision), ctx.directory);
  }

  @Authorized('MUNICIPALITY')
  @Mutation(() => Appeal, {
    nullable: true,
    description:
      'UNDER_REVIEW → PARTLY_REVERSED_AND_FORWARDED: the part allowed is a new, appealable decision; the rest goes to the competent Statsforvalter with the statement (R-9.4, R-9.5).',
  })
  async partlyReverseAndForward(
    @Args() args: ForwardAppealArgs,
    @Arg('decision', { description: 'The new decision for the part allowed, of the same type as the appealed one.' }) decision: DecisionInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Appeal> {
    return toAppeal(await AppealService.partlyReverseAndForward(ctx, args, decision, args.statement, args.copiedToParticipantAt), ctx.directory);
  }

  @Authorized('MUNICIPALITY')
  @Mutation(() => Appeal, { nullable: true, description: 'UNDER_REVIEW → DISMISSED (avvist): the conditions for an appeal are not met (R-9.4).' })
  async dismissAppeal(@Args() args: DismissAppealArgs, @Ctx() ctx: RequestContext): Promise<Appeal> {
    return toAppeal(await AppealService.dismiss(ctx, args, args.reasons), ctx.directory);
  }

  @Authorized('MUNICIPALITY')
  @Mutation(() => Appeal, {
    nullable: true,
    description:
      "UNDER_REVIEW → FORWARDED: upheld and sent, with the municipality's statement, to the Statsforvalter whose area holds the municipality's county (R-9.4, R-9.5).",
  })
  async forwardAppeal(@Args() args: ForwardAppealArgs, @Ctx() ctx: RequestContext): Promise<Appeal> {
    return toAppeal(await AppealService.forward(ctx, args, args.statement, args.copiedToParticipantAt), ctx.directory);
  }

  @Authorized('MUNICIPALITY')
  @Mutation(() => Appeal, {
    nullable: true,
    description: 'Hands a forwarded, undecided appeal to another Statsforvalter office, e.g. when the competent one is disqualified (R-9.5).',
  })
  async reassignAppeal(@Args() args: ReassignAppealArgs, @Ctx() ctx: RequestContext): Promise<Appeal> {
    return toAppeal(await AppealService.reassign(ctx, args, args.statsforvalterId, args.reason), ctx.directory);
  }

  @Authorized('MUNICIPALITY')
  @Mutation(() => Appeal, {
    nullable: true,
    description: "Records the municipality's new decision after Statsforvalteren CHANGED or QUASHED_AND_RETURNED it (R-9.6).",
  })
  async recordAppealFollowUp(@Args() args: AppealFollowUpArgs, @Ctx() ctx: RequestContext): Promise<Appeal> {
    return toAppeal(await AppealService.recordFollowUp(ctx, args, args.decisionId), ctx.directory);
  }

  @Authorized('MUNICIPALITY')
  @Mutation(() => Appeal, {
    nullable: true,
    description: 'Closes a reversed, dismissed or decided appeal (after any follow-up), or one under review that the appellant withdrew (say so in the note).',
  })
  async closeAppeal(@Args() args: AppealNoteArgs, @Ctx() ctx: RequestContext): Promise<Appeal> {
    return toAppeal(await AppealService.close(ctx, args, args.note), ctx.directory);
  }

  @FieldResolver(() => Decision, { description: 'The appealed decision.' })
  async decision(@Root() a: Appeal, @Ctx() ctx: RequestContext): Promise<Decision> {
    return (await decisionById(ctx, a.municipalityId, a.decisionId))!;
  }

  @FieldResolver(() => Decision, { nullable: true, description: 'The new decision made by a full or partial reversal (R-9.4).' })
  reversalDecision(@Root() a: Appeal, @Ctx() ctx: RequestContext): Promise<Decision | null> {
    return decisionById(ctx, a.municipalityId, a.reversalDecisionId);
  }

  @FieldResolver(() => Decision, { nullable: true, description: "The municipality's follow-up decision after CHANGED or QUASHED_AND_RETURNED." })
  followUpDecision(@Root() a: Appeal, @Ctx() ctx: RequestContext): Promise<Decision | null> {
    return decisionById(ctx, a.municipalityId, a.followUpDecisionId);
  }

  @FieldResolver(() => Decision, {
    nullable: true,
    description: "The municipality's dismissal (avvisning) as a decision of its own: appealable like any other (R-13.10).",
  })
  dismissalDecision(@Root() a: Appeal, @Ctx() ctx: RequestContext): Promise<Decision | null> {
    return decisionById(ctx, a.municipalityId, a.dismissalDecisionId);
  }

  @FieldResolver(() => Participant, { description: 'The appellant: the participant the appealed decision is about.' })
  async participant(@Root() a: Appeal, @Ctx() ctx: RequestContext): Promise<Participant> {
    return ParticipantService.view(ctx, a.participantId);
  }

  @FieldResolver(() => [AppealHistoryEntry], { description: 'Every step, oldest first.' })
  async history(@Root() a: Appeal, @Ctx() ctx: RequestContext): Promise<AppealHistoryEntry[]> {
    return (await AppealService.history(ctx, a)).map((r) => toHistoryEntry(r, ctx.directory));
  }
}

@Authorized('MUNICIPALITY')
@Resolver(() => Participant)
export class ParticipantAppealsResolver {
  @FieldResolver(() => [Appeal], { description: "The participant's appeals, newest first." })
  async appeals(@Root() p: Participant, @Ctx() ctx: RequestContext): Promise<Appeal[]> {
    return (await AppealService.ofParticipant(ctx, p)).map((r) => toAppeal(r, ctx.directory));
  }

  @FieldResolver(() => Boolean, { description: 'The participant has an appeal that is not closed; the case list fetches it in its own SQL.' })
  hasOpenAppeal(@Root() p: Participant, @Ctx() ctx: RequestContext): boolean | Promise<boolean> {
    // A value, not a promise, when the list fetched it: 50 rows are 50 promises fewer.
    const prefetched = p.prefetched?.hasOpenAppeal as boolean | undefined;
    if (prefetched !== undefined) return prefetched;
    return AppealService.hasOpenAppeal(ctx, p.id);
  }
}

@Authorized('MUNICIPALITY')
@Resolver(() => Decision)
export class DecisionAppealsResolver {
  @FieldResolver(() => DecisionValidityEnum, {
    description:
      'IN_FORCE, or CHANGED / QUASHED once Statsforvalteren changed it or quashed it and sent it back on appeal (R-9.6, R-13.10); see validityPartly.',
  })
  async validity(@Root() d: Decision, @Ctx() ctx: RequestContext): Promise<DecisionValidity> {
    return decisionValidity(await AppealService.ofDecision(ctx, d)).validity;
  }

  @FieldResolver(() => Boolean, { description: 'Statsforvalteren changed or quashed the decision in part only.' })
  async validityPartly(@Root() d: Decision, @Ctx() ctx: RequestContext): Promise<boolean> {
    return decisionValidity(await AppealService.ofDecision(ctx, d)).partly;
  }

  @FieldResolver(() => [Appeal], { description: 'Appeals of this decision, newest first.' })
  async appeals(@Root() d: Decision, @Ctx() ctx: RequestContext): Promise<Appeal[]> {
    return (await AppealService.ofDecision(ctx, d)).map((r) => toAppeal(r, ctx.directory));
  }
}
