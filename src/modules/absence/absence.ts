import { IsIn, Length, Matches } from 'class-validator';
import { Arg, Authorized, Ctx, Field, FieldResolver, InputType, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { ABSENCE_KINDS, AbsenceKind, benefitDeduction, countableDaysForEndDate, exceedsExtensionThreshold } from '../../domain/absence';
import { compareDates, daysInMonth, isoDate, workingDaysBetweenInclusive } from '../../domain/calendar';
import { gOn } from '../../domain/benefit';
import { enumFrom } from '../../graphql/enums';
import { GraphQLContext } from '../../graphql/context';
import { badInput } from '../../graphql/errors';
import { LocalDateScalar, UUIDScalar } from '../../graphql/scalars';
import { recordChange } from '../audit/change-log';
import { forgetCase, lockCase } from '../case/case-access';
import { ParticipantService } from '../participant/participant.service';
import { Participant } from '../participant/participant.types';
import { PLAIN_TEXT } from '../shared';
import { findProgramme, recomputedEnd, updateProgramme } from '../programme/programme.service';

export const AbsenceKindEnum = enumFrom(ABSENCE_KINDS, 'AbsenceKind', 'Absence, free days and leave (forskrift chapters 3–4). HOLIDAY and FREE_DAY_17_2 never move the end date.');

@ObjectType({ description: 'Absence, a free day or leave, in working days.' })
export class Absence {
  @Field(() => UUIDScalar) id: string;
  @Field(() => AbsenceKindEnum) kind: AbsenceKind;
  @Field(() => LocalDateScalar) fromDate: string;
  @Field(() => LocalDateScalar) toDate: string;
  @Field(() => Int) workingDays: number;
  @Field() note: string;
}

@ObjectType({ description: 'Absence totals for the end date (R-5.8).' })
export class AbsenceSummary {
  @Field(() => Int, { description: 'Absence, free days and leave that count toward moving the end date.' }) countableWorkingDays: number;
  @Field({ description: 'Over 10 working days: all of them are added to the end date (R-5.8).' }) movesEndDate: boolean;
  @Field(() => [String], { description: 'Months (YYYY-MM) whose unexcused absence deducts at least half a payment and 1/12 G: a BENEFIT decision is required (R-6.4).' })
  monthsNeedingBenefitDecision: string[];
}

@InputType()
export class AbsenceInput {
  @Field(() => AbsenceKindEnum) @IsIn(ABSENCE_KINDS as unknown as string[]) kind: AbsenceKind;
  @Field(() => LocalDateScalar) fromDate: string;
  @Field(() => LocalDateScalar) toDate: string;
  @Field({ defaultValue: '' }) @Length(0, 2000) @Matches(PLAIN_TEXT) note: string;
}

function toAbsence(r: Record<string, unknown>): Absence {
  return { id: r.id as string, kind: r.kind as AbsenceKind, fromDate: r.from_date as string, toDate: r.to_date as string, workingDays: Number(r.working_days), note: r.note as string };
}

@Authorized('MUNICIPALITY')
@Resolver(() => Participant)
export class AbsenceResolver {
  @Authorized('MUNICIPALITY')
  @Mutation(() => Participant, { nullable: true, description: 'Registers absence days; over 10 countable working days move the end date (R-5.8).' })
  async registerAbsence(@Arg('participantId', () => UUIDScalar) participantId: string, @Arg('input') input: AbsenceInput, @Ctx() ctx: GraphQLContext): Promise<Participant> {
    if (compareDates(input.toDate, input.fromDate) < 0) throw badInput('toDate', 'toDate is before fromDate');
    if (input.kind === 'LEAVE') throw badInput('kind', 'Leave is granted by a LEAVE decision (R-6.3), not registered as absence');
    const p = await lockCase(ctx, participantId);
    const days = workingDaysBetweenInclusive(input.fromDate, input.toDate);
    const [row] = await ctx.tx.query(
      `INSERT INTO app.absence (municipality_id, participant_id, kind, from_date, to_date, working_days, note, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
      [p.municipalityId, p.id, input.kind, input.fromDate, input.toDate, days, input.note, ctx.actor.sub],
    );
    await recordChange(ctx, { municipalityId: p.municipalityId, operation: 'registerAbsence', participantId: p.id, entity: 'absence', entityId: row.id as string, changes: { absence: { from: null, to: toAbsence(row) } } });
    const prog = await findProgramme(ctx, p);
    if (prog?.start_date) {
      const end = await recomputedEnd(ctx, p, prog);
      if (end !== prog.planned_end_date) await updateProgramme(ctx, p, prog, 'registerAbsence', { planned_end_date: end });
    }
    forgetCase(ctx, p.id);
    return ParticipantService.get(ctx, p.id);
  }

  @FieldResolver(() => [Absence])
  async absences(@Root() p: Participant, @Ctx() ctx: GraphQLContext): Promise<Absence[]> {
    return (await ctx.loaders.caseRows.load({ table: 'absence', participantId: p.id })).map(toAbsence);
  }

  @FieldResolver(() => AbsenceSummary)
  async absenceSummary(@Root() p: Participant, @Ctx() ctx: GraphQLContext): Promise<AbsenceSummary> {
    const [absences, decisions] = await Promise.all([
      ctx.loaders.caseRows.load({ table: 'absence', participantId: p.id }),
      ctx.loaders.caseRows.load({ table: 'decision', participantId: p.id }),
    ]);
    const records = absences.map((r) => ({ kind: r.kind as AbsenceKind, workingDays: Number(r.working_days) }));
    const countable = countableDaysForEndDate(records);
    const benefit = decisions.find((d) => d.type === 'BENEFIT' && d.outcome === 'GRANTED');
    const monthly = (benefit?.details as { benefit?: { monthlyAmount: number } } | undefined)?.benefit?.monthlyAmount;
    const months: string[] = [];
    if (monthly) {
      const unexcused = new Map<string, number>();
      for (const r of absences) {
        if (r.kind !== 'ABSENCE_UNEXCUSED') continue;
        const month = (r.from_date as string).slice(0, 7);
        unexcused.set(month, (unexcused.get(month) ?? 0) + Number(r.working_days));
      }
      for (const [month, days] of unexcused) {
        const [y, m] = month.split('-').map(Number);
        const scheduled = workingDaysBetweenInclusive(isoDate(y, m, 1), isoDate(y, m, daysInMonth(y, m)));
        const g = gOn(isoDate(y, m, 1)).amount;
        if (benefitDeduction({ payment: monthly, scheduledWorkingDays: scheduled, unexcusedWorkingDays: Math.min(days, scheduled), g }).requiresDecision) months.push(month);
      }
    }
    return { countableWorkingDays: countable, movesEndDate: exceedsExtensionThreshold(countable), monthsNeedingBenefitDecision: months.sort() };
  }
}
