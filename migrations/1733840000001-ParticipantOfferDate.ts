import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * an explicit offer date on the case. When recorded it selects the regime of the programme rules
 * (§§ 13, 14, 14 a, 18 a, forskrift § 4) instead of the first granted participation decision's date.
 */
export class ParticipantOfferDate1733840000001 implements MigrationInterface {
  name = 'ParticipantOfferDate1733840000001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app.participant ADD COLUMN offer_date date`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app.participant DROP COLUMN offer_date`);
  }
}
