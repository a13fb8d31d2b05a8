/**
 * How a step changes an appeal, for both sides: one UPDATE guarded by the version the caller saw, one
 * history row in the caller's name, one change-log row — all in the request's transaction.
 */
import { AppealState } from '../../domain/appeal';
import { GraphQLContext } from '../../graphql/context';
import { conflict } from '../../graphql/errors';
import { recordChange } from '../audit/change-log';
import { forgetAppeals } from './appeal.loaders';
import { AppealChanges, AppealRow, UPDATABLE_COLUMNS } from './appeal.rows';
import { AppealHistoryEvent } from './appeal.types';

export function staleAppeal() {
  return conflict('The appeal was changed by someone else; reload and try again');
}

/** The version the caller last saw must still be current, or nothing changes. */
export function expectVersion(row: AppealRow, expectedVersion: number): void {
  if (Number(row.version) !== expectedVersion) throw staleAppeal();
}

export async function appendEvent(
  ctx: GraphQLContext,
  row: Pick<AppealRow, 'municipality_id' | 'id'>,
  event: AppealHistoryEvent,
  fromState: AppealState | null,
  toState: AppealState | null,
  note: string | null,
): Promise<void> {
  const a = ctx.actor;
  await ctx.tx.query(
    `INSERT INTO app.appeal_event (municipality_id, appeal_id, actor_sub, actor_name, actor_role, actor_org, event, from_state, to_state, note)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [row.municipality_id, row.id, a.sub, a.name, a.role, a.org, event, fromState, toState, note],
  );
}

function forLog(v: unknown): unknown {
  return v instanceof Date ? v.toISOString() : (v ?? null);
}

/**
 * Applies `set` (and the new state) if the appeal is still at `expectedVersion`: the version check is in
 * the UPDATE itself, so a concurrent step that got in first makes this one a CONFLICT.
 */
export async function applyStep(
  ctx: GraphQLContext,
  row: AppealRow,
  expectedVersion: number,
  step: { operation: string; event: AppealHistoryEvent; to?: AppealState; set?: AppealChanges; note?: string | null },
): Promise<AppealRow> {
  const set: AppealChanges = { ...(step.set ?? {}), ...(step.to ? { state: step.to } : {}) };
  const cols = Object.keys(set) as (keyof AppealChanges)[];
  for (const c of cols) if (!(UPDATABLE_COLUMNS as readonly string[]).includes(c)) throw new Error(`not an updatable appeal column: ${c}`);
  const sets = cols.map((c, i) => `${c} = $${i + 4}`).join(', ');
  const [updated] = await ctx.tx.query<AppealRow>(
    `UPDATE app.appeal SET ${sets ? `${sets}, ` : ''}version = version + 1, updated_at = now()
     WHERE municipality_id = $1 AND id = $2 AND version = $3 RETURNING *`,
    [row.municipality_id, row.id, expectedVersion, ...cols.map((c) => set[c] ?? null)],
  );
  if (!updated) throw staleAppeal();
  await appendEvent(ctx, updated, step.event, row.state, updated.state, step.note ?? null);
  await recordChange(ctx, {
    municipalityId: Number(row.municipality_id),
    operation: step.operation,
    participantId: row.participant_id,
    entity: 'appeal',
    entityId: row.id,
    changes: Object.fromEntries(cols.map((c) => [c, { from: forLog(row[c]), to: forLog(updated[c]) }])),
  });
  forgetAppeals(ctx);
  return updated;
}
