/**
 * The programme's part of a transfer between municipalities (src/modules/transfer): the receiver's
 * programme, made from the sender's row. The receiver starts the programme again (PLANNED, its own start
 * date and end date) with the time already used counted; everything else of the row is carried
 * over, including any column added to app.programme later.
 */
import { db, run, sql } from '../../db/sql';
import { Row } from '../../db/table';
import { RequestContext } from '../shared';
import { programmeTable } from './programme.table';

export type ProgrammeTransferRow = Row<typeof programmeTable>;

/** Filled in the new row: its keys (the receiver's case), its version and its timestamp. */
const NEW_ROW: readonly string[] = ['municipality_id', 'id', 'participant_id', 'version', 'updated_at'];

/** What starts again in the receiving municipality: the programme's course so far, not its content. */
const STARTS_AGAIN: Partial<ProgrammeTransferRow> = {
  state: 'PLANNED',
  start_date: null,
  late_start_reason: null,
  planned_end_date: null,
  leave_until: null,
  halted_until: null,
  ended_at: null,
  end_goal_reached: null,
  end_reason: null,
};

export const programmeForTransfer = {
  /** The sender's row (as the snapshot holds it, JSON) as the receiver's PLANNED programme. */
  async copy(ctx: RequestContext, row: object, to: { municipalityId: number; participantId: string; timeAlreadyUsedDays: number }): Promise<void> {
    const given: Record<string, unknown> = {
      ...STARTS_AGAIN,
      municipality_id: to.municipalityId,
      participant_id: to.participantId,
      time_already_used_days: to.timeAlreadyUsedDays,
    };
    const set = programmeTable.columnNames.filter((c) => c in given);
    const carried = programmeTable.columnNames.filter((c) => !(c in given) && !NEW_ROW.includes(c));
    await run(
      ctx.tx,
      db
        .insertInto('app.programme')
        .columns([...set, ...carried])
        .expression(
          db
            .selectFrom(sql`json_populate_record(null::app.programme, ${JSON.stringify(row)}::json)`.as('x'))
            .select([...set.map((c) => sql`${given[c]}`.as(c)), ...carried.map((c) => sql.ref(`x.${c}`).as(c))]),
        ),
    );
    ctx.loaders.caseRows.clear({ table: 'programme', participantId: to.participantId });
  },
};
