import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The access log names the participants of a read as an array: one row per request, municipality,
 * purpose and set of fields (a page of 50 participants is one row), found per participant through a
 * GIN index. Measured with pgbench on the 100 000-participant bench data: logging a 50-row page as 50
 * rows cost 2.8 ms of database time (a foreign-key check and two index entries per row), more than
 * the list's own query; as one row it costs about as much as nothing measurable. Existing rows are
 * kept, each as a one-participant row.
 */
export class AccessLogPerRequest1733400000000 implements MigrationInterface {
  name = 'AccessLogPerRequest1733400000000';

  public async up(q: QueryRunner): Promise<void> {
    // The owner rewrites existing rows: row-level security stays enabled, forced again at the end.
    await q.query(`ALTER TABLE app.access_log NO FORCE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE app.access_log ADD COLUMN participant_ids uuid[]`);
    await q.query(`UPDATE app.access_log SET participant_ids = ARRAY[participant_id]`);
    await q.query(`ALTER TABLE app.access_log ALTER COLUMN participant_ids SET NOT NULL`);
    await q.query(`ALTER TABLE app.access_log ADD CONSTRAINT access_log_names_participants CHECK (cardinality(participant_ids) >= 1)`);
    await q.query(`DROP POLICY access_log_append_reassigned_appeal ON app.access_log`);
    await q.query(`DROP INDEX app.access_log_participant`);
    await q.query(`ALTER TABLE app.access_log DROP COLUMN participant_id`);
    await q.query(`CREATE INDEX access_log_participants ON app.access_log USING gin (participant_ids)`);
    // A Statsforvalter office handling an appeal reassigned to it from outside its area logs
    // its reads too: every participant the row names has such an appeal.
    await q.query(`
      CREATE POLICY access_log_append_reassigned_appeal ON app.access_log FOR INSERT
        WITH CHECK (app.current_actor_role() = 'STATSFORVALTER' AND NOT EXISTS (
          SELECT 1 FROM unnest(access_log.participant_ids) AS x(participant_id)
          WHERE NOT EXISTS (SELECT 1 FROM app.appeal a WHERE a.municipality_id = access_log.municipality_id
            AND a.participant_id = x.participant_id AND a.statsforvalter_id = app.current_org())))`);
    await q.query(`ALTER TABLE app.access_log FORCE ROW LEVEL SECURITY`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app.access_log NO FORCE ROW LEVEL SECURITY`);
    await q.query(`DROP POLICY access_log_append_reassigned_appeal ON app.access_log`);
    await q.query(`ALTER TABLE app.access_log ADD COLUMN participant_id uuid`);
    await q.query(`
      INSERT INTO app.access_log (municipality_id, at, request_id, actor_sub, actor_role, actor_org, participant_ids, participant_id, purpose, fields)
      SELECT l.municipality_id, l.at, l.request_id, l.actor_sub, l.actor_role, l.actor_org, ARRAY[x.participant_id], x.participant_id, l.purpose, l.fields
      FROM app.access_log l, unnest(l.participant_ids) AS x(participant_id) WHERE cardinality(l.participant_ids) > 1`);
    await q.query(`DELETE FROM app.access_log WHERE cardinality(participant_ids) > 1`);
    await q.query(`UPDATE app.access_log SET participant_id = participant_ids[1] WHERE participant_id IS NULL`);
    await q.query(`ALTER TABLE app.access_log ALTER COLUMN participant_id SET NOT NULL`);
    await q.query(`DROP INDEX app.access_log_participants`);
    await q.query(`ALTER TABLE app.access_log DROP CONSTRAINT access_log_names_participants`);
    await q.query(`ALTER TABLE app.access_log DROP COLUMN participant_ids`);
    await q.query(`CREATE INDEX access_log_participant ON app.access_log (municipality_id, participant_id, at DESC)`);
    await q.query(`
      CREATE POLICY access_log_append_reassigned_appeal ON app.access_log FOR INSERT
        WITH CHECK (app.current_actor_role() = 'STATSFORVALTER' AND EXISTS (
          SELECT 1 FROM app.appeal a WHERE a.municipality_id = access_log.municipality_id
            AND a.participant_id = access_log.participant_id AND a.statsforvalter_id = app.current_org()))`);
    await q.query(`ALTER TABLE app.access_log FORCE ROW LEVEL SECURITY`);
  }
}
