import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * app.care_leave_days_used runs as introsak_care_leave, and app.care_leave's restrictive policy calls
 * app.context_verified() as the querying role: without EXECUTE every shared count failed with "permission
 * denied for function context_verified" (an INTERNAL_SERVER_ERROR on every care leave). With it, the count
 * across municipalities answers only inside a request whose signed tenant context verifies.
 */
export class CareLeaveContextVerified1733890000002 implements MigrationInterface {
  name = 'CareLeaveContextVerified1733890000002';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`GRANT EXECUTE ON FUNCTION app.context_verified() TO introsak_care_leave`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`REVOKE EXECUTE ON FUNCTION app.context_verified() FROM introsak_care_leave`);
  }
}
