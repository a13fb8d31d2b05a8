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

/** Hash version 1 (rows written before app.audit_append): the previous row's hash and the row's own content, as canonical JSON. */
export function chainHash(prevHash: string | null, row: HashedFields): string {
  return crypto
    .createHash('sha256')
    .update((prevHash ?? '') + '\n' + canonicalJson(row))
    .digest('hex');
}

/**
 * Appends one row to the municipality's change log, in the request's transaction: if the change
 * rolls back, so does its log row. The database numbers, chains and hashes it (app.audit_append), so
 * rows of one municipality are numbered and chained without gaps even under concurrent writes.
 */
export async function recordChange(ctx: RequestContext, entry: ChangeEntry): Promise<void> {
  await auditRepository.append(ctx, {
    municipalityId: entry.municipalityId,
    occurredAt: ctx.now,
    requestId: ctx.requestId,
    actorSub: ctx.actor.sub,
    actorRole: ctx.actor.role,
    actorOrg: ctx.actor.org,
    operation: entry.operation,
    participantId: entry.participantId ?? null,
    entity: entry.entity ?? null,
    entityId: entry.entityId ?? null,
    changes: JSON.parse(canonicalJson(entry.changes)),
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
