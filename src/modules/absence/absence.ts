import { IsIn, IsInt, Length, Matches, Min } from 'class-validator';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, InputType, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { ABSENCE_KINDS, AbsenceKind, assertNoOverlappingAbsence, benefitDeduction, countableDaysForEndDate, exceedsExtensionThreshold } from '../../domain/absence';
import { compareDates, daysInMonth, isoDate, workingDaysBetweenInclusive } from '../../domain/calendar';
import { gOn } from '../../domain/benefit';
import { LAW } from '../../domain/law-references';
import { RuleViolation } from '../../domain/rule-violation';
import { enumFrom } from '../../graphql/enums';
import { GraphQLContext } from '../../graphql/context';
import { badInput, conflict, notFound } from '../../graphql/errors';
import { IdempotencyKeyField } from '../../graphql/idempotency-key';
import { LocalDateScalar, UUIDScalar } from '../../graphql/scalars';
import { diff, recordChange } from '../audit/change-log';
import { idempotentCreate } from '../audit/idempotency';
import { forgetCase, lockCase } from '../case/case-access';
import { ParticipantEntity } from '../participant/participant.entity';
import { ownMunicipality, ParticipantService } from '../participant/participant.service';
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
  @Field(() => Int, { description: 'Send it back as expectedVersion with correctAbsence or cancelAbsence.' }) version: number;
}

@ObjectType({ description: 'Absence totals for the end date (R-5.8).' })
export class AbsenceSummary {
  @Field(() => Int, { description: 'Absence, free days and leave that count toward moving the end date.' }) countableWorkingDays: number;
  @Field({ description: 'Over 10 working days: all of them are added to the end date (R-5.8).' }) movesEndDate: boolean;
  @Field(() => [String], { description: 'Months (YYYY-MM) whose unexcused absence deducts at least half a payment and 1/12 G: a BENEFIT decision is required (R-6.4).' })
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

function toAbsence(r: Record<string, unknown>): Absence {
  return {
    id: r.id as string, kind: r.kind as AbsenceKind, fromDate: r.from_date as string, toDate: r.to_date as string,
    workingDays: Number(r.working_days), note: r.note as string, version: Number(r.version ?? 1),
  };
}

function checkPeriod(input: AbsenceCorrectionInput): void {
  if (compareDates(input.toDate, input.fromDate) < 0) throw badInput('toDate', 'toDate is before fromDate');
  if (input.kind === 'LEAVE') throw badInput('kind', 'Leave is granted by a LEAVE decision (R-6.3), not registered as absence');
}

/** R-5.8 [D]: the new period may not share a working day with one already registered (the case is locked). */
async function refuseOverlap(ctx: GraphQLContext, p: ParticipantEntity, period: { fromDate: string; toDate: string }, exceptId: string | null): Promise<void> {
  const rows = await ctx.tx.query(`SELECT id, kind, from_date, to_date FROM app.absence WHERE municipality_id = $1 AND participant_id = $2`, [p.municipalityId, p.id]);
  assertNoOverlappingAbsence(
    period,
    rows.map((r) => ({ id: r.id as string, kind: r.kind as AbsenceKind, fromDate: r.from_date as string, toDate: r.to_date as string })),
    exceptId,
  );
}

/** the end date follows the registered absence. */
async function followEndDate(ctx: GraphQLContext, p: ParticipantEntity, operation: string): Promise<void> {
  const prog = await findProgramme(ctx, p);
  if (prog?.start_date) {
    const end = await recomputedEnd(ctx, p, prog);
    if (end !== prog.planned_end_date) await updateProgramme(ctx, p, prog, operation, { planned_end_date: end });
  }
}

/** The absence row and its case, locked. A LEAVE row belongs to its LEAVE decision and is not changed here. */
async function lockAbsence(ctx: GraphQLContext, absenceId: string): Promise<{ p: ParticipantEntity; row: Record<string, unknown> }> {
  const municipalityId = ownMunicipality(ctx);
  const [found] = await ctx.tx.query(`SELECT participant_id FROM app.absence WHERE municipality_id = $1 AND id = $2`, [municipalityId, absenceId]);
  if (!found) throw notFound('Absence');
  const p = await lockCase(ctx, found.participant_id as string);
  const [row] = await ctx.tx.query(`SELECT * FROM app.absence WHERE municipality_id = $1 AND id = $2`, [municipalityId, absenceId]);
  if (!row) throw notFound('Absence');
  if (row.kind === 'LEAVE') {
    throw new RuleViolation('R-6.3', LAW['R-6.3'], 'Leave is granted by a LEAVE decision: change it through a decision, not as absence.', { absenceId });
  }
  return { p, row };
}

@Authorized('MUNICIPALITY')
@Resolver(() => Participant)
export class AbsenceResolver {
  @Authorized('MUNICIPALITY')
  @Mutation(() => Participant, {
    nullable: true,
    description: 'Registers absence days; over 10 countable working days move the end date (R-5.8). A period that shares a day with one already registered is refused (R-5.8).',
  })
  async registerAbsence(@Arg('participantId', () => UUIDScalar) participantId: string, @Arg('input') input: AbsenceInput, @Ctx() ctx: GraphQLContext): Promise<Participant> {
    checkPeriod(input);
    const { idempotencyKey, ...period } = input;
    await idempotentCreate(ctx, { municipalityId: ownMunicipality(ctx), key: idempotencyKey, operation: 'registerAbsence', payload: { participantId, ...period } }, async () => {
      const p = await lockCase(ctx, participantId);
      await refuseOverlap(ctx, p, input, null);
      const days = workingDaysBetweenInclusive(input.fromDate, input.toDate);
      const [row] = await ctx.tx.query(
        `INSERT INTO app.absence (municipality_id, participant_id, kind, from_date, to_date, working_days, note, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
        [p.municipalityId, p.id, input.kind, input.fromDate, input.toDate, days, input.note, ctx.actor.sub],
      );
      await recordChange(ctx, { municipalityId: p.municipalityId, operation: 'registerAbsence', participantId: p.id, entity: 'absence', entityId: row.id as string, changes: { absence: { from: null, to: toAbsence(row) } } });
      await followEndDate(ctx, p, 'registerAbsence');
      forgetCase(ctx, p.id);
      return row.id as string;
    });
    return ParticipantService.get(ctx, participantId);
  }

  @Authorized('MUNICIPALITY')
  @Mutation(() => Participant, { nullable: true, description: 'Corrects a registered absence period (kind, dates, note); the end date follows (R-5.8). Not for leave, which a LEAVE decision grants.' })
  async correctAbsence(@Args() args: CorrectAbsenceArgs, @Ctx() ctx: GraphQLContext): Promise<Participant> {
    checkPeriod(args.input);
    const { p, row: before } = await lockAbsence(ctx, args.absenceId);
    await refuseOverlap(ctx, p, args.input, args.absenceId);
    const i = args.input;
    const [row] = await ctx.tx.query(
      `UPDATE app.absence SET kind = $3, from_date = $4, to_date = $5, working_days = $6, note = $7, version = version + 1, updated_at = now()
       WHERE municipality_id = $1 AND id = $2 AND version = $8 RETURNING *`,
      [p.municipalityId, args.absenceId, i.kind, i.fromDate, i.toDate, workingDaysBetweenInclusive(i.fromDate, i.toDate), i.note, args.expectedVersion],
    );
    if (!row) throw conflict('The absence was changed by someone else; reload and try again');
    await recordChange(ctx, {
      municipalityId: p.municipalityId, operation: 'correctAbsence', participantId: p.id, entity: 'absence', entityId: args.absenceId,
      changes: diff(toAbsence(before), toAbsence(row)),
    });
    await followEndDate(ctx, p, 'correctAbsence');
    forgetCase(ctx, p.id);
    return ParticipantService.get(ctx, p.id);
  }

  @Authorized('MUNICIPALITY')
  @Mutation(() => Participant, {
    nullable: true,
    description: 'Cancels an absence registered by mistake: it no longer counts (R-5.8, R-6.4); the change log keeps the period and the reason. Not for leave, which a LEAVE decision grants.',
  })
  async cancelAbsence(@Args() args: CancelAbsenceArgs, @Ctx() ctx: GraphQLContext): Promise<Participant> {
    if (!args.reason.trim()) throw badInput('reason', 'Say why the absence is cancelled');
    const { p, row: before } = await lockAbsence(ctx, args.absenceId);
    const deleted = await ctx.tx.query(`DELETE FROM app.absence WHERE municipality_id = $1 AND id = $2 AND version = $3 RETURNING id`, [p.municipalityId, args.absenceId, args.expectedVersion]);
    if (!deleted.length) throw conflict('The absence was changed by someone else; reload and try again');
    await recordChange(ctx, {
      municipalityId: p.municipalityId, operation: 'cancelAbsence', participantId: p.id, entity: 'absence', entityId: args.absenceId,
      changes: { absence: { from: toAbsence(before), to: null }, reason: { from: null, to: args.reason } },
    });
    await followEndDate(ctx, p, 'cancelAbsence');
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
