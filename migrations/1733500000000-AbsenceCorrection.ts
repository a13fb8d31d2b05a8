import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An absence registered by mistake can be corrected or cancelled (issue 12): each absence row gets a
 * version for the version guard, and the API may delete an absence row (a cancellation). What was
 * cancelled stays in the hash-chained change log (app.audit_event), with the whole period and the
 * reason; the row itself goes, so nothing that counts absence has to know about
 * cancelled rows.
 */
export class AbsenceCorrection1733500000000 implements MigrationInterface {
  name = 'AbsenceCorrection1733500000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app.absence ADD COLUMN version integer NOT NULL DEFAULT 1`);
    await q.query(`ALTER TABLE app.absence ADD COLUMN updated_at timestamptz`);
    await q.query(`GRANT DELETE ON app.absence TO introsak_api`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`REVOKE DELETE ON app.absence FROM introsak_api`);
    await q.query(`ALTER TABLE app.absence DROP COLUMN updated_at`);
    await q.query(`ALTER TABLE app.absence DROP COLUMN version`);
  }
}
