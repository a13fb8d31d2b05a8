/** Writing the request's access log before it commits, and reading a participant's log (GDPR art. 15). */
import { InvalidInputError } from '../../domain/errors';
import { pageOf, PageWindow, readingDirection } from '../../graphql/pagination';
import { ParticipantService } from '../participant';
import { RequestContext } from '../shared';
import { accessLogRepository, AccessLogEntryRecord, AccessLogGroup } from './access-log.repository';
import { accessStateOf } from './access-log.capture';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** PostgreSQL's text form of a timestamptz (DateStyle ISO), microseconds included. */
const TIMESTAMP_RE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;

/**
 * One INSERT for all the reads of the request, in its transaction, before it commits: one row per
 * municipality, purpose and set of fields, naming every participant read that way (a page of 50
 * participants is one row, not 50 — a row per participant cost the case list more database time
 * than the list's own query).
 */
export async function flushAccessLog(ctx: RequestContext): Promise<void> {
  const state = accessStateOf(ctx);
  if (!state || (!state.records.size && !state.bulk.length)) return;
  const groups = new Map<string, AccessLogGroup & { participantIds: string[] }>();
  for (const r of state.records.values()) {
    const fields = [...r.fields].sort();
    const key = `${r.municipalityId}|${r.purpose}|${fields.join(',')}`;
    const g = groups.get(key);
    if (g) g.participantIds.push(r.participantId);
    else groups.set(key, { municipalityId: r.municipalityId, purpose: r.purpose, fields, participantIds: [r.participantId] });
  }
  const bulk: AccessLogGroup[] = state.bulk.map((b) => ({
    municipalityId: b.municipalityId,
    purpose: b.purpose,
    fields: b.fields,
    participantIds: b.joinedIds,
  }));
  await accessLogRepository.append(ctx, [...groups.values(), ...bulk]);
  state.records.clear();
  state.bulk = [];
  state.lastRecord = null;
  state.lastSource = null;
}

export const AccessLogService = {
  /**
   * A page of who read the participant's personal data (newest first, or with direction ASC oldest first)
   * and how many entries there are. `cursor` is the cursor's values as the transport decoded them (unchecked).
   */
  async forParticipant(
    ctx: RequestContext,
    participantId: string,
    page: { window: PageWindow; cursor: readonly unknown[] | null; direction: 'ASC' | 'DESC' },
  ): Promise<{
    entries: AccessLogEntryRecord[];
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    totalCount: number;
    cursorValues: (e: AccessLogEntryRecord) => unknown[];
  }> {
    const p = await ParticipantService.require(ctx, participantId);
    const token = page.direction === 'ASC' ? 'ASC' : 'DESC';
    let beyond: { atKey: string; id: string } | null = null;
    if (page.cursor) {
      const [order, atKey, id] = page.cursor;
      if (order !== token || typeof atKey !== 'string' || !TIMESTAMP_RE.test(atKey) || typeof id !== 'string' || !UUID_RE.test(id)) {
        throw new InvalidInputError(page.window.cursorArg, 'Unknown cursor: use a cursor of a previous page with the same direction');
      }
      beyond = { atKey, id };
    }
    // A case accepted from another municipality's transfer was read in this municipality's inbox under its old id.
    const ids = p.transferredFromParticipantId ? [p.id, p.transferredFromParticipantId] : [p.id];
    const read = await accessLogRepository.page(ctx, p.municipalityId, ids, beyond, page.window.size + 1, readingDirection(page.direction, page.window));
    const totalCount = await accessLogRepository.count(ctx, p.municipalityId, ids);
    const { rows, hasNextPage, hasPreviousPage } = pageOf(read, page.window);
    return { entries: rows, hasNextPage, hasPreviousPage, totalCount, cursorValues: (e) => [token, e.atKey, e.id] };
  },
};
