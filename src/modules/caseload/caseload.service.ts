/**
 * The dashboard: the municipality's case list (filtered, ordered, a page at a time) and the caseload
 * summary, each in one SQL statement whatever the page size.
 */
import { toRecord } from '../../db/table';
import { unprefixedDecisionRow } from '../decision';
import { Participant, PARTICIPANT_STATUSES, ParticipantRecord, ParticipantService, toParticipant } from '../participant';
import { ownMunicipality, RequestContext, requestLoader } from '../shared';
import {
  CASE_FLAGS,
  CaseFlag,
  CaseFlagCounts,
  filterConditions,
  keysetCondition,
  LATEST_DECISION_PREFIX,
  pageSql,
  participantCursor,
  SqlParams,
  sqlScope,
  summarySql,
} from './caseload.sql';
import { CaseloadSummary, ParticipantsArgs } from './caseload.types';
import { pageOf, pageWindow, readingDirection } from '../../graphql/pagination';

type Page = {
  rows: Participant[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  totalCount: number;
  cursor: (p: Participant) => string;
  matchedIds: string;
};
type ListArgs = Pick<ParticipantsArgs, 'first' | 'after' | 'last' | 'before' | 'filter' | 'orderBy'> & { direction?: ParticipantsArgs['direction'] };

/** A raw participant row (snake_case, possibly with extra columns) as the register's record. */
function recordOf(r: Record<string, unknown>): ParticipantRecord {
  return toRecord(r) as unknown as ParticipantRecord;
}

/**
 * The purpose a filtered list or count is logged with: the filter's conditions, as given (a search for a
 * name, an eligibility basis, an open appeal … each says something about every person it matches).
 * Null without a condition.
 */
export function filterPurpose(filter: ParticipantsArgs['filter']): string | null {
  const given = Object.entries(filter ?? {})
    .filter(([, v]) => v !== null && v !== undefined && !(typeof v === 'string' && !v.trim()))
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return given.length ? `filter ${JSON.stringify(Object.fromEntries(given))}` : null;
}

export const CaseloadService = {
  /**
   * A page of the case list and the count of everything the filter matches, in one SQL statement
   * whatever the page size. Each row comes with what the list shows of other parts of the case (the
   * latest decision, the current end goal, the open-appeal flag), so the list needs no query per row.
   */
  list(ctx: RequestContext, args: ListArgs, opts: { withCount: boolean; withMatched?: boolean } = { withCount: true }): Promise<Page> {
    // The same list asked twice in one request (aliases of one field) is one statement: its answer is the same.
    const key = JSON.stringify([
      args.first ?? null,
      args.after ?? null,
      args.last ?? null,
      args.before ?? null,
      args.filter ?? null,
      args.orderBy ?? null,
      args.direction ?? 'ASC',
      opts.withCount,
      opts.withMatched ?? false,
    ]);
    const memo = requestLoader(ctx, 'caseload.list', () => new Map<string, Promise<Page>>());
    let page = memo.get(key);
    if (!page) memo.set(key, (page = CaseloadService.read(ctx, args, opts)));
    return page;
  },

  async read(ctx: RequestContext, args: ListArgs, opts: { withCount: boolean; withMatched?: boolean }): Promise<Page> {
    const municipalityId = ownMunicipality(ctx);
    const order = args.orderBy ?? 'START_DEADLINE';
    const params = new SqlParams();
    const q = sqlScope(params, ctx.today);
    const municipality = params.add(municipalityId, 'smallint');
    const where = [`p.municipality_id = ${municipality}`, ...filterConditions(args.filter, q, ctx.actor.sub)].join('\n AND ');
    const direction = args.direction ?? 'ASC';
    // A backward page (last/before) reads the same keyset in the reverse direction and is turned back here.
    const window = pageWindow(args);
    const keyset = keysetCondition(order, window, q, direction);
    const sql = pageSql({
      municipality,
      where,
      keyset,
      order,
      direction: readingDirection(direction, window),
      limit: params.add(window.size + 1, 'int'),
      withCount: opts.withCount,
      withMatched: opts.withMatched,
    });
    const raw = await ctx.tx.query<Record<string, unknown>>(sql, params.values);
    const totalCount = Number(raw[0]?.total_count ?? 0);
    const {
      rows: found,
      hasNextPage,
      hasPreviousPage,
    } = pageOf(
      raw.filter((r) => r.id !== null),
      window,
    );
    const sortKeys = new Map<string, string | null>();
    // One record per row and one Participant made from it (the page's rows are 50 of each per request:
    // every further copy of a 40-column object showed in the profile).
    const page = found.map((r) => {
      sortKeys.set(r.id as string, (r.sort_key as string | null) ?? null);
      const participant: Participant = toParticipant(ParticipantService.remember(ctx, pick(r)));
      participant.prefetched = {
        currentEndGoal: (r.current_end_goal as string | null) ?? null,
        latestDecision: unprefixedDecisionRow(r, LATEST_DECISION_PREFIX),
        hasOpenAppeal: Boolean(r.has_open_appeal),
      };
      return participant;
    });
    const matchedIds = (raw[0]?.matched_ids as string | null) ?? '';
    return {
      rows: page,
      hasNextPage,
      hasPreviousPage,
      totalCount,
      cursor: (p) => participantCursor(order, sortKeys.get(p.id) ?? null, p.id, direction),
      matchedIds,
    };
  },

  /** The dashboard's counts for the caller's municipality, in one SQL statement. */
  async summary(ctx: RequestContext): Promise<CaseloadSummary> {
    const params = new SqlParams();
    const q = sqlScope(params, ctx.today);
    const [row] = await ctx.tx.query<Record<string, unknown>>(summarySql(params.add(ownMunicipality(ctx), 'smallint'), q), params.values);
    const byStatus = (row.by_status ?? {}) as Record<string, string | number>;
    const flags = Object.fromEntries(
      (Object.keys(CASE_FLAGS) as CaseFlag[]).map((f) => [CASE_FLAGS[f].summary, Number(row[CASE_FLAGS[f].summary])]),
    ) as CaseFlagCounts;
    return {
      total: Object.values(byStatus).reduce<number>((sum, n) => sum + Number(n), 0),
      byStatus: PARTICIPANT_STATUSES.map((status) => ({ status, count: Number(byStatus[status] ?? 0) })),
      byCaseworker: ((row.by_caseworker ?? []) as { sub: string | null; name: string | null; total: number; open: number }[]).map((w) => ({
        sub: w.sub,
        name: w.sub === null ? null : w.name,
        total: Number(w.total),
        open: Number(w.open),
      })),
      ...flags,
      decisionsAwaitingNotice: Number(row.decisions_awaiting_notice),
      programmesEndingWithin30Days: Number(row.programmes_ending_30),
      appealsAwaitingReview: Number(row.appeals_awaiting_review),
      appealFollowUpsNeeded: Number(row.appeal_follow_ups),
    };
  },
};

/** The participant's own columns of a page row (the row also carries the list's other columns). */
function pick(r: Record<string, unknown>): ParticipantRecord {
  return recordOf(r);
}
