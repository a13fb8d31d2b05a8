/** What the worklist reads of programmes: running programmes planned to end by a day (partial index programme_end). */
import { db, run, sql } from '../../db/sql';
import { toRecord } from '../../db/table';
import type { IsoDate } from '../../domain/calendar';
import type { ProgrammeState } from '../../domain/programme';
import { RequestContext } from '../shared';
import './programme.table';

export interface EndingProgrammeRecord {
  id: string;
  participantId: string;
  state: ProgrammeState;
  plannedEndDate: IsoDate | null;
}

/** The municipality's running programmes (ACTIVE, ON_LEAVE, HALTED) planned to end on or before `lastDay`. */
export async function programmesEndingBy(ctx: RequestContext, municipalityId: number, lastDay: IsoDate): Promise<EndingProgrammeRecord[]> {
  const rows = await run(
    ctx.tx,
    db
      .selectFrom('app.programme')
      .select(['id', 'participant_id', 'state', 'planned_end_date'])
      .where('municipality_id', '=', municipalityId)
      // Literals, so the partial index programme_end matches generic plans too.
      .where('state', 'in', [sql.lit<ProgrammeState>('ACTIVE'), sql.lit<ProgrammeState>('ON_LEAVE'), sql.lit<ProgrammeState>('HALTED')])
      .where('planned_end_date', '<=', lastDay),
  );
  return rows.map(toRecord);
}
