import { Arg, Args, Authorized, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import { UUIDScalar } from '../../graphql/scalars';
import { DecisionService } from '../decision';
import { Participant, ParticipantService } from '../participant';
import { RequestContext } from '../shared';
import { ProgrammeService, toElementAttendance, toProgramme } from './programme.service';
import { CancelElementAttendanceArgs, ElementAttendance, ElementAttendanceInput, EndProgrammeInput, Programme, StartProgrammeInput } from './programme.types';

@Authorized('MUNICIPALITY')
@Resolver(() => Participant)
export class ProgrammeResolver {
  @Authorized('MUNICIPALITY')
  @Mutation(() => Participant, {
    nullable: true,
    description: 'Starts the programme: needs a granted participation decision, a valid plan and a signed contract (R-5.1, R-4.2).',
  })
  async startProgramme(
    @Arg('participantId', () => UUIDScalar, { description: 'The participant.' }) participantId: string,
    @Arg('input', { description: 'Start date and, when late, the reason.' }) input: StartProgrammeInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Participant> {
    const p = await ParticipantService.lockCase(ctx, participantId);
    const granted = await DecisionService.participationGranted(ctx, p);
    await ProgrammeService.start(
      ctx,
      p,
      { startDate: input.startDate, lateStartReason: input.lateStartReason ?? null, expectedVersion: input.expectedVersion ?? null },
      granted,
    );
    return ParticipantService.view(ctx, p.id);
  }

  @Authorized('MUNICIPALITY')
  @Mutation(() => Participant, { nullable: true, description: 'The participant is back from leave (ON_LEAVE → ACTIVE).' })
  async endLeave(
    @Arg('participantId', () => UUIDScalar, { description: 'The participant.' }) participantId: string,
    @Arg('expectedVersion', () => Int, { description: "The programme's version the caller saw: a changed programme answers CONFLICT." })
    expectedVersion: number,
    @Ctx() ctx: RequestContext,
  ): Promise<Participant> {
    const p = await ParticipantService.lockCase(ctx, participantId);
    await ProgrammeService.step(ctx, p, 'LEAVE_END', expectedVersion, { leaveUntil: null });
    return ParticipantService.view(ctx, p.id);
  }

  @Authorized('MUNICIPALITY')
  @Mutation(() => Participant, { nullable: true, description: 'A temporary halt ends (HALTED → ACTIVE).' })
  async resumeProgramme(
    @Arg('participantId', () => UUIDScalar, { description: 'The participant.' }) participantId: string,
    @Arg('expectedVersion', () => Int, { description: "The programme's version the caller saw: a changed programme answers CONFLICT." })
    expectedVersion: number,
    @Ctx() ctx: RequestContext,
  ): Promise<Participant> {
    const p = await ParticipantService.lockCase(ctx, participantId);
    await ProgrammeService.step(ctx, p, 'RESUME', expectedVersion, { haltedUntil: null });
    return ParticipantService.view(ctx, p.id);
  }

  @Authorized('MUNICIPALITY')
  @Mutation(() => Participant, {
    nullable: true,
    description:
      'The programme is completed: only when the end goal is reached or its time has run out, on an end date that is not in the future nor after the legal maximum; the certificate is issued (R-5.10, R-13.4, R-10).',
  })
  async completeProgramme(
    @Arg('participantId', () => UUIDScalar, { description: 'The participant.' }) participantId: string,
    @Arg('input', { description: 'End date, whether the end goal was reached, and the reason.' }) input: EndProgrammeInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Participant> {
    const p = await ParticipantService.lockCase(ctx, participantId);
    await ProgrammeService.end(ctx, p, 'COMPLETE', endOf(input));
    return ParticipantService.view(ctx, p.id);
  }

  @Authorized('MUNICIPALITY')
  @Mutation(() => Participant, {
    nullable: true,
    description:
      'The programme is interrupted (halted permanently, refused or left), with the reason, before its time ran out and without the goal reached; the certificate is issued (R-5.10, R-13.4, R-10).',
  })
  async interruptProgramme(
    @Arg('participantId', () => UUIDScalar, { description: 'The participant.' }) participantId: string,
    @Arg('input', { description: 'End date, whether the end goal was reached, and the reason.' }) input: EndProgrammeInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Participant> {
    const p = await ParticipantService.lockCase(ctx, participantId);
    await ProgrammeService.end(ctx, p, 'INTERRUPT', endOf(input));
    return ParticipantService.view(ctx, p.id);
  }

  @Authorized('MUNICIPALITY')
  @Mutation(() => Participant, {
    nullable: true,
    description:
      'Records the hours attended of one programme element over one period and whether it was completed (R-10.1, R-13.11); the certificate prints what was recorded, and is issued again when the programme has ended.',
  })
  async recordElementAttendance(
    @Arg('participantId', () => UUIDScalar, { description: 'The participant.' }) participantId: string,
    @Arg('input', { description: 'The attendance period.' }) input: ElementAttendanceInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Participant> {
    await ProgrammeService.recordAttendance(ctx, participantId, input);
    return ParticipantService.view(ctx, participantId);
  }

  @Authorized('MUNICIPALITY')
  @Mutation(() => Participant, {
    nullable: true,
    description: 'Cancels an attendance period recorded by mistake (record it again as it should be); the change log keeps it and the reason.',
  })
  async cancelElementAttendance(@Args() args: CancelElementAttendanceArgs, @Ctx() ctx: RequestContext): Promise<Participant> {
    return ParticipantService.view(ctx, await ProgrammeService.cancelAttendance(ctx, args.attendanceId, args.reason));
  }

  @FieldResolver(() => [ElementAttendance], { description: 'Attendance recorded per programme element and period (R-13.11), by element and date.' })
  async elementAttendance(@Root() p: Participant, @Ctx() ctx: RequestContext): Promise<ElementAttendance[]> {
    return (await ProgrammeService.attendanceForCase(ctx, p.id)).map(toElementAttendance);
  }

  @FieldResolver(() => Programme, {
    nullable: true,
    description: 'The introduction programme (introduksjonsprogram); null until a PARTICIPATION decision is granted.',
  })
  async programme(@Root() p: Participant, @Ctx() ctx: RequestContext): Promise<Programme | null> {
    const prog = await ProgrammeService.forCase(ctx, p.id);
    return prog ? toProgramme(prog) : null;
  }
}

function endOf(input: EndProgrammeInput) {
  return { endDate: input.endDate, endGoalReached: input.endGoalReached, reason: input.reason ?? null, expectedVersion: input.expectedVersion ?? null };
}
