/**
 * The competence mapping's part of a transfer between municipalities (src/modules/transfer): the sender's
 * row for the snapshot, and the copy into the receiver's case. The copy carries every column of the table
 * description except the new row's keys and bookkeeping: a column added to app.competence_mapping is
 * carried over without an edit here.
 */
import { columnsFromJson, db, first, run } from '../../db/sql';
import { Row } from '../../db/table';
import { RequestContext } from '../shared';
import { competenceMappingRepository } from './competence-mapping.repository';
import { competenceMappingTable } from './competence-mapping.table';

export type CompetenceMappingTransferRow = Row<typeof competenceMappingTable>;

/** Filled in the new row: its keys (the receiver's case), its version and its timestamp. */
const NEW_ROW: readonly string[] = ['municipality_id', 'id', 'participant_id', 'version', 'updated_at'];
const CARRIED = competenceMappingTable.columnNames.filter((c) => !NEW_ROW.includes(c));

export const competenceMappingForTransfer = {
  async row(ctx: RequestContext, municipalityId: number, participantId: string): Promise<CompetenceMappingTransferRow | null> {
    const row = await first(
      ctx.tx,
      db.selectFrom('app.competence_mapping').selectAll().where('municipality_id', '=', municipalityId).where('participant_id', '=', participantId),
    );
    return row ?? null;
  },

  /** The sender's row (as the snapshot holds it, JSON) into the receiver's case. */
  async copy(ctx: RequestContext, row: object, to: { municipalityId: number; participantId: string }): Promise<void> {
    await run(
      ctx.tx,
      db
        .insertInto('app.competence_mapping')
        .values({ municipality_id: to.municipalityId, participant_id: to.participantId, ...columnsFromJson('app.competence_mapping', row, CARRIED) } as never),
    );
    competenceMappingRepository.forget(ctx, to.participantId);
  },
};
