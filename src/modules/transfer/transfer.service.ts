/**
 * Moving between municipalities. The sender puts a copy of the case (the person, the mapping, the current
 * plan and contract, the programme with the time already used, the decisions) into the receiver's inbox
 * and closes its own case as TRANSFERRED. The receiver accepts it into its own register, in its own
 * transaction, or rejects it. The sender's answer is the same whatever the receiver holds: a transfer tells
 * it nothing about another municipality's register.
 *
 * Each part of the case is read and copied by the module that owns it (its `…ForTransfer` functions), so a
 * column added to any of those tables travels without an edit here. Raises domain errors; the inbox's
 * states change by its transition table (src/domain/case-transfer.ts), the programme's by its own.
 */
import { daysBetween, isIsoDate } from '../../domain/calendar';
import { pageOf, PageWindow, readingDirection } from '../../graphql/pagination';
import { assertTransferable, CASE_STATUS_AFTER_TRANSFER, programmeStateAfterTransfer, transferEvent, transferTransition } from '../../domain/case-transfer';
import { ConflictError, InvalidInputError, NotFoundError } from '../../domain/errors';
import { recordChange } from '../audit';
import { competenceMappingForTransfer } from '../competence-mapping';
import { decisionsForTransfer } from '../decision';
import { integrationPlanForTransfer } from '../integration-plan';
import { participantForTransfer, ParticipantService } from '../participant';
import { programmeForTransfer, ProgrammeService } from '../programme';
import { toRow } from '../../db/table';
import { programmeTable } from '../programme';
import { ownMunicipality, RequestContext } from '../shared';
import { transferRepository } from './transfer.repository';
import { CaseTransferRecord, Json, TransferSnapshot } from './transfer.table';

export type { CaseTransferRecord };

const NOT_FOUND = () => new NotFoundError('Transfer');

/** A row as the snapshot (jsonb) will hold it, so the record read back has the same type as the one written. */
function asJson<T extends object>(row: T): Json<T> {
  return JSON.parse(JSON.stringify(row)) as Json<T>;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const TransferService = {
  /** Sends the case to another municipality's inbox (with the programme time used) and closes it here. */
  async send(ctx: RequestContext, participantId: string, toNumber: string): Promise<void> {
    if (!/^\d{4}$/.test(toNumber)) throw new InvalidInputError('toMunicipality', 'toMunicipality must be a 4-digit municipality number');
    const p = await ParticipantService.lockCase(ctx, participantId);
    const to = ctx.directory.municipalityByNumber(toNumber);
    if (!to) throw new InvalidInputError('toMunicipality', 'Unknown municipality number');
    if (to.id === p.municipalityId) throw new InvalidInputError('toMunicipality', 'The case is already in this municipality');
    const prog = await ProgrammeService.find(ctx, p);
    assertTransferable(p.status, prog?.state ?? null);
    // programme time already used here counts toward the maximum in the new municipality.
    const usedDays = (prog?.timeAlreadyUsedDays ?? 0) + (prog?.startDate ? Math.max(0, daysBetween(prog.startDate, ctx.today)) : 0);
    const m = p.municipalityId;
    const mapping = await competenceMappingForTransfer.row(ctx, m, p.id);
    const plan = await integrationPlanForTransfer.row(ctx, p);
    const snapshot: TransferSnapshot = {
      participant: asJson(participantForTransfer.row(p)),
      mapping: mapping && asJson(mapping),
      plan: plan && asJson(plan),
      programme: prog && asJson(programmeForTransfer.row(toRow(programmeTable, prog) as Parameters<typeof programmeForTransfer.row>[0])),
      decisions: (await decisionsForTransfer.rows(ctx, m, p.id)).map(asJson),
    };
    await transferRepository.send(ctx, {
      municipalityId: to.id,
      fromMunicipalityId: m,
      fromParticipantId: p.id,
      sentAt: ctx.today,
      sentBy: ctx.actor.sub,
      snapshot,
      timeAlreadyUsedDays: usedDays,
    });
    // The programme ends here through its own TRANSFER transition (R-5.10's refusals are the table's).
    if (prog && programmeStateAfterTransfer(prog.state))
      await ProgrammeService.apply(ctx, p, prog, 'TRANSFER', 'transferParticipant', { timeAlreadyUsedDays: usedDays });
    await participantForTransfer.close(ctx, p, { status: CASE_STATUS_AFTER_TRANSFER, transferredToMunicipalityId: to.id, transferredAt: ctx.today });
    await recordChange(ctx, {
      municipalityId: m,
      operation: 'transferParticipant',
      participantId: p.id,
      entity: 'participant',
      entityId: p.id,
      changes: {
        status: { from: p.status, to: CASE_STATUS_AFTER_TRANSFER },
        transferredTo: { from: null, to: to.number },
        timeAlreadyUsedDays: { from: null, to: usedDays },
      },
    });
  },

  /** The cases other municipalities have sent here that are still waiting (at most 100, oldest first). */
  incoming(ctx: RequestContext): Promise<CaseTransferRecord[]> {
    return transferRepository.pending(ctx, ownMunicipality(ctx));
  },

  /** The waiting cases a page at a time, either way; `cursor` is [direction, sentAt, id] as the transport decoded it (unchecked). */
  async incomingPage(
    ctx: RequestContext,
    args: { window: PageWindow; cursor: readonly unknown[] | null; direction: 'ASC' | 'DESC' },
  ): Promise<{
    rows: CaseTransferRecord[];
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    totalCount: number;
    cursorValues: (r: CaseTransferRecord) => unknown[];
  }> {
    let beyond: { sentAt: string; id: string } | null = null;
    if (args.cursor) {
      const [token, sentAt, id] = args.cursor;
      if (token !== args.direction || typeof sentAt !== 'string' || !isIsoDate(sentAt) || typeof id !== 'string' || !UUID_RE.test(id)) {
        throw new InvalidInputError(args.window.cursorArg, 'Unknown cursor: use a cursor of a previous page with the same direction');
      }
      beyond = { sentAt, id };
    }
    const { rows, totalCount } = await transferRepository.pendingPage(
      ctx,
      ownMunicipality(ctx),
      beyond,
      args.window.size + 1,
      readingDirection(args.direction, args.window),
    );
    return { ...pageOf(rows, args.window), totalCount, cursorValues: (r) => [args.direction, r.sentAt, r.id] };
  },

  /**
   * Takes a sent case into this municipality's register as a new case, linked to the old one, under the
   * receiver's own row-level security: a person already registered here is a conflict in the receiver's
   * own data. Returns the new participant's id.
   */
  async accept(ctx: RequestContext, transferId: string, expectedVersion: number): Promise<string> {
    const m = ownMunicipality(ctx);
    const t = await transferRepository.lock(ctx, m, transferId);
    if (!t) throw NOT_FOUND();
    if (t.version !== expectedVersion) throw new ConflictError();
    const state = transferTransition(t.state, 'ACCEPT');
    const s = t.snapshot;
    const created = await participantForTransfer.copy(ctx, s.participant, {
      municipalityId: m,
      status: s.programme ? programmeForTransfer.startsAgainAs : 'REGISTERED',
      assignedToSub: ctx.actor.sub,
      assignedToName: ctx.actor.name,
      transferredFromMunicipalityId: t.fromMunicipalityId,
      transferredFromParticipantId: t.fromParticipantId,
      transferredAt: t.sentAt,
      transferredToMunicipalityId: null,
    });
    if (!created) throw new ConflictError('A participant with this identity number is already registered in your municipality');
    const to = { municipalityId: m, participantId: created.id };
    if (s.mapping) await competenceMappingForTransfer.copy(ctx, s.mapping, to);
    if (s.plan) await integrationPlanForTransfer.copy(ctx, s.plan, to);
    // The receiver starts the programme again, with the time already used counted.
    if (s.programme) await programmeForTransfer.copy(ctx, s.programme, { ...to, timeAlreadyUsedDays: t.timeAlreadyUsedDays });
    await decisionsForTransfer.copy(ctx, s.decisions, to);
    const decided = await transferRepository.decide(
      ctx,
      { municipalityId: m, id: t.id, expectedVersion: t.version, from: [t.state] },
      { state, decidedAt: ctx.today, decidedBy: ctx.actor.sub, acceptedParticipantId: created.id },
    );
    if (!decided) throw new Error('the locked transfer changed');
    await recordChange(ctx, {
      municipalityId: m,
      operation: 'acceptTransfer',
      participantId: created.id,
      entity: 'case_transfer',
      entityId: transferId,
      changes: {
        transferredFrom: { from: null, to: ctx.directory.municipalityById(t.fromMunicipalityId)?.number ?? null },
        timeAlreadyUsedDays: { from: null, to: t.timeAlreadyUsedDays },
      },
    });
    return created.id;
  },

  /** Refuses a sent case, with the reason: only while it waits, at the version the caller saw. */
  async reject(ctx: RequestContext, args: { transferId: string; expectedVersion: number; reason: string }): Promise<CaseTransferRecord> {
    const m = ownMunicipality(ctx);
    const { from, to } = transferEvent('REJECT');
    const row = await transferRepository.decide(
      ctx,
      { municipalityId: m, id: args.transferId, expectedVersion: args.expectedVersion, from },
      { state: to, decidedAt: ctx.today, decidedBy: ctx.actor.sub, rejectionReason: args.reason },
    );
    if (!row) throw (await transferRepository.exists(ctx, m, args.transferId)) ? new ConflictError() : NOT_FOUND();
    await recordChange(ctx, {
      municipalityId: m,
      operation: 'rejectTransfer',
      entity: 'case_transfer',
      entityId: args.transferId,
      changes: { state: { from: from[0], to } },
    });
    return row;
  },
};
