import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { UUIDScalar } from '../../graphql/scalars';
import { DecisionService } from '../decision';
import { Participant, ParticipantService } from '../participant';
import { ProgrammeService } from '../programme';
import { RequestContext } from '../shared';
import { AbsenceService, FollowEndDate, toAbsence } from './absence.service';
import { Absence, AbsenceInput, AbsenceSummary, CancelAbsenceArgs, CorrectAbsenceArgs } from './absence.types';

/** the programme's planned end date follows the registered absence (once the programme has started). */
function followEndDate(ctx: RequestContext): FollowEndDate {
  return async (p, operation) => {
    const prog = await ProgrammeService.find(ctx, p);
    if (!prog?.startDate) return;
    const end = await ProgrammeService.recomputedEnd(ctx, p, prog);
    if (end !== prog.plannedEndDate) await ProgrammeService.change(ctx, p, prog, operation, { plannedEndDate: end });
  };
}

@Authorized('MUNICIPALITY')
@Resolver(() => Participant)
export class AbsenceResolver {
  @Authorized('MUNICIPALITY')
  @Mutation(() => Participant, {
    nullable: true,
    description:
      'Registers absence days; over 10 countable working days move the end date (R-5.8). A period that shares a day with one already registered is refused (R-5.8).',
  })
  async registerAbsence(
    @Arg('participantId', () => UUIDScalar, { description: 'The participant.' }) participantId: string,
    @Arg('input', { description: 'The period to register.' }) input: AbsenceInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Participant> {
    await AbsenceService.register(ctx, participantId, input, followEndDate(ctx));
    return ParticipantService.view(ctx, participantId);
  }

  @Authorized('MUNICIPALITY')
  @Mutation(() => Participant, {
    nullable: true,
    description: 'Corrects a registered absence period (kind, dates, note); the end date follows (R-5.8). Not for leave, which a LEAVE decision grants.',
  })
  async correctAbsence(@Args() args: CorrectAbsenceArgs, @Ctx() ctx: RequestContext): Promise<Participant> {
    const p = await AbsenceService.correct(ctx, args, followEndDate(ctx));
    return ParticipantService.view(ctx, p.id);
  }

  @Authorized('MUNICIPALITY')
  @Mutation(() => Participant, {
    nullable: true,
    description:
      'Cancels an absence registered by mistake: it no longer counts (R-5.8, R-6.4); the change log keeps the period and the reason. Not for leave, which a LEAVE decision grants.',
  })
  async cancelAbsence(@Args() args: CancelAbsenceArgs, @Ctx() ctx: RequestContext): Promise<Participant> {
    const p = await AbsenceService.cancel(ctx, args, followEndDate(ctx));
    return ParticipantService.view(ctx, p.id);
  }

  @FieldResolver(() => [Absence], { description: 'Registered absence, free days, holiday and leave periods of the case.' })
  async absences(@Root() p: Participant, @Ctx() ctx: RequestContext): Promise<Absence[]> {
    return (await AbsenceService.forCase(ctx, p.id)).map(toAbsence);
  }

  @FieldResolver(() => AbsenceSummary, { description: 'Absence totals: whether the end date moves (R-5.8) and which months need a BENEFIT decision (R-6.4).' })
  async absenceSummary(@Root() p: Participant, @Ctx() ctx: RequestContext): Promise<AbsenceSummary> {
    const [absences, decisions] = await Promise.all([AbsenceService.forCase(ctx, p.id), DecisionService.forCase(ctx, p.id)]);
    // The newest granted BENEFIT decision's monthly amount (R-6.4 measures a deduction against one payment).
    const benefit = decisions.find((d) => d.type === 'BENEFIT' && d.outcome === 'GRANTED');
    const monthly = (benefit?.details as { benefit?: { monthlyAmount: number } } | undefined)?.benefit?.monthlyAmount ?? null;
    return AbsenceService.summary(absences, monthly);
  }
}
