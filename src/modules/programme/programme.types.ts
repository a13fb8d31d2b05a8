import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, Length, Matches, Max, Min } from 'class-validator';
import { ArgsType, Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { EndGoal } from '../../domain/end-goal';
import { ELEMENT_KINDS, ElementKind } from '../../domain/integration-plan';
import { PROGRAMME_EVENTS, PROGRAMME_STATES, ProgrammeEvent, ProgrammeState } from '../../domain/programme';
import { enumFrom } from '../../graphql/enums';
import { IdempotencyKeyField } from '../../graphql/idempotency-key';
import { LocalDateScalar, UUIDScalar } from '../../graphql/scalars';
import { ElementKindEnum, EndGoalEnum } from '../integration-plan';
import { PLAIN_TEXT } from '../shared';

export const ProgrammeStateEnum = enumFrom(PROGRAMME_STATES, 'ProgrammeState', 'PLANNED → ACTIVE ⇄ ON_LEAVE / HALTED → COMPLETED | INTERRUPTED (R-5).', {
  PLANNED: 'Created by a granted PARTICIPATION decision; not yet started (R-5.1).',
  ACTIVE: 'Running.',
  ON_LEAVE: 'On leave (permisjon) under a granted LEAVE decision, until leaveUntil (R-6.3).',
  HALTED: 'Temporarily halted (midlertidig stans) under a HALT decision, until haltedUntil (R-5.9).',
  COMPLETED: 'Ended: end goal reached or time out (R-5.10, R-13.4); a participation certificate (deltakerbevis) is issued. Final.',
  INTERRUPTED: 'Ended early: halted permanently, refused or left (R-5.10); a participation certificate is issued. Final.',
  TRANSFERRED: 'Sent to another municipality with the programme time used (transferParticipant); closed here. Final.',
});
export const ProgrammeEventEnum = enumFrom(
  PROGRAMME_EVENTS,
  'ProgrammeEvent',
  "A step of the programme's state machine (domain/programme.ts transition table).",
  {
    START: 'PLANNED → ACTIVE (startProgramme): guarded by a granted participation decision, a valid plan and a signed contract (R-5.1, R-4.2).',
    LEAVE_START: 'ACTIVE → ON_LEAVE: by a granted LEAVE decision (R-6.3).',
    LEAVE_END: 'ON_LEAVE → ACTIVE (endLeave).',
    HALT: 'ACTIVE → HALTED: by a granted temporary HALT decision (R-5.9).',
    RESUME: 'HALTED → ACTIVE (resumeProgramme).',
    COMPLETE: 'ACTIVE, ON_LEAVE or HALTED → COMPLETED (completeProgramme, R-5.10).',
    INTERRUPT: 'PLANNED, ACTIVE, ON_LEAVE or HALTED → INTERRUPTED (interruptProgramme, or a permanent HALT decision) (R-5.10).',
    TRANSFER: 'PLANNED, ACTIVE, ON_LEAVE or HALTED → TRANSFERRED: the case is sent to another municipality (transferParticipant).',
  },
);

@ObjectType({ simpleResolvers: true, description: 'The introduction programme (introduksjonsprogram) of one case.' })
export class Programme {
  @Field(() => UUIDScalar, { description: "The programme's id." }) id: string;
  @Field(() => Int, { description: 'Send it back as expectedVersion with a change.' }) version: number;
  @Field(() => ProgrammeStateEnum, { description: 'Where the programme stands (R-5).' }) state: ProgrammeState;
  @Field(() => LocalDateScalar, { nullable: true, description: 'The day the programme started; null while PLANNED.' }) startDate: string | null;
  @Field(() => String, { nullable: true, description: 'Why it started after the start deadline (R-5.1); null when on time.' }) lateStartReason: string | null;
  @Field(() => EndGoalEnum, { nullable: true, description: 'The end goal (sluttmål) taken from the current plan at the start; null before the start.' })
  endGoal: EndGoal | null;
  @Field(() => Int, { nullable: true, description: 'The planned duration in months, from the plan at the start; null before the start.' })
  durationMonths: number | null;
  @Field(() => Int, { description: 'Months added by granted EXTENSION decisions (R-5.7); 0 without.' }) extensionMonths: number;
  @Field(() => Int, { nullable: true, description: 'Maximum extension for the end goal (R-5.7).' }) maxExtensionMonths: number | null;
  @Field(() => Int, { description: 'Days used in a previous municipality.' }) timeAlreadyUsedDays: number;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Last day, with extensions and added absence/leave (R-5.8).' }) plannedEndDate: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'ON_LEAVE: the last day of leave; null otherwise.' }) leaveUntil: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'HALTED: the last halted day of a temporary halt (R-5.9); null otherwise.' }) haltedUntil:
    string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'The end date of a COMPLETED or INTERRUPTED programme; null while it runs.' }) endedAt:
    string | null;
  @Field(() => Boolean, { nullable: true, description: 'Whether the end goal was reached; null while the programme runs.' }) endGoalReached: boolean | null;
  @Field(() => String, { nullable: true, description: 'The reason recorded when the programme ended (required for an interruption, R-13.4); null when none.' })
  endReason: string | null;
  @Field(() => [ProgrammeEventEnum], { description: 'What may happen next by the transition table.' }) availableEvents: ProgrammeEvent[];
}

@InputType({ description: 'Starting the programme (R-5.1).' })
export class StartProgrammeInput {
  @Field(() => LocalDateScalar, { description: 'The day the programme starts.' }) startDate: string;
  @Field(() => String, { nullable: true, description: 'Required when starting after the start deadline (R-5.1).' })
  @IsOptional()
  @Length(1, 2000)
  @Matches(PLAIN_TEXT)
  lateStartReason?: string | null;
  @Field(() => Int, { nullable: true, description: "The programme's version the caller saw: a changed programme answers CONFLICT; omitted: not checked." })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number | null;
}

@InputType({ description: 'Ending the programme as COMPLETED or INTERRUPTED (R-5.10, R-13.4).' })
export class EndProgrammeInput {
  @Field(() => LocalDateScalar, { description: 'The last day of the programme: never in the future nor after the legal maximum (R-13.4).' }) endDate: string;
  @Field({ description: 'The end goal was reached (completeProgramme needs this or the time run out; interruptProgramme: false).' })
  @IsBoolean()
  endGoalReached: boolean;
  @Field(() => String, { nullable: true, description: 'Why the programme ended early: required for an interruption (R-13.4).' })
  @IsOptional()
  @Length(1, 2000)
  @Matches(PLAIN_TEXT)
  reason?: string | null;
  @Field(() => Int, { nullable: true, description: "The programme's version the caller saw: a changed programme answers CONFLICT; omitted: not checked." })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number | null;
}

@ObjectType({
  simpleResolvers: true,
  description: 'Hours attended of one programme element over one period, and whether the element was completed, as recorded (R-13.11).',
})
export class ElementAttendance {
  @Field(() => UUIDScalar, { description: "The attendance period's id (attendanceId of cancelElementAttendance)." }) id: string;
  @Field(() => ElementKindEnum, { description: 'The programme element.' }) elementKind: ElementKind;
  @Field(() => LocalDateScalar, { description: 'First day of the period.' }) fromDate: string;
  @Field(() => LocalDateScalar, { description: 'Last day of the period (inclusive).' }) toDate: string;
  @Field(() => Float, { description: 'Hours attended in the period, to one decimal.' }) hoursAttended: number;
  @Field({ description: 'Whether the element was completed, as of the end of this period.' }) completed: boolean;
  @Field({ description: 'Free-text note; empty when none.' }) note: string;
}

@InputType({ description: 'What the participant actually attended of one element over one period (R-10.1, R-13.11).' })
export class ElementAttendanceInput {
  @Field(() => ElementKindEnum, { description: 'The programme element.' }) @IsIn(ELEMENT_KINDS as unknown as string[]) elementKind: ElementKind;
  @Field(() => LocalDateScalar, { description: 'First day of the period, not after toDate.' }) fromDate: string;
  @Field(() => LocalDateScalar, { description: 'Never after today, nor after the programme ended.' }) toDate: string;
  @Field(() => Float, { description: 'Hours attended in the period, to one decimal.' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 1 })
  @Min(0)
  @Max(99999)
  hoursAttended: number;
  @Field({ description: 'Whether the element was completed, as of the end of this period: the latest period decides the certificate.' })
  @IsBoolean()
  completed: boolean;
  @Field({ defaultValue: '', description: 'Free-text note, at most 2000 characters.' }) @Length(0, 2000) @Matches(PLAIN_TEXT) note: string;
  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

@ArgsType()
export class CancelElementAttendanceArgs {
  @Field(() => UUIDScalar, { description: 'The attendance period (ElementAttendance.id).' }) attendanceId: string;
  @Field({ description: 'Why the period is cancelled (kept in the change log).' }) @Length(1, 2000) @Matches(PLAIN_TEXT) reason: string;
}
