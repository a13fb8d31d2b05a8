import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The access log: every read of a participant's personal data, by whom, for which purpose, which
 * fields. Written in the request's transaction; the API login may insert and read (its own
 * municipality's rows) but never change or delete it.
 */
export class AccessLog1733100000000 implements MigrationInterface {
  name = 'AccessLog1733100000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE app.access_log (
        municipality_id smallint NOT NULL REFERENCES app.municipality(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        at timestamptz NOT NULL DEFAULT now(),
        request_id text NOT NULL,
        actor_sub text NOT NULL,
        actor_role text NOT NULL,
        actor_org text NOT NULL,
        participant_id uuid NOT NULL,
        purpose text NOT NULL,
        fields text[] NOT NULL,
        PRIMARY KEY (municipality_id, id)
      )`);
    await q.query(`CREATE INDEX access_log_participant ON app.access_log (municipality_id, participant_id, at DESC)`);
    await q.query(`GRANT SELECT, INSERT ON app.access_log TO introsak_api`);
    await q.query(`ALTER TABLE app.access_log ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE app.access_log FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY access_log_read ON app.access_log FOR SELECT USING (municipality_id = app.current_municipality_id())`);
    await q.query(`CREATE POLICY access_log_append ON app.access_log FOR INSERT WITH CHECK (municipality_id = ANY (app.reachable_municipality_ids()))`);
    // A Statsforvalter office handling an appeal reassigned to it from outside its area logs its reads too.
    await q.query(`
      CREATE POLICY access_log_append_reassigned_appeal ON app.access_log FOR INSERT
        WITH CHECK (app.current_actor_role() = 'STATSFORVALTER' AND EXISTS (
          SELECT 1 FROM app.appeal a WHERE a.municipality_id = access_log.municipality_id
            AND a.participant_id = access_log.participant_id AND a.statsforvalter_id = app.current_org()))`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE app.access_log`);
  }
}
