import crypto from 'node:crypto';
import { RequestContext } from '../shared';
import { auditRepository } from './audit.repository';

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
export async function recordChange(ctx: RequestContext, entry: ChangeEntry): Promise<void> {
  const { seq, prevHash } = await auditRepository.nextLink(ctx, entry.municipalityId);
  const row: HashedFields = {
    municipalityId: entry.municipalityId,
    seq,
    occurredAt: ctx.now.toISOString(),
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
  const hash = chainHash(prevHash, row);
  await auditRepository.append(ctx, {
    municipality_id: row.municipalityId,
    seq: row.seq,
    occurred_at: new Date(row.occurredAt),
    request_id: row.requestId,
    actor_sub: row.actorSub,
    actor_role: row.actorRole,
    actor_org: row.actorOrg,
    operation: row.operation,
    participant_id: row.participantId,
    entity: row.entity,
    entity_id: row.entityId,
    changes: row.changes as Record<string, unknown>,
    prev_hash: prevHash,
    hash,
  });
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
