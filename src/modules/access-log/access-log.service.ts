/** Writing the request's access log before it commits, and reading a participant's log (GDPR art. 15). */
import { InvalidInputError } from '../../domain/errors';
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
   * A page of who read the participant's personal data, newest first, and how many entries there are.
   * `after` is the cursor's values as the transport decoded them (unchecked).
   */
  async forParticipant(
    ctx: RequestContext,
    participantId: string,
    page: { first: number; after: readonly unknown[] | null },
  ): Promise<{ entries: AccessLogEntryRecord[]; hasNextPage: boolean; totalCount: number; cursorValues: (e: AccessLogEntryRecord) => unknown[] }> {
    const p = await ParticipantService.require(ctx, participantId);
    let after: { atKey: string; id: string } | null = null;
    if (page.after) {
      const [atKey, id] = page.after;
      if (typeof atKey !== 'string' || !TIMESTAMP_RE.test(atKey) || typeof id !== 'string' || !UUID_RE.test(id)) {
        throw new InvalidInputError('after', 'Unknown cursor: use the endCursor of a previous page');
      }
      after = { atKey, id };
    }
    // A case accepted from another municipality's transfer was read in this municipality's inbox under its old id.
    const ids = p.transferredFromParticipantId ? [p.id, p.transferredFromParticipantId] : [p.id];
    const rows = await accessLogRepository.page(ctx, p.municipalityId, ids, after, page.first + 1);
    const totalCount = await accessLogRepository.count(ctx, p.municipalityId, ids);
    return { entries: rows.slice(0, page.first), hasNextPage: rows.length > page.first, totalCount, cursorValues: (e) => [e.atKey, e.id] };
  },
};
