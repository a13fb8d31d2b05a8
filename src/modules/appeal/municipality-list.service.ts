/**
 * The municipality's own appeals as a list (issue 17 item 6): filtered by state, deadline and the appellant's
 * caseworker, counted per state, a page at a time in either direction, in one SQL statement whatever the
 * page size. Row-level security shows the municipality only its own appeals.
 */
import { APPEAL_STATES, AppealState } from '../../domain/appeal';
import { isIsoDate } from '../../domain/calendar';
import { InvalidInputError } from '../../domain/errors';
import { pageOf, PageWindow, readingDirection } from '../../graphql/pagination';
import { ownMunicipality, RequestContext } from '../shared';
import { appealRepository, MunicipalityAppealListFilter, MunicipalityOrderColumn } from './appeal.repository';
import { AppealRecord } from './appeal.table';
import type { MunicipalityAppealFilter, MunicipalityAppealOrder } from './appeal.types';

const COLUMN: Record<MunicipalityAppealOrder, { column: MunicipalityOrderColumn; key: (a: AppealRecord) => string }> = {
  DEADLINE: { column: 'deadline', key: (a) => a.deadline },
  RECEIVED_AT: { column: 'received_at', key: (a) => a.receivedAt },
};
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The order token a cursor carries: `DEADLINE` ascending, `DEADLINE:DESC` descending. */
const orderToken = (order: MunicipalityAppealOrder, direction: 'ASC' | 'DESC') => `M:${order}${direction === 'DESC' ? ':DESC' : ''}`;

export interface MunicipalityAppealPage {
  rows: AppealRecord[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  totalCount: number;
  countsByState: { state: AppealState; count: number }[];
  cursorValues: (a: AppealRecord) => unknown[];
}

export const MunicipalityAppealListService = {
  async list(
    ctx: RequestContext,
    args: {
      window: PageWindow;
      cursor: readonly unknown[] | null;
      filter?: MunicipalityAppealFilter | null;
      orderBy: MunicipalityAppealOrder;
      direction: 'ASC' | 'DESC';
    },
  ): Promise<MunicipalityAppealPage> {
    const f = args.filter;
    const filter: MunicipalityAppealListFilter = { municipalityId: ownMunicipality(ctx) };
    if (f?.state) filter.states = f.state;
    if (f?.deadlineFrom) filter.deadlineFrom = f.deadlineFrom;
    if (f?.deadlineTo) filter.deadlineTo = f.deadlineTo;
    if (f?.assignedTo) filter.assignedTo = f.assignedTo;
    const order = COLUMN[args.orderBy];
    let beyond: { value: string; id: string } | null = null;
    if (args.cursor) {
      const [token, value, id] = args.cursor;
      if (token !== orderToken(args.orderBy, args.direction) || typeof value !== 'string' || !isIsoDate(value) || typeof id !== 'string' || !UUID_RE.test(id)) {
        throw new InvalidInputError(args.window.cursorArg, 'Unknown cursor: use a cursor of a previous page with the same orderBy and direction');
      }
      beyond = { value, id };
    }
    const { byState, rows } = await appealRepository.municipalityPage(
      ctx,
      filter,
      order.column,
      beyond,
      args.window.size + 1,
      readingDirection(args.direction, args.window),
    );
    const countsByState = APPEAL_STATES.map((state) => ({ state, count: Number(byState[state] ?? 0) }));
    const totalCount = countsByState.filter((c) => !filter.states || filter.states.includes(c.state)).reduce((sum, c) => sum + c.count, 0);
    return {
      ...pageOf(rows, args.window),
      totalCount,
      countsByState,
      cursorValues: (a) => [orderToken(args.orderBy, args.direction), order.key(a), a.id],
    };
  },
};
