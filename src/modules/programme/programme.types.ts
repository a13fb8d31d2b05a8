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

export const ProgrammeStateEnum = enumFrom(PROGRAMME_STATES, 'ProgrammeState', 'PLANNED → ACTIVE ⇄ ON_LEAVE / HALTED → COMPLETED | INTERRUPTED (R-5).');
export const ProgrammeEventEnum = enumFrom(PROGRAMME_EVENTS, 'ProgrammeEvent');

@ObjectType({ simpleResolvers: true, description: 'The introduction programme (introduksjonsprogram) of one case.' })
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

@InputType()
export class StartProgrammeInput {
  @Field(() => LocalDateScalar) startDate: string;
  @Field(() => String, { nullable: true, description: 'Required when starting after the start deadline (R-5.1).' })
  @IsOptional()
  @Length(1, 2000)
  @Matches(PLAIN_TEXT)
  lateStartReason?: string | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) expectedVersion?: number | null;
}

@InputType()
export class EndProgrammeInput {
  @Field(() => LocalDateScalar) endDate: string;
  @Field() @IsBoolean() endGoalReached: boolean;
  @Field(() => String, { nullable: true, description: 'Why the programme ended early: required for an interruption (R-13.4).' })
  @IsOptional()
  @Length(1, 2000)
  @Matches(PLAIN_TEXT)
  reason?: string | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) expectedVersion?: number | null;
}

@ObjectType({
  simpleResolvers: true,
  description: 'Hours attended of one programme element over one period, and whether the element was completed, as recorded (R-13.11).',
})
export class ElementAttendance {
  @Field(() => UUIDScalar) id: string;
  @Field(() => ElementKindEnum) elementKind: ElementKind;
  @Field(() => LocalDateScalar) fromDate: string;
  @Field(() => LocalDateScalar) toDate: string;
  @Field(() => Float) hoursAttended: number;
  @Field({ description: 'Whether the element was completed, as of the end of this period.' }) completed: boolean;
  @Field() note: string;
}

@InputType({ description: 'What the participant actually attended of one element over one period (R-10.1, R-13.11).' })
export class ElementAttendanceInput {
  @Field(() => ElementKindEnum) @IsIn(ELEMENT_KINDS as unknown as string[]) elementKind: ElementKind;
  @Field(() => LocalDateScalar) fromDate: string;
  @Field(() => LocalDateScalar, { description: 'Never after today, nor after the programme ended.' }) toDate: string;
  @Field(() => Float, { description: 'Hours attended in the period, to one decimal.' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 1 })
  @Min(0)
  @Max(99999)
  hoursAttended: number;
  @Field({ description: 'Whether the element was completed, as of the end of this period: the latest period decides the certificate.' })
  @IsBoolean()
  completed: boolean;
  @Field({ defaultValue: '' }) @Length(0, 2000) @Matches(PLAIN_TEXT) note: string;
  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

@ArgsType()
export class CancelElementAttendanceArgs {
  @Field(() => UUIDScalar) attendanceId: string;
  @Field({ description: 'Why the period is cancelled (kept in the change log).' }) @Length(1, 2000) @Matches(PLAIN_TEXT) reason: string;
}
