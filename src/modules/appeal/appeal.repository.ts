/**
 * Every statement on app.appeal and app.appeal_event. Rows become AppealRecords and AppealEventRecords
 * here, once; the module's per-request loaders live here too, and every write clears what it changed.
 * Keys carry the municipality, so every look-up uses a (municipality_id, …) index also for
 * Statsforvalteren, whose settings name no single municipality; row-level security decides what each
 * caller gets back (R-9.8).
 */
import DataLoader from 'dataloader';
import { ExpressionBuilder, Selectable, SqlBool } from 'kysely';
import { anyOf, db, first, Result, run, sql, Tables } from '../../db/sql';
import { InsertRecord, toRecord, toRow, UpdateRecord } from '../../db/table';
import { WITHDRAWABLE_STATES, type AppealState } from '../../domain/appeal';
import type { DecisionType } from '../../domain/decision-types';
import { appealedDecisions, Decision, DECISION_ROW_COLUMNS, toDecision, unprefixedDecisionRow } from '../decision';
import { appellantParticipants, participantsAssignedTo } from '../participant';
import { RequestContext, requestLoader } from '../shared';
import { AppealEventRecord, appealEventTable, AppealRecord, appealTable } from './appeal.table';

export type AppealInsert = InsertRecord<typeof appealTable>;
export type AppealUpdate = UpdateRecord<typeof appealTable>;
export type AppealEventInsert = InsertRecord<typeof appealEventTable>;

/** A row of a tenant table is found by its municipality and an id. */
export interface TenantKey {
  municipalityId: number;
  id: string;
}
const keyOf = (k: TenantKey) => `${k.municipalityId}:${k.id}`;
const distinct = (values: number[]) => [...new Set(values)];

/** Appeals grouped by (municipality_id, `column`), in the order the query gave them. */
function grouped<R>(rows: R[], key: (r: R) => string): Map<string, R[]> {
  const groups = new Map<string, R[]>();
  for (const r of rows) {
    const k = key(r);
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  return groups;
}

/** The appeals of participants or of decisions, newest first: one statement per request and loader. */
function appealsBy(ctx: RequestContext, column: 'participant_id' | 'decision_id'): DataLoader<TenantKey, AppealRecord[], string> {
  return requestLoader(
    ctx,
    `appeal.by.${column}`,
    () =>
      new DataLoader<TenantKey, AppealRecord[], string>(
        async (keys) => {
          const rows = await run(
            ctx.tx,
            db
              .selectFrom('app.appeal')
              .selectAll()
              .where('municipality_id', '=', anyOf(distinct(keys.map((k) => k.municipalityId)), 'smallint'))
              .where(
                column,
                '=',
                anyOf(
                  keys.map((k) => k.id),
                  'uuid',
                ),
              )
              .orderBy('municipality_id')
              .orderBy(column)
              .orderBy('received_at', 'desc')
              .orderBy('created_at', 'desc')
              .orderBy('id'),
          );
          const groups = grouped(rows.map(toRecord), (r) =>
            keyOf({ municipalityId: r.municipalityId, id: column === 'participant_id' ? r.participantId : r.decisionId }),
          );
          return keys.map((k) => groups.get(keyOf(k)) ?? []);
        },
        { cacheKeyFn: keyOf },
      ),
  );
}

/** Appeals' history, oldest first. */
function historyOf(ctx: RequestContext): DataLoader<TenantKey, AppealEventRecord[], string> {
  return requestLoader(
    ctx,
    'appeal.history',
    () =>
      new DataLoader<TenantKey, AppealEventRecord[], string>(
        async (keys) => {
          const rows = await run(
            ctx.tx,
            db
              .selectFrom('app.appeal_event')
              .selectAll()
              .where('municipality_id', '=', anyOf(distinct(keys.map((k) => k.municipalityId)), 'smallint'))
              .where(
                'appeal_id',
                '=',
                anyOf(
                  keys.map((k) => k.id),
                  'uuid',
                ),
              )
              .orderBy('municipality_id')
              .orderBy('appeal_id')
              .orderBy('at')
              .orderBy('id'),
          );
          const groups = grouped(rows.map(toRecord), (r) => keyOf({ municipalityId: r.municipalityId, id: r.appealId }));
          return keys.map((k) => groups.get(keyOf(k)) ?? []);
        },
        { cacheKeyFn: keyOf },
      ),
  );
}

/** Whether each participant (of the caller's municipalities) has an appeal that is not closed. */
function openByParticipant(ctx: RequestContext): DataLoader<string, boolean> {
  return requestLoader(
    ctx,
    'appeal.openByParticipant',
    () =>
      new DataLoader<string, boolean>(async (ids) => {
        const rows = await run(
          ctx.tx,
          db
            .selectFrom('app.appeal')
            .select('participant_id')
            .distinct()
            .where('municipality_id', '=', anyOf(ctx.actor.reachableMunicipalityIds, 'smallint'))
            .where('participant_id', '=', anyOf(ids, 'uuid'))
            // A literal, so the partial index appeal_open (state <> 'CLOSED') serves it.
            .where('state', '<>', sql.lit('CLOSED')),
        );
        const open = new Set(rows.map((r) => r.participant_id));
        return ids.map((id) => open.has(id));
      }),
  );
}

/** After a write to an appeal, the request's loaders must not answer from what they read before it. */
function forget(ctx: RequestContext, a: Pick<AppealRecord, 'municipalityId' | 'participantId' | 'decisionId'>): void {
  appealsBy(ctx, 'participant_id').clear({ municipalityId: a.municipalityId, id: a.participantId });
  appealsBy(ctx, 'decision_id').clear({ municipalityId: a.municipalityId, id: a.decisionId });
  openByParticipant(ctx).clear(a.participantId);
}

// ---------------------------------------------------------------------------------------------------
// Statsforvalteren's list and detail: the appeals with their decision and participant, in one statement.

/** The orders of Statsforvalteren's list: each an index (statsforvalter_id, column, id) read in its own order. */
export type ForwardedOrderColumn = 'forwarded_at' | 'received_at' | 'deadline';

/** What narrows Statsforvalteren's list; every condition given must hold. */
export interface ForwardedFilter {
  statsforvalterId: string;
  municipalityId?: number;
  decisionType?: DecisionType;
  state?: AppealState;
  receivedFrom?: string;
  receivedTo?: string;
  /** Forwarded on or after this day, Europe/Oslo. */
  forwardedFrom?: string;
  /** Forwarded on or before this day, Europe/Oslo. */
  forwardedTo?: string;
}

/** After (column, id) in the list's order; the value is the exact one the previous page ended on. */
export interface ForwardedKeyset {
  value: string;
  id: string;
}

type AppealScope = ExpressionBuilder<Tables & { a: Tables['app.appeal'] }, 'a'>;

/** Oslo midnight at the start of a calendar day (plus `plusDays`), as a timestamptz. */
export function osloDayStart(day: string, plusDays: 0 | 1) {
  return sql<Date>`((${day}::date + ${sql.lit(plusDays)})::timestamp AT TIME ZONE 'Europe/Oslo')`;
}

/** The office's forwarded appeals that match `f`. The office is named in the SQL (for the index); RLS is what enforces it. */
export function forwardedWhere(f: ForwardedFilter) {
  return (eb: AppealScope) => {
    const conditions = [eb('a.statsforvalter_id', '=', f.statsforvalterId), eb('a.forwarded_at', 'is not', null)];
    if (f.municipalityId !== undefined) conditions.push(eb('a.municipality_id', '=', f.municipalityId));
    if (f.decisionType !== undefined) {
      // The appealed decision's type, read from the decision module's relation: see withDetails.
      const type = f.decisionType;
      conditions.push(
        eb.exists(
          eb
            .selectFrom(appealedDecisions().as('d'))
            .select(sql.lit(1).as('one'))
            .whereRef('d.municipality_id', '=', 'a.municipality_id')
            .whereRef('d.id', '=', 'a.decision_id')
            .where('d.type', '=', type),
        ),
      );
    }
    if (f.state !== undefined) conditions.push(eb('a.state', '=', f.state));
    if (f.receivedFrom !== undefined) conditions.push(eb('a.received_at', '>=', f.receivedFrom));
    if (f.receivedTo !== undefined) conditions.push(eb('a.received_at', '<=', f.receivedTo));
    if (f.forwardedFrom !== undefined) conditions.push(eb('a.forwarded_at', '>=', osloDayStart(f.forwardedFrom, 0)));
    if (f.forwardedTo !== undefined) conditions.push(eb('a.forwarded_at', '<', osloDayStart(f.forwardedTo, 1)));
    return eb.and(conditions);
  };
}

const KEYSET_CAST: Record<ForwardedOrderColumn, 'timestamptz' | 'date'> = { forwarded_at: 'timestamptz', received_at: 'date', deadline: 'date' };

/** A decision's columns in a forwarded-appeal row, prefixed `d_` (the columns the decision module's toDecision reads). */
export const FORWARDED_DECISION_PREFIX = 'd_';

/**
 * The appeals of `page` (already cut to the page) with what a list row or the detail shows: the appealed
 * decision's columns and the appellant's name and birth date. Joined for those rows only.
 *
 * The decision and the appellant come as relations their owners define (appealedDecisions,
 * appellantParticipants), inlined as sub-selects that PostgreSQL flattens into plain joins: a page stays one
 * statement, and the statements on app.decision and app.participant stay in their modules.
 */
function withDetails(page: ForwardedBase) {
  return db
    .selectFrom(page.as('a'))
    .innerJoin(appealedDecisions().as('d'), (j) => j.onRef('d.municipality_id', '=', 'a.municipality_id').onRef('d.id', '=', 'a.decision_id'))
    .innerJoin(appellantParticipants().as('pt'), (j) => j.onRef('pt.municipality_id', '=', 'a.municipality_id').onRef('pt.id', '=', 'a.participant_id'))
    .selectAll('a')
    .select([
      sql<string>`a.forwarded_at::text`.as('forwarded_at_key'),
      'pt.full_name as participant_name',
      'pt.birth_date as participant_birth_date',
      ...DECISION_ROW_COLUMNS.map((c) => `d.${c} as ${FORWARDED_DECISION_PREFIX}${c}` as const),
    ]);
}

function forwardedBase() {
  return db.selectFrom('app.appeal as a').selectAll('a');
}
type ForwardedBase = ReturnType<typeof forwardedBase>;
type ForwardedRow = Result<ReturnType<typeof withDetails>>;

/** A forwarded appeal as Statsforvalteren's list and detail read it. */
export interface ForwardedAppealRecord {
  appeal: AppealRecord;
  /** The appealed decision, as the decision module reads it. */
  decision: Decision;
  /** The appellant's identity without the national identity number (R-9.8). */
  participant: { name: string; birthDate: string };
  /** forwarded_at in PostgreSQL's text form, microseconds included: the exact value a cursor carries. */
  forwardedAtKey: string;
}

function toForwarded(r: ForwardedRow): ForwardedAppealRecord {
  const { forwarded_at_key, participant_name, participant_birth_date, ...rest } = r;
  return {
    appeal: toRecord(rest),
    decision: toDecision(unprefixedDecisionRow(r, FORWARDED_DECISION_PREFIX)!),
    participant: { name: participant_name, birthDate: participant_birth_date },
    forwardedAtKey: forwarded_at_key,
  };
}

// ---------------------------------------------------------------------------------------------------
// The municipality's own appeal list: its appeals filtered, counted per state, a page at a time.

/** What narrows the municipality's list; every condition given must hold. */
export interface MunicipalityAppealListFilter {
  municipalityId: number;
  states?: AppealState[];
  deadlineFrom?: string;
  deadlineTo?: string;
  /** The appellant's case is assigned to this caseworker (participant.assigned_to_sub). */
  assignedTo?: string;
}

/** The orders of the municipality's list: each an index (municipality_id, column, id), read either way. */
export type MunicipalityOrderColumn = 'deadline' | 'received_at';

/** The municipality's appeals that match `f`, but for its states (the counts per state are of these). */
function municipalityWhere(f: MunicipalityAppealListFilter) {
  return (eb: AppealScope) => {
    const conditions = [eb('a.municipality_id', '=', f.municipalityId)];
    if (f.deadlineFrom !== undefined) conditions.push(eb('a.deadline', '>=', f.deadlineFrom));
    if (f.deadlineTo !== undefined) conditions.push(eb('a.deadline', '<=', f.deadlineTo));
    if (f.assignedTo !== undefined) {
      // The caseworker is the appellant's case's, read from the register's relation (its statement stays in its module).
      const sub = f.assignedTo;
      conditions.push(
        eb.exists(
          eb
            .selectFrom(participantsAssignedTo(sub).as('pa'))
            .select(sql.lit(1).as('one'))
            .whereRef('pa.municipality_id', '=', 'a.municipality_id')
            .whereRef('pa.id', '=', 'a.participant_id'),
        ),
      );
    }
    return eb.and(conditions);
  };
}

export const appealRepository = {
  /**
   * A page of the municipality's appeals read in `reading` order beyond (value, id), and the count per state
   * of every appeal matching the filter but for its states, in one statement whatever the page size.
   */
  async municipalityPage(
    ctx: RequestContext,
    filter: MunicipalityAppealListFilter,
    order: MunicipalityOrderColumn,
    beyond: { value: string; id: string } | null,
    limit: number,
    reading: 'ASC' | 'DESC',
  ): Promise<{ byState: Record<string, number>; rows: AppealRecord[] }> {
    const where = municipalityWhere(filter);
    const dir = reading === 'DESC' ? 'desc' : 'asc';
    let page = db.selectFrom('app.appeal as a').selectAll('a').where(where);
    if (filter.states) page = page.where('a.state', '=', anyOf(filter.states, 'text'));
    if (beyond) {
      const tuple = sql`(${sql.ref(`a.${order}` satisfies `a.${keyof Tables['app.appeal']}`)}, a.id)`;
      const at = sql`(${beyond.value}::date, ${beyond.id}::uuid)`;
      page = page.where(reading === 'DESC' ? sql<SqlBool>`${tuple} < ${at}` : sql<SqlBool>`${tuple} > ${at}`);
    }
    page = page.orderBy(`a.${order}`, dir).orderBy('a.id', dir).limit(limit);
    const perState = db
      .selectFrom('app.appeal as a')
      .where(where)
      .select((eb) => ['a.state', eb.fn.countAll<number>().as('n')])
      .groupBy('a.state');
    const rows = await run(
      ctx.tx,
      db
        .selectFrom(
          db
            .selectFrom(perState.as('s'))
            .select(sql<Record<string, number>>`coalesce(jsonb_object_agg(s.state, s.n), '{}'::jsonb)`.as('by_state'))
            .as('c'),
        )
        .leftJoinLateral(page.as('page'), (j) => j.onTrue())
        .select('c.by_state')
        .selectAll('page')
        .orderBy(`page.${order}`, dir)
        .orderBy('page.id', dir),
    );
    const byState = rows[0]?.by_state ?? {};
    // Without a match the lateral gives one row of NULLs next to the counts.
    return { byState, rows: rows.filter((r) => r.id !== null).map(({ by_state: _counts, ...r }) => toRecord(r as Selectable<Tables['app.appeal']>)) };
  },

  /** An appeal of `municipalityId` the caller's transaction can see, or null. */
  async find(ctx: RequestContext, municipalityId: number, id: string): Promise<AppealRecord | null> {
    const row = await first(ctx.tx, db.selectFrom('app.appeal').selectAll().where('municipality_id', '=', municipalityId).where('id', '=', id));
    return row ? toRecord(row) : null;
  },

  /** The participant an appeal belongs to, without locking it (the case is locked first). */
  async participantOf(ctx: RequestContext, municipalityId: number, id: string): Promise<string | null> {
    const row = await first(ctx.tx, db.selectFrom('app.appeal').select('participant_id').where('municipality_id', '=', municipalityId).where('id', '=', id));
    return row?.participant_id ?? null;
  },

  /** The appeal locked for the rest of the request's transaction. */
  async lock(ctx: RequestContext, municipalityId: number, id: string): Promise<AppealRecord | null> {
    const row = await first(ctx.tx, db.selectFrom('app.appeal').selectAll().where('municipality_id', '=', municipalityId).where('id', '=', id).forUpdate());
    return row ? toRecord(row) : null;
  },

  /**
   * A forwarded appeal of Statsforvalteren's office, locked; null for any other id. Found first, then locked by
   * its municipality: the office and the id alone name no shard, and Citus refuses FOR UPDATE on a query of
   * several shards ("could not run distributed query with FOR UPDATE/SHARE commands"). The lock re-checks the
   * office, so an appeal handed on in between is not locked for the office that no longer holds it.
   */
  async lockForwarded(ctx: RequestContext, statsforvalterId: string, id: string): Promise<AppealRecord | null> {
    const forwarded = (m: number | null) =>
      db
        .selectFrom('app.appeal')
        .where('statsforvalter_id', '=', statsforvalterId)
        .where('id', '=', id)
        .where('forwarded_at', 'is not', null)
        .$if(m !== null, (q) => q.where('municipality_id', '=', m!));
    const found = await first(ctx.tx, forwarded(null).select('municipality_id'));
    if (!found) return null;
    const row = await first(ctx.tx, forwarded(found.municipality_id).selectAll().forUpdate());
    return row ? toRecord(row) : null;
  },

  /**
   * R-13.10: Statsforvalteren hands an appeal it holds locked (lockForwarded) on to another office. No RETURNING:
   * afterwards the row is the other office's, which this caller may not read.
   */
  async handOn(ctx: RequestContext, appeal: AppealRecord, to: { statsforvalterId: string; reason: string }): Promise<void> {
    await run(
      ctx.tx,
      db
        .updateTable('app.appeal')
        .set({
          statsforvalter_id: to.statsforvalterId,
          reassigned_at: sql`now()`,
          reassignment_reason: to.reason,
          handed_on_by: sql`app.current_org()`,
          version: (eb) => eb('version', '+', 1),
          updated_at: sql`now()`,
        })
        .where('municipality_id', '=', appeal.municipalityId)
        .where('id', '=', appeal.id)
        .where('version', '=', appeal.version),
    );
    forget(ctx, appeal);
  },

  /** The decision's appeal that still counts (a withdrawn one does not: it may be followed by a new one), or null. */
  async standingAppealOf(ctx: RequestContext, municipalityId: number, decisionId: string): Promise<Pick<AppealRecord, 'state' | 'closedFrom'> | null> {
    const row = await first(
      ctx.tx,
      db
        .selectFrom('app.appeal')
        .select(['state', 'closed_from'])
        .where('municipality_id', '=', municipalityId)
        .where('decision_id', '=', decisionId)
        .where((eb) =>
          eb.not(
            eb.and([
              eb('state', '=', sql.lit('CLOSED')),
              eb(
                'closed_from',
                'in',
                WITHDRAWABLE_STATES.map((s) => sql.lit<AppealState>(s)),
              ),
            ]),
          ),
        )
        .limit(1),
    );
    return row ? toRecord(row) : null;
  },

  async insert(ctx: RequestContext, values: AppealInsert): Promise<AppealRecord> {
    const row = await first(ctx.tx, db.insertInto('app.appeal').values(toRow(appealTable, values)).returningAll());
    const record = toRecord(row!);
    forget(ctx, record);
    return record;
  },

  /** The version guard is in the UPDATE itself: null when the appeal is not at `expectedVersion`. */
  async update(
    ctx: RequestContext,
    appeal: Pick<AppealRecord, 'municipalityId' | 'id'>,
    expectedVersion: number,
    changes: AppealUpdate,
  ): Promise<AppealRecord | null> {
    const row = await first(
      ctx.tx,
      db
        .updateTable('app.appeal')
        .set({ ...toRow(appealTable, changes), version: (eb) => eb('version', '+', 1), updated_at: sql`now()` })
        .where('municipality_id', '=', appeal.municipalityId)
        .where('id', '=', appeal.id)
        .where('version', '=', expectedVersion)
        .returningAll(),
    );
    if (!row) return null;
    const record = toRecord(row);
    forget(ctx, record);
    return record;
  },

  /** One history row. No RETURNING: the row is written in the caller's name, whichever side it is on. */
  async appendEvent(ctx: RequestContext, event: AppealEventInsert): Promise<void> {
    await run(ctx.tx, db.insertInto('app.appeal_event').values(toRow(appealEventTable, event)));
    historyOf(ctx).clear({ municipalityId: event.municipalityId, id: event.appealId });
  },

  /** A participant's appeals, newest first. */
  ofParticipant(ctx: RequestContext, key: TenantKey): Promise<AppealRecord[]> {
    return appealsBy(ctx, 'participant_id').load(key);
  },

  /** A decision's appeals, newest first. */
  ofDecision(ctx: RequestContext, key: TenantKey): Promise<AppealRecord[]> {
    return appealsBy(ctx, 'decision_id').load(key);
  },

  /** An appeal's history, oldest first. */
  history(ctx: RequestContext, key: TenantKey): Promise<AppealEventRecord[]> {
    return historyOf(ctx).load(key);
  },

  /** Whether the participant has an appeal that is not closed. */
  hasOpenAppeal(ctx: RequestContext, participantId: string): Promise<boolean> {
    return openByParticipant(ctx).load(participantId);
  },

  /**
   * A page of the office's forwarded appeals, with the count of all that match, in one statement whatever
   * the page size: the page is cut on app.appeal alone, and only its rows are joined to their details.
   */
  async forwardedPage(
    ctx: RequestContext,
    filter: ForwardedFilter,
    order: ForwardedOrderColumn,
    beyond: ForwardedKeyset | null,
    limit: number,
    reading: 'ASC' | 'DESC' = 'ASC',
  ): Promise<{ totalCount: number; rows: ForwardedAppealRecord[] }> {
    const where = forwardedWhere(filter);
    const dir = reading === 'DESC' ? 'desc' : 'asc';
    let page = forwardedBase().where(where);
    if (beyond) {
      // The order's columns are NOT NULL for a forwarded appeal: a plain row comparison, either way.
      const tuple = sql`(${sql.ref(`a.${order}` satisfies `a.${keyof Tables['app.appeal']}`)}, a.id)`;
      const at = sql`(${beyond.value}::${sql.raw(KEYSET_CAST[order])}, ${beyond.id}::uuid)`;
      page = page.where(reading === 'DESC' ? sql<SqlBool>`${tuple} < ${at}` : sql<SqlBool>`${tuple} > ${at}`);
    }
    page = page.orderBy(`a.${order}`, dir).orderBy('a.id', dir).limit(limit);
    const rows = await run(
      ctx.tx,
      db
        .selectFrom(
          db
            .selectFrom('app.appeal as a')
            .select((eb) => eb.fn.countAll<number>().as('total_count'))
            .where(where)
            .as('c'),
        )
        .leftJoinLateral(withDetails(page).as('page'), (j) => j.onTrue())
        .select('c.total_count')
        .selectAll('page')
        .orderBy(`page.${order}`, dir)
        .orderBy('page.id', dir),
    );
    const totalCount = Number(rows[0]?.total_count ?? 0);
    // Without a match the lateral gives one row of NULLs next to the count.
    return { totalCount, rows: rows.filter((r): r is ForwardedRow & { total_count: number } => r.id !== null).map(toForwarded) };
  },

  /** One forwarded appeal of the office, with its details; null for any other id. */
  async forwardedOne(ctx: RequestContext, statsforvalterId: string, id: string): Promise<ForwardedAppealRecord | null> {
    const row = await first(
      ctx.tx,
      withDetails(forwardedBase().where('a.statsforvalter_id', '=', statsforvalterId).where('a.id', '=', id).where('a.forwarded_at', 'is not', null)),
    );
    return row ? toForwarded(row) : null;
  },
};
