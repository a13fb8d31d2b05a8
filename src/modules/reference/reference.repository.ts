/** Every statement on the reference tables (municipality, county, statsforvalter_area). */
import { OrgDirectory } from '../../auth/org-directory';
import { db, Queryable, run, sql } from '../../db/sql';

/**
 * The reference data held in memory for the life of the process (it changes only by migration):
 * municipalities valid today, counties, Statsforvalter areas.
 */
export async function loadOrgDirectory(on: Queryable): Promise<OrgDirectory> {
  const [m, c, a] = await Promise.all([
    run(
      on,
      db
        .selectFrom('app.municipality')
        .select(['id', 'number', 'name', 'county_number as countyNumber'])
        .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', sql<string>`current_date`)]))
        .orderBy('number'),
    ),
    run(on, db.selectFrom('app.county').select(['number', 'name', 'statsforvalter_id as statsforvalterId']).orderBy('number')),
    run(on, db.selectFrom('app.statsforvalter_area').select(['id', 'name']).orderBy('name')),
  ]);
  return new OrgDirectory(m, c, a);
}
