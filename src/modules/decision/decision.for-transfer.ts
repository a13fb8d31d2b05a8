/**
 * The decisions' part of a transfer between municipalities (src/modules/transfer): the sender's rows for
 * the snapshot, and the copies into the receiver's case. The copy carries every column of the table
 * description except the new rows' keys and bookkeeping: a column added to app.decision is carried over
 * without an edit here.
 */
import { columnsFromJson, db, run } from '../../db/sql';
import { Row } from '../../db/table';
import { RequestContext } from '../shared';
import { decisionRepository } from './decision.repository';
import { decisionTable } from './decision.table';

export type DecisionTransferRow = Row<typeof decisionTable>;

/** Filled in the new rows: their keys (the receiver's case), their version and their timestamp. */
const NEW_ROW: readonly string[] = ['municipality_id', 'id', 'participant_id', 'version', 'created_at'];
const CARRIED = decisionTable.columnNames.filter((c) => !NEW_ROW.includes(c));

export const decisionsForTransfer = {
  /** The sender's decisions, oldest first. */
  rows(ctx: RequestContext, municipalityId: number, participantId: string): Promise<DecisionTransferRow[]> {
    return run(
      ctx.tx,
      db.selectFrom('app.decision').selectAll().where('municipality_id', '=', municipalityId).where('participant_id', '=', participantId).orderBy('decided_at'),
    );
  },

  /** The sender's rows (as the snapshot holds them, JSON) into the receiver's case, in one statement. */
  async copy(ctx: RequestContext, rows: readonly object[], to: { municipalityId: number; participantId: string }): Promise<void> {
    if (!rows.length) return;
    await run(
      ctx.tx,
      db
        .insertInto('app.decision')
        .values(
          rows.map((r) => ({ municipality_id: to.municipalityId, participant_id: to.participantId, ...columnsFromJson('app.decision', r, CARRIED) }) as never),
        ),
    );
    decisionRepository.forget(ctx, to.participantId);
  },
};
