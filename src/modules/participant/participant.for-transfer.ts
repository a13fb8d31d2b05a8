/**
 * The participant's part of a transfer between municipalities (src/modules/transfer): the sender's row as
 * the transfer's snapshot carries it, the copy into the receiver's register, and the sender's case closed.
 *
 * The copy carries every column of the table description except the new row's keys and bookkeeping (the
 * database fills those) and the columns the transfer sets itself: a column added to app.participant is
 * carried over without an edit here. test/integration/transfer.test.ts compares every column.
 */
import { columnsFromJson, db, first, sql } from '../../db/sql';
import { Snake, toRecord, toRow } from '../../db/table';
import { RequestContext } from '../shared';
import { participantRepository } from './participant.repository';
import { periodsOf } from './participant.service';
import { ParticipantRecord, participantTable } from './participant.table';

/** The sender's row, as the transfer's snapshot holds it (in JSON: timestamps become ISO strings). */
export type ParticipantTransferRow = Snake<ParticipantRecord>;

/** Filled by the database in the new row: its keys, its version and its timestamps. */
const NEW_ROW: readonly string[] = ['municipality_id', 'id', 'version', 'created_at', 'updated_at'];

/** What the receiver's copy takes from the transfer instead of the sender's row. */
export type ParticipantTransferTarget = Pick<
  ParticipantRecord,
  | 'municipalityId'
  | 'status'
  | 'assignedToSub'
  | 'assignedToName'
  | 'transferredFromMunicipalityId'
  | 'transferredFromParticipantId'
  | 'transferredAt'
  | 'transferredToMunicipalityId'
>;

export const participantForTransfer = {
  /** The sender's row for the snapshot: every column. */
  row(p: ParticipantRecord): ParticipantTransferRow {
    return toRow(participantTable, p);
  },

  /**
   * The copy into the receiver's register, under the receiver's row-level security. The unique key
   * (municipality, identity number) decides: null when the person is already registered there.
   */
  async copy(ctx: RequestContext, row: object, target: ParticipantTransferTarget): Promise<ParticipantRecord | null> {
    // The periods are computed from the facts again: a snapshot sent before they were stored has none.
    const facts = toRecord(row as ParticipantTransferRow) as ParticipantRecord;
    const given: Record<string, unknown> = toRow(participantTable, { ...target, eligibilityPeriods: periodsOf(facts) });
    const set = participantTable.columnNames.filter((c) => c in given);
    const carried = participantTable.columnNames.filter((c) => !(c in given) && !NEW_ROW.includes(c));
    const inserted = await first(
      ctx.tx,
      db
        .insertInto('app.participant')
        .values({ ...Object.fromEntries(set.map((c) => [c, given[c]])), ...columnsFromJson('app.participant', row, carried) } as never)
        .onConflict((oc) => oc.columns(['municipality_id', 'identity_number']).doNothing())
        .returningAll(),
    );
    return inserted ? participantRepository.remember(ctx, toRecord(inserted)) : null;
  },

  /** The sender's case, closed: moved to the receiver on `on`, in the status the transfer gives it. */
  async close(
    ctx: RequestContext,
    p: Pick<ParticipantRecord, 'municipalityId' | 'id'>,
    changes: Pick<ParticipantRecord, 'status' | 'transferredToMunicipalityId' | 'transferredAt'>,
  ): Promise<ParticipantRecord> {
    const row = await first(
      ctx.tx,
      db
        .updateTable('app.participant')
        .set({ ...toRow(participantTable, changes), version: (eb) => eb('version', '+', 1), updated_at: sql`now()` })
        .where('municipality_id', '=', p.municipalityId)
        .where('id', '=', p.id)
        .returningAll(),
    );
    if (!row) throw new Error('the locked participant row is gone');
    return participantRepository.remember(ctx, toRecord(row));
  },
};
