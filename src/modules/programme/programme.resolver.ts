import { IsBoolean, IsInt, IsOptional, Length, Matches, Min } from 'class-validator';
import { Arg, Authorized, Ctx, Field, FieldResolver, InputType, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { availableEvents, PROGRAMME_EVENTS, PROGRAMME_STATES, ProgrammeEvent, ProgrammeState } from '../../domain/programme';
import { EndGoal, maxDuration } from '../../domain/end-goal';
import { enumFrom } from '../../graphql/enums';
import { GraphQLContext } from '../../graphql/context';
import { LocalDateScalar, UUIDScalar } from '../../graphql/scalars';
import { forgetCase, lockCase } from '../case/case-access';
import { EndGoalEnum } from '../integration-plan/integration-plan';
import { ParticipantService } from '../participant/participant.service';
import { Participant } from '../participant/participant.types';
import { PLAIN_TEXT } from '../shared';
import { applyEvent, endProgramme, ProgrammeRow, startProgramme } from './programme.service';

export const ProgrammeStateEnum = enumFrom(PROGRAMME_STATES, 'ProgrammeState', 'PLANNED → ACTIVE ⇄ ON_LEAVE / HALTED → COMPLETED | INTERRUPTED (R-5).');
export const ProgrammeEventEnum = enumFrom(PROGRAMME_EVENTS, 'ProgrammeEvent');

@ObjectType({ description: 'The introduction programme (introduksjonsprogram) of one case.' })
export class Programme {
  @Field(() => UUIDScalar) id: string;
  @Field(() => Int, { description: 'Send it back as expectedVersion with a change.' }) version: number;
  @Field(() => ProgrammeStateEnum) state: ProgrammeState;
  @Field(() => LocalDateScalar, { nullable: true }) startDate: string | null;
  @Field(() => String, { nullable: true }) lateStartReason: string | null;
  @Field(() => EndGoalEnum, { nullable: true }) endGoal: EndGoal | null;
  @Field(() => Int, { nullable: true }) durationMonths: number | null;
  @Field(() => Int) extensionMonths: number;
  @Field(() => Int, { nullable: true, description: 'Maximum extension for the end goal (R-5.7).' }) maxExtensionMonths: number | null;
  @Field(() => Int, { description: 'Days used in a previous municipality.' }) timeAlreadyUsedDays: number;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Last day, with extensions and added absence/leave (R-5.8).' }) plannedEndDate: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) leaveUntil: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) haltedUntil: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) endedAt: string | null;
  @Field(() => Boolean, { nullable: true }) endGoalReached: boolean | null;
  @Field(() => String, { nullable: true }) endReason: string | null;
  @Field(() => [ProgrammeEventEnum], { description: 'What may happen next by the transition table.' }) availableEvents: ProgrammeEvent[];
}

export function toProgramme(r: ProgrammeRow | Record<string, unknown>): Programme {
  const row = r as ProgrammeRow;
  return {
    id: row.id,
    version: Number(row.version),
    state: row.state,
    startDate: row.start_date,
    lateStartReason: row.late_start_reason,
    endGoal: row.end_goal,
    durationMonths: row.duration_months === null ? null : Number(row.duration_months),
    extensionMonths: Number(row.extension_months),
    maxExtensionMonths: row.end_goal ? maxDuration(row.end_goal).maxExtensionMonths : null,
    timeAlreadyUsedDays: Number(row.time_already_used_days),
    plannedEndDate: row.planned_end_date,
    leaveUntil: row.leave_until,
    haltedUntil: row.halted_until,
    endedAt: row.ended_at,
    endGoalReached: row.end_goal_reached,
    endReason: row.end_reason,
    availableEvents: availableEvents(row.state),
  };
}

@InputType()
export class StartProgrammeInput {
  @Field(() => LocalDateScalar) startDate: string;
  @Field(() => String, { nullable: true, description: 'Required when starting after the start deadline (R-5.1).' })
  @IsOptional() @Length(1, 2000) @Matches(PLAIN_TEXT) lateStartReason?: string | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) expectedVersion?: number | null;
}

@InputType()
export class EndProgrammeInput {
  @Field(() => LocalDateScalar) endDate: string;
  @Field() @IsBoolean() endGoalReached: boolean;
  @Field(() => String, { nullable: true, description: 'Why the programme ended early (interruptions).' })
  @IsOptional() @Length(1, 2000) @Matches(PLAIN_TEXT) reason?: string | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) expectedVersion?: number | null;
}

@Authorized('MUNICIPALITY')
@Resolver(() => Participant)
export class ProgrammeResolver {
  @Authorized('MUNICIPALITY')
  @Mutation(() => Participant, { nullable: true, description: 'Starts the programme: needs a granted participation decision, a valid plan and a signed contract (R-5.1, R-4.2).' })
  async startProgramme(@Arg('participantId', () => UUIDScalar) participantId: string, @Arg('input') input: StartProgrammeInput, @Ctx() ctx: GraphQLContext): Promise<Participant> {
    const p = await lockCase(ctx, participantId);
    await startProgramme(ctx, p, input.startDate, input.lateStartReason ?? null, input.expectedVersion ?? null);
    forgetCase(ctx, p.id);
    return ParticipantService.get(ctx, p.id);
  }

  @Authorized('MUNICIPALITY')
  @Mutation(() => Participant, { nullable: true, description: 'The participant is back from leave (ON_LEAVE → ACTIVE).' })
  async endLeave(@Arg('participantId', () => UUIDScalar) participantId: string, @Arg('expectedVersion', () => Int) expectedVersion: number, @Ctx() ctx: GraphQLContext): Promise<Participant> {
    const p = await lockCase(ctx, participantId);
    await applyEvent(ctx, p, 'LEAVE_END', expectedVersion, { leave_until: null });
    forgetCase(ctx, p.id);
    return ParticipantService.get(ctx, p.id);
  }

  @Authorized('MUNICIPALITY')
  @Mutation(() => Participant, { nullable: true, description: 'A temporary halt ends (HALTED → ACTIVE).' })
  async resumeProgramme(@Arg('participantId', () => UUIDScalar) participantId: string, @Arg('expectedVersion', () => Int) expectedVersion: number, @Ctx() ctx: GraphQLContext): Promise<Participant> {
    const p = await lockCase(ctx, participantId);
    await applyEvent(ctx, p, 'RESUME', expectedVersion, { halted_until: null });
    forgetCase(ctx, p.id);
    return ParticipantService.get(ctx, p.id);
  }

  @Authorized('MUNICIPALITY')
  @Mutation(() => Participant, { nullable: true, description: 'The programme is completed (end goal reached or time out); the certificate is issued (R-5.10, R-10).' })
  async completeProgramme(@Arg('participantId', () => UUIDScalar) participantId: string, @Arg('input') input: EndProgrammeInput, @Ctx() ctx: GraphQLContext): Promise<Participant> {
    const p = await lockCase(ctx, participantId);
    await endProgramme(ctx, p, 'COMPLETE', input.endDate, input.endGoalReached, input.reason ?? null, input.expectedVersion ?? null);
    forgetCase(ctx, p.id);
    return ParticipantService.get(ctx, p.id);
  }

  @Authorized('MUNICIPALITY')
  @Mutation(() => Participant, { nullable: true, description: 'The programme is interrupted (left or refused); the certificate is issued (R-5.10, R-10).' })
  async interruptProgramme(@Arg('participantId', () => UUIDScalar) participantId: string, @Arg('input') input: EndProgrammeInput, @Ctx() ctx: GraphQLContext): Promise<Participant> {
    const p = await lockCase(ctx, participantId);
    await endProgramme(ctx, p, 'INTERRUPT', input.endDate, input.endGoalReached, input.reason ?? null, input.expectedVersion ?? null);
    forgetCase(ctx, p.id);
    return ParticipantService.get(ctx, p.id);
  }

  @FieldResolver(() => Programme, { nullable: true })
  async programme(@Root() p: Participant, @Ctx() ctx: GraphQLContext): Promise<Programme | null> {
    const [row] = await ctx.loaders.caseRows.load({ table: 'programme', participantId: p.id });
    return row ? toProgramme(row) : null;
  }
}
