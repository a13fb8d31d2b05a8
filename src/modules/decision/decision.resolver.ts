import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { toRecord } from '../../db/table';
import { appealDeadline } from '../../domain/deadlines';
import { appealInformation } from '../../domain/decision-types';
import { LocalDateScalar, UUIDScalar } from '../../graphql/scalars';
import { Participant, ParticipantService } from '../participant';
import { RequestContext } from '../shared';
import { DecisionRow } from './decision-row';
import { deadlineFactsOf, DecisionService, decisionView } from './decision.service';
import { AppealInformationType, Decision, DecisionInput } from './decision.types';

@Authorized('MUNICIPALITY')
@Resolver(() => Decision)
export class DecisionResolver {
  @Authorized('MUNICIPALITY')
  @Mutation(() => Participant, { nullable: true, description: 'Makes a decision (vedtak) and applies its effect to the programme in the same transaction.' })
  async makeDecision(
    @Arg('participantId', () => UUIDScalar, { description: 'The participant the decision is about.' }) participantId: string,
    @Arg('input', { description: 'The decision, with the block of its type.' }) input: DecisionInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Participant> {
    await DecisionService.make(ctx, participantId, input);
    return ParticipantService.view(ctx, participantId);
  }

  // The facts that move the appeal deadline (recordDecisionNotice, recordReasonsRequest,
  // recordAppealDeadlineExtension) are mutations of the appeal module: each re-judges the appeals.

  @FieldResolver(() => LocalDateScalar, {
    nullable: true,
    description:
      '3 weeks from notifiedAt, or from receipt of reasons requested in time, or an extension granted before expiry; moved off weekends and public holidays (R-9.2, R-13.8); null until notified.',
  })
  appealDeadline(@Root() d: Decision): string | null {
    return d.notifiedAt ? appealDeadline(deadlineFactsOf(d)).deadline : null;
  }

  @FieldResolver(() => Boolean, {
    description: 'Reasons were requested in time and not yet received: the deadline has not begun to run; appealDeadline is only its floor (R-9.2).',
  })
  awaitingReasons(@Root() d: Decision): boolean {
    return d.notifiedAt ? appealDeadline(deadlineFactsOf(d)).awaitingReasons : false;
  }

  @FieldResolver(() => AppealInformationType, { nullable: true, description: 'Right to appeal, appeal body, deadline and how (R-8.3); null until notified.' })
  appealInformation(@Root() d: Decision, @Ctx() ctx: RequestContext): AppealInformationType | null {
    if (!d.notifiedAt) return null;
    const area = ctx.directory.areaOfMunicipality(d.municipalityId);
    return appealInformation({ statsforvalterName: area?.name ?? 'Statsforvalteren', deadline: appealDeadline(deadlineFactsOf(d)).deadline });
  }
}

@Authorized('MUNICIPALITY')
@Resolver(() => Participant)
export class ParticipantDecisionsResolver {
  @FieldResolver(() => Decision, { nullable: true, description: 'The newest decision; the case list fetches it in its own SQL.' })
  latestDecision(@Root() p: Participant, @Ctx() ctx: RequestContext): Decision | null | Promise<Decision | null> {
    // A value, not a promise, when the list fetched it (a decision row with SQL names, see decision-row.ts).
    const prefetched = p.prefetched?.latestDecision as DecisionRow | null | undefined;
    if (prefetched !== undefined) return prefetched ? decisionView(toRecord(prefetched)) : null;
    return DecisionService.latest(ctx, p.id).then((newest) => (newest ? decisionView(newest) : null));
  }

  @FieldResolver(() => [Decision], { description: 'Newest first.' })
  async decisions(@Root() p: Participant, @Ctx() ctx: RequestContext): Promise<Decision[]> {
    return (await DecisionService.forCase(ctx, p.id)).map(decisionView);
  }
}
