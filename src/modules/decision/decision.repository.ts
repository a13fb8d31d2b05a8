/**
 * Every statement on app.decision. Rows become DecisionRecords here, once; other modules call the
 * decision module's functions (through its index), never the table. The one exception is the case
 * list's lateral (decision-row.ts), which reads the newest decision in the list's own statement.
 */
import DataLoader from 'dataloader';
import { anyOf, db, first, run, sql } from '../../db/sql';
import { InsertRecord, toRecord, toRow } from '../../db/table';
import type { DecisionType } from '../../domain/decision-types';
import type { LeaveKind } from '../../domain/leave';
import { RequestContext, requestLoader } from '../shared';
import { careLeaveTable } from './care-leave.table';
import { DecisionRecord, decisionTable } from './decision.table';

export type DecisionInsert = InsertRecord<typeof decisionTable>;

/** The request's decisions of each case (any the caller's transaction can see), newest first. */
function byParticipant(ctx: RequestContext): DataLoader<string, DecisionRecord[]> {
  return requestLoader(
    ctx,
    'decision.byParticipant',
    () =>
      new DataLoader<string, DecisionRecord[]>(async (participantIds) => {
        const rows = await run(
          ctx.tx,
          db
            .selectFrom('app.decision')
            .selectAll()
            .where('municipality_id', '=', anyOf(ctx.actor.reachableMunicipalityIds, 'smallint'))
            .where('participant_id', '=', anyOf(participantIds, 'uuid'))
            .orderBy('participant_id')
            .orderBy('decided_at', 'desc')
            .orderBy('created_at', 'desc'),
        );
        const found = new Map<string, DecisionRecord[]>();
        for (const r of rows) {
          const list = found.get(r.participant_id);
          if (list) list.push(toRecord(r));
          else found.set(r.participant_id, [toRecord(r)]);
        }
        return participantIds.map((id) => found.get(id) ?? []);
      }),
  );
}

/** The request's decisions by id (any the caller's transaction can see); null for any other id. */
function byId(ctx: RequestContext): DataLoader<string, DecisionRecord | null> {
  return requestLoader(
    ctx,
    'decision.byId',
    () =>
      new DataLoader<string, DecisionRecord | null>(async (ids) => {
        const rows = await run(
          ctx.tx,
          db
            .selectFrom('app.decision')
            .selectAll()
            .where('municipality_id', '=', anyOf(ctx.actor.reachableMunicipalityIds, 'smallint'))
            .where('id', '=', anyOf(ids, 'uuid')),
        );
        const found = new Map(rows.map((r) => [r.id, toRecord(r)]));
        return ids.map((id) => found.get(id) ?? null);
      }),
  );
}

/** After a write: the case's list is read again, the written decision is answered as written. */
function written(ctx: RequestContext, record: DecisionRecord): DecisionRecord {
  byParticipant(ctx).clear(record.participantId);
  byId(ctx).clear(record.id).prime(record.id, record);
  return record;
}

export const decisionRepository = {
  /** After rows were written outside this repository's functions (a transfer's copy), the case's list is read again. */
  forget(ctx: RequestContext, participantId: string): void {
    byParticipant(ctx).clear(participantId);
  },

  /** The case's decisions, newest first: one statement per request, whatever the number of cases. */
  forCase(ctx: RequestContext, participantId: string): Promise<DecisionRecord[]> {
    return byParticipant(ctx).load(participantId);
  },

  /** A decision the caller's transaction can see, or null. */
  find(ctx: RequestContext, id: string): Promise<DecisionRecord | null> {
    return byId(ctx).load(id);
  },

  /** A decision of the given municipality, read now (not from the request's cache): what a change starts from. */
  async current(ctx: RequestContext, municipalityId: number, id: string): Promise<DecisionRecord | null> {
    const row = await first(ctx.tx, db.selectFrom('app.decision').selectAll().where('municipality_id', '=', municipalityId).where('id', '=', id));
    return row ? toRecord(row) : null;
  },

  /** Whether the case has a granted decision of the type. */
  async hasGranted(ctx: RequestContext, p: { municipalityId: number; id: string }, type: DecisionType): Promise<boolean> {
    const row = await first(
      ctx.tx,
      db
        .selectFrom('app.decision')
        .select(sql<number>`1`.as('granted'))
        .where('municipality_id', '=', p.municipalityId)
        .where('participant_id', '=', p.id)
        .where('type', '=', type)
        .where('outcome', '=', 'GRANTED')
        .limit(sql.lit(1)),
    );
    return row !== undefined;
  },

  /** Whether the case has any decision of `type`, whatever its outcome (R-5.1: the first participation decision). */
  async hasAny(ctx: RequestContext, p: { municipalityId: number; id: string }, type: DecisionType): Promise<boolean> {
    const row = await first(
      ctx.tx,
      db
        .selectFrom('app.decision')
        .select(sql<number>`1`.as('found'))
        .where('municipality_id', '=', p.municipalityId)
        .where('participant_id', '=', p.id)
        .where('type', '=', type)
        .limit(sql.lit(1)),
    );
    return row !== undefined;
  },

  /** working days of leave already granted to the case, by kind of leave. */
  async grantedLeaveDays(ctx: RequestContext, p: { municipalityId: number; id: string }): Promise<Map<LeaveKind, number>> {
    const rows = await run(
      ctx.tx,
      db
        .selectFrom('app.decision')
        .select((eb) => {
          const leave = () => eb.ref('details', '->>').key('leave');
          return [leave().key('kind').as('kind'), sql<number>`sum((${leave().key('workingDays')})::int)`.as('days')];
        })
        .where('municipality_id', '=', p.municipalityId)
        .where('participant_id', '=', p.id)
        .where('type', '=', 'LEAVE')
        .where('outcome', '=', 'GRANTED')
        .groupBy(sql`1`),
    );
    const days = new Map<LeaveKind, number>();
    for (const r of rows) if (r.kind !== null) days.set(r.kind, Number(r.days));
    return days;
  },

  /** a granted care leave, by the keyed hashes of the child and the parent. */
  async insertCareLeave(ctx: RequestContext, values: InsertRecord<typeof careLeaveTable>): Promise<void> {
    await run(ctx.tx, db.insertInto('app.care_leave').values(toRow(careLeaveTable, values)));
  },

  /**
   * working days of care leave used for the child (its keyed hash) by this parent and by the
   * child's other parents, in every municipality, through app.care_leave_days_used: two numbers and nothing else.
   */
  async careLeaveDaysUsed(ctx: RequestContext, childKey: string, parentKey: string): Promise<{ thisParent: number; otherParents: number }> {
    const [row] = await ctx.tx.query<{ this_parent_days: number; other_parents_days: number }>(
      `SELECT this_parent_days, other_parents_days FROM app.care_leave_days_used($1::text, $2::text)`,
      [childKey, parentKey],
    );
    return { thisParent: Number(row?.this_parent_days ?? 0), otherParents: Number(row?.other_parents_days ?? 0) };
  },

  async insert(ctx: RequestContext, values: DecisionInsert): Promise<DecisionRecord> {
    const row = await first(ctx.tx, db.insertInto('app.decision').values(toRow(decisionTable, values)).returningAll());
    return written(ctx, toRecord(row!));
  },

  /** the facts that move the appeal deadline; version-guarded like setNotified. */
  async setAppealFacts(
    ctx: RequestContext,
    municipalityId: number,
    id: string,
    expectedVersion: number,
    facts: Partial<Pick<DecisionRecord, 'reasonsRequestedAt' | 'reasonsReceivedAt' | 'appealDeadlineExtendedTo' | 'appealDeadlineExtendedOn'>>,
  ): Promise<DecisionRecord | null> {
    const row = await first(
      ctx.tx,
      db
        .updateTable('app.decision')
        .set({
          ...(facts.reasonsRequestedAt !== undefined ? { reasons_requested_at: facts.reasonsRequestedAt } : {}),
          ...(facts.reasonsReceivedAt !== undefined ? { reasons_received_at: facts.reasonsReceivedAt } : {}),
          ...(facts.appealDeadlineExtendedTo !== undefined ? { appeal_deadline_extended_to: facts.appealDeadlineExtendedTo } : {}),
          ...(facts.appealDeadlineExtendedOn !== undefined ? { appeal_deadline_extended_on: facts.appealDeadlineExtendedOn } : {}),
          version: (eb) => eb('version', '+', 1),
        })
        .where('municipality_id', '=', municipalityId)
        .where('id', '=', id)
        .where('version', '=', expectedVersion)
        .returningAll(),
    );
    return row ? written(ctx, toRecord(row)) : null;
  },

  /** The version guard is in the UPDATE itself: null when the decision is not at `expectedVersion` (or not there). */
  async setNotified(ctx: RequestContext, municipalityId: number, id: string, expectedVersion: number, notifiedAt: string): Promise<DecisionRecord | null> {
    const row = await first(
      ctx.tx,
      db
        .updateTable('app.decision')
        .set({ notified_at: notifiedAt, version: (eb) => eb('version', '+', 1) })
        .where('municipality_id', '=', municipalityId)
        .where('id', '=', id)
        .where('version', '=', expectedVersion)
        .returningAll(),
    );
    return row ? written(ctx, toRecord(row)) : null;
  },
};
