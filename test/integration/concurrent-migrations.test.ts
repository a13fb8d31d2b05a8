/**
 * The login roles belong to the whole server, not to one database: databases migrated at the same moment
 * (two deployments on one server, parallel test runs) each ALTER ROLE introsak_api. PostgreSQL refuses the
 * loser of such a race with "tuple concurrently updated"; migrate() runs the pending migrations again.
 * Seen before the retry: a test database's migration failed that way while another run migrated beside it.
 */
import { createTestDatabase, TestDatabase } from '../support/database';

describe('migrations of several databases of one server at the same moment', () => {
  const dbs: TestDatabase[] = [];
  afterAll(async () => {
    await Promise.all(dbs.map((d) => d.drop()));
  });

  it('all succeed, each with every table', async () => {
    const made = await Promise.allSettled([createTestDatabase(), createTestDatabase(), createTestDatabase(), createTestDatabase()]);
    for (const m of made) if (m.status === 'fulfilled') dbs.push(m.value);
    expect(made.map((m) => (m.status === 'rejected' ? String(m.reason) : 'ok'))).toEqual(['ok', 'ok', 'ok', 'ok']);
    const counts = await Promise.all(
      dbs.map(async (d) => {
        const c = await d.owner();
        return Number((await c.query(`SELECT count(*) FROM pg_tables WHERE schemaname = 'app'`)).rows[0].count);
      }),
    );
    expect(new Set(counts).size).toBe(1);
    expect(counts[0]).toBeGreaterThan(15);
  }, 180_000);
});
