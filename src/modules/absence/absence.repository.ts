/** Every statement on app.absence. Rows become AbsenceRecords here, once. */
import DataLoader from 'dataloader';
import { anyOf, db, first, run, sql } from '../../db/sql';
import { InsertRecord, toRecord, toRow } from '../../db/table';
import { RequestContext, requestLoader } from '../shared';
import { AbsenceRecord, absenceTable } from './absence.table';

type CaseKey = { municipalityId: number; id: string };

/** The request's absence rows per case, in date order: one query per request, whatever the page size. */
function byParticipant(ctx: RequestContext): DataLoader<string, AbsenceRecord[]> {
  return requestLoader(
    ctx,
    'absence.byParticipant',
    () =>
      new DataLoader<string, AbsenceRecord[]>(async (ids) => {
        const rows = await run(
          ctx.tx,
          db
            .selectFrom('app.absence')
            .selectAll()
            .where('municipality_id', '=', anyOf(ctx.actor.reachableMunicipalityIds, 'smallint'))
            .where('participant_id', '=', anyOf(ids, 'uuid'))
            .orderBy('participant_id')
            .orderBy('from_date')
            .orderBy('id'),
        );
        const groups = new Map<string, AbsenceRecord[]>();
        for (const r of rows) groups.set(r.participant_id, [...(groups.get(r.participant_id) ?? []), toRecord(r)]);
        return ids.map((id) => groups.get(id) ?? []);
      }),
  );
}

export const absenceRepository = {
  forCase(ctx: RequestContext, participantId: string): Promise<AbsenceRecord[]> {
    return byParticipant(ctx).load(participantId);
  },

  find(ctx: RequestContext, municipalityId: number, id: string): Promise<AbsenceRecord | undefined> {
    return first(ctx.tx, db.selectFrom('app.absence').selectAll().where('municipality_id', '=', municipalityId).where('id', '=', id)).then((r) =>
      r ? toRecord(r) : undefined,
    );
  },

  async insert(ctx: RequestContext, values: InsertRecord<typeof absenceTable>): Promise<AbsenceRecord> {
    const row = await first(ctx.tx, db.insertInto('app.absence').values(toRow(absenceTable, values)).returningAll());
    byParticipant(ctx).clear(values.participantId);
    return toRecord(row!);
  },

  /** The version guard is in the UPDATE: undefined when the row is not at `expectedVersion`. */
  async update(
    ctx: RequestContext,
    key: CaseKey & { participantId: string },
    expectedVersion: number,
    changes: Pick<AbsenceRecord, 'kind' | 'fromDate' | 'toDate' | 'workingDays' | 'note'>,
  ): Promise<AbsenceRecord | undefined> {
    const row = await first(
      ctx.tx,
      db
        .updateTable('app.absence')
        .set({ ...toRow(absenceTable, changes), version: (eb) => eb('version', '+', 1), updated_at: sql`now()` })
        .where('municipality_id', '=', key.municipalityId)
        .where('id', '=', key.id)
        .where('version', '=', expectedVersion)
        .returningAll(),
    );
    byParticipant(ctx).clear(key.participantId);
    return row ? toRecord(row) : undefined;
  },

  /** False when the row is not at `expectedVersion`. */
  async delete(ctx: RequestContext, key: CaseKey & { participantId: string }, expectedVersion: number): Promise<boolean> {
    const rows = await run(
      ctx.tx,
      db
        .deleteFrom('app.absence')
        .where('municipality_id', '=', key.municipalityId)
        .where('id', '=', key.id)
        .where('version', '=', expectedVersion)
        .returning('id'),
    );
    byParticipant(ctx).clear(key.participantId);
    return rows.length === 1;
  },

  /** The case's rows straight from the table (the case is locked: what another request added is seen). */
  async forLockedCase(ctx: RequestContext, p: CaseKey): Promise<AbsenceRecord[]> {
    const rows = await run(ctx.tx, db.selectFrom('app.absence').selectAll().where('municipality_id', '=', p.municipalityId).where('participant_id', '=', p.id));
    return rows.map((r) => toRecord(r));
  },
};
