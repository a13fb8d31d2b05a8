/**
 * How a step changes an appeal, for both sides: the state from the domain's tables (never set by hand),
 * one UPDATE guarded by the version the caller saw, one history row in the caller's name, one change-log
 * row — all in the request's transaction.
 */
import { snakeName } from '../../db/table';
import { appealStateAfter, AppealHistoryEvent, AppealState, AppealStep } from '../../domain/appeal';
import { ConflictError } from '../../domain/errors';
import { recordChange } from '../audit';
import { RequestContext } from '../shared';
import { appealRepository, AppealUpdate } from './appeal.repository';
import { AppealRecord } from './appeal.table';

/** What a step may set besides the state, which only the domain's tables decide. */
export type AppealChanges = Omit<
  AppealUpdate,
  'state' | 'version' | 'updatedAt' | 'municipalityId' | 'id' | 'decisionId' | 'participantId' | 'createdBySub' | 'createdAt'
>;

export function staleAppeal(): ConflictError {
  return new ConflictError('The appeal was changed by someone else; reload and try again');
}

/** The version the caller last saw must still be current, or nothing changes. */
export function expectVersion(appeal: AppealRecord, expectedVersion: number): void {
  if (appeal.version !== expectedVersion) throw staleAppeal();
}

/** One history row, in the caller's name. */
export async function appendEvent(
  ctx: RequestContext,
  appeal: Pick<AppealRecord, 'municipalityId' | 'id'>,
  event: AppealHistoryEvent,
  fromState: AppealState | null,
  toState: AppealState | null,
  note: string | null,
): Promise<void> {
  const a = ctx.actor;
  await appealRepository.appendEvent(ctx, {
    municipalityId: appeal.municipalityId,
    appealId: appeal.id,
    actorSub: a.sub,
    actorName: a.name,
    actorRole: a.role,
    actorOrg: a.org,
    event,
    fromState,
    toState,
    note,
  });
}

function forLog(v: unknown): unknown {
  return v instanceof Date ? v.toISOString() : (v ?? null);
}

/**
 * Takes `step` on the appeal if it is still at `expectedVersion`: the state it moves to (or stays in) comes
 * from the domain's tables (appealStateAfter), and the version check is in the UPDATE itself, so a
 * concurrent step that got in first makes this one a CONFLICT.
 */
export async function applyStep(
  ctx: RequestContext,
  appeal: AppealRecord,
  expectedVersion: number,
  step: { operation: string; step: AppealStep; set?: AppealChanges; note?: string | null },
): Promise<AppealRecord> {
  const to = appealStateAfter(appeal.state, step.step, { outcome: appeal.outcome });
  const set: AppealUpdate = { ...(step.set ?? {}), ...(to !== appeal.state ? { state: to } : {}) };
  const updated = await appealRepository.update(ctx, appeal, expectedVersion, set);
  if (!updated) throw staleAppeal();
  await appendEvent(ctx, updated, step.step, appeal.state, updated.state, step.note ?? null);
  const fields = (Object.keys(set) as (keyof AppealUpdate & keyof AppealRecord)[]).filter((k) => set[k] !== undefined);
  await recordChange(ctx, {
    municipalityId: appeal.municipalityId,
    operation: step.operation,
    participantId: appeal.participantId,
    entity: 'appeal',
    entityId: appeal.id,
    // Column names, as the change log has always recorded an appeal's steps.
    changes: Object.fromEntries(fields.map((k) => [snakeName(k), { from: forLog(appeal[k]), to: forLog(updated[k]) }])),
  });
  return updated;
}
