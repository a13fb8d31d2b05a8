/**
 * Statsforvalteren's side of an appeal: the forwarded appeals of its office, a page at a time,
 * one appeal with what it needs, and the final decision. Row-level security shows the office only the
 * appeals forwarded and assigned to it; an appeal it may not see answers exactly like a random id.
 */
import { appealRecording, assertNoLateDetriment, statsforvalterDecisionStep } from '../../domain/appeal';
import { compareDates, isIsoDate, todayInOslo } from '../../domain/calendar';
import { InvalidInputError, NotFoundError } from '../../domain/errors';
import { requiredContent } from '../../domain/plausibility';
import { pageOf, PageWindow, readingDirection } from '../../graphql/pagination';
import { RequestContext } from '../shared';
import { appealRepository, ForwardedAppealRecord, ForwardedFilter, ForwardedKeyset, ForwardedOrderColumn } from './appeal.repository';
import { recordChange } from '../audit';
import { appendEvent, applyStep, expectVersion } from './appeal.steps';
import { AppealFilter, AppealOrder, DecideAppealInput } from './appeal.types';

/** Each order is an index (statsforvalter_id, column, id) read in its own order; a cursor carries the exact value. */
const ORDERS: Record<AppealOrder, { column: ForwardedOrderColumn; valid: (value: string) => boolean; key: (f: ForwardedAppealRecord) => string }> = {
  WAITING_LONGEST: { column: 'forwarded_at', valid: (v) => TIMESTAMP_RE.test(v), key: (f) => f.forwardedAtKey },
  RECEIVED_AT: { column: 'received_at', valid: isIsoDate, key: (f) => f.appeal.receivedAt },
  DEADLINE: { column: 'deadline', valid: isIsoDate, key: (f) => f.appeal.deadline },
};

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** PostgreSQL's text form of a timestamptz (DateStyle ISO), microseconds included. */
const TIMESTAMP_RE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;

/** Where a page of the list begins: the values of a cursor, as the transport decoded them (unchecked). */
export type AppealCursorValues = readonly unknown[];

export function filterOf(ctx: RequestContext, filter: AppealFilter | null | undefined): ForwardedFilter {
  const f: ForwardedFilter = { statsforvalterId: ctx.actor.org };
  if (!filter) return f;
  if (filter.municipalityNumber) {
    const m = ctx.directory.municipalityByNumber(filter.municipalityNumber);
    if (!m) throw new InvalidInputError('filter.municipalityNumber', 'Unknown municipality number');
    f.municipalityId = m.id;
  }
  if (filter.decisionType) f.decisionType = filter.decisionType;
  if (filter.state) f.state = filter.state;
  if (filter.receivedFrom) f.receivedFrom = filter.receivedFrom;
  if (filter.receivedTo) f.receivedTo = filter.receivedTo;
  if (filter.forwardedFrom) f.forwardedFrom = filter.forwardedFrom;
  if (filter.forwardedTo) f.forwardedTo = filter.forwardedTo;
  return f;
}

/** The order token a cursor carries: `RECEIVED_AT` ascending, `RECEIVED_AT:DESC` descending (the list's direction, whichever way it is paged). */
const orderToken = (order: AppealOrder, direction: 'ASC' | 'DESC') => (direction === 'DESC' ? `${order}:DESC` : order);

function keysetOf(order: AppealOrder, direction: 'ASC' | 'DESC', cursor: AppealCursorValues | null, cursorArg: string): ForwardedKeyset | null {
  if (!cursor) return null;
  const [cursorOrder, value, id] = cursor;
  const valid =
    cursorOrder === orderToken(order, direction) && typeof id === 'string' && UUID_RE.test(id) && typeof value === 'string' && ORDERS[order].valid(value);
  if (!valid) throw new InvalidInputError(cursorArg, 'Unknown cursor: use a cursor of a previous page with the same orderBy and direction');
  return { value, id };
}

export const StatsforvalterAppealService = {
  /**
   * A page of the office's forwarded appeals and the count of all that match, in one SQL statement
   * whatever the page size, forward or backward. `cursorValues(node)` is what the node's cursor must carry.
   */
  async list(
    ctx: RequestContext,
    args: {
      window: PageWindow;
      cursor: AppealCursorValues | null;
      filter?: AppealFilter | null;
      orderBy?: AppealOrder | null;
      direction?: 'ASC' | 'DESC' | null;
    },
  ): Promise<{
    nodes: ForwardedAppealRecord[];
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    totalCount: number;
    cursorValues: (node: ForwardedAppealRecord) => unknown[];
  }> {
    const order = args.orderBy ?? 'WAITING_LONGEST';
    const direction = args.direction ?? 'ASC';
    const filter = filterOf(ctx, args.filter);
    const beyond = keysetOf(order, direction, args.cursor, args.window.cursorArg);
    const { totalCount, rows } = await appealRepository.forwardedPage(
      ctx,
      filter,
      ORDERS[order].column,
      beyond,
      args.window.size + 1,
      readingDirection(direction, args.window),
    );
    const page = pageOf(rows, args.window);
    return {
      nodes: page.rows,
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      totalCount,
      cursorValues: (node) => [orderToken(order, direction), ORDERS[order].key(node), node.appeal.id],
    };
  },

  /** One forwarded appeal. Another office's, an unforwarded or a random id: the same NOT_FOUND. */
  async get(ctx: RequestContext, appealId: string): Promise<ForwardedAppealRecord> {
    const found = await appealRepository.forwardedOne(ctx, ctx.actor.org, appealId);
    if (!found) throw new NotFoundError('Appeal');
    return found;
  },

  /**
   * an office that is disqualified hands a forwarded appeal it has not decided on to another
   * office itself. Its history row and change log are written first, while the office still sees the appeal.
   */
  async handOn(ctx: RequestContext, args: { appealId: string; expectedVersion: number }, statsforvalterId: string, reason: string): Promise<string> {
    const appeal = await appealRepository.lockForwarded(ctx, ctx.actor.org, args.appealId);
    if (!appeal?.forwardedAt) throw new NotFoundError('Appeal');
    expectVersion(appeal, args.expectedVersion);
    appealRecording(appeal.state, 'REASSIGN');
    const text = requiredContent(reason, 'reason');
    if (!ctx.directory.area(statsforvalterId)) throw new InvalidInputError('statsforvalterId', 'Unknown Statsforvalter office');
    if (statsforvalterId === appeal.statsforvalterId) throw new InvalidInputError('statsforvalterId', 'The appeal is already with this office');
    await appendEvent(ctx, appeal, 'REASSIGN', appeal.state, appeal.state, `Handed on to ${statsforvalterId}: ${text}`);
    await recordChange(ctx, {
      municipalityId: appeal.municipalityId,
      operation: 'handOnAppeal',
      participantId: appeal.participantId,
      entity: 'appeal',
      entityId: appeal.id,
      changes: {
        statsforvalter_id: { from: appeal.statsforvalterId, to: statsforvalterId },
        reassignment_reason: { from: appeal.reassignmentReason, to: text },
      },
    });
    await appealRepository.handOn(ctx, appeal, { statsforvalterId, reason: text });
    return statsforvalterId;
  },

  /** Statsforvalteren's final decision on a forwarded appeal. */
  async decide(ctx: RequestContext, args: { appealId: string; expectedVersion: number }, input: DecideAppealInput): Promise<ForwardedAppealRecord> {
    const appeal = await appealRepository.lockForwarded(ctx, ctx.actor.org, args.appealId);
    if (!appeal?.forwardedAt) throw new NotFoundError('Appeal');
    expectVersion(appeal, args.expectedVersion);
    statsforvalterDecisionStep(appeal.state, appeal.closedFrom);
    const forwardedOn = todayInOslo(appeal.forwardedAt);
    if (compareDates(input.decidedAt, ctx.today) > 0) throw new InvalidInputError('input.decidedAt', 'decidedAt is in the future');
    const reasons = requiredContent(input.reasons, 'reasons');
    if (compareDates(input.decidedAt, forwardedOn) < 0) throw new InvalidInputError('input.decidedAt', 'decidedAt is before the appeal was forwarded');
    if (input.partial && input.outcome !== 'CHANGED' && input.outcome !== 'QUASHED_AND_RETURNED') {
      throw new InvalidInputError('input.partial', 'Only CHANGED and QUASHED_AND_RETURNED can be partial');
    }
    if (input.toDetriment && input.outcome !== 'CHANGED')
      throw new InvalidInputError('input.toDetriment', "Only a CHANGED decision can be changed to the appellant's detriment");
    const notice = input.detrimentNoticeSentAt ?? null;
    if (notice && !input.toDetriment)
      throw new InvalidInputError('input.detrimentNoticeSentAt', "A detriment notice belongs to a change to the appellant's detriment");
    if (notice && (compareDates(notice, appeal.receivedAt) < 0 || compareDates(notice, input.decidedAt) > 0)) {
      throw new InvalidInputError('input.detrimentNoticeSentAt', 'The detriment notice is sent after the appeal was received and by the decision');
    }
    // the notice (or, without one, the decision itself) within 3 months of the municipality receiving the appeal.
    assertNoLateDetriment({ appealReceivedAt: appeal.receivedAt, decidedAt: notice ?? input.decidedAt, toDetriment: input.toDetriment });
    await applyStep(ctx, appeal, args.expectedVersion, {
      operation: 'decideAppeal',
      step: 'STATSFORVALTER_DECIDE',
      note: input.outcome + (input.partial ? ' (partly)' : ''),
      set: {
        outcome: input.outcome,
        outcomePartial: input.partial,
        outcomeReasons: reasons,
        outcomeDecidedAt: input.decidedAt,
        detrimentNoticeAt: input.toDetriment ? (notice ?? input.decidedAt) : null,
        toDetriment: input.toDetriment,
        decidedBy: ctx.actor.name,
        decidedBySub: ctx.actor.sub,
      },
    });
    return StatsforvalterAppealService.get(ctx, args.appealId);
  },
};
