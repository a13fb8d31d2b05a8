/** Every statement on app.access_log: the request's one INSERT, and a participant's log a page at a time. */
import { db, run, sql } from '../../db/sql';
import { toRecord } from '../../db/table';
import { RequestContext } from '../shared';
import { AccessLogRecord } from './access-log.table';

/** One row to write: the reads of one municipality's participants, for one purpose and one set of fields. */
export interface AccessLogGroup {
  municipalityId: number;
  purpose: string;
  /** The fields read, sorted. */
  fields: string[];
  /** The participants, or (a bulk read) their ids already comma-joined as PostgreSQL returned them. */
  participantIds: string[] | string;
}

/** An entry of a participant's log; `atKey` is `at` in PostgreSQL's text form, microseconds included (a cursor's exact value). */
export type AccessLogEntryRecord = Pick<AccessLogRecord, 'id' | 'at' | 'actorRole' | 'actorOrg' | 'purpose' | 'fields'> & { atKey: string };

/** The row names one of these ids (the participant's, and the one it had before a transfer): the GIN index access_log_participants. */
const naming = (participantIds: string[]) => sql<string[]>`${participantIds}::uuid[]`;

export const accessLogRepository = {
  /**
   * One INSERT for all the rows of the request, whatever their number: one VALUES row per group (a request
   * reads one municipality's participants for one purpose in most cases: one row). Participant ids travel
   * comma-joined, as a bulk read's come from PostgreSQL. Not INSERT … SELECT FROM unnest(…): Citus runs that
   * as a COPY into the shards, which it refuses on a table with row-level security (issue 14); a VALUES
   * INSERT it sends to each row's shard, where the shard's copy of the policy checks it.
   */
  async append(ctx: RequestContext, groups: AccessLogGroup[]): Promise<void> {
    if (!groups.length) return;
    await run(
      ctx.tx,
      db.insertInto('app.access_log').values(
        groups.map((g) => ({
          municipality_id: g.municipalityId,
          request_id: ctx.requestId,
          actor_sub: ctx.actor.sub,
          actor_role: ctx.actor.role,
          actor_org: ctx.actor.org,
          participant_ids: sql<
            string[]
          >`string_to_array(${typeof g.participantIds === 'string' ? g.participantIds : g.participantIds.join(',')}::text, ',')::uuid[]`,
          purpose: g.purpose,
          fields: sql<string[]>`string_to_array(${g.fields.join(',')}::text, ',')`,
        })),
      ),
    );
  },

  /**
   * A page of the participant's log read in `reading` order (DESC: newest first), beyond the entry
   * (atKey, id) in that order; `limit` rows at most. The index access_log_participants finds the rows.
   */
  async page(
    ctx: RequestContext,
    municipalityId: number,
    participantIds: string[],
    beyond: { atKey: string; id: string } | null,
    limit: number,
    reading: 'ASC' | 'DESC' = 'DESC',
  ): Promise<AccessLogEntryRecord[]> {
    let q = db
      .selectFrom('app.access_log')
      .select(['id', 'at', 'actor_role', 'actor_org', 'purpose', 'fields', sql<string>`at::text`.as('at_key')])
      .where('municipality_id', '=', municipalityId)
      .where('participant_ids', '&&', naming(participantIds));
    if (beyond) {
      const tuple = sql<boolean>`(${sql.ref('at')}, ${sql.ref('id')})`;
      const at = sql`(${beyond.atKey}::timestamptz, ${beyond.id}::uuid)`;
      q = q.where(reading === 'DESC' ? sql<boolean>`${tuple} < ${at}` : sql<boolean>`${tuple} > ${at}`);
    }
    const dir = reading === 'DESC' ? 'desc' : 'asc';
    const rows = await run(ctx.tx, q.orderBy('at', dir).orderBy('id', dir).limit(limit));
    return rows.map(toRecord);
  },

  /** How many entries the participant's log has. */
  async count(ctx: RequestContext, municipalityId: number, participantIds: string[]): Promise<number> {
    const rows = await run(
      ctx.tx,
      db
        .selectFrom('app.access_log')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('municipality_id', '=', municipalityId)
        .where('participant_ids', '&&', naming(participantIds)),
    );
    return Number(rows[0]?.count ?? 0);
  },
};
