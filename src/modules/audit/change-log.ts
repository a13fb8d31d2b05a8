import crypto from 'node:crypto';
import { GraphQLContext } from '../../graphql/context';

export interface ChangeEntry {
  municipalityId: number;
  operation: string;
  participantId?: string | null;
  entity?: string | null;
  entityId?: string | null;
  /** Before/after of the changed fields. Never the national identity number. */
  changes: Record<string, unknown>;
}

/** JSON with sorted keys, so a row's hash can be recomputed from what is stored. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return '[' + value.map(canonicalJson).join(',') + ']';
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return '{' + entries.map(([k, v]) => JSON.stringify(k) + ':' + canonicalJson(v)).join(',') + '}';
}

export interface HashedFields {
  municipalityId: number;
  seq: number;
  occurredAt: string;
  requestId: string;
  actorSub: string;
  actorRole: string;
  actorOrg: string;
  operation: string;
  participantId: string | null;
  entity: string | null;
  entityId: string | null;
  changes: unknown;
}

/** Each row's hash covers the previous row's hash and the row's own content. */
export function chainHash(prevHash: string | null, row: HashedFields): string {
  return crypto
    .createHash('sha256')
    .update((prevHash ?? '') + '\n' + canonicalJson(row))
    .digest('hex');
}

/**
 * Appends one row to the municipality's change log, in the request's transaction: if the change
 * rolls back, so does its log row. The chain head is locked by the upsert, so rows of one
 * municipality are numbered and chained without gaps even under concurrent writes.
 */
export async function recordChange(ctx: GraphQLContext, entry: ChangeEntry): Promise<void> {
  const [head] = await ctx.tx.query<{ last_seq: string; last_hash: string | null }>(
    `INSERT INTO app.audit_chain_head AS h (municipality_id, last_seq, last_hash) VALUES ($1, 1, NULL)
     ON CONFLICT (municipality_id) DO UPDATE SET last_seq = h.last_seq + 1
     RETURNING last_seq, last_hash`,
    [entry.municipalityId],
  );
  const row: HashedFields = {
    municipalityId: entry.municipalityId,
    seq: Number(head.last_seq),
    occurredAt: new Date().toISOString(),
    requestId: ctx.requestId,
    actorSub: ctx.actor.sub,
    actorRole: ctx.actor.role,
    actorOrg: ctx.actor.org,
    operation: entry.operation,
    participantId: entry.participantId ?? null,
    entity: entry.entity ?? null,
    entityId: entry.entityId ?? null,
    changes: JSON.parse(canonicalJson(entry.changes)),
  };
  const hash = chainHash(head.last_hash, row);
  // No RETURNING: a county or Statsforvalter may append to a municipality's log but not read it.
  await ctx.tx.query(
    `WITH ev AS (
       INSERT INTO app.audit_event (municipality_id, seq, occurred_at, request_id, actor_sub, actor_role, actor_org,
                                    operation, participant_id, entity, entity_id, changes, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14))
     UPDATE app.audit_chain_head SET last_hash = $14 WHERE municipality_id = $1`,
    [
      row.municipalityId, row.seq, row.occurredAt, row.requestId, row.actorSub, row.actorRole, row.actorOrg,
      row.operation, row.participantId, row.entity, row.entityId, JSON.stringify(row.changes), head.last_hash, hash,
    ],
  );
}

/** The fields that differ between two snapshots, as { field: { from, to } }. */
export function diff<T extends object>(before: T | null, after: T, omit: (keyof T)[] = []): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (omit.includes(key)) continue;
    const from = before ? before[key] : null;
    const to = after[key];
    if (canonicalJson(from) !== canonicalJson(to)) out[String(key)] = { from: from ?? null, to: to ?? null };
  }
  return out;
}
