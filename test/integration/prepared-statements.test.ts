/**
 * Named prepared statements are bounded per connection: PostgreSQL keeps each one for the connection's
 * life, and case-list filters make many distinct SQL texts. Beyond the bound a text runs unnamed, with the
 * same answer.
 */
import { MAX_PREPARED_PER_CONNECTION, RequestTransaction } from '../../src/db/request-transaction';
import { createTestDatabase, TestDatabase } from '../support/database';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db.drop());

test(`a connection prepares at most ${MAX_PREPARED_PER_CONNECTION} statements, and texts beyond answer the same`, async () => {
  const api = await db.api(1);
  const settings = { role: 'MUNICIPALITY', org: '4601', actor: 'cw', municipalityId: null, municipalityIds: [] };
  const distinct = MAX_PREPARED_PER_CONNECTION + 60;
  let prepared = 0;
  for (let round = 0; round < 2; round++) {
    const tx = new RequestTransaction(api, settings);
    await tx.begin();
    for (let i = 0; i < distinct; i++) {
      const [row] = await tx.query<{ x: number }>(`SELECT $1::int + ${i} AS x`, [1]);
      expect(row.x).toBe(1 + i);
    }
    [{ prepared }] = await tx.query<{ prepared: number }>(`SELECT count(*)::int AS prepared FROM pg_prepared_statements`);
    await tx.commit();
    await tx.release();
  }
  // One connection (pool of 1) for both rounds: the bound holds across requests, the count query included.
  expect(prepared).toBe(MAX_PREPARED_PER_CONNECTION);
});
