import { MigrationInterface, QueryRunner } from 'typeorm';

const FORWARDED = `'FORWARDED', 'PARTLY_REVERSED_AND_FORWARDED'`;
const CLOSED_FROM_BEFORE = `'RECEIVED', 'UNDER_REVIEW', 'REVERSED', 'DISMISSED', 'DECIDED_BY_STATSFORVALTER'`;

/** The guard of migration 1732900000000, with `handOn` (SQL) as the one other change Statsforvalteren may make. */
function guard(handOn: string | null): string {
  return `
      CREATE OR REPLACE FUNCTION app.appeal_guard_update() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        decision_columns text[] := ARRAY['outcome', 'outcome_partial', 'outcome_reasons', 'outcome_decided_at', 'detriment_notice_at',
                                         'decided_by', 'decided_by_sub', 'to_detriment'];
        hand_on_columns text[] := ARRAY['statsforvalter_id', 'reassigned_at', 'reassignment_reason', 'handed_on_by', 'version', 'updated_at'];
      BEGIN
        IF app.current_actor_role() = 'STATSFORVALTER' THEN
          ${handOn ?? ''}
          IF OLD.state NOT IN (${FORWARDED}) OR NEW.state <> 'DECIDED_BY_STATSFORVALTER'
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
      END $$`;
}

/**
 * the appeal's edge cases:
 * - a party may withdraw an appeal also after forwarding, until Statsforvalteren decides: CLOSED may now be
 *   closed from FORWARDED or PARTLY_REVERSED_AND_FORWARDED;
 * - the municipality's dismissal (avvisning) is itself an appealable decision: the appeal keeps the id of the
 *   APPEAL_DISMISSAL decision its dismissal made;
 * - a disqualified Statsforvalter office hands an undecided, forwarded appeal on to another office itself.
 *   The guard lets Statsforvalteren change exactly the assignment columns of an appeal assigned to its own
 *   office, in the same state, to another office; a policy lets the row leave the office (its WITH CHECK: a
 *   handed-on, forwarded appeal). The office writes its history and change log first, while it still sees
 *   the appeal, and updates without RETURNING: afterwards the row is the other office's.
 */
export class AppealEdgeCases1733860000001 implements MigrationInterface {
  name = 'AppealEdgeCases1733860000001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app.appeal DROP CONSTRAINT appeal_closed_from_check`);
    await q.query(`ALTER TABLE app.appeal ADD CONSTRAINT appeal_closed_from_check CHECK (closed_from IN (${CLOSED_FROM_BEFORE}, ${FORWARDED}))`);
    await q.query(`ALTER TABLE app.appeal ADD COLUMN dismissal_decision_id uuid`);
    await q.query(`ALTER TABLE app.appeal ADD COLUMN handed_on_by text`);
    await q.query(`ALTER TABLE app.appeal ADD CONSTRAINT appeal_municipality_id_dismissal_decision_id_fkey FOREIGN KEY (municipality_id, dismissal_decision_id)
      REFERENCES app.decision (municipality_id, id)`);
    await q.query(
      guard(`IF OLD.state IN (${FORWARDED}) AND NEW.state = OLD.state
             AND OLD.statsforvalter_id = app.current_org() AND NEW.statsforvalter_id IS DISTINCT FROM OLD.statsforvalter_id
             AND NEW.reassigned_at IS NOT NULL AND NEW.reassignment_reason IS NOT NULL AND NEW.handed_on_by = app.current_org()
             AND (to_jsonb(NEW) - hand_on_columns) IS NOT DISTINCT FROM (to_jsonb(OLD) - hand_on_columns) THEN
            RETURN NEW; -- R-13.10: a disqualified office hands the appeal on
          END IF;`),
    );
    await q.query(`
      CREATE POLICY appeal_statsforvalter_hand_on ON app.appeal FOR UPDATE
        USING (app.current_actor_role() = 'STATSFORVALTER' AND statsforvalter_id = app.current_org() AND state IN (${FORWARDED})
               AND (municipality_id = ANY (app.reachable_municipality_ids()) OR reassigned_at IS NOT NULL))
        WITH CHECK (app.current_actor_role() = 'STATSFORVALTER' AND state IN (${FORWARDED}) AND reassigned_at IS NOT NULL)`);
    // PostgreSQL checks an updated row against the SELECT policies too (a caller may not update a row out of its
    // sight): the office that handed an appeal on keeps sight of that row of app.appeal, and of nothing through it
    // (the case's policies go through statsforvalter_id); the API reads an office's appeals by statsforvalter_id.
    await q.query(`CREATE POLICY appeal_statsforvalter_handed_on ON app.appeal FOR SELECT
        USING (app.current_actor_role() = 'STATSFORVALTER' AND handed_on_by = app.current_org())`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP POLICY appeal_statsforvalter_handed_on ON app.appeal`);
    await q.query(`DROP POLICY appeal_statsforvalter_hand_on ON app.appeal`);
    await q.query(`ALTER TABLE app.appeal DROP COLUMN handed_on_by`);
    await q.query(guard(null));
    await q.query(`ALTER TABLE app.appeal DROP CONSTRAINT appeal_municipality_id_dismissal_decision_id_fkey`);
    await q.query(`ALTER TABLE app.appeal DROP COLUMN dismissal_decision_id`);
    await q.query(`ALTER TABLE app.appeal DROP CONSTRAINT appeal_closed_from_check`);
    await q.query(`ALTER TABLE app.appeal ADD CONSTRAINT appeal_closed_from_check CHECK (closed_from IN (${CLOSED_FROM_BEFORE}))`);
  }
}
