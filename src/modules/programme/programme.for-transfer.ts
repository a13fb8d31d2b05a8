/**
 * The programme's part of a transfer between municipalities (src/modules/transfer): what the snapshot
 * carries of the sender's programme, and the receiver's programme made from it. The receiver starts the
 * programme again (PLANNED, its own start and end dates) with the time already used counted;
 * everything else of the row is carried over, including any column added to app.programme later.
 */
import { columnsFromJson, db, run } from '../../db/sql';
import { Row } from '../../db/table';
import { RequestContext } from '../shared';
import type { ProgrammeState } from '../../domain/programme';
import { programmeRepository } from './programme.repository';
import { programmeTable } from './programme.table';

export type ProgrammeTransferRow = Row<typeof programmeTable>;

/** Filled in the new row: its keys (the receiver's case), its version and its timestamp. */
const NEW_ROW: readonly string[] = ['municipality_id', 'id', 'participant_id', 'version', 'updated_at'];

/** What starts again in the receiving municipality: the programme's course so far, not its content. */
const STARTS_AGAIN: Partial<ProgrammeTransferRow> = {
  state: 'PLANNED' satisfies ProgrammeState,
  start_date: null,
  late_start_reason: null,
  planned_end_date: null,
  leave_until: null,
  halted_until: null,
  ended_at: null,
  end_goal_reached: null,
  end_reason: null,
};

/** Carried to the receiver: everything but the new row's own columns, what starts again and the time used (the transfer carries that). */
const CARRIED = programmeTable.columnNames.filter((c) => !NEW_ROW.includes(c) && !(c in STARTS_AGAIN) && c !== 'time_already_used_days');

export const programmeForTransfer = {
  /** The state the receiver's programme starts in, and so the receiver's case status. */
  startsAgainAs: 'PLANNED' as const,

  /** What the snapshot carries of the sender's programme: only what the receiver's programme takes over. */
  row(prog: ProgrammeTransferRow): Partial<ProgrammeTransferRow> {
    const row = new Map<string, unknown>(Object.entries(prog));
    return Object.fromEntries(CARRIED.map((c) => [c, row.get(c) ?? null]));
  },

  /** The sender's row (as the snapshot holds it, JSON) as the receiver's PLANNED programme. */
  async copy(ctx: RequestContext, row: object, to: { municipalityId: number; participantId: string; timeAlreadyUsedDays: number }): Promise<void> {
    const given: Record<string, unknown> = {
      ...STARTS_AGAIN,
      municipality_id: to.municipalityId,
      participant_id: to.participantId,
      time_already_used_days: to.timeAlreadyUsedDays,
    };
    const set = programmeTable.columnNames.filter((c) => c in given);
    const carried = CARRIED.filter((c) => !(c in given));
    await run(
      ctx.tx,
      db
        .insertInto('app.programme')
        .values({ ...Object.fromEntries(set.map((c) => [c, given[c]])), ...columnsFromJson('app.programme', row, carried) } as never),
    );
    programmeRepository.forget(ctx, to.participantId);
  },
};
