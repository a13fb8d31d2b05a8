/** Every statement on the change log (audit_event, audit_chain_head) and on idempotency keys. */
import { db, first, Queryable, run } from '../../db/sql';
import { Row } from '../../db/table';
import { RequestContext } from '../shared';
import { auditEventTable } from './audit.table';

export type AuditEventRow = Row<typeof auditEventTable>;

/** What the caller gives for a new change-log row; the database adds seq, prev_hash, hash and the version. */
export interface AppendRow {
  municipalityId: number;
  occurredAt: Date;
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

export const auditRepository = {
  /**
   * Appends one row through app.audit_append, the change log's only way in: the database takes the
   * chain's next number (locking the head until the transaction ends), hashes the row and moves the
   * head, in one statement. The API login has no grant on the log or its head themselves.
   */
  async append(ctx: RequestContext, row: AppendRow): Promise<void> {
    await ctx.tx.query(
      `SELECT app.audit_append($1::smallint, $2::timestamptz, $3::text, $4::text, $5::text, $6::text, $7::text, $8::uuid, $9::text, $10::uuid, $11::jsonb)`,
      [
        row.municipalityId,
        row.occurredAt,
        row.requestId,
        row.actorSub,
        row.actorRole,
        row.actorOrg,
        row.operation,
        row.participantId,
        row.entity,
        row.entityId,
        JSON.stringify(row.changes),
      ],
    );
  },

  /**
   * Every change-log row in chain order, each with the text its version-2 hash covers, built here by
   * the verifier's own expression (the same as app.audit_append's; a changed row gives another text)
   * (maintenance: needs a connection that sees every row).
   */
  allEvents(on: Queryable): Promise<(AuditEventRow & { canonical_v2: string })[]> {
    return on.query(
      `SELECT e.*, json_build_array(e.municipality_id, e.seq, to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                e.request_id, e.actor_sub, e.actor_role, e.actor_org, e.operation, e.participant_id, e.entity, e.entity_id)::text
                || E'\\n' || e.changes::text AS canonical_v2
         FROM app.audit_event e ORDER BY e.municipality_id, e.seq`,
    );
  },

  /** Every chain's head (maintenance: needs a connection that sees every row). */
  async heads(on: Queryable): Promise<{ municipalityId: number; seq: number; hash: string | null }[]> {
    const rows = await run(on, db.selectFrom('app.audit_chain_head').select(['municipality_id', 'last_seq', 'last_hash']).orderBy('municipality_id'));
    return rows.map((r) => ({ municipalityId: Number(r.municipality_id), seq: Number(r.last_seq), hash: r.last_hash }));
  },

  /** Claims an idempotency key; false when it was claimed before (a retry, or a reuse). */
  async claimKey(ctx: RequestContext, key: { municipalityId: number; key: string; operation: string; requestHash: string }): Promise<boolean> {
    const rows = await run(
      ctx.tx,
      db
        .insertInto('app.idempotency_key')
        .values({ municipality_id: key.municipalityId, key: key.key, actor_org: ctx.actor.org, operation: key.operation, request_hash: key.requestHash })
        .onConflict((oc) => oc.doNothing())
        .returning('key'),
    );
    return rows.length === 1;
  },

  async recordKeyResult(ctx: RequestContext, municipalityId: number, key: string, resultId: string): Promise<void> {
    await run(
      ctx.tx,
      db
        .updateTable('app.idempotency_key')
        .set({ result_id: resultId })
        .where('municipality_id', '=', municipalityId)
        .where('actor_org', '=', ctx.actor.org)
        .where('key', '=', key),
    );
  },

  priorKey(ctx: RequestContext, municipalityId: number, key: string) {
    return first(
      ctx.tx,
      db
        .selectFrom('app.idempotency_key')
        .select(['operation', 'request_hash', 'result_id'])
        .where('municipality_id', '=', municipalityId)
        .where('actor_org', '=', ctx.actor.org)
        .where('key', '=', key),
    );
  },
};

/** Every chain's head, for the signed checkpoint (maintenance connections only). */
export function auditChainHeads(on: Queryable): Promise<{ municipalityId: number; seq: number; hash: string | null }[]> {
  return auditRepository.heads(on);
}
