/**
 * The introduction programme of a case: its state moves only by the transition table
 * (src/domain/programme.ts), its planned end date follows extensions, absence and leave, and
 * the participation certificate is issued when it ends either way. Raises domain errors
 * (src/domain/errors.ts) and RuleViolations; src/graphql/errors.ts maps them.
 */
import { CertificateInput } from '../../domain/certificate';
import { startDeadline } from '../../domain/deadlines';
import { certificateElements, checkElementAttendance, ElementAttendance as RecordedAttendance } from '../../domain/element-attendance';
import { maxDuration } from '../../domain/end-goal';
import { ConflictError, InvalidInputError, NotFoundError } from '../../domain/errors';
import { LAW } from '../../domain/law-references';
import {
  availableEvents,
  INITIAL_STATE,
  legalMaxEndDate,
  plannedEndDate,
  ProgrammeEvent,
  ProgrammeState,
  StartGuards,
  transition,
  validateEnding,
} from '../../domain/programme';
import { RuleViolation } from '../../domain/rule-violation';
import { snakeName } from '../../db/table';
import { countableWorkingDays } from '../absence';
import { idempotentCreate, recordChange } from '../audit';
import { CertificateService } from '../certificate';
import { currentPlan } from '../integration-plan';
import { ParticipantRecord, ParticipantService } from '../participant';
import { ownMunicipality, RequestContext } from '../shared';
import { elementAttendanceRepository, programmeRepository, ProgrammeUpdate } from './programme.repository';
import { ElementAttendanceRecord, ProgrammeRecord } from './programme.table';
import { ElementAttendance, ElementAttendanceInput, Programme } from './programme.types';

export type { ProgrammeRecord };

/** The GraphQL view of a recorded attendance period. */
export function toElementAttendance(r: ElementAttendanceRecord): ElementAttendance {
  return {
    id: r.id,
    elementKind: r.elementKind,
    fromDate: r.fromDate,
    toDate: r.toDate,
    hoursAttended: r.hoursAttended,
    completed: r.completed,
    note: r.note,
  };
}

function recorded(r: ElementAttendanceRecord): RecordedAttendance {
  return { kind: r.elementKind, fromDate: r.fromDate, toDate: r.toDate, hoursAttended: r.hoursAttended, completed: r.completed };
}

/** What a change may set besides the state (the state moves by an event: see apply). */
export type ProgrammeChanges = Omit<ProgrammeUpdate, 'state' | 'id' | 'municipalityId' | 'participantId' | 'version' | 'updatedAt'>;

/** A programme event other than START (whose guards only start() assembles). */
export type ProgrammeStepEvent = Exclude<ProgrammeEvent, 'START'>;

/** The GraphQL view of a record. */
export function toProgramme(r: ProgrammeRecord): Programme {
  return {
    id: r.id,
    version: r.version,
    state: r.state,
    startDate: r.startDate,
    lateStartReason: r.lateStartReason,
    endGoal: r.endGoal,
    durationMonths: r.durationMonths,
    extensionMonths: r.extensionMonths,
    maxExtensionMonths: r.endGoal ? maxDuration(r.endGoal).maxExtensionMonths : null,
    timeAlreadyUsedDays: r.timeAlreadyUsedDays,
    plannedEndDate: r.plannedEndDate,
    leaveUntil: r.leaveUntil,
    haltedUntil: r.haltedUntil,
    endedAt: r.endedAt,
    endGoalReached: r.endGoalReached,
    endReason: r.endReason,
    availableEvents: availableEvents(r.state),
  };
}

const CHANGED = 'The programme was changed by someone else; reload and try again';

/**
 * Writes a change with the version guard in the UPDATE itself, keeps the participant's list status in
 * step with the state, and logs the changed columns (by their column names, as the log always had them).
 */
async function write(
  ctx: RequestContext,
  p: ParticipantRecord,
  prog: ProgrammeRecord,
  operation: string,
  changes: ProgrammeChanges & { state?: ProgrammeState },
): Promise<ProgrammeRecord> {
  const row = await programmeRepository.update(ctx, p, prog.id, prog.version, changes);
  if (!row) throw new ConflictError(CHANGED);
  if (changes.state && changes.state !== prog.state) await ParticipantService.setCaseStatus(ctx, p, changes.state);
  const logged: Record<string, { from: unknown; to: unknown }> = {};
  for (const [field, to] of Object.entries(changes)) logged[snakeName(field)] = { from: prog[field as keyof ProgrammeRecord] ?? null, to: to ?? null };
  await recordChange(ctx, { municipalityId: p.municipalityId, operation, participantId: p.id, entity: 'programme', entityId: prog.id, changes: logged });
  return row;
}

/**
 * the certificate's content, its elements as the municipality recorded them (hours attended,
 * completed or not; "not recorded" where nothing was), the same for an interrupted programme as for a completed one.
 */
async function issueCertificate(ctx: RequestContext, p: ParticipantRecord, prog: ProgrammeRecord): Promise<void> {
  const plan = await currentPlan(ctx, p);
  const attendance = await elementAttendanceRepository.forLockedCase(ctx, p);
  const startDate = prog.startDate ?? prog.endedAt!;
  const endDate = prog.endedAt!;
  const content: CertificateInput = {
    participantName: p.fullName,
    municipalityName: ctx.directory.municipalityById(p.municipalityId)?.name ?? '',
    startDate,
    endDate,
    plannedEndDate: prog.plannedEndDate ?? endDate,
    endReason: prog.state === 'COMPLETED' ? 'COMPLETED' : 'INTERRUPTED',
    interruptionReason: prog.endReason,
    endGoal: prog.endGoal ?? plan?.content.endGoal ?? 'WORK',
    endGoalReached: prog.endGoalReached ?? false,
    elements: certificateElements(plan?.content.elements ?? [], attendance.map(recorded)),
    issueDate: ctx.today,
  };
  await CertificateService.issue(ctx, p, content);
}

export const ProgrammeService = {
  /** The case's recorded attendance per element and period (field resolvers: one statement per request). */
  attendanceForCase(ctx: RequestContext, participantId: string): Promise<ElementAttendanceRecord[]> {
    return elementAttendanceRepository.forCase(ctx, participantId);
  },

  /**
   * records the hours a participant attended of one element over one period and whether the
   * element was completed. Once the programme has ended, the certificate is issued again at once with it, so
   * what it prints is what was recorded. A retry with the same idempotency key records nothing new.
   */
  async recordAttendance(ctx: RequestContext, participantId: string, input: ElementAttendanceInput): Promise<void> {
    const { idempotencyKey, ...payload } = input;
    await idempotentCreate(
      ctx,
      { municipalityId: ownMunicipality(ctx), key: idempotencyKey, operation: 'recordElementAttendance', payload: { participantId, ...payload } },
      async () => {
        const p = await ParticipantService.lockCase(ctx, participantId);
        const prog = await ProgrammeService.require(ctx, p);
        if (prog.state === 'TRANSFERRED') {
          throw new RuleViolation('R-5.10', LAW['R-5.10'], 'The case has been transferred: the receiving municipality records attendance now.', {});
        }
        const before = await elementAttendanceRepository.forLockedCase(ctx, p);
        const record: RecordedAttendance = {
          kind: input.elementKind,
          fromDate: input.fromDate,
          toDate: input.toDate,
          hoursAttended: input.hoursAttended,
          completed: input.completed,
        };
        checkElementAttendance(record, {
          programmeStartDate: prog.startDate,
          programmeEndedAt: prog.endedAt,
          today: ctx.today,
          recorded: before.map(recorded),
        });
        const row = await elementAttendanceRepository.insert(ctx, {
          municipalityId: p.municipalityId,
          participantId: p.id,
          elementKind: input.elementKind,
          fromDate: input.fromDate,
          toDate: input.toDate,
          hoursAttended: input.hoursAttended,
          completed: input.completed,
          note: input.note,
          recordedBy: ctx.actor.sub,
        });
        await recordChange(ctx, {
          municipalityId: p.municipalityId,
          operation: 'recordElementAttendance',
          participantId: p.id,
          entity: 'element_attendance',
          entityId: row.id,
          changes: { element_attendance: { from: null, to: toElementAttendance(row) } },
        });
        if (prog.state === 'COMPLETED' || prog.state === 'INTERRUPTED') await issueCertificate(ctx, p, prog);
        return row.id;
      },
    );
  },

  /**
   * A period recorded by mistake is cancelled (then recorded again as it should have been); the change log keeps
   * the whole period and the reason. Once the programme has ended, the certificate is issued again without it.
   */
  async cancelAttendance(ctx: RequestContext, attendanceId: string, reason: string): Promise<string> {
    // a reason must carry content.
    if (!reason.trim()) throw new InvalidInputError('reason', 'The reason is empty');
    const municipalityId = ownMunicipality(ctx);
    const found = await elementAttendanceRepository.find(ctx, municipalityId, attendanceId);
    if (!found) throw new NotFoundError('Element attendance');
    const p = await ParticipantService.lockCase(ctx, found.participantId);
    const row = await elementAttendanceRepository.find(ctx, municipalityId, attendanceId);
    if (!row) throw new NotFoundError('Element attendance');
    const prog = await ProgrammeService.require(ctx, p);
    if (prog.state === 'TRANSFERRED') {
      throw new RuleViolation('R-5.10', LAW['R-5.10'], 'The case has been transferred: its recorded attendance is not changed any more.', {});
    }
    await elementAttendanceRepository.delete(ctx, { municipalityId: p.municipalityId, id: row.id, participantId: p.id });
    await recordChange(ctx, {
      municipalityId: p.municipalityId,
      operation: 'cancelElementAttendance',
      participantId: p.id,
      entity: 'element_attendance',
      entityId: row.id,
      changes: { element_attendance: { from: toElementAttendance(row), to: null }, reason: { from: null, to: reason } },
    });
    if (prog.state === 'COMPLETED' || prog.state === 'INTERRUPTED') await issueCertificate(ctx, p, prog);
    return p.id;
  },

  /** The case's programme as the request has it (field resolvers: one statement per request). */
  forCase(ctx: RequestContext, participantId: string): Promise<ProgrammeRecord | null> {
    return programmeRepository.forCase(ctx, participantId);
  },

  /** The case's programme, read now (the caller holds the case's row lock), or null. */
  find(ctx: RequestContext, p: Pick<ParticipantRecord, 'municipalityId' | 'id'>): Promise<ProgrammeRecord | null> {
    return programmeRepository.find(ctx, p);
  },

  /** The case's programme; refused under while participation has not been granted. */
  async require(ctx: RequestContext, p: Pick<ParticipantRecord, 'municipalityId' | 'id'>): Promise<ProgrammeRecord> {
    const prog = await programmeRepository.find(ctx, p);
    if (!prog) throw new RuleViolation('R-5.1', LAW['R-5.1'], 'There is no programme yet: grant participation first.', {});
    return prog;
  },

  /** The version the client last saw must still be current, or nothing changes. */
  checkVersion(prog: ProgrammeRecord, expectedVersion: number | null | undefined): void {
    if (expectedVersion !== null && expectedVersion !== undefined && expectedVersion !== prog.version) throw new ConflictError(CHANGED);
  },

  /** the planned last day, with the extension and the case's countable absence and leave; null before the start. */
  async recomputedEnd(
    ctx: RequestContext,
    p: Pick<ParticipantRecord, 'municipalityId' | 'id'>,
    prog: ProgrammeRecord,
    extensionMonths = prog.extensionMonths,
  ): Promise<string | null> {
    if (!prog.startDate || !prog.durationMonths) return null;
    return plannedEndDate({
      startDate: prog.startDate,
      durationMonths: prog.durationMonths,
      extensionMonths,
      countableAbsenceAndLeaveWorkingDays: await countableWorkingDays(ctx, p),
      timeAlreadyUsedDays: prog.timeAlreadyUsedDays,
    }).endDate;
  },

  /** A change that leaves the state as it is (an extension, a moved end date). */
  change(ctx: RequestContext, p: ParticipantRecord, prog: ProgrammeRecord, operation: string, changes: ProgrammeChanges): Promise<ProgrammeRecord> {
    return write(ctx, p, prog, operation, changes);
  },

  /** A state change by the transition table (refused with the table's rule otherwise), with what comes with it. */
  apply(
    ctx: RequestContext,
    p: ParticipantRecord,
    prog: ProgrammeRecord,
    event: ProgrammeStepEvent,
    operation: string,
    changes: ProgrammeChanges = {},
  ): Promise<ProgrammeRecord> {
    return write(ctx, p, prog, operation, { state: transition(prog.state, event), ...changes });
  },

  /** A PLANNED programme exists from the day participation is granted. */
  async ensurePlanned(ctx: RequestContext, p: ParticipantRecord): Promise<void> {
    if (await programmeRepository.find(ctx, p)) return;
    await programmeRepository.insertPlanned(ctx, p);
    await ParticipantService.setCaseStatus(ctx, p, INITIAL_STATE);
  },

  /**
   * PLANNED → ACTIVE: needs the granted participation decision (which the caller asks
   * the decision module for: decisions depend on the programme, not the other way round), a valid plan
   * with a signed contract, and a reason when the start is late.
   */
  async start(
    ctx: RequestContext,
    p: ParticipantRecord,
    input: { startDate: string; lateStartReason: string | null; expectedVersion: number | null },
    participationGranted: boolean,
  ): Promise<ProgrammeRecord> {
    const prog = await programmeRepository.find(ctx, p);
    const plan = await currentPlan(ctx, p);
    const guards: StartGuards = {
      participationGranted: participationGranted && Boolean(prog),
      planValid: Boolean(plan),
      contractSigned: Boolean(plan?.contractSignedAt),
      startDate: input.startDate,
      startDeadline: p.settlementDate ? startDeadline({ settlementDate: p.settlementDate, requestDate: p.requestDate }) : input.startDate,
      lateStartReason: input.lateStartReason,
    };
    const next = transition(prog?.state ?? INITIAL_STATE, 'START', guards);
    // The guards hold: there is a programme and a plan.
    const current = prog!;
    const { endGoal, durationMonths } = plan!;
    ProgrammeService.checkVersion(current, input.expectedVersion);
    const started: ProgrammeRecord = { ...current, startDate: input.startDate, durationMonths, endGoal };
    return write(ctx, p, current, 'startProgramme', {
      state: next,
      startDate: input.startDate,
      lateStartReason: input.lateStartReason,
      endGoal,
      durationMonths,
      plannedEndDate: await ProgrammeService.recomputedEnd(ctx, p, started),
    });
  },

  /** A plain state change the caseworker makes (leave ends, a halt ends), at the version the client saw. */
  async step(
    ctx: RequestContext,
    p: ParticipantRecord,
    event: ProgrammeStepEvent,
    expectedVersion: number | null,
    changes: ProgrammeChanges = {},
  ): Promise<ProgrammeRecord> {
    const prog = await ProgrammeService.require(ctx, p);
    ProgrammeService.checkVersion(prog, expectedVersion);
    return ProgrammeService.apply(ctx, p, prog, event, `programme:${event}`, changes);
  },

  /**
   * the programme ends as COMPLETED or INTERRUPTED, and the participation
   * certificate is issued in the same transaction, in both cases. The ending is checked by
   * (validateEnding) before anything is written; `byDecision` is a permanent halt's ending, which may
   * take effect after the day it is decided.
   */
  async end(
    ctx: RequestContext,
    p: ParticipantRecord,
    event: 'COMPLETE' | 'INTERRUPT',
    input: { endDate: string; endGoalReached: boolean; reason: string | null; expectedVersion: number | null; byDecision?: boolean },
  ): Promise<ProgrammeRecord> {
    const prog = await ProgrammeService.require(ctx, p);
    ProgrammeService.checkVersion(prog, input.expectedVersion);
    transition(prog.state, event); // an illegal event is refused by the table first
    const countable = prog.startDate ? await countableWorkingDays(ctx, p) : 0;
    validateEnding({
      event,
      endDate: input.endDate,
      today: ctx.today,
      startDate: prog.startDate,
      plannedEndDate: prog.startDate && prog.durationMonths ? await ProgrammeService.recomputedEnd(ctx, p, prog) : null,
      // The offer date is taken as the start date here, as the extension rule takes it (R-13.1 moves both to the offer).
      legalMax:
        prog.startDate && prog.endGoal
          ? legalMaxEndDate({
              startDate: prog.startDate,
              endGoal: prog.endGoal,
              offerDate: prog.startDate,
              extensionMonths: prog.extensionMonths,
              countableAbsenceAndLeaveWorkingDays: countable,
              timeAlreadyUsedDays: prog.timeAlreadyUsedDays,
            })
          : null,
      endGoalReached: input.endGoalReached,
      reason: input.reason,
      byDecision: input.byDecision,
    });
    const ended = await ProgrammeService.apply(ctx, p, prog, event, `programme:${event}`, {
      endedAt: input.endDate,
      endGoalReached: input.endGoalReached,
      endReason: input.reason,
    });
    await issueCertificate(ctx, p, ended);
    return ended;
  },
};
