import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * R-10.1 / R-13.11 (integreringsloven § 18 a): the participation certificate shows, per element, the hours
 * actually attended and whether it was completed, as the municipality recorded them. Until now the
 * certificate guessed both (planned hours × weeks; "completed" from how the programme ended, so an
 * interrupted programme showed every element as not completed). app.element_attendance holds what the
 * caseworker records: one row per element kind and period, periods of one element never sharing a day.
 *
 * A tenant table like the rest of the case file: the municipality key leads every key, RLS keeps each
 * municipality to its own rows. The API adds and reads rows, and deletes one recorded by mistake
 * (cancelElementAttendance; the hash-chained change log keeps what it said); nothing updates one.
 */
export class ElementAttendance1733870000000 implements MigrationInterface {
  name = 'ElementAttendance1733870000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE app.element_attendance (
        municipality_id smallint NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        participant_id uuid NOT NULL,
        element_kind text NOT NULL,
        from_date date NOT NULL,
        to_date date NOT NULL,
        hours_attended numeric(6,1) NOT NULL,
        completed boolean NOT NULL,
        note text NOT NULL DEFAULT '',
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT element_attendance_pkey PRIMARY KEY (municipality_id, id),
        CONSTRAINT element_attendance_municipality_id_participant_id_fkey FOREIGN KEY (municipality_id, participant_id) REFERENCES app.participant (municipality_id, id),
        CONSTRAINT element_attendance_period_check CHECK (to_date >= from_date),
        CONSTRAINT element_attendance_hours_check CHECK (hours_attended >= 0)
      )`);
    await q.query(`CREATE INDEX element_attendance_participant ON app.element_attendance (municipality_id, participant_id, element_kind, from_date)`);
    await q.query(`GRANT SELECT, INSERT, DELETE ON app.element_attendance TO introsak_api`);
    await q.query(`ALTER TABLE app.element_attendance ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE app.element_attendance FORCE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY element_attendance_own_municipality ON app.element_attendance
        USING (municipality_id = app.current_municipality_id())
        WITH CHECK (municipality_id = app.current_municipality_id())`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE app.element_attendance`);
  }
}
