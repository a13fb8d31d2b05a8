/**
 * The dashboard's case list and caseload summary as SQL: the filter predicates, the keyset orders and
 * the summary counts. Everything here is built from constants and bound parameters, never from input
 * text. The list filter and the summary count the same predicates (CASE_FLAGS), so a number on the
 * dashboard and the list behind it cannot drift apart.
 */
import { FieldNode, GraphQLResolveInfo, Kind, SelectionSetNode } from 'graphql';
import { caseRowRef, columnsOf, litList } from '../../db/table';
import { appealFollowUpsCountSql, appealsAwaitingReviewCountSql, hasOpenAppealSql } from '../appeal';
import { mappingCompletedSql } from '../competence-mapping';
import { decisionsAwaitingNoticeCountSql, latestDecisionLateralSql } from '../decision';
import { currentEndGoalInSql, currentEndGoalLateralSql, hasPlanSql } from '../integration-plan';
import { plannedEndDateSql, programmeEndingSql, programmesEndingCountSql } from '../programme';
import { participantTable } from '../participant';
import { isIsoDate } from '../../domain/calendar';
import type { EligibilityBasis } from '../../domain/eligibility';
import { InvalidInputError } from '../../domain/errors';
import { FINAL_STATES } from '../../domain/programme';
import { decodeCursor, encodeCursor, PageWindow, readingDirection } from '../../graphql/pagination';
import type { ParticipantStatus } from '../participant';
import type { ParticipantFilter, ParticipantOrderValue, SortDirectionValue } from './caseload.types';
export type { ParticipantOrderValue } from './caseload.types';

/** The participant row of the case list's statements, as column references checked against participant.table.ts. */
const P = columnsOf(participantTable, 'p');

/** Not started yet: the start deadline (R-5.1) still runs. */
const NOT_STARTED: readonly ParticipantStatus[] = ['REGISTERED', 'PLANNED'];
/** Ended cases: nothing more to map or plan. */
const ENDED: readonly ParticipantStatus[] = FINAL_STATES;

/** The closed list of statuses as an SQL list literal (constants only). */
const sqlList = (values: readonly ParticipantStatus[]) => litList(values);

/** Bound parameters, numbered as they are used; a named value (today, the caller) is bound once. */
export class SqlParams {
  readonly values: unknown[] = [];
  private readonly named = new Map<string, string>();

  add(value: unknown, cast?: string): string {
    this.values.push(value);
    return `$${this.values.length}${cast ? `::${cast}` : ''}`;
  }

  once(name: string, value: unknown, cast?: string): string {
    let ref = this.named.get(name);
    if (!ref) {
      ref = this.add(value, cast);
      this.named.set(name, ref);
    }
    return ref;
  }
}

/** What a predicate may refer to besides the participant row `p`. */
export interface SqlScope {
  params: SqlParams;
  /** ctx.today, bound once as a date. */
  today(): string;
}

export function sqlScope(params: SqlParams, today: string): SqlScope {
  return { params, today: () => params.once('today', today, 'date') };
}

/**
 * Yes/no properties of a case, each written on the participant alias `a`: a filter (true: has it;
 * false: the complement) and a count on the caseload summary. A new one is one entry here plus its
 * field on ParticipantFilter and CaseloadSummary; SQL on another part's table comes from that part's
 * module (its <part>.caseload.ts).
 */
export const CASE_FLAGS = {
  /** The start deadline has passed and the programme has not started (R-5.1). */
  startOverdue: {
    summary: 'startsOverdue',
    sql: (q: SqlScope, a: string) => `${ref(a).start_deadline} < ${q.today()} AND ${ref(a).status} IN (${sqlList(NOT_STARTED)})`,
  },
  /** An open case without a completed competence mapping (R-2). */
  mappingMissing: {
    summary: 'mappingsMissing',
    sql: (_q: SqlScope, a: string) => `${ref(a).status} NOT IN (${sqlList(ENDED)}) AND NOT ${mappingCompletedSql(ref(a))}`,
  },
  /** The participant has an appeal that is not closed (R-9). */
  hasOpenAppeal: {
    summary: 'openAppeals',
    sql: (_q: SqlScope, a: string) => hasOpenAppealSql(ref(a)),
  },
  /** An open case without any integration plan version (R-4). */
  planMissing: {
    summary: 'plansMissing',
    sql: (_q: SqlScope, a: string) => `${ref(a).status} NOT IN (${sqlList(ENDED)}) AND NOT ${hasPlanSql(ref(a))}`,
  },
} as const satisfies Record<string, { summary: string; sql: (q: SqlScope, alias: string) => string }>;
export type CaseFlag = keyof typeof CASE_FLAGS;
export type CaseFlagCounts = { [K in CaseFlag as (typeof CASE_FLAGS)[K]['summary']]: number };

/** The participant's key columns under an alias (the list's `p`, the summary's `p`): what other parts' fragments correlate with. */
function ref(alias: string) {
  return columnsOf(participantTable, alias);
}

/** The column that holds each basis's evaluation dates. */
const ELIGIBILITY_SPAN: Record<EligibilityBasis, 'eligibility_right_and_duty' | 'eligibility_discretionary' | 'eligibility_none'> = {
  RIGHT_AND_DUTY: 'eligibility_right_and_duty',
  DISCRETIONARY: 'eligibility_discretionary',
  NONE: 'eligibility_none',
};

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The filter as SQL conditions on `p`, all ANDed; the municipality condition is added by the caller. */
export function filterConditions(filter: ParticipantFilter | null | undefined, q: SqlScope, actorSub: string): string[] {
  if (!filter) return [];
  const out: string[] = [];
  if (filter.status) out.push(`${P.status} = ANY(${q.params.add(filter.status, 'text[]')})`);
  if (filter.endGoal) out.push(currentEndGoalInSql(P, q.params.add(filter.endGoal, 'text[]')));
  for (const flag of Object.keys(CASE_FLAGS) as CaseFlag[]) {
    const wanted = filter[flag];
    if (wanted === true) out.push(`(${CASE_FLAGS[flag].sql(q, 'p')})`);
    // The complement, NULL-safe. Its sub-selects run as index probes per row: a self anti-join would be
    // faster on good statistics but degrades to nested scans (seconds) on tables the planner has not analysed.
    if (wanted === false) out.push(`NOT coalesce((${CASE_FLAGS[flag].sql(q, 'p')}), false)`);
  }
  if (filter.startDeadlineWithinDays !== null && filter.startDeadlineWithinDays !== undefined) {
    out.push(`${P.start_deadline} BETWEEN ${q.today()} AND ${q.today()} + ${q.params.add(filter.startDeadlineWithinDays, 'int')}`);
  }
  if (filter.programmeEndingWithinDays !== null && filter.programmeEndingWithinDays !== undefined) {
    out.push(programmeEndingSql(P, q.today(), q.params.add(filter.programmeEndingWithinDays, 'int')));
  }
  const name = filter.nameContains?.trim();
  if (name) out.push(`${P.full_name} ILIKE ${q.params.add(`%${escapeLike(name)}%`)} ESCAPE '\\'`);
  // R-1.8, evaluated today from the stored spans (participant.eligibility_*, the periods' own, kept by a
  // trigger): an SQL condition like the others, so the page and its count stay one statement, and a range
  // test per row (2.5 ms for 8 500 rows; unpacking the jsonb periods per row cost 30 ms).
  if (filter.eligibility) out.push(`${P[ELIGIBILITY_SPAN[filter.eligibility]]} @> ${q.today()}`);
  if (filter.assignedToMe === true) out.push(`${P.assigned_to_sub} = ${q.params.once('sub', actorSub)}`);
  if (filter.assignedToMe === false) out.push(`${P.assigned_to_sub} IS DISTINCT FROM ${q.params.once('sub', actorSub)}`);
  if (filter.assignedTo) out.push(`${P.assigned_to_sub} = ANY(${q.params.add(filter.assignedTo, 'text[]')})`);
  return out;
}

interface OrderDef {
  /** The sort key on the participant row under `alias` (a column, or another part's value for the row). */
  key(alias: string): string;
  nullable: boolean;
  cast: 'date' | 'text';
}

const column = (name: 'start_deadline' | 'settlement_date' | 'full_name') => (alias: string) => `${alias}.${name}`;

/**
 * Each column order has an index (municipality_id, column, id): ORDER BY column ASC NULLS LAST, id ASC
 * is the index's own order (a b-tree keeps NULLs last), so a page is read off the index. PLANNED_END_DATE
 * is the programme's (one per participant), looked up per row through the programme's unique index: the
 * municipality's rows are sorted, not read off an index (8 500 rows: see notes).
 */
export const ORDERS: Record<ParticipantOrderValue, OrderDef> = {
  START_DEADLINE: { key: column('start_deadline'), nullable: true, cast: 'date' },
  SETTLEMENT_DATE: { key: column('settlement_date'), nullable: true, cast: 'date' },
  NAME: { key: column('full_name'), nullable: false, cast: 'text' },
  PLANNED_END_DATE: { key: (alias) => plannedEndDateSql(caseRowRef(alias)), nullable: true, cast: 'date' },
};

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * DESC is the exact reverse of ASC (values descending, participants without a value first, ties by id
 * descending): the same index read backwards. `key` is the sort key's expression on `alias`.
 */
function orderByKeySql(key: string, alias: string, direction: SortDirectionValue): string {
  if (direction === 'DESC') return `${key} DESC NULLS FIRST, ${alias}.id DESC`;
  return `${key} ASC NULLS LAST, ${alias}.id ASC`;
}

export function orderBySql(order: ParticipantOrderValue, alias: string, direction: SortDirectionValue = 'ASC'): string {
  return orderByKeySql(ORDERS[order].key(alias), alias, direction);
}

/** The order token a cursor carries: `NAME` ascending, `NAME:DESC` descending (the list's direction, whichever way it is paged). */
const orderToken = (order: ParticipantOrderValue, direction: SortDirectionValue) => (direction === 'DESC' ? `${order}:DESC` : order);

/** A cursor is [order, sort value, id] (sealed): a cursor of one order or direction is refused by another. */
export function participantCursor(order: ParticipantOrderValue, sortKey: string | null, id: string, direction: SortDirectionValue = 'ASC'): string {
  return encodeCursor([orderToken(order, direction), sortKey, id]);
}

/**
 * The keyset condition for the page beyond the window's cursor (empty for a first or last page): rows
 * after it in the reading direction (the list's direction forward, its reverse backward).
 */
export function keysetCondition(order: ParticipantOrderValue, w: PageWindow, q: SqlScope, direction: SortDirectionValue = 'ASC'): string {
  if (!w.cursor) return '';
  const [cursorOrder, value, id] = decodeCursor(w.cursor, 3, w.cursorArg);
  const def = ORDERS[order];
  const unknown = () => new InvalidInputError(w.cursorArg, 'Unknown cursor: use a cursor of a previous page with the same orderBy and direction');
  if (cursorOrder !== orderToken(order, direction) || typeof id !== 'string' || !UUID_RE.test(id)) throw unknown();
  if (value === null ? !def.nullable : typeof value !== 'string' || (def.cast === 'date' && !isIsoDate(value))) throw unknown();
  // PostgreSQL refuses a NUL in text: a value the server never wrote into a cursor.
  if (typeof value === 'string' && value.includes('\u0000')) throw unknown();
  const col = def.key('p');
  const idRef = q.params.add(id, 'uuid');
  if (readingDirection(direction, w) === 'DESC') {
    // NULLs come first: after a NULL, NULLs with a smaller id, then every value; after a value, smaller values only.
    if (value === null) return `AND ((${col} IS NULL AND p.id < ${idRef}) OR ${col} IS NOT NULL)`;
    return `AND (${col}, p.id) < (${q.params.add(value, def.cast)}, ${idRef})`;
  }
  // NULLs sort last: after a NULL only NULLs with a greater id follow; after a value, greater values, then every NULL.
  if (value === null) return `AND ${col} IS NULL AND p.id > ${idRef}`;
  const beyond = `(${col}, p.id) > (${q.params.add(value, def.cast)}, ${idRef})`;
  return def.nullable ? `AND (${beyond} OR ${col} IS NULL)` : `AND ${beyond}`;
}

/** The latest decision's columns in the page rows carry this prefix (see unprefixedDecisionRow). */
export const LATEST_DECISION_PREFIX = 'ld_';

/**
 * One statement for a page and its count. The page is cut (ORDER BY … LIMIT) before the lateral
 * end-goal look-up, so the look-up runs for the page's rows only, never for the whole municipality.
 * Without `withCount` the count is not computed (the client did not ask for totalCount).
 * `municipality` (the parameter `where` compares p.municipality_id with) also keys the look-ups into the
 * other tables, not p.municipality_id: the same rows, and on Citus every table of the statement is then
 * pinned to that municipality's shard, so it is one router query; correlated through p.municipality_id,
 * Citus refuses the lateral joins ("complex joins are only supported when all distributed tables are
 * co-located and joined on their distribution columns", issue 14).
 */
export function pageSql(opts: {
  municipality: string;
  where: string;
  keyset: string;
  order: ParticipantOrderValue;
  direction?: SortDirectionValue;
  limit: string;
  withCount: boolean;
  withMatched?: boolean;
}): string {
  const table = participantTable.sqlName;
  // Under a filter the count also names whom it covers (the access log records them), in the same statement.
  // As one comma-joined text: the API passes it on to the access log without parsing thousands of ids.
  const matched = opts.withMatched ? `, string_agg(p.id::text, ',') AS matched_ids` : `, NULL::text AS matched_ids`;
  const count = opts.withCount
    ? `SELECT count(*) AS total_count${matched} FROM ${table} p WHERE ${opts.where}`
    : `SELECT NULL::bigint AS total_count${matched}`;
  const row = { municipality_id: opts.municipality, id: P.id };
  // The matched ids once, on the first row: the page's other rows would repeat the whole list.
  return `SELECT c.total_count, CASE WHEN row_number() OVER () = 1 THEN c.matched_ids END AS matched_ids, page.*
    FROM (${count}) c
    LEFT JOIN LATERAL (
      SELECT p.*, eg.end_goal AS current_end_goal, ld.*, ${hasOpenAppealSql(row)} AS has_open_appeal
      FROM (SELECT p.*, ${ORDERS[opts.order].key('p')}::text AS sort_key FROM ${table} p WHERE ${opts.where} ${opts.keyset}
            ORDER BY ${orderBySql(opts.order, 'p', opts.direction)} LIMIT ${opts.limit}) p
      LEFT JOIN LATERAL (${currentEndGoalLateralSql(row)}) eg ON true
      LEFT JOIN LATERAL (${latestDecisionLateralSql(row, LATEST_DECISION_PREFIX)}) ld ON true
    ) page ON true
    ORDER BY ${orderByKeySql(opts.order === 'NAME' ? 'page.full_name' : `page.sort_key::${ORDERS[opts.order].cast}`, 'page', opts.direction ?? 'ASC')}`;
}

/** The caseload summary in one statement: each count is its own index-friendly sub-select. */
export function summarySql(municipality: string, q: SqlScope): string {
  const table = participantTable.sqlName;
  const flags = (Object.keys(CASE_FLAGS) as CaseFlag[]).map(
    (flag) =>
      `(SELECT count(*) FROM ${table} p WHERE ${P.municipality_id} = ${municipality} AND (${CASE_FLAGS[flag].sql(q, 'p')})) AS "${CASE_FLAGS[flag].summary}"`,
  );
  return `SELECT
    (SELECT coalesce(jsonb_object_agg(s.status, s.n), '{}'::jsonb)
       FROM (SELECT ${P.status}, count(*) AS n FROM ${table} p WHERE ${P.municipality_id} = ${municipality} GROUP BY ${P.status}) s) AS by_status,
    (SELECT coalesce(jsonb_agg(jsonb_build_object('sub', w.sub, 'name', w.name, 'total', w.total, 'open', w.open)
                       ORDER BY w.sub IS NULL, w.open DESC, w.name, w.sub), '[]'::jsonb)
       FROM (SELECT ${P.assigned_to_sub} AS sub, max(${P.assigned_to_name}) AS name, count(*) AS total,
                    count(*) FILTER (WHERE ${P.status} NOT IN (${sqlList(ENDED)})) AS open
               FROM ${table} p WHERE ${P.municipality_id} = ${municipality} GROUP BY ${P.assigned_to_sub}) w) AS by_caseworker,
    ${flags.join(',\n    ')},
    ${decisionsAwaitingNoticeCountSql(municipality)} AS decisions_awaiting_notice,
    ${programmesEndingCountSql(municipality, q.today(), '30')} AS programmes_ending_30,
    ${appealsAwaitingReviewCountSql(municipality)} AS appeals_awaiting_review,
    ${appealFollowUpsCountSql(municipality)} AS appeal_follow_ups`;
}

/** Whether the field's selection asks for `name` (directly, or in a fragment). */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  const visit = (set: SelectionSetNode | undefined): boolean =>
    (set?.selections ?? []).some((s) => {
      if (s.kind === Kind.FIELD) return s.name.value === name;
      if (s.kind === Kind.INLINE_FRAGMENT) return visit(s.selectionSet);
      return visit(info.fragments[s.name.value]?.selectionSet);
    });
  return info.fieldNodes.some((n: FieldNode) => visit(n.selectionSet));
}
