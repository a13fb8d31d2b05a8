import crypto from 'node:crypto';
import { Client } from 'pg';
import { queryableOf } from '../../db/sql';
import { auditRepository } from './audit.repository';
import { chainHash, HashedFields } from './change-log';
import { Checkpoint } from './checkpoint';

export interface ChainReport {
  municipalities: number;
  rows: number;
  broken: { municipalityId: number; seq: number; reason: string } | null;
  /** The checkpoint the database was checked against, if one was given. */
  checkpoint?: { at: string; municipalities: number } | null;
}

export interface VerifyOptions {
  /** Municipalities that hold cases: each must have a chain (a municipality whose whole chain was deleted is caught here). */
  municipalitiesWithCases?: number[];
  /** The latest signed checkpoint (checkpoint.ts): every chain must still hold its signed row. */
  checkpoint?: Checkpoint | null;
}

function v2Hash(prev: string | null, canonical: string): string {
  return crypto
    .createHash('sha256')
    .update((prev ?? '') + '\n' + canonical, 'utf8')
    .digest('hex');
}

/**
 * Walks every municipality's change-log chain in order and recomputes each row's hash from its
 * content and the previous row's hash; checks that each chain ends exactly at its head
 * (audit_chain_head: a deleted tail, or a head without rows, is broken), that every municipality with
 * cases has a chain, and, given a signed checkpoint, that every chain still holds the signed row (a
 * history rewritten and re-hashed by the database owner differs from it). Needs a connection that
 * sees every row (the owner as superuser, or a BYPASSRLS maintenance role).
 */
export async function verifyAuditChains(client: Client, options: VerifyOptions = {}): Promise<ChainReport> {
  const on = queryableOf(client);
  const rows = await auditRepository.allEvents(on);
  const heads = new Map((await auditRepository.heads(on)).map((h) => [h.municipalityId, h]));
  const ends = new Map<number, { seq: number; hash: string }>();
  const hashAt = new Map<string, string>();
  let current = -1;
  let prev: string | null = null;
  let expectedSeq = 1;
  const checkpoint = options.checkpoint ?? null;
  const signedSeqs = new Set((checkpoint?.heads ?? []).map((h) => `${h.municipalityId}:${h.seq}`));
  const report = (broken: ChainReport['broken']): ChainReport => ({
    municipalities: new Set(rows.map((r) => Number(r.municipality_id))).size,
    rows: rows.length,
    broken,
    ...(options.checkpoint !== undefined ? { checkpoint: checkpoint ? { at: checkpoint.at, municipalities: checkpoint.heads.length } : null } : {}),
  });
  for (const r of rows) {
    const m = Number(r.municipality_id);
    if (m !== current) {
      current = m;
      prev = null;
      expectedSeq = 1;
    }
    const seq = Number(r.seq);
    const fail = (reason: string) => report({ municipalityId: m, seq, reason });
    if (seq !== expectedSeq) return fail(`expected seq ${expectedSeq}: a row is missing`);
    if ((r.prev_hash ?? null) !== prev) return fail('prev_hash does not match the previous row');
    let computed: string;
    if (Number(r.hash_version) === 2) {
      computed = v2Hash(prev, r.canonical_v2);
    } else {
      const fields: HashedFields = {
        municipalityId: m,
        seq,
        occurredAt: new Date(r.occurred_at).toISOString(),
        requestId: r.request_id,
        actorSub: r.actor_sub,
        actorRole: r.actor_role,
        actorOrg: r.actor_org,
        operation: r.operation,
        participantId: r.participant_id,
        entity: r.entity,
        entityId: r.entity_id,
        changes: r.changes,
      };
      computed = chainHash(prev, fields);
    }
    if (computed !== r.hash) return fail('hash does not match the row content');
    if (signedSeqs.has(`${m}:${seq}`)) hashAt.set(`${m}:${seq}`, r.hash);
    prev = r.hash;
    expectedSeq += 1;
    ends.set(m, { seq, hash: r.hash });
  }
  for (const [m, end] of ends) {
    const head = heads.get(m);
    if (!head) return report({ municipalityId: m, seq: end.seq, reason: 'the chain has no head (audit_chain_head row missing)' });
    if (head.seq !== end.seq || head.hash !== end.hash) {
      return report({
        municipalityId: m,
        seq: end.seq,
        reason:
          head.seq > end.seq
            ? `the chain ends at seq ${end.seq} but its head is at seq ${head.seq}: rows at the end were deleted`
            : `the chain ends at seq ${end.seq} but its head says seq ${head.seq}: the head does not match the chain`,
      });
    }
  }
  for (const [m, head] of heads) {
    if (!ends.has(m) && head.seq > 0)
      return report({ municipalityId: m, seq: 1, reason: `the head is at seq ${head.seq} but the chain has no rows: it was deleted` });
  }
  for (const m of options.municipalitiesWithCases ?? []) {
    if (!ends.has(m)) return report({ municipalityId: m, seq: 1, reason: 'the municipality has cases but no change log: its chain was deleted' });
  }
  for (const signed of checkpoint?.heads ?? []) {
    const end = ends.get(signed.municipalityId);
    const at = hashAt.get(`${signed.municipalityId}:${signed.seq}`);
    if (!end || end.seq < signed.seq) {
      return report({
        municipalityId: signed.municipalityId,
        seq: signed.seq,
        reason: `the checkpoint of ${checkpoint!.at} signed seq ${signed.seq}, but the chain ${end ? `ends at seq ${end.seq}` : 'is gone'}: rows were deleted`,
      });
    }
    if (at !== signed.hash) {
      return report({
        municipalityId: signed.municipalityId,
        seq: signed.seq,
        reason: `the row differs from the checkpoint of ${checkpoint!.at}: history up to it was rewritten and re-hashed`,
      });
    }
  }
  return report(null);
}
