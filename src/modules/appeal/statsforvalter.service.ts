/**
 * Statsforvalteren's side of an appeal (R-9.5–R-9.8): the forwarded appeals of its office, a page at a time,
 * one appeal with what it needs, and the final decision. Row-level security shows the office only the
 * appeals forwarded and assigned to it; an appeal it may not see answers exactly like a random id.
 */
import { appealTransition, assertNoLateDetriment, AppealState } from '../../domain/appeal';
import { compareDates, isIsoDate, todayInOslo } from '../../domain/calendar';
import { LAW } from '../../domain/law-references';
import { RuleViolation } from '../../domain/rule-violation';
import { GraphQLContext } from '../../graphql/context';
import { badInput, notFound } from '../../graphql/errors';
import { decodeCursor, encodeCursor } from '../../graphql/pagination';
import { toDecision } from '../decision/decision.service';
import { AppealRow, ForwardedAppealRow, toForwardedAppeal } from './appeal.rows';
import { applyStep, expectVersion } from './appeal.steps';
import { AppealFilter, AppealOrder, AppealsArgs, DecideAppealInput, ForwardedAppeal } from './appeal.types';

/** Bound parameters, numbered as they are added. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown, cast: string): string {
    this.values.push(value);
    return `$${this.values.length}::${cast}`;
  }
}

/** Each order is an index (statsforvalter_id, column, id) read in its own order. The cursor carries the exact value. */
const ORDERS: Record<AppealOrder, { column: string; cast: 'timestamptz' | 'date'; key: (r: ForwardedAppealRow) => string }> = {
  WAITING_LONGEST: { column: 'forwarded_at', cast: 'timestamptz', key: (r) => r.forwarded_at_key },
  RECEIVED_AT: { column: 'received_at', cast: 'date', key: (r) => r.received_at },
};

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** PostgreSQL's text form of a timestamptz (DateStyle ISO), microseconds included. */
const TIMESTAMP_RE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;

/** Oslo midnight at the start of a calendar day, as an SQL timestamptz expression. */
function osloDayStart(p: Params, day: string, plusDays = 0): string {
  return `((${p.add(day, 'date')} + ${plusDays})::timestamp AT TIME ZONE 'Europe/Oslo')`;
}

function filterConditions(ctx: GraphQLContext, filter: AppealFilter | null | undefined, p: Params): string[] {
  if (!filter) return [];
  const out: string[] = [];
  if (filter.municipalityNumber) {
    const m = ctx.directory.municipalityByNumber(filter.municipalityNumber);
    if (!m) throw badInput('filter.municipalityNumber', 'Unknown municipality number');
    out.push(`a.municipality_id = ${p.add(m.id, 'smallint')}`);
  }
  if (filter.decisionType) {
    out.push(`EXISTS (SELECT 1 FROM app.decision d WHERE d.municipality_id = a.municipality_id AND d.id = a.decision_id AND d.type = ${p.add(filter.decisionType, 'text')})`);
  }
  if (filter.state) out.push(`a.state = ${p.add(filter.state, 'text')}`);
  if (filter.receivedFrom) out.push(`a.received_at >= ${p.add(filter.receivedFrom, 'date')}`);
  if (filter.receivedTo) out.push(`a.received_at <= ${p.add(filter.receivedTo, 'date')}`);
  if (filter.forwardedFrom) out.push(`a.forwarded_at >= ${osloDayStart(p, filter.forwardedFrom)}`);
  if (filter.forwardedTo) out.push(`a.forwarded_at < ${osloDayStart(p, filter.forwardedTo, 1)}`);
  return out;
}

function keyset(order: AppealOrder, after: string | null | undefined, p: Params): string {
  if (!after) return '';
  const [cursorOrder, value, id] = decodeCursor(after, 3);
  const def = ORDERS[order];
  const valid =
    cursorOrder === order && typeof id === 'string' && UUID_RE.test(id) && typeof value === 'string' &&
    (def.cast === 'date' ? isIsoDate(value) : TIMESTAMP_RE.test(value));
  if (!valid) throw badInput('after', 'Unknown cursor: use the endCursor of a previous page with the same orderBy');
  return `AND (a.${def.column}, a.id) > (${p.add(value, def.cast)}, ${p.add(id, 'uuid')})`;
}

/**
 * The appeals `a` (a page, or one) with their decision (as JSON), municipality and participant: everything a
 * list row or the detail shows, in one statement, the joins made for those rows only.
 */
function withDetails(appeals: string): string {
  return `SELECT a.*, a.forwarded_at::text AS forwarded_at_key, to_jsonb(d) AS decision_row,
      m.number AS municipality_number, m.name AS municipality_name, m.county_number AS municipality_county,
      pt.full_name AS participant_name, pt.birth_date AS participant_birth_date
    FROM (${appeals}) a
    JOIN app.decision d ON d.municipality_id = a.municipality_id AND d.id = a.decision_id
    JOIN app.municipality m ON m.id = a.municipality_id
    JOIN app.participant pt ON pt.municipality_id = a.municipality_id AND pt.id = a.participant_id`;
}

function toNode(ctx: GraphQLContext, r: ForwardedAppealRow): ForwardedAppeal {
  return toForwardedAppeal(r, toDecision(r.decision_row), ctx.directory, ctx.today);
}

export class StatsforvalterAppealService {
  /**
   * A page of the office's forwarded appeals and the count of all that match, in one SQL statement
   * whatever the page size. The office is named in the SQL (for the index); RLS is what enforces it.
   */
  static async list(
    ctx: GraphQLContext,
    args: Pick<AppealsArgs, 'first' | 'after' | 'filter' | 'orderBy'>,
  ): Promise<{ nodes: ForwardedAppeal[]; hasNextPage: boolean; totalCount: number; cursor: (n: ForwardedAppeal) => string }> {
    const order = args.orderBy ?? 'WAITING_LONGEST';
    const p = new Params();
    const where = [`a.statsforvalter_id = ${p.add(ctx.actor.org, 'text')}`, 'a.forwarded_at IS NOT NULL', ...filterConditions(ctx, args.filter, p)].join(' AND ');
    const after = keyset(order, args.after, p);
    const col = ORDERS[order].column;
    const limit = p.add(args.first + 1, 'int');
    // The page is cut on app.appeal alone; only its rows are joined to their decision, municipality and participant.
    const rows = await ctx.tx.query<ForwardedAppealRow & { total_count: string }>(
      `SELECT c.total_count, page.*
       FROM (SELECT count(*) AS total_count FROM app.appeal a WHERE ${where}) c
       LEFT JOIN LATERAL (${withDetails(`SELECT a.* FROM app.appeal a WHERE ${where} ${after} ORDER BY a.${col}, a.id LIMIT ${limit}`)}) page ON true
       ORDER BY page.${col}, page.id`,
      p.values,
    );
    const totalCount = Number(rows[0]?.total_count ?? 0);
    const found = rows.filter((r) => r.id !== null);
    const page = found.slice(0, args.first);
    const keys = new Map(page.map((r) => [r.id, ORDERS[order].key(r)]));
    return {
      nodes: page.map((r) => toNode(ctx, r)),
      hasNextPage: found.length > args.first,
      totalCount,
      cursor: (n) => encodeCursor([order, keys.get(n.id), n.id]),
    };
  }

  /** One forwarded appeal. Another office's, an unforwarded or a random id: the same NOT_FOUND. */
  static async get(ctx: GraphQLContext, appealId: string): Promise<ForwardedAppeal> {
    const [row] = await ctx.tx.query<ForwardedAppealRow>(withDetails(`SELECT a.* FROM app.appeal a WHERE a.statsforvalter_id = $2 AND a.id = $1 AND a.forwarded_at IS NOT NULL`), [appealId, ctx.actor.org]);
    if (!row) throw notFound('Appeal');
    return toNode(ctx, row);
  }

  /** R-9.6 / R-9.7: Statsforvalteren's final decision on a forwarded appeal. */
  static async decide(ctx: GraphQLContext, args: { appealId: string; expectedVersion: number }, input: DecideAppealInput): Promise<ForwardedAppeal> {
    const [row] = await ctx.tx.query<AppealRow>(`SELECT * FROM app.appeal WHERE statsforvalter_id = $2 AND id = $1 AND forwarded_at IS NOT NULL FOR UPDATE`, [args.appealId, ctx.actor.org]);
    if (!row) throw notFound('Appeal');
    expectVersion(row, args.expectedVersion);
    if (row.state === 'DECIDED_BY_STATSFORVALTER' || row.state === 'CLOSED') {
      throw new RuleViolation('R-9.6', LAW['R-9.6'], 'Statsforvalteren has decided this appeal; its decision is final.', { state: row.state });
    }
    const to: AppealState = appealTransition(row.state, 'STATSFORVALTER_DECIDE');
    const forwardedOn = todayInOslo(row.forwarded_at!);
    if (compareDates(input.decidedAt, ctx.today) > 0) throw badInput('input.decidedAt', 'decidedAt is in the future');
    if (compareDates(input.decidedAt, forwardedOn) < 0) throw badInput('input.decidedAt', 'decidedAt is before the appeal was forwarded');
    if (input.partial && input.outcome !== 'CHANGED' && input.outcome !== 'QUASHED_AND_RETURNED') {
      throw badInput('input.partial', 'Only CHANGED and QUASHED_AND_RETURNED can be partial');
    }
    if (input.toDetriment && input.outcome !== 'CHANGED') throw badInput('input.toDetriment', "Only a CHANGED decision can be changed to the appellant's detriment");
    const notice = input.detrimentNoticeSentAt ?? null;
    if (notice && !input.toDetriment) throw badInput('input.detrimentNoticeSentAt', "A detriment notice belongs to a change to the appellant's detriment");
    if (notice && (compareDates(notice, row.received_at) < 0 || compareDates(notice, input.decidedAt) > 0)) {
      throw badInput('input.detrimentNoticeSentAt', 'The detriment notice is sent after the appeal was received and by the decision');
    }
    // R-9.7: the notice (or, without one, the decision itself) within 3 months of the municipality receiving the appeal.
    assertNoLateDetriment({ appealReceivedAt: row.received_at, decidedAt: notice ?? input.decidedAt, toDetriment: input.toDetriment });
    await applyStep(ctx, row, args.expectedVersion, {
      operation: 'decideAppeal',
      event: 'STATSFORVALTER_DECIDE',
      to,
      note: input.outcome + (input.partial ? ' (partly)' : ''),
      set: {
        outcome: input.outcome,
        outcome_partial: input.partial,
        outcome_reasons: input.reasons,
        outcome_decided_at: input.decidedAt,
        detriment_notice_at: input.toDetriment ? (notice ?? input.decidedAt) : null,
        to_detriment: input.toDetriment,
        decided_by: ctx.actor.name,
        decided_by_sub: ctx.actor.sub,
      },
    });
    return StatsforvalterAppealService.get(ctx, args.appealId);
  }
}
