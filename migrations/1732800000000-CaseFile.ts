import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The participant's case file (integreringsloven §§ 6–18 a, 47): competence mapping, integration
 * plan versions with the contract, the programme, decisions, absence and the participation
 * certificate. Every table is a tenant table: the municipality key leads every key and every
 * foreign key, and RLS keeps each municipality to its own rows.
 */
const TABLES = ['competence_mapping', 'plan_version', 'programme', 'decision', 'absence', 'certificate'];

export class CaseFile1732800000000 implements MigrationInterface {
  name = 'CaseFile1732800000000';

  public async up(q: QueryRunner): Promise<void> {
    // one mapping per case, completed before the participation decision.
    await q.query(`
      CREATE TABLE app.competence_mapping (
        municipality_id smallint NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        participant_id uuid NOT NULL,
        version integer NOT NULL DEFAULT 1,
        status text NOT NULL CHECK (status IN ('IN_PROGRESS', 'COMPLETED')),
        language_skills text NOT NULL DEFAULT '',
        education text NOT NULL DEFAULT '',
        counts_as_upper_secondary boolean NOT NULL DEFAULT false,
        work_experience text NOT NULL DEFAULT '',
        other_competence text NOT NULL DEFAULT '',
        mapped_before_arrival_by_imdi boolean NOT NULL DEFAULT false,
        completed_at date,
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (municipality_id, id),
        UNIQUE (municipality_id, participant_id),
        FOREIGN KEY (municipality_id, participant_id) REFERENCES app.participant (municipality_id, id)
      )`);

    // every plan version is kept; the contract is signed with (and belongs to) one version.
    await q.query(`
      CREATE TABLE app.plan_version (
        municipality_id smallint NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        participant_id uuid NOT NULL,
        version_no integer NOT NULL,
        content jsonb NOT NULL,
        end_goal text NOT NULL,
        duration_months integer NOT NULL,
        reduced_goal_reason text,
        significant_change boolean NOT NULL DEFAULT false,
        significant_change_decision_id uuid,
        contract_signed_at date NOT NULL,
        contract_obligations text NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (municipality_id, id),
        UNIQUE (municipality_id, participant_id, version_no),
        FOREIGN KEY (municipality_id, participant_id) REFERENCES app.participant (municipality_id, id)
      )`);

    // one programme per case, with its state machine and end date inputs.
    await q.query(`
      CREATE TABLE app.programme (
        municipality_id smallint NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        participant_id uuid NOT NULL,
        version integer NOT NULL DEFAULT 1,
        state text NOT NULL,
        start_date date,
        late_start_reason text,
        end_goal text,
        duration_months integer,
        extension_months integer NOT NULL DEFAULT 0,
        time_already_used_days integer NOT NULL DEFAULT 0,
        planned_end_date date,
        leave_until date,
        halted_until date,
        ended_at date,
        end_goal_reached boolean,
        end_reason text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (municipality_id, id),
        UNIQUE (municipality_id, participant_id),
        FOREIGN KEY (municipality_id, participant_id) REFERENCES app.participant (municipality_id, id)
      )`);
    await q.query(`CREATE INDEX programme_end ON app.programme (municipality_id, planned_end_date) WHERE state IN ('ACTIVE', 'ON_LEAVE', 'HALTED')`);

    // decisions (enkeltvedtak) with what starts the appeal deadline.
    await q.query(`
      CREATE TABLE app.decision (
        municipality_id smallint NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        participant_id uuid NOT NULL,
        type text NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('GRANTED', 'REFUSED')),
        basis text,
        reasons text NOT NULL,
        legal_basis text[] NOT NULL,
        decided_at date NOT NULL,
        decided_by_sub text NOT NULL,
        decided_by_name text NOT NULL,
        advance_notice_at date,
        notified_at date,
        details jsonb NOT NULL DEFAULT '{}',
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (municipality_id, id),
        FOREIGN KEY (municipality_id, participant_id) REFERENCES app.participant (municipality_id, id)
      )`);
    await q.query(`CREATE INDEX decision_participant ON app.decision (municipality_id, participant_id, decided_at DESC, id)`);
    await q.query(`CREATE INDEX decision_awaiting_notice ON app.decision (municipality_id) WHERE notified_at IS NULL`);

    // absence and leave days in working days.
    await q.query(`
      CREATE TABLE app.absence (
        municipality_id smallint NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        participant_id uuid NOT NULL,
        kind text NOT NULL,
        from_date date NOT NULL,
        to_date date NOT NULL,
        working_days integer NOT NULL CHECK (working_days >= 0),
        note text NOT NULL DEFAULT '',
        decision_id uuid,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (municipality_id, id),
        FOREIGN KEY (municipality_id, participant_id) REFERENCES app.participant (municipality_id, id),
        CHECK (to_date >= from_date)
      )`);
    await q.query(`CREATE INDEX absence_participant ON app.absence (municipality_id, participant_id, from_date)`);

    // the participation certificate, issued when the programme ends either way.
    await q.query(`
      CREATE TABLE app.certificate (
        municipality_id smallint NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        participant_id uuid NOT NULL,
        issued_at date NOT NULL,
        content jsonb NOT NULL,
        PRIMARY KEY (municipality_id, id),
        UNIQUE (municipality_id, participant_id),
        FOREIGN KEY (municipality_id, participant_id) REFERENCES app.participant (municipality_id, id)
      )`);

    for (const t of TABLES) {
      await q.query(`GRANT SELECT, INSERT, UPDATE ON app.${t} TO introsak_api`);
      await q.query(`ALTER TABLE app.${t} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE app.${t} FORCE ROW LEVEL SECURITY`);
      await q.query(`
        CREATE POLICY ${t}_own_municipality ON app.${t}
          USING (municipality_id = app.current_municipality_id())
          WITH CHECK (municipality_id = app.current_municipality_id())`);
    }
    await q.query(`CREATE INDEX participant_status ON app.participant (municipality_id, status, start_deadline, id)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX app.participant_status`);
    for (const t of [...TABLES].reverse()) await q.query(`DROP TABLE app.${t}`);
  }
}
