import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Statsforvalteren's appeal list ordered by the appeal deadline (klagefrist, R-9.2; issue 17 item 3): an index
 * (statsforvalter_id, deadline, id) over the forwarded appeals, like the list's other two orders, read forward
 * for ASC and backward for DESC and for a backward page.
 */
export class AppealDeadlineOrder1733890000000 implements MigrationInterface {
  name = 'AppealDeadlineOrder1733890000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX appeal_statsforvalter_deadline ON app.appeal (statsforvalter_id, deadline, id) WHERE forwarded_at IS NOT NULL`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX app.appeal_statsforvalter_deadline`);
  }
}
