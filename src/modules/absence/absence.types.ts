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
  {
    ABSENCE_EXCUSED: 'Excused absence (gyldig fravær): counts toward moving the end date (R-5.8).',
    ABSENCE_UNEXCUSED: 'Unexcused absence (ugyldig fravær): counts toward moving the end date (R-5.8) and reduces the benefit pro rata (R-6.4).',
    LEAVE: 'Leave (permisjon) granted by a LEAVE decision (R-6.3); counts toward moving the end date. Not registered or changed as absence.',
    FREE_DAY: 'A free day (fri) other than under forskrift § 17 second para: counts toward moving the end date (R-5.8).',
    HOLIDAY: 'Holiday (ferie, forskrift § 18): at most 25 working days per calendar year (R-5.6, R-13.5); never moves the end date.',
    FREE_DAY_17_2: 'A free day under forskrift § 17 second para: never moves the end date (R-5.8).',
  },
);

@ObjectType({ simpleResolvers: true, description: 'Absence, a free day or leave, in working days.' })
export class Absence {
  @Field(() => UUIDScalar, { description: "The absence period's id (absenceId of correctAbsence and cancelAbsence)." }) id: string;
  @Field(() => AbsenceKindEnum, { description: 'What kind of absence, free day or leave.' }) kind: AbsenceKind;
  @Field(() => LocalDateScalar, { description: 'First day of the period.' }) fromDate: string;
  @Field(() => LocalDateScalar, { description: 'Last day of the period (inclusive).' }) toDate: string;
  @Field(() => Int, { description: 'Working days (virkedager: not weekends or Norwegian public holidays) in the period (R-0.3).' })
  workingDays: number;
  @Field({ description: 'Free-text note; empty when none.' }) note: string;
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
  @Field(() => AbsenceKindEnum, { description: 'The kind; LEAVE is refused (a LEAVE decision grants leave, R-6.3).' })
  @IsIn(ABSENCE_KINDS as unknown as string[])
  kind: AbsenceKind;
  @Field(() => LocalDateScalar, { description: 'First day of the period.' }) fromDate: string;
  @Field(() => LocalDateScalar, {
    description: 'Last day (inclusive), not before fromDate; the period may not share a day with another registered one (R-5.8).',
  })
  toDate: string;
  @Field({ defaultValue: '', description: 'Free-text note, at most 2000 characters.' }) @Length(0, 2000) @Matches(PLAIN_TEXT) note: string;
}

@InputType({ description: 'An absence, free day or holiday period to register (registerAbsence).' })
export class AbsenceInput extends AbsenceCorrectionInput {
  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

@ArgsType()
export class CorrectAbsenceArgs {
  @Field(() => UUIDScalar, { description: 'The absence period to correct (Absence.id).' }) absenceId: string;
  @Field(() => Int, { description: 'The version you saw: a changed absence answers CONFLICT.' }) @IsInt() @Min(1) expectedVersion: number;
  @Field(() => AbsenceCorrectionInput, { description: 'The period as it should have been.' }) input: AbsenceCorrectionInput;
}

@ArgsType()
export class CancelAbsenceArgs {
  @Field(() => UUIDScalar, { description: 'The absence period to cancel (Absence.id).' }) absenceId: string;
  @Field(() => Int, { description: 'The version you saw: a changed absence answers CONFLICT.' }) @IsInt() @Min(1) expectedVersion: number;
  @Field({ description: 'Why the absence is cancelled (kept in the change log).' }) @Length(1, 2000) @Matches(PLAIN_TEXT) reason: string;
}
