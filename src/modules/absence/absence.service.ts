/**
 * Absence, free days and leave (forskrift chapters 3–4): registration, correction and cancellation
 * with the change log, and the totals that move the end date and the benefit.
 * The programme's end date follows each change through `followEndDate`, which the caller passes (the
 * programme module reads this module's days, so this module does not call it back).
 */
import {
  assertHolidayWithinYearlyLimit,
  assertNoOverlappingAbsence,
  benefitDeduction,
  countableDaysForEndDate,
  exceedsExtensionThreshold,
} from '../../domain/absence';
import type { AbsenceKind } from '../../domain/absence';
import { gOn } from '../../domain/benefit';
import { compareDates, daysInMonth, isoDate, workingDaysBetweenInclusive } from '../../domain/calendar';
import { InvalidInputError, ConflictError, NotFoundError } from '../../domain/errors';
import { LAW } from '../../domain/law-references';
import { RuleViolation } from '../../domain/rule-violation';
import { diff, idempotentCreate, recordChange } from '../audit';
import { ParticipantRecord, ParticipantService } from '../participant';
import { ownMunicipality, RequestContext } from '../shared';
import { absenceRepository } from './absence.repository';
import { AbsenceRecord } from './absence.table';
import type { Absence, AbsenceCorrectionInput, AbsenceInput, AbsenceSummary } from './absence.types';

/** What follows a change of the case's absence: the programme's planned end date. */
export type FollowEndDate = (p: ParticipantRecord, operation: string) => Promise<void>;

export function toAbsence(r: AbsenceRecord): Absence {
  return { id: r.id, kind: r.kind, fromDate: r.fromDate, toDate: r.toDate, workingDays: r.workingDays, note: r.note, version: r.version };
}

const CHANGED = 'The absence was changed by someone else; reload and try again';

function checkPeriod(input: AbsenceCorrectionInput): void {
  if (compareDates(input.toDate, input.fromDate) < 0) throw new InvalidInputError('toDate', 'toDate is before fromDate');
  if (input.kind === 'LEAVE') throw new InvalidInputError('kind', 'Leave is granted by a LEAVE decision (R-6.3), not registered as absence');
}

/**
 * R-5.8 [D]: the new period may not share a working day with one already registered (the case is locked);
 * holiday stays within 25 working days per calendar year.
 */
async function refuseOverlap(
  ctx: RequestContext,
  p: ParticipantRecord,
  period: { kind: AbsenceKind; fromDate: string; toDate: string },
  exceptId: string | null,
): Promise<void> {
  const rows = await absenceRepository.forLockedCase(ctx, p);
  assertNoOverlappingAbsence(
    period,
    rows.map((r) => ({ id: r.id, kind: r.kind, fromDate: r.fromDate, toDate: r.toDate })),
    exceptId,
  );
  if (period.kind === 'HOLIDAY') {
    assertHolidayWithinYearlyLimit(
      period,
      rows.filter((r) => r.kind === 'HOLIDAY' && r.id !== exceptId),
    );
  }
}

/** The absence row and its case, locked. A LEAVE row belongs to its LEAVE decision and is not changed here. */
async function lockAbsence(ctx: RequestContext, absenceId: string): Promise<{ p: ParticipantRecord; row: AbsenceRecord }> {
  const municipalityId = ownMunicipality(ctx);
  const found = await absenceRepository.find(ctx, municipalityId, absenceId);
  if (!found) throw new NotFoundError('Absence');
  const p = await ParticipantService.lockCase(ctx, found.participantId);
  const row = await absenceRepository.find(ctx, municipalityId, absenceId);
  if (!row) throw new NotFoundError('Absence');
  if (row.kind === 'LEAVE') {
    throw new RuleViolation('R-6.3', LAW['R-6.3'], 'Leave is granted by a LEAVE decision: change it through a decision, not as absence.', { absenceId });
  }
  return { p, row };
}

export const AbsenceService = {
  forCase(ctx: RequestContext, participantId: string): Promise<AbsenceRecord[]> {
    return absenceRepository.forCase(ctx, participantId);
  },

  /** Registers absence days; over 10 countable working days move the end date. */
  async register(ctx: RequestContext, participantId: string, input: AbsenceInput, followEndDate: FollowEndDate): Promise<void> {
    checkPeriod(input);
    const { idempotencyKey, ...period } = input;
    await idempotentCreate(
      ctx,
      { municipalityId: ownMunicipality(ctx), key: idempotencyKey, operation: 'registerAbsence', payload: { participantId, ...period } },
      async () => {
        const p = await ParticipantService.lockCase(ctx, participantId);
        await refuseOverlap(ctx, p, input, null);
        const row = await absenceRepository.insert(ctx, {
          municipalityId: p.municipalityId,
          participantId: p.id,
          kind: input.kind,
          fromDate: input.fromDate,
          toDate: input.toDate,
          workingDays: workingDaysBetweenInclusive(input.fromDate, input.toDate),
          note: input.note,
          createdBy: ctx.actor.sub,
        });
        await recordChange(ctx, {
          municipalityId: p.municipalityId,
          operation: 'registerAbsence',
          participantId: p.id,
          entity: 'absence',
          entityId: row.id,
          changes: { absence: { from: null, to: toAbsence(row) } },
        });
        await followEndDate(p, 'registerAbsence');
        return row.id;
      },
    );
  },

  /** Corrects a registered absence period (kind, dates, note); the end date follows. Not for leave. */
  async correct(
    ctx: RequestContext,
    args: { absenceId: string; expectedVersion: number; input: AbsenceCorrectionInput },
    followEndDate: FollowEndDate,
  ): Promise<ParticipantRecord> {
    checkPeriod(args.input);
    const { p, row: before } = await lockAbsence(ctx, args.absenceId);
    await refuseOverlap(ctx, p, args.input, args.absenceId);
    const i = args.input;
    const row = await absenceRepository.update(ctx, { municipalityId: p.municipalityId, id: args.absenceId, participantId: p.id }, args.expectedVersion, {
      kind: i.kind,
      fromDate: i.fromDate,
      toDate: i.toDate,
      workingDays: workingDaysBetweenInclusive(i.fromDate, i.toDate),
      note: i.note,
    });
    if (!row) throw new ConflictError(CHANGED);
    await recordChange(ctx, {
      municipalityId: p.municipalityId,
      operation: 'correctAbsence',
      participantId: p.id,
      entity: 'absence',
      entityId: args.absenceId,
      changes: diff(toAbsence(before), toAbsence(row)),
    });
    await followEndDate(p, 'correctAbsence');
    return p;
  },

  /** Cancels an absence registered by mistake; the change log keeps the period and the reason. Not for leave. */
  async cancel(
    ctx: RequestContext,
    args: { absenceId: string; expectedVersion: number; reason: string },
    followEndDate: FollowEndDate,
  ): Promise<ParticipantRecord> {
    if (!args.reason.trim()) throw new InvalidInputError('reason', 'Say why the absence is cancelled');
    const { p, row: before } = await lockAbsence(ctx, args.absenceId);
    if (!(await absenceRepository.delete(ctx, { municipalityId: p.municipalityId, id: args.absenceId, participantId: p.id }, args.expectedVersion))) {
      throw new ConflictError(CHANGED);
    }
    await recordChange(ctx, {
      municipalityId: p.municipalityId,
      operation: 'cancelAbsence',
      participantId: p.id,
      entity: 'absence',
      entityId: args.absenceId,
      changes: { absence: { from: toAbsence(before), to: null }, reason: { from: null, to: args.reason } },
    });
    await followEndDate(p, 'cancelAbsence');
    return p;
  },

  /**
   * the days that move the end date, and the months whose unexcused absence deducts at
   * least half a payment and 1/12 G (needing a BENEFIT decision), given the granted benefit's monthly amount.
   */
  summary(absences: AbsenceRecord[], monthlyBenefit: number | null): AbsenceSummary {
    const countable = countableDaysForEndDate(absences.map((r) => ({ kind: r.kind, workingDays: r.workingDays })));
    const months: string[] = [];
    if (monthlyBenefit) {
      const unexcused = new Map<string, number>();
      for (const r of absences) {
        if (r.kind !== 'ABSENCE_UNEXCUSED') continue;
        const month = r.fromDate.slice(0, 7);
        unexcused.set(month, (unexcused.get(month) ?? 0) + r.workingDays);
      }
      for (const [month, days] of unexcused) {
        const [y, m] = month.split('-').map(Number);
        const scheduled = workingDaysBetweenInclusive(isoDate(y, m, 1), isoDate(y, m, daysInMonth(y, m)));
        const g = gOn(isoDate(y, m, 1)).amount;
        if (
          benefitDeduction({ payment: monthlyBenefit, scheduledWorkingDays: scheduled, unexcusedWorkingDays: Math.min(days, scheduled), g }).requiresDecision
        ) {
          months.push(month);
        }
      }
    }
    return { countableWorkingDays: countable, movesEndDate: exceedsExtensionThreshold(countable), monthsNeedingBenefitDecision: months.sort() };
  },
};
