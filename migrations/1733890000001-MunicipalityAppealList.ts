import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The municipality's own appeal list (issue 17 item 6), ordered by the appeal deadline (klagefrist, R-9.2) or by
 * the day it was received: an index (municipality_id, column, id) for each, read forward for ASC and backward
 * for DESC and for a backward page, like the case list's orders.
 */
export class MunicipalityAppealList1733890000001 implements MigrationInterface {
  name = 'MunicipalityAppealList1733890000001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX appeal_municipality_deadline ON app.appeal (municipality_id, deadline, id)`);
    await q.query(`CREATE INDEX appeal_municipality_received ON app.appeal (municipality_id, received_at, id)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX app.appeal_municipality_received`);
    await q.query(`DROP INDEX app.appeal_municipality_deadline`);
  }
}
