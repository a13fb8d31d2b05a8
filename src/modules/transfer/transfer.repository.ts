/**
 * Every statement on app.case_transfer, the receiving municipality's inbox. The sender writes into the
 * receiver's inbox and never reads it (no RETURNING on its insert); the receiver reads and decides its own.
 */
import { anyOf, db, first, run, sql } from '../../db/sql';
import { InsertRecord, toRecord, toRow, UpdateRecord } from '../../db/table';
import type { TransferState } from '../../domain/case-transfer';
import { RequestContext } from '../shared';
import { CaseTransferRecord, caseTransferTable } from './transfer.table';

export type CaseTransferInsert = InsertRecord<typeof caseTransferTable>;
export type CaseTransferChanges = UpdateRecord<typeof caseTransferTable>;

/** The inbox holds at most this many waiting cases per answer. */
const PENDING_PAGE = 100;

export const transferRepository = {
  /** Into the receiver's inbox. No RETURNING: the sender may write it, never read it. */
  async send(ctx: RequestContext, values: CaseTransferInsert): Promise<void> {
    // pg sends the snapshot (an object) as JSON.
    await run(ctx.tx, db.insertInto('app.case_transfer').values(toRow(caseTransferTable, values)));
  },

  /** One of the caller's incoming transfers, locked for the rest of the request's transaction. */
  async lock(ctx: RequestContext, municipalityId: number, id: string): Promise<CaseTransferRecord | null> {
    const row = await first(
      ctx.tx,
      db.selectFrom('app.case_transfer').selectAll().where('municipality_id', '=', municipalityId).where('id', '=', id).forUpdate(),
    );
    return row ? toRecord(row) : null;
  },

  async exists(ctx: RequestContext, municipalityId: number, id: string): Promise<boolean> {
    return (
      (await first(ctx.tx, db.selectFrom('app.case_transfer').select('id').where('municipality_id', '=', municipalityId).where('id', '=', id))) !== undefined
    );
  },

  /** The cases waiting in the inbox, oldest first. */
  async pending(ctx: RequestContext, municipalityId: number): Promise<CaseTransferRecord[]> {
    const rows = await run(
      ctx.tx,
      db
        .selectFrom('app.case_transfer')
        .selectAll()
        .where('municipality_id', '=', municipalityId)
        .where('state', '=', 'PENDING')
        .orderBy('sent_at')
        .orderBy('id')
        .limit(PENDING_PAGE),
    );
    return rows.map((r) => toRecord(r));
  },

  /**
   * A page of the waiting cases read in `reading` order (ASC: sent earliest first, ties by id) beyond
   * (sentAt, id), and how many are waiting: two statements whatever the page size, on case_transfer_pending.
   */
  async pendingPage(
    ctx: RequestContext,
    municipalityId: number,
    beyond: { sentAt: string; id: string } | null,
    limit: number,
    reading: 'ASC' | 'DESC',
  ): Promise<{ rows: CaseTransferRecord[]; totalCount: number }> {
    const dir = reading === 'DESC' ? 'desc' : 'asc';
    let q = db.selectFrom('app.case_transfer').selectAll().where('municipality_id', '=', municipalityId).where('state', '=', 'PENDING');
    if (beyond) {
      const tuple = sql`(${sql.ref('sent_at')}, ${sql.ref('id')})`;
      const at = sql`(${beyond.sentAt}::date, ${beyond.id}::uuid)`;
      q = q.where(reading === 'DESC' ? sql<boolean>`${tuple} < ${at}` : sql<boolean>`${tuple} > ${at}`);
    }
    const rows = await run(ctx.tx, q.orderBy('sent_at', dir).orderBy('id', dir).limit(limit));
    const counted = await run(
      ctx.tx,
      db
        .selectFrom('app.case_transfer')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('municipality_id', '=', municipalityId)
        .where('state', '=', 'PENDING'),
    );
    return { rows: rows.map((r) => toRecord(r)), totalCount: Number(counted[0]?.n ?? 0) };
  },

  /**
   * A decision on a transfer, guarded in the UPDATE itself: only from the states the event is legal from
   * and at the version the caller saw. Null when it is not (or not there).
   */
  async decide(
    ctx: RequestContext,
    at: { municipalityId: number; id: string; expectedVersion: number; from: readonly TransferState[] },
    changes: CaseTransferChanges,
  ): Promise<CaseTransferRecord | null> {
    const row = await first(
      ctx.tx,
      db
        .updateTable('app.case_transfer')
        .set({ ...toRow(caseTransferTable, changes), version: (eb) => eb('version', '+', 1) })
        .where('municipality_id', '=', at.municipalityId)
        .where('id', '=', at.id)
        .where('version', '=', at.expectedVersion)
        .where('state', '=', anyOf(at.from, 'text'))
        .returningAll(),
    );
    return row ? toRecord(row) : null;
  },
};
