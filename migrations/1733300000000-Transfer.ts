import { MigrationInterface, QueryRunner } from 'typeorm';

const COPIED = ['participant', 'competence_mapping', 'plan_version', 'programme', 'decision'];

/**
 * Moving between municipalities: the sending municipality hands a copy of the case to the receiving
 * one as a new case in that municipality's tenant. The only way one municipality writes into another's
 * tenant is these INSERT-only policies, open while the sender's transaction has set app.transfer_to
 * (transaction-local, set by the transfer service only). The sender cannot read what it wrote.
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
    for (const t of COPIED) {
      await q.query(`
        CREATE POLICY ${t}_transfer_in ON app.${t} FOR INSERT
          WITH CHECK (app.current_actor_role() = 'MUNICIPALITY'
                      AND municipality_id = nullif(current_setting('app.transfer_to', true), '')::smallint
                      AND municipality_id <> app.current_municipality_id())`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const t of COPIED) await q.query(`DROP POLICY ${t}_transfer_in ON app.${t}`);
    await q.query(`
      ALTER TABLE app.participant DROP COLUMN transferred_from_municipality_id, DROP COLUMN transferred_from_participant_id,
        DROP COLUMN transferred_to_municipality_id, DROP COLUMN transferred_at`);
  }
}
