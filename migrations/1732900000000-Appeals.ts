import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Appeals (klage, integreringsloven § 47, forvaltningsloven §§ 28–36): the appeal, a tenant table of the
 * municipality that made the appealed decision, and its append-only history.
 *
 * Who sees what:
 * - the municipality sees and writes its own appeals (municipality_id = app.current_municipality_id());
 * - a Statsforvalter user sees an appeal only once it is forwarded and assigned to its office,
 *   and may update only those rows, to record its decision; a trigger keeps each side to its own columns;
 * - through the appeals it sees, the Statsforvalter may read exactly what an appeal needs: the
 *   appealed decision (and the municipality's partial reversal of it), the participant row and that
 *   participant's plan and contract versions. Nothing else of the case file: not the participant's other
 *   decisions, absence, programme or certificate, and no other participant.
 *
 * An appeal reassigned to another office (disqualification, R-9.5) lies outside that office's own area, so
 * "assigned to the caller's office" is the grant; the area check applies to appeals that were not reassigned.
 */

const FORWARDED_STATES = `'FORWARDED', 'PARTLY_REVERSED_AND_FORWARDED', 'DECIDED_BY_STATSFORVALTER'`;

/** The Statsforvalter's view of one appeal row `a`: forwarded (or closed after its decision) and assigned to the caller's office. */
function statsforvalterSees(a: string): string {
  return `(app.current_actor_role() = 'STATSFORVALTER'
    AND ${a}.statsforvalter_id = app.current_org()
    AND (${a}.state IN (${FORWARDED_STATES}) OR (${a}.state = 'CLOSED' AND ${a}.closed_from = 'DECIDED_BY_STATSFORVALTER'))
    AND (${a}.municipality_id = ANY (app.reachable_municipality_ids()) OR ${a}.reassigned_at IS NOT NULL))`;
}

/** A Statsforvalter-visible appeal of the same municipality as `t`, matching `match` (SQL on alias a). */
function throughVisibleAppeal(t: string, match: string): string {
  return `app.current_actor_role() = 'STATSFORVALTER' AND EXISTS (
    SELECT 1 FROM app.appeal a WHERE a.municipality_id = ${t}.municipality_id AND ${match} AND ${statsforvalterSees('a')})`;
}

/** Read-only (or, for the change log, append) policies the Statsforvalter gets on existing tables. */
const STATSFORVALTER_POLICIES: { name: string; table: string; sql: string }[] = [
  {
    name: 'decision_statsforvalter_appealed',
    table: 'decision',
    sql: `FOR SELECT USING (${throughVisibleAppeal('decision', '(a.decision_id = decision.id OR a.reversal_decision_id = decision.id)')})`,
  },
  {
    name: 'participant_statsforvalter_appellant',
    table: 'participant',
    sql: `FOR SELECT USING (${throughVisibleAppeal('participant', 'a.participant_id = participant.id')})`,
  },
  {
    name: 'plan_version_statsforvalter_appellant',
    table: 'plan_version',
    sql: `FOR SELECT USING (${throughVisibleAppeal('plan_version', 'a.participant_id = plan_version.participant_id')})`,
  },
  // The change log is written by whoever acts on a municipality's case; an office handling a reassigned
  // appeal is outside its own area, so the Foundation's reachable-municipality policies do not cover it.
  {
    name: 'audit_event_statsforvalter_append',
    table: 'audit_event',
    sql: `FOR INSERT WITH CHECK (${throughVisibleAppeal('audit_event', 'true')})`,
  },
  {
    name: 'audit_chain_head_statsforvalter',
    table: 'audit_chain_head',
    sql: `USING (${throughVisibleAppeal('audit_chain_head', 'true')}) WITH CHECK (${throughVisibleAppeal('audit_chain_head', 'true')})`,
  },
];

export class Appeals1732900000000 implements MigrationInterface {
  name = 'Appeals1732900000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE app.appeal (
        municipality_id smallint NOT NULL REFERENCES app.municipality(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        decision_id uuid NOT NULL,
        participant_id uuid NOT NULL,
        version integer NOT NULL DEFAULT 1,
        state text NOT NULL DEFAULT 'RECEIVED' CHECK (state IN ('RECEIVED', 'UNDER_REVIEW', 'REVERSED', 'PARTLY_REVERSED_AND_FORWARDED',
          'DISMISSED', 'FORWARDED', 'DECIDED_BY_STATSFORVALTER', 'CLOSED')),
        closed_from text CHECK (closed_from IN ('RECEIVED', 'UNDER_REVIEW', 'REVERSED', 'DISMISSED', 'DECIDED_BY_STATSFORVALTER')),
        -- R-9.1: the appeal as received
        received_at date NOT NULL,
        sent_at date NOT NULL,
        grounds text NOT NULL,
        change_wanted text NOT NULL,
        -- R-9.2 / R-9.3: timeliness, computed when written
        reasons_requested_at date,
        reasons_received_at date,
        extended_deadline date,
        deadline date NOT NULL,
        deadline_basis text NOT NULL CHECK (deadline_basis IN ('NOTICE', 'REASONS', 'EXTENDED')),
        filed_in_time boolean NOT NULL,
        late_ground text CHECK (late_ground IN ('PARTY_NOT_TO_BLAME', 'SPECIAL_REASONS')),
        late_appeal_last_day date NOT NULL,
        -- R-9.4: the municipality's review
        dismissal_reasons text,
        reversal_decision_id uuid,
        municipality_statement text,
        statement_copied_to_participant_at date,
        forwarded_at timestamptz,
        -- R-9.5: the competent office, and a reassignment when it is disqualified
        statsforvalter_id text REFERENCES app.statsforvalter_area(id),
        reassigned_at timestamptz,
        reassignment_reason text,
        -- R-9.6 / R-9.7: Statsforvalteren's decision
        outcome text CHECK (outcome IN ('DISMISSED', 'UPHELD', 'CHANGED', 'QUASHED_AND_RETURNED')),
        outcome_partial boolean NOT NULL DEFAULT false,
        outcome_reasons text,
        outcome_decided_at date,
        detriment_notice_at date,
        decided_by text,
        decided_by_sub text,
        to_detriment boolean NOT NULL DEFAULT false,
        -- the municipality's follow-up after CHANGED / QUASHED_AND_RETURNED
        follow_up_decision_id uuid,
        created_by_sub text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (municipality_id, id),
        FOREIGN KEY (municipality_id, decision_id) REFERENCES app.decision (municipality_id, id),
        FOREIGN KEY (municipality_id, participant_id) REFERENCES app.participant (municipality_id, id),
        FOREIGN KEY (municipality_id, reversal_decision_id) REFERENCES app.decision (municipality_id, id),
        FOREIGN KEY (municipality_id, follow_up_decision_id) REFERENCES app.decision (municipality_id, id),
        CHECK (forwarded_at IS NULL OR (statsforvalter_id IS NOT NULL AND municipality_statement IS NOT NULL)),
        CHECK (state <> 'DECIDED_BY_STATSFORVALTER' OR (outcome IS NOT NULL AND outcome_decided_at IS NOT NULL)),
        CHECK ((state = 'CLOSED') = (closed_from IS NOT NULL))
      )`);
    // The municipality's lists and the policies' EXISTS look-ups.
    await q.query(`CREATE INDEX appeal_participant ON app.appeal (municipality_id, participant_id, received_at)`);
    await q.query(`CREATE INDEX appeal_decision ON app.appeal (municipality_id, decision_id)`);
    await q.query(`CREATE INDEX appeal_reversal_decision ON app.appeal (municipality_id, reversal_decision_id) WHERE reversal_decision_id IS NOT NULL`);
    await q.query(`CREATE INDEX appeal_statsforvalter_municipality ON app.appeal (municipality_id, statsforvalter_id) WHERE forwarded_at IS NOT NULL`);
    // Statsforvalteren's look-ups by id, and its list in each of its orders with the tie-breaker.
    await q.query(`CREATE INDEX appeal_statsforvalter_id ON app.appeal (statsforvalter_id, id) WHERE forwarded_at IS NOT NULL`);
    await q.query(`CREATE INDEX appeal_statsforvalter_waiting ON app.appeal (statsforvalter_id, forwarded_at, id) WHERE forwarded_at IS NOT NULL`);
    await q.query(`CREATE INDEX appeal_statsforvalter_received ON app.appeal (statsforvalter_id, received_at, id) WHERE forwarded_at IS NOT NULL`);
    // The dashboard's counts.
    await q.query(`CREATE INDEX appeal_awaiting_review ON app.appeal (municipality_id) WHERE state IN ('RECEIVED', 'UNDER_REVIEW')`);
    await q.query(
      `CREATE INDEX appeal_follow_up_needed ON app.appeal (municipality_id) WHERE outcome IN ('CHANGED', 'QUASHED_AND_RETURNED') AND follow_up_decision_id IS NULL`,
    );
    await q.query(`CREATE INDEX appeal_open ON app.appeal (municipality_id, participant_id) WHERE state <> 'CLOSED'`);

    // Every step of an appeal, by whom, when and for which organisation. Append-only.
    await q.query(`
      CREATE TABLE app.appeal_event (
        municipality_id smallint NOT NULL REFERENCES app.municipality(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        appeal_id uuid NOT NULL,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_sub text NOT NULL,
        actor_name text NOT NULL,
        actor_role text NOT NULL,
        actor_org text NOT NULL,
        event text NOT NULL CHECK (event IN ('REGISTER', 'ACCEPT_LATE', 'START_REVIEW', 'REVERSE', 'PARTLY_REVERSE_AND_FORWARD', 'DISMISS', 'FORWARD',
          'REASSIGN', 'STATSFORVALTER_DECIDE', 'RECORD_FOLLOW_UP', 'CLOSE')),
        from_state text,
        to_state text,
        note text,
        PRIMARY KEY (municipality_id, id),
        FOREIGN KEY (municipality_id, appeal_id) REFERENCES app.appeal (municipality_id, id)
      )`);
    await q.query(`CREATE INDEX appeal_event_appeal ON app.appeal_event (municipality_id, appeal_id, at)`);

    // Each side changes only its own columns, whatever a bug in the API might try: Statsforvalteren records
    // its decision on a forwarded, undecided appeal (a decided appeal is final, R-9.6); the municipality never
    // writes Statsforvalteren's decision.
    await q.query(`
      CREATE FUNCTION app.appeal_guard_update() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        decision_columns text[] := ARRAY['outcome', 'outcome_partial', 'outcome_reasons', 'outcome_decided_at', 'detriment_notice_at',
                                         'decided_by', 'decided_by_sub', 'to_detriment'];
      BEGIN
        IF app.current_actor_role() = 'STATSFORVALTER' THEN
          IF OLD.state NOT IN ('FORWARDED', 'PARTLY_REVERSED_AND_FORWARDED') OR NEW.state <> 'DECIDED_BY_STATSFORVALTER'
             OR (to_jsonb(NEW) - decision_columns - ARRAY['state', 'version', 'updated_at'])
                IS DISTINCT FROM (to_jsonb(OLD) - decision_columns - ARRAY['state', 'version', 'updated_at']) THEN
            RAISE EXCEPTION 'Statsforvalteren may only record its decision on a forwarded appeal' USING ERRCODE = '42501';
          END IF;
        ELSIF (NEW.state = 'DECIDED_BY_STATSFORVALTER' AND OLD.state <> 'DECIDED_BY_STATSFORVALTER')
             OR (SELECT jsonb_object_agg(k, v) FROM jsonb_each(to_jsonb(NEW)) e(k, v) WHERE k = ANY (decision_columns))
                IS DISTINCT FROM (SELECT jsonb_object_agg(k, v) FROM jsonb_each(to_jsonb(OLD)) e(k, v) WHERE k = ANY (decision_columns)) THEN
          RAISE EXCEPTION 'Only Statsforvalteren records its decision on an appeal' USING ERRCODE = '42501';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER appeal_guard_update BEFORE UPDATE ON app.appeal FOR EACH ROW EXECUTE FUNCTION app.appeal_guard_update()`);

    await q.query(`GRANT SELECT, INSERT, UPDATE ON app.appeal TO introsak_api`);
    await q.query(`GRANT SELECT, INSERT ON app.appeal_event TO introsak_api`);
    for (const t of ['appeal', 'appeal_event']) {
      await q.query(`ALTER TABLE app.${t} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE app.${t} FORCE ROW LEVEL SECURITY`);
    }

    await q.query(`
      CREATE POLICY appeal_own_municipality ON app.appeal
        USING (municipality_id = app.current_municipality_id())
        WITH CHECK (municipality_id = app.current_municipality_id())`);
    await q.query(`CREATE POLICY appeal_statsforvalter_read ON app.appeal FOR SELECT USING ${statsforvalterSees('appeal')}`);
    await q.query(
      `CREATE POLICY appeal_statsforvalter_decide ON app.appeal FOR UPDATE USING ${statsforvalterSees('appeal')} WITH CHECK ${statsforvalterSees('appeal')}`,
    );

    // History: written in the caller's own name only, read by the municipality and by the office that sees the appeal.
    await q.query(`
      CREATE POLICY appeal_event_own_municipality ON app.appeal_event
        USING (municipality_id = app.current_municipality_id())
        WITH CHECK (municipality_id = app.current_municipality_id() AND actor_role = app.current_actor_role() AND actor_org = app.current_org())`);
    const eventOfVisibleAppeal = throughVisibleAppeal('appeal_event', 'a.id = appeal_event.appeal_id');
    await q.query(`CREATE POLICY appeal_event_statsforvalter_read ON app.appeal_event FOR SELECT USING (${eventOfVisibleAppeal})`);
    await q.query(`
      CREATE POLICY appeal_event_statsforvalter_append ON app.appeal_event FOR INSERT
        WITH CHECK (${eventOfVisibleAppeal} AND actor_role = app.current_actor_role() AND actor_org = app.current_org())`);

    for (const p of STATSFORVALTER_POLICIES) await q.query(`CREATE POLICY ${p.name} ON app.${p.table} ${p.sql}`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const p of [...STATSFORVALTER_POLICIES].reverse()) await q.query(`DROP POLICY ${p.name} ON app.${p.table}`);
    await q.query(`DROP TABLE app.appeal_event`);
    await q.query(`DROP TABLE app.appeal`);
    await q.query(`DROP FUNCTION app.appeal_guard_update()`);
  }
}
