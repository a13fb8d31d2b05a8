/**
 * Every statement on app.participant. Rows become ParticipantRecords here, once; other modules call
 * these functions (through the module's index), never the table.
 */
import DataLoader from 'dataloader';
import { anyOf, db, first, Queryable, run, sql } from '../../db/sql';
import { InsertRecord, toRecord, toRow, UpdateRecord } from '../../db/table';
import { RequestContext, requestLoader } from '../shared';
import { ParticipantRecord, participantTable } from './participant.table';

export type ParticipantInsert = InsertRecord<typeof participantTable>;
export type ParticipantChanges = UpdateRecord<typeof participantTable>;

/** The request's participants by id (any the caller's transaction can see); null for any other id. */
function byId(ctx: RequestContext): DataLoader<string, ParticipantRecord | null> {
  return requestLoader(
    ctx,
    'participant.byId',
    () =>
      new DataLoader<string, ParticipantRecord | null>(async (ids) => {
        const rows = await run(
          ctx.tx,
          db
            .selectFrom('app.participant')
            .selectAll()
            .where('municipality_id', '=', anyOf(ctx.actor.reachableMunicipalityIds, 'smallint'))
            .where('id', '=', anyOf(ids, 'uuid')),
        );
        const found = new Map(rows.map((r) => [r.id, toRecord(r)]));
        return ids.map((id) => found.get(id) ?? null);
      }),
  );
}

/** After a write, the request's loader answers with the row as written. */
function remember(ctx: RequestContext, record: ParticipantRecord): ParticipantRecord {
  byId(ctx).clear(record.id).prime(record.id, record);
  return record;
}

export const participantRepository = {
  /**
   * Whether the register has never held a row (its table file is empty): the size is read, not the rows,
   * so no caller settings (RLS) are needed. For the development server's demo-data hint.
   */
  async neverUsed(on: Queryable): Promise<boolean> {
    const [row] = await on.query<{ n: number }>(`SELECT pg_relation_size('${participantTable.sqlName}'::regclass)::bigint AS n`);
    return Number(row?.n ?? 0) === 0;
  },

  /** Every municipality with a participant (maintenance, audit:verify: needs a connection that sees every row). */
  async municipalitiesWithCases(on: Queryable): Promise<number[]> {
    const rows = await run(on, db.selectFrom('app.participant').select('municipality_id').distinct().orderBy('municipality_id'));
    return rows.map((r) => Number(r.municipality_id));
  },

  get(ctx: RequestContext, id: string): Promise<ParticipantRecord | null> {
    return byId(ctx).load(id);
  },

  /** The municipality's participant with exactly this identity number, or null: the unique (municipality_id, identity_number) index. */
  async byIdentityNumber(ctx: RequestContext, municipalityId: number, identityNumber: string): Promise<ParticipantRecord | null> {
    const row = await first(
      ctx.tx,
      db.selectFrom('app.participant').selectAll().where('municipality_id', '=', municipalityId).where('identity_number', '=', identityNumber),
    );
    return row ? remember(ctx, toRecord(row)) : null;
  },

  /** Rows read elsewhere in this request (a list page) are remembered, so field resolvers need no query. */
  remember,

  /**
   * The row locked for the rest of the request's transaction, so two caseworkers' changes to one case
   * are applied one after the other.
   */
  async lock(ctx: RequestContext, municipalityId: number, id: string): Promise<ParticipantRecord | null> {
    const row = await first(
      ctx.tx,
      db.selectFrom('app.participant').selectAll().where('municipality_id', '=', municipalityId).where('id', '=', id).forUpdate(),
    );
    return row ? remember(ctx, toRecord(row)) : null;
  },

  async exists(ctx: RequestContext, municipalityId: number, id: string): Promise<boolean> {
    return (
      (await first(ctx.tx, db.selectFrom('app.participant').select('id').where('municipality_id', '=', municipalityId).where('id', '=', id))) !== undefined
    );
  },

  /** One statement: the unique key (municipality, identity number) decides, not a prior look-up. Null when taken. */
  async insert(ctx: RequestContext, values: ParticipantInsert): Promise<ParticipantRecord | null> {
    const row = await first(
      ctx.tx,
      db
        .insertInto('app.participant')
        .values(toRow(participantTable, values))
        .onConflict((oc) => oc.columns(['municipality_id', 'identity_number']).doNothing())
        .returningAll(),
    );
    return row ? remember(ctx, toRecord(row)) : null;
  },

  /** The version guard is in the UPDATE itself: null when the row is not at `expectedVersion` (or not there). */
  async update(
    ctx: RequestContext,
    municipalityId: number,
    id: string,
    expectedVersion: number,
    changes: ParticipantChanges,
  ): Promise<ParticipantRecord | null> {
    const row = await first(
      ctx.tx,
      db
        .updateTable('app.participant')
        .set({ ...toRow(participantTable, changes), version: (eb) => eb('version', '+', 1), updated_at: sql`now()` })
        .where('municipality_id', '=', municipalityId)
        .where('id', '=', id)
        .where('version', '=', expectedVersion)
        .returningAll(),
    );
    return row ? remember(ctx, toRecord(row)) : null;
  },

  /**
   * A change the system makes on its own behalf (the list status following the programme, a transfer
   * closing the case): no version guard, and the version stays (the caseworker's facts did not change).
   */
  async set(ctx: RequestContext, municipalityId: number, id: string, changes: ParticipantChanges): Promise<ParticipantRecord | null> {
    const row = await first(
      ctx.tx,
      db
        .updateTable('app.participant')
        .set({ ...toRow(participantTable, changes), updated_at: sql`now()` })
        .where('municipality_id', '=', municipalityId)
        .where('id', '=', id)
        .returningAll(),
    );
    return row ? remember(ctx, toRecord(row)) : null;
  },
};
