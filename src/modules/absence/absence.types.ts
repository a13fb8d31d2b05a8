import { IsIn, IsInt, Length, Matches, Min } from 'class-validator';
import { ArgsType, Field, InputType, Int, ObjectType } from 'type-graphql';
import { ABSENCE_KINDS, AbsenceKind } from '../../domain/absence';
import { enumFrom } from '../../graphql/enums';
import { IdempotencyKeyField } from '../../graphql/idempotency-key';
import { LocalDateScalar, UUIDScalar } from '../../graphql/scalars';
import { PLAIN_TEXT } from '../shared';

export const AbsenceKindEnum = enumFrom(
  ABSENCE_KINDS,
  'AbsenceKind',
  'Absence, free days and leave (forskrift chapters 3–4). HOLIDAY and FREE_DAY_17_2 never move the end date.',
);

@ObjectType({ simpleResolvers: true, description: 'Absence, a free day or leave, in working days.' })
export class Absence {
  @Field(() => UUIDScalar) id: string;
  @Field(() => AbsenceKindEnum) kind: AbsenceKind;
  @Field(() => LocalDateScalar) fromDate: string;
  @Field(() => LocalDateScalar) toDate: string;
  @Field(() => Int) workingDays: number;
  @Field() note: string;
  @Field(() => Int, { description: 'Send it back as expectedVersion with correctAbsence or cancelAbsence.' }) version: number;
}

@ObjectType({ simpleResolvers: true, description: 'Absence totals for the end date (R-5.8).' })
export class AbsenceSummary {
  @Field(() => Int, { description: 'Absence, free days and leave that count toward moving the end date.' }) countableWorkingDays: number;
  @Field({ description: 'Over 10 working days: all of them are added to the end date (R-5.8).' }) movesEndDate: boolean;
  @Field(() => [String], {
    description: 'Months (YYYY-MM) whose unexcused absence deducts at least half a payment and 1/12 G: a BENEFIT decision is required (R-6.4).',
  })
  monthsNeedingBenefitDecision: string[];
}

@InputType({ description: 'A corrected absence period: what it should have been.' })
export class AbsenceCorrectionInput {
  @Field(() => AbsenceKindEnum) @IsIn(ABSENCE_KINDS as unknown as string[]) kind: AbsenceKind;
  @Field(() => LocalDateScalar) fromDate: string;
  @Field(() => LocalDateScalar) toDate: string;
  @Field({ defaultValue: '' }) @Length(0, 2000) @Matches(PLAIN_TEXT) note: string;
}

@InputType()
export class AbsenceInput extends AbsenceCorrectionInput {
  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

@ArgsType()
export class CorrectAbsenceArgs {
  @Field(() => UUIDScalar) absenceId: string;
  @Field(() => Int, { description: 'The version you saw: a changed absence answers CONFLICT.' }) @IsInt() @Min(1) expectedVersion: number;
  @Field(() => AbsenceCorrectionInput) input: AbsenceCorrectionInput;
}

@ArgsType()
export class CancelAbsenceArgs {
  @Field(() => UUIDScalar) absenceId: string;
  @Field(() => Int, { description: 'The version you saw: a changed absence answers CONFLICT.' }) @IsInt() @Min(1) expectedVersion: number;
  @Field({ description: 'Why the absence is cancelled (kept in the change log).' }) @Length(1, 2000) @Matches(PLAIN_TEXT) reason: string;
}
