/** Every statement on app.competence_mapping (the for-* files hold what other modules ask of it). */
import DataLoader from 'dataloader';
import { anyOf, db, first, run, sql } from '../../db/sql';
import { InsertRecord, toRecord, toRow, UpdateRecord } from '../../db/table';
import { RequestContext, requestLoader } from '../shared';
import { CompetenceMappingRecord, competenceMappingTable } from './competence-mapping.table';

/** The request's mapping per case (at most one): one query per request, whatever the page size. */
function byParticipant(ctx: RequestContext): DataLoader<string, CompetenceMappingRecord | null> {
  return requestLoader(
    ctx,
    'competenceMapping.byParticipant',
    () =>
      new DataLoader<string, CompetenceMappingRecord | null>(async (ids) => {
        const rows = await run(
          ctx.tx,
          db
            .selectFrom('app.competence_mapping')
            .selectAll()
            .where('municipality_id', '=', anyOf(ctx.actor.reachableMunicipalityIds, 'smallint'))
            .where('participant_id', '=', anyOf(ids, 'uuid')),
        );
        const found = new Map(rows.map((r) => [r.participant_id, toRecord(r)]));
        return ids.map((id) => found.get(id) ?? null);
      }),
  );
}

export const competenceMappingRepository = {
  forCase(ctx: RequestContext, participantId: string): Promise<CompetenceMappingRecord | null> {
    return byParticipant(ctx).load(participantId);
  },

  /** Straight from the table (the case is locked by the caller). */
  async ofLockedCase(ctx: RequestContext, p: { municipalityId: number; id: string }): Promise<CompetenceMappingRecord | null> {
    const row = await first(
      ctx.tx,
      db.selectFrom('app.competence_mapping').selectAll().where('municipality_id', '=', p.municipalityId).where('participant_id', '=', p.id),
    );
    return row ? toRecord(row) : null;
  },

  async insert(ctx: RequestContext, values: InsertRecord<typeof competenceMappingTable>): Promise<CompetenceMappingRecord> {
    const row = await first(ctx.tx, db.insertInto('app.competence_mapping').values(toRow(competenceMappingTable, values)).returningAll());
    const record = toRecord(row!);
    byParticipant(ctx).clear(record.participantId).prime(record.participantId, record);
    return record;
  },

  /** The version guard is in the UPDATE itself: null when the row is not at `expectedVersion` (a stale edit changes nothing). */
  async update(
    ctx: RequestContext,
    p: { municipalityId: number; id: string },
    expectedVersion: number,
    changes: UpdateRecord<typeof competenceMappingTable>,
  ): Promise<CompetenceMappingRecord | null> {
    const row = await first(
      ctx.tx,
      db
        .updateTable('app.competence_mapping')
        .set({ ...toRow(competenceMappingTable, changes), version: (eb) => eb('version', '+', 1), updated_at: sql`now()` })
        .where('municipality_id', '=', p.municipalityId)
        .where('participant_id', '=', p.id)
        .where('version', '=', expectedVersion)
        .returningAll(),
    );
    byParticipant(ctx).clear(p.id);
    if (!row) return null;
    const record = toRecord(row);
    byParticipant(ctx).prime(p.id, record);
    return record;
  },

  /** After a row was written outside this file's functions (a transfer's copy), the loader must not answer from before it. */
  forget(ctx: RequestContext, participantId: string): void {
    byParticipant(ctx).clear(participantId);
  },
};
