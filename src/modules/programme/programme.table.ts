import type { EndGoal } from '../../domain/end-goal';
import type { ElementKind } from '../../domain/integration-plan';
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

/**
 * the hours a participant actually attended of one programme element over one period, and
 * whether the element was completed, as the municipality records them; what the certificate prints.
 */
export const elementAttendanceTable = defineTable(
  'element_attendance',
  {
    municipality_id: c.smallint(),
    id: c.uuid().defaultSql('gen_random_uuid()'),
    participant_id: c.uuid(),
    element_kind: c.text<ElementKind>(),
    from_date: c.date(),
    to_date: c.date(),
    hours_attended: c.numeric(6, 1),
    completed: c.boolean(),
    note: c.text().default(''),
    recorded_by: c.text(),
    recorded_at: c.timestamptz().defaultSql('now()'),
  },
  {
    primaryKey: ['municipality_id', 'id'],
    indexes: [{ name: 'element_attendance_participant', columns: ['municipality_id', 'participant_id', 'element_kind', 'from_date'] }],
    foreignKeys: [{ columns: ['municipality_id', 'participant_id'], references: { table: 'participant', columns: ['municipality_id', 'id'] } }],
    checks: [
      { name: 'element_attendance_period_check', expression: 'to_date >= from_date' },
      { name: 'element_attendance_hours_check', expression: 'hours_attended >= 0' },
    ],
  },
);
export type ElementAttendanceRecord = RecordOf<typeof elementAttendanceTable>;

declare module '../../db/sql' {
  interface Tables {
    'app.programme': KyselyTable<typeof programmeTable>;
    'app.element_attendance': KyselyTable<typeof elementAttendanceTable>;
  }
}
