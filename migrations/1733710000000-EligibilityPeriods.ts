import { MigrationInterface, QueryRunner } from 'typeorm';
import { eligibilityPeriods, PermitCategory } from '../src/domain/eligibility';

/**
 * Eligibility as stored, dated facts (issue 19): each participant row carries the periods of evaluation
 * dates with their basis (RIGHT_AND_DUTY, DISCRETIONARY, NONE), computed from the row's facts by the
 * domain's own rule (src/domain/eligibility.ts, eligibilityPeriods) and rewritten on every write of those
 * facts. The case list's eligibility filter is then a condition in SQL for whatever day it is asked,
 * instead of evaluating the law in Node for every candidate (15 aliases of it on an 8 500-case
 * municipality held the event loop for 16–18 s and stalled every other tenant).
 *
 * Existing rows are computed here. A later change to the rule's dated data (a new row of MAX_AGE_TABLE)
 * needs a migration that recomputes the column the same way.
 */
export class EligibilityPeriods1733710000000 implements MigrationInterface {
  name = 'EligibilityPeriods1733710000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app.participant ADD COLUMN eligibility_periods jsonb`);
    // The owner computes existing rows: row-level security stays enabled, forced again at the end.
    await q.query(`ALTER TABLE app.participant NO FORCE ROW LEVEL SECURITY`);
    const rows: Record<string, unknown>[] = await q.query(
      `SELECT municipality_id, id, to_char(birth_date, 'YYYY-MM-DD') AS birth_date, permit_category, to_char(permit_grant_date, 'YYYY-MM-DD') AS permit_grant_date,
              to_char(arrival_date, 'YYYY-MM-DD') AS arrival_date, to_char(settlement_date, 'YYYY-MM-DD') AS settlement_date, settled_by_agreement,
              family_reference_years::float8 AS family_reference_years, weekly_work_hours::float8 AS weekly_work_hours
       FROM app.participant`,
    );
    for (let i = 0; i < rows.length; i += 1000) {
      const batch = rows.slice(i, i + 1000);
      await q.query(
        `UPDATE app.participant p SET eligibility_periods = x.periods
         FROM unnest($1::smallint[], $2::uuid[], $3::jsonb[]) AS x(m, id, periods) WHERE p.municipality_id = x.m AND p.id = x.id`,
        [
          batch.map((r) => r.municipality_id),
          batch.map((r) => r.id),
          batch.map((r) =>
            JSON.stringify(
              eligibilityPeriods({
                birthDate: r.birth_date as string,
                permitCategory: r.permit_category as PermitCategory,
                permitGrantDate: r.permit_grant_date as string,
                arrivalDate: r.arrival_date as string,
                settlementDate: (r.settlement_date as string | null) ?? null,
                settledByAgreementWithImdi: Boolean(r.settled_by_agreement),
                familyReferenceYearsInMunicipality: (r.family_reference_years as number | null) ?? null,
                weeklyWorkHours: (r.weekly_work_hours as number | null) ?? null,
              }),
            ),
          ),
        ],
      );
    }
    await q.query(`ALTER TABLE app.participant FORCE ROW LEVEL SECURITY`);
    // No default: a row written without its periods fails loudly instead of silently matching no filter.
    await q.query(`ALTER TABLE app.participant ALTER COLUMN eligibility_periods SET NOT NULL`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app.participant DROP COLUMN eligibility_periods`);
  }
}
