import type { EndGoal } from '../../domain/end-goal';
import type { ProgrammeState } from '../../domain/programme';
import { c, defineTable, KyselyTable, RecordOf } from '../../db/table';

/** one programme per case, with its state machine and the inputs of its end date. */
export const programmeTable = defineTable(
  'programme',
  {
    municipality_id: c.smallint(),
    id: c.uuid().defaultSql('gen_random_uuid()'),
    participant_id: c.uuid(),
    version: c.integer().default(1),
    state: c.text<ProgrammeState>(),
    start_date: c.date().nullable(),
    late_start_reason: c.text().nullable(),
    end_goal: c.text<EndGoal>().nullable(),
    duration_months: c.integer().nullable(),
    extension_months: c.integer().default(0),
    time_already_used_days: c.integer().default(0),
    planned_end_date: c.date().nullable(),
    leave_until: c.date().nullable(),
    halted_until: c.date().nullable(),
    ended_at: c.date().nullable(),
    end_goal_reached: c.boolean().nullable(),
    end_reason: c.text().nullable(),
    updated_at: c.timestamptz().defaultSql('now()'),
  },
  {
    primaryKey: ['municipality_id', 'id'],
    uniques: [{ columns: ['municipality_id', 'participant_id'] }],
    indexes: [{ name: 'programme_end', columns: ['municipality_id', 'planned_end_date'], where: `state IN ('ACTIVE', 'ON_LEAVE', 'HALTED')` }],
    foreignKeys: [{ columns: ['municipality_id', 'participant_id'], references: { table: 'participant', columns: ['municipality_id', 'id'] } }],
  },
);
export type ProgrammeRecord = RecordOf<typeof programmeTable>;

declare module '../../db/sql' {
  interface Tables {
    'app.programme': KyselyTable<typeof programmeTable>;
  }
}
