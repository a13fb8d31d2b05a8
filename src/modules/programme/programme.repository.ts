/**
 * Every statement on app.programme and app.element_attendance. Rows become ProgrammeRecords here, once; other modules call the
 * programme module's functions (through its index), never the table.
 */
import DataLoader from 'dataloader';
import { anyOf, db, first, run, sql } from '../../db/sql';
import { InsertRecord, toRecord, toRow, UpdateRecord } from '../../db/table';
import { INITIAL_STATE } from '../../domain/programme';
import { RequestContext, requestLoader } from '../shared';
import { ElementAttendanceRecord, elementAttendanceTable, ProgrammeRecord, programmeTable } from './programme.table';

export type ProgrammeUpdate = UpdateRecord<typeof programmeTable>;

type CaseRef = { municipalityId: number; id: string };

/** The request's programmes by case (any the caller's transaction can see): one statement per request. */
function byParticipant(ctx: RequestContext): DataLoader<string, ProgrammeRecord | null> {
  return requestLoader(
    ctx,
    'programme.byParticipant',
    () =>
      new DataLoader<string, ProgrammeRecord | null>(async (participantIds) => {
        const rows = await run(
          ctx.tx,
          db
            .selectFrom('app.programme')
            .selectAll()
            .where('municipality_id', '=', anyOf(ctx.actor.reachableMunicipalityIds, 'smallint'))
            .where('participant_id', '=', anyOf(participantIds, 'uuid')),
        );
        const found = new Map(rows.map((r) => [r.participant_id, toRecord(r)]));
        return participantIds.map((id) => found.get(id) ?? null);
      }),
  );
}

export const programmeRepository = {
  /** After a row was written outside this repository's functions (a transfer's copy), the loader must not answer from before it. */
  forget(ctx: RequestContext, participantId: string): void {
    byParticipant(ctx).clear(participantId);
  },

  /** The case's programme as the request's loader has it (field resolvers). */
  forCase(ctx: RequestContext, participantId: string): Promise<ProgrammeRecord | null> {
    return byParticipant(ctx).load(participantId);
  },

  /** The case's programme, read now: what a change starts from (the caller holds the case's row lock). */
  async find(ctx: RequestContext, p: CaseRef): Promise<ProgrammeRecord | null> {
    const row = await first(
      ctx.tx,
      db.selectFrom('app.programme').selectAll().where('municipality_id', '=', p.municipalityId).where('participant_id', '=', p.id),
    );
    return row ? toRecord(row) : null;
  },

  /** A new programme for the case, in the table's initial state (PLANNED). */
  async insertPlanned(ctx: RequestContext, p: CaseRef): Promise<void> {
    await run(ctx.tx, db.insertInto('app.programme').values({ municipality_id: p.municipalityId, participant_id: p.id, state: INITIAL_STATE }));
    byParticipant(ctx).clear(p.id);
  },

  /** The version guard is in the UPDATE itself: null when the programme is not at `expectedVersion` (or not there). */
  async update(ctx: RequestContext, p: CaseRef, id: string, expectedVersion: number, changes: ProgrammeUpdate): Promise<ProgrammeRecord | null> {
    const row = await first(
      ctx.tx,
      db
        .updateTable('app.programme')
        .set({ ...toRow(programmeTable, changes), version: (eb) => eb('version', '+', 1), updated_at: sql`now()` })
        .where('municipality_id', '=', p.municipalityId)
        .where('id', '=', id)
        .where('version', '=', expectedVersion)
        .returningAll(),
    );
    if (!row) return null;
    const record = toRecord(row);
    byParticipant(ctx).clear(record.participantId).prime(record.participantId, record);
    return record;
  },
};

/** The request's recorded attendance per case, in element and date order: one statement per request. */
function attendanceByParticipant(ctx: RequestContext): DataLoader<string, ElementAttendanceRecord[]> {
  return requestLoader(
    ctx,
    'elementAttendance.byParticipant',
    () =>
      new DataLoader<string, ElementAttendanceRecord[]>(async (ids) => {
        const rows = await run(
          ctx.tx,
          db
            .selectFrom('app.element_attendance')
            .selectAll()
            .where('municipality_id', '=', anyOf(ctx.actor.reachableMunicipalityIds, 'smallint'))
            .where('participant_id', '=', anyOf(ids, 'uuid'))
            .orderBy('participant_id')
            .orderBy('element_kind')
            .orderBy('from_date')
            .orderBy('id'),
        );
        const groups = new Map<string, ElementAttendanceRecord[]>();
        for (const r of rows) groups.set(r.participant_id, [...(groups.get(r.participant_id) ?? []), toRecord(r)]);
        return ids.map((id) => groups.get(id) ?? []);
      }),
  );
}

export const elementAttendanceRepository = {
  /** The case's recorded attendance as the request's loader has it (field resolvers). */
  forCase(ctx: RequestContext, participantId: string): Promise<ElementAttendanceRecord[]> {
    return attendanceByParticipant(ctx).load(participantId);
  },

  /** The case's recorded attendance, read now (the caller holds the case's row lock): what a new record is checked against. */
  async forLockedCase(ctx: RequestContext, p: CaseRef): Promise<ElementAttendanceRecord[]> {
    const rows = await run(
      ctx.tx,
      db
        .selectFrom('app.element_attendance')
        .selectAll()
        .where('municipality_id', '=', p.municipalityId)
        .where('participant_id', '=', p.id)
        .orderBy('element_kind')
        .orderBy('from_date')
        .orderBy('id'),
    );
    return rows.map((r) => toRecord(r));
  },

  /** One recorded period of the caller's municipality, or undefined. */
  async find(ctx: RequestContext, municipalityId: number, id: string): Promise<ElementAttendanceRecord | undefined> {
    const row = await first(ctx.tx, db.selectFrom('app.element_attendance').selectAll().where('municipality_id', '=', municipalityId).where('id', '=', id));
    return row ? toRecord(row) : undefined;
  },

  /** Removes a period recorded by mistake; the change log keeps what it said. */
  async delete(ctx: RequestContext, key: CaseRef & { participantId: string }): Promise<void> {
    await run(ctx.tx, db.deleteFrom('app.element_attendance').where('municipality_id', '=', key.municipalityId).where('id', '=', key.id));
    attendanceByParticipant(ctx).clear(key.participantId);
  },

  async insert(ctx: RequestContext, values: InsertRecord<typeof elementAttendanceTable>): Promise<ElementAttendanceRecord> {
    const row = await first(ctx.tx, db.insertInto('app.element_attendance').values(toRow(elementAttendanceTable, values)).returningAll());
    attendanceByParticipant(ctx).clear(values.participantId);
    return toRecord(row!);
  },
};
