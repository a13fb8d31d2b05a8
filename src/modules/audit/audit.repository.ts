/** Every statement on the change log (audit_event, audit_chain_head) and on idempotency keys. */
import { db, first, Queryable, run, sql } from '../../db/sql';
import { Row } from '../../db/table';
import { RequestContext } from '../shared';
import { auditEventTable } from './audit.table';

export type AuditEventRow = Row<typeof auditEventTable>;

export const auditRepository = {
  /** Takes the next number of the municipality's chain: the upsert locks the head, so rows are numbered without gaps. */
  async nextLink(ctx: RequestContext, municipalityId: number): Promise<{ seq: number; prevHash: string | null }> {
    const head = await first(
      ctx.tx,
      db
        .insertInto('app.audit_chain_head')
        .values({ municipality_id: municipalityId, last_seq: 1, last_hash: null })
        .onConflict((oc) => oc.column('municipality_id').doUpdateSet({ last_seq: sql`audit_chain_head.last_seq + 1` }))
        .returning(['last_seq', 'last_hash']),
    );
    return { seq: Number(head!.last_seq), prevHash: head!.last_hash };
  },

  /** Appends the row and moves the head, in one statement. No RETURNING: a county or Statsforvalter may append to a log it cannot read. */
  async append(ctx: RequestContext, row: AuditEventRow): Promise<void> {
    await run(
      ctx.tx,
      db
        .with('ev', (q) => q.insertInto('app.audit_event').values({ ...row, changes: JSON.stringify(row.changes) as never }))
        .updateTable('app.audit_chain_head')
        .set({ last_hash: row.hash })
        .where('municipality_id', '=', row.municipality_id),
    );
  },

  /** Every change-log row in chain order (maintenance: needs a connection that sees every row). */
  allEvents(on: Queryable): Promise<AuditEventRow[]> {
    return run(on, db.selectFrom('app.audit_event').selectAll().orderBy('municipality_id').orderBy('seq'));
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
