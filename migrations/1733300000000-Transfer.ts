import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Moving between municipalities: the sending municipality puts the case into the receiving one's
 * inbox (app.case_transfer, a row of the receiver's tenant); the receiver accepts it into its own
 * register in its own transaction, or rejects it. The sender may INSERT into another municipality's
 * inbox, naming itself as the origin, and read nothing there: it learns nothing of the receiver's
 * register (no existence oracle), and nothing it sends becomes a case until the receiver accepts it.
 */
export class Transfer1733300000000 implements MigrationInterface {
  name = 'Transfer1733300000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE app.participant
        ADD COLUMN transferred_from_municipality_id smallint REFERENCES app.municipality(id),
        ADD COLUMN transferred_from_participant_id uuid,
        ADD COLUMN transferred_to_municipality_id smallint REFERENCES app.municipality(id),
        ADD COLUMN transferred_at date`);
    await q.query(`
      CREATE TABLE app.case_transfer (
        municipality_id smallint NOT NULL REFERENCES app.municipality(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        from_municipality_id smallint NOT NULL REFERENCES app.municipality(id),
        from_participant_id uuid NOT NULL,
        sent_at date NOT NULL,
        sent_by text NOT NULL,
        snapshot jsonb NOT NULL,
        time_already_used_days integer NOT NULL DEFAULT 0,
        state text NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'ACCEPTED', 'REJECTED')),
        decided_at date,
        decided_by text,
        rejection_reason text,
        accepted_participant_id uuid,
        version integer NOT NULL DEFAULT 1,
        PRIMARY KEY (municipality_id, id),
        FOREIGN KEY (municipality_id, accepted_participant_id) REFERENCES app.participant (municipality_id, id),
        CHECK (municipality_id <> from_municipality_id)
      )`);
    await q.query(`CREATE INDEX case_transfer_pending ON app.case_transfer (municipality_id, sent_at, id) WHERE state = 'PENDING'`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON app.case_transfer TO introsak_api`);
    await q.query(`ALTER TABLE app.case_transfer ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE app.case_transfer FORCE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY case_transfer_receiver ON app.case_transfer
        USING (municipality_id = app.current_municipality_id())
        WITH CHECK (municipality_id = app.current_municipality_id())`);
    await q.query(`
      CREATE POLICY case_transfer_sender ON app.case_transfer FOR INSERT
        WITH CHECK (app.current_actor_role() = 'MUNICIPALITY' AND from_municipality_id = app.current_municipality_id()
                    AND municipality_id <> app.current_municipality_id() AND state = 'PENDING')`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE app.case_transfer`);
    await q.query(`
      ALTER TABLE app.participant DROP COLUMN transferred_from_municipality_id, DROP COLUMN transferred_from_participant_id,
        DROP COLUMN transferred_to_municipality_id, DROP COLUMN transferred_at`);
  }
}
