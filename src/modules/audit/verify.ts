import { Client } from 'pg';
import { queryableOf } from '../../db/sql';
import { auditRepository } from './audit.repository';
import { chainHash, HashedFields } from './change-log';

export interface ChainReport {
  municipalities: number;
  rows: number;
  broken: { municipalityId: number; seq: number; reason: string } | null;
}

/**
 * Walks every municipality's change-log chain in order and recomputes each row's hash from its
 * content and the previous row's hash. Needs a connection that sees every row (the owner as
 * superuser, or a BYPASSRLS maintenance role).
 */
export async function verifyAuditChains(client: Client): Promise<ChainReport> {
  const rows = await auditRepository.allEvents(queryableOf(client));
  let current = -1;
  let prev: string | null = null;
  let expectedSeq = 1;
  const seen = new Set<number>();
  for (const r of rows) {
    const m = Number(r.municipality_id);
    if (m !== current) {
      current = m;
      prev = null;
      expectedSeq = 1;
      seen.add(m);
    }
    const seq = Number(r.seq);
    const fail = (reason: string): ChainReport => ({ municipalities: seen.size, rows: rows.length, broken: { municipalityId: m, seq, reason } });
    if (seq !== expectedSeq) return fail(`expected seq ${expectedSeq}: a row is missing`);
    if ((r.prev_hash ?? null) !== prev) return fail('prev_hash does not match the previous row');
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
    if (chainHash(prev, fields) !== r.hash) return fail('hash does not match the row content');
    prev = r.hash;
    expectedSeq += 1;
  }
  return { municipalities: seen.size, rows: rows.length, broken: null };
}
