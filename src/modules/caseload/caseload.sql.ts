/**
 * The dashboard's case list and caseload summary as SQL: the filter predicates, the keyset orders and
 * the summary counts. Everything here is built from constants and bound parameters, never from input
 * text. The list filter and the summary count the same predicates (CASE_FLAGS), so a number on the
 * dashboard and the list behind it cannot drift apart.
 */
import { prefixedDecisionColumns } from '../decision/decision-row';
import { AWAITING_REVIEW_SQL, FOLLOW_UP_NEEDED_SQL, hasOpenAppealSql } from '../appeal/counts';
import { FieldNode, GraphQLResolveInfo, Kind, SelectionSetNode } from 'graphql';
import { isIsoDate } from '../../domain/calendar';
import { FINAL_STATES } from '../../domain/programme';
import { badInput } from '../../graphql/errors';
import { decodeCursor, encodeCursor } from '../../graphql/pagination';
import type { Participant, ParticipantStatus } from '../participant';
import type { ParticipantFilter } from './caseload.types';

/** Not started yet: the start deadline (R-5.1) still runs. */
const NOT_STARTED: readonly ParticipantStatus[] = ['REGISTERED', 'PLANNED'];
/** A programme that runs (and so has a planned end date that matters). */
const RUNNING: readonly ParticipantStatus[] = ['ACTIVE', 'ON_LEAVE', 'HALTED'];
/** Ended cases: nothing more to map or plan. */
const ENDED: readonly ParticipantStatus[] = FINAL_STATES;

export const PARTICIPANT_ORDERS = ['START_DEADLINE', 'SETTLEMENT_DATE', 'NAME'] as const;
export type ParticipantOrderValue = (typeof PARTICIPANT_ORDERS)[number];

/** The closed list of statuses as an SQL list literal (constants only). */
function sqlList(values: readonly string[]): string {
  return values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ');
}

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

/** The planned end date falls in [today, today + days] and the programme runs (alias g = app.programme). */
function programmeEnding(q: SqlScope, days: string): string {
  return `g.state IN (${sqlList(RUNNING)}) AND g.planned_end_date BETWEEN ${q.today()} AND ${q.today()} + ${days}`;
}

/**
 * Yes/no properties of a case, each written on the participant alias `a`: a filter (true: has it;
 * false: the complement) and a count on the caseload summary. A new one is one entry here plus its
 * field on ParticipantFilter and CaseloadSummary, e.g. once app.appeal exists:
 *   hasOpenAppeal: { summary: 'openAppeals', sql: (q, a) => `EXISTS (SELECT 1 FROM app.appeal x WHERE x.municipality_id = ${a}.municipality_id AND x.participant_id = ${a}.id AND x.state <> 'CLOSED')` },
 */
export const CASE_FLAGS = {
  /** The start deadline has passed and the programme has not started (R-5.1). */
  startOverdue: {
    summary: 'startsOverdue',
    sql: (q: SqlScope, a: string) => `${a}.start_deadline < ${q.today()} AND ${a}.status IN (${sqlList(NOT_STARTED)})`,
  },
  /** An open case without a completed competence mapping (R-2). */
  mappingMissing: {
    summary: 'mappingsMissing',
    sql: (_q: SqlScope, a: string) =>
      `${a}.status NOT IN (${sqlList(ENDED)}) AND NOT EXISTS (SELECT 1 FROM app.competence_mapping m
        WHERE m.municipality_id = ${a}.municipality_id AND m.participant_id = ${a}.id AND m.status = 'COMPLETED')`,
  },
  /** The participant has an appeal that is not closed (R-9). */
  hasOpenAppeal: {
    summary: 'openAppeals',
    sql: (_q: SqlScope, a: string) => hasOpenAppealSql(a),
  },
  /** An open case without any integration plan version (R-4). */
  planMissing: {
    summary: 'plansMissing',
    sql: (_q: SqlScope, a: string) =>
      `${a}.status NOT IN (${sqlList(ENDED)}) AND NOT EXISTS (SELECT 1 FROM app.plan_version v
        WHERE v.municipality_id = ${a}.municipality_id AND v.participant_id = ${a}.id)`,
  },
} as const satisfies Record<string, { summary: string; sql: (q: SqlScope, alias: string) => string }>;
export type CaseFlag = keyof typeof CASE_FLAGS;
export type CaseFlagCounts = { [K in CaseFlag as (typeof CASE_FLAGS)[K]['summary']]: number };

/**
 * The current end goal (the highest plan version's) is one of `goals`: written as "a version with
 * such a goal and no later version", which the planner runs as a hash semi-join, not a look-up per row.
 */
function currentEndGoalIn(goals: string): string {
  return `EXISTS (SELECT 1 FROM app.plan_version v
    WHERE v.municipality_id = p.municipality_id AND v.participant_id = p.id AND v.end_goal = ANY(${goals})
      AND NOT EXISTS (SELECT 1 FROM app.plan_version later WHERE later.municipality_id = v.municipality_id
                        AND later.participant_id = v.participant_id AND later.version_no > v.version_no))`;
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The filter as SQL conditions on `p`, all ANDed; the municipality condition is added by the caller. */
export function filterConditions(filter: ParticipantFilter | null | undefined, q: SqlScope, actorSub: string): string[] {
  if (!filter) return [];
  const out: string[] = [];
  if (filter.status) out.push(`p.status = ANY(${q.params.add(filter.status, 'text[]')})`);
  if (filter.endGoal) out.push(currentEndGoalIn(q.params.add(filter.endGoal, 'text[]')));
  for (const flag of Object.keys(CASE_FLAGS) as CaseFlag[]) {
    const wanted = filter[flag];
    if (wanted === true) out.push(`(${CASE_FLAGS[flag].sql(q, 'p')})`);
    // The complement, NULL-safe. Its sub-selects run as index probes per row: a self anti-join would be
    // faster on good statistics but degrades to nested scans (seconds) on tables the planner has not analysed.
    if (wanted === false) out.push(`NOT coalesce((${CASE_FLAGS[flag].sql(q, 'p')}), false)`);
  }
  if (filter.startDeadlineWithinDays !== null && filter.startDeadlineWithinDays !== undefined) {
    out.push(`p.start_deadline BETWEEN ${q.today()} AND ${q.today()} + ${q.params.add(filter.startDeadlineWithinDays, 'int')}`);
  }
  if (filter.programmeEndingWithinDays !== null && filter.programmeEndingWithinDays !== undefined) {
    const days = q.params.add(filter.programmeEndingWithinDays, 'int');
    out.push(`EXISTS (SELECT 1 FROM app.programme g WHERE g.municipality_id = p.municipality_id AND g.participant_id = p.id
      AND ${programmeEnding(q, days)})`);
  }
  const name = filter.nameContains?.trim();
  if (name) out.push(`p.full_name ILIKE ${q.params.add(`%${escapeLike(name)}%`)} ESCAPE '\\'`);
  if (filter.assignedToMe === true) out.push(`p.assigned_to_sub = ${q.params.once('sub', actorSub)}`);
  if (filter.assignedToMe === false) out.push(`p.assigned_to_sub IS DISTINCT FROM ${q.params.once('sub', actorSub)}`);
  return out;
}

interface OrderDef {
  column: string;
  nullable: boolean;
  cast: 'date' | 'text';
  value(p: Participant): string | null;
}

/**
 * Each order has an index (municipality_id, column, id): ORDER BY column ASC NULLS LAST, id ASC is
 * the index's own order (a b-tree keeps NULLs last), so a page is read off the index.
 */
export const ORDERS: Record<ParticipantOrderValue, OrderDef> = {
  START_DEADLINE: { column: 'start_deadline', nullable: true, cast: 'date', value: (p) => p.startDeadline },
  SETTLEMENT_DATE: { column: 'settlement_date', nullable: true, cast: 'date', value: (p) => p.settlementDate },
  NAME: { column: 'full_name', nullable: false, cast: 'text', value: (p) => p.name },
};

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function orderBySql(order: ParticipantOrderValue, alias: string): string {
  return `${alias}.${ORDERS[order].column} ASC NULLS LAST, ${alias}.id ASC`;
}

/** A cursor is [order, sort value, id]: a cursor of one order is refused by another. */
export function participantCursor(order: ParticipantOrderValue, p: Participant): string {
  return encodeCursor([order, ORDERS[order].value(p), p.id]);
}

/** The keyset condition for the page after `after` (empty for the first page). */
export function keysetCondition(order: ParticipantOrderValue, after: string | null | undefined, q: SqlScope): string {
  if (!after) return '';
  const [cursorOrder, value, id] = decodeCursor(after, 3);
  const def = ORDERS[order];
  const unknown = () => badInput('after', 'Unknown cursor: use the endCursor of a previous page with the same orderBy');
  if (cursorOrder !== order || typeof id !== 'string' || !UUID_RE.test(id)) throw unknown();
  if (value === null ? !def.nullable : typeof value !== 'string' || (def.cast === 'date' && !isIsoDate(value))) throw unknown();
  const col = `p.${def.column}`;
  const idRef = q.params.add(id, 'uuid');
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
 */
export function pageSql(opts: { where: string; keyset: string; order: ParticipantOrderValue; limit: string; withCount: boolean }): string {
  const count = opts.withCount ? `SELECT count(*) AS total_count FROM app.participant p WHERE ${opts.where}` : `SELECT NULL::bigint AS total_count`;
  return `SELECT c.total_count, page.*
    FROM (${count}) c
    LEFT JOIN LATERAL (
      SELECT p.*, eg.end_goal AS current_end_goal, ld.*, ${hasOpenAppealSql('p')} AS has_open_appeal
      FROM (SELECT p.* FROM app.participant p WHERE ${opts.where} ${opts.keyset}
            ORDER BY ${orderBySql(opts.order, 'p')} LIMIT ${opts.limit}) p
      LEFT JOIN LATERAL (SELECT v.end_goal FROM app.plan_version v
        WHERE v.municipality_id = p.municipality_id AND v.participant_id = p.id ORDER BY v.version_no DESC LIMIT 1) eg ON true
      LEFT JOIN LATERAL (SELECT ${prefixedDecisionColumns('d', LATEST_DECISION_PREFIX)} FROM app.decision d
        WHERE d.municipality_id = p.municipality_id AND d.participant_id = p.id ORDER BY d.decided_at DESC, d.created_at DESC LIMIT 1) ld ON true
    ) page ON true
    ORDER BY ${orderBySql(opts.order, 'page')}`;
}

/** The caseload summary in one statement: each count is its own index-friendly sub-select. */
export function summarySql(municipality: string, q: SqlScope): string {
  const flags = (Object.keys(CASE_FLAGS) as CaseFlag[]).map(
    (flag) => `(SELECT count(*) FROM app.participant p WHERE p.municipality_id = ${municipality} AND (${CASE_FLAGS[flag].sql(q, 'p')})) AS "${CASE_FLAGS[flag].summary}"`,
  );
  return `SELECT
    (SELECT coalesce(jsonb_object_agg(s.status, s.n), '{}'::jsonb)
       FROM (SELECT p.status, count(*) AS n FROM app.participant p WHERE p.municipality_id = ${municipality} GROUP BY p.status) s) AS by_status,
    ${flags.join(',\n    ')},
    (SELECT count(*) FROM app.decision d WHERE d.municipality_id = ${municipality} AND d.notified_at IS NULL) AS decisions_awaiting_notice,
    (SELECT count(*) FROM app.programme g WHERE g.municipality_id = ${municipality} AND ${programmeEnding(q, '30')}) AS programmes_ending_30,
    (SELECT count(*) FROM app.appeal a WHERE a.municipality_id = ${municipality} AND ${AWAITING_REVIEW_SQL}) AS appeals_awaiting_review,
    (SELECT count(*) FROM app.appeal a WHERE a.municipality_id = ${municipality} AND ${FOLLOW_UP_NEEDED_SQL}) AS appeal_follow_ups`;
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
