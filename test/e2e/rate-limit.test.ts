/**
 * Rate limits per caller (token sub) and per organisation, shared by two real API processes through
 * Redis (127.0.0.1:6379, under a key prefix of this run's own): the budget is one, whichever process
 * a request reaches. Over it: HTTP 429 RATE_LIMITED with Retry-After. Without REDIS_URL the limit
 * holds per process, in memory.
 */
import crypto from 'node:crypto';
import { signDevToken } from '../../src/auth/token';
import { createTestDatabase, TestDatabase } from '../support/database';
import { PROCESS_SECRET, ServerProcess, startServerProcess } from '../support/server-process';
import { startTestApp } from '../support/app';

const Q = '{ me { sub } }';
const prefix = `introsak-test-${crypto.randomBytes(6).toString('hex')}`;
let db: TestDatabase;
const servers: ServerProcess[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  const env = { REDIS_URL: 'redis://127.0.0.1:6379', RATE_LIMIT_PREFIX: prefix, RATE_LIMIT_PER_CALLER: '6', RATE_LIMIT_PER_ORG: '10', DATABASE_POOL_SIZE: '2' };
  servers.push(await startServerProcess({ databaseUrl: db.ownerUrl, env }));
  servers.push(await startServerProcess({ databaseUrl: db.ownerUrl, env }));
}, 180_000);

afterAll(async () => {
  for (const s of servers) {
    if (s.child.exitCode === null) {
      s.child.kill('SIGTERM');
      await s.exited;
    }
  }
  await db?.drop();
});

test('two API processes share one budget per caller and per organisation through Redis', async () => {
  const [a, b] = servers;
  const kari = await signDevToken(PROCESS_SECRET, { sub: 'kari', role: 'MUNICIPALITY', org: '4601' });
  const statuses: number[] = [];
  for (let i = 0; i < 6; i++) statuses.push((await (i % 2 ? b : a).gql(kari, Q)).status);
  expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
  // The seventh, on either process, is over Kari's budget.
  for (const s of [a, b]) {
    const over = await s.gql(kari, Q);
    expect(over.status).toBe(429);
    expect(over.body.errors![0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryable: true });
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(over.headers.get('retry-after'))).toBeLessThanOrEqual(60);
  }
  // Her colleague still has a budget of his own, but the organisation's (10) runs out across both processes.
  const ola = await signDevToken(PROCESS_SECRET, { sub: 'ola', role: 'MUNICIPALITY', org: '4601' });
  const olaStatuses: number[] = [];
  for (let i = 0; i < 6; i++) olaStatuses.push((await (i % 2 ? a : b).gql(ola, Q)).status);
  expect(olaStatuses.filter((s) => s === 200).length).toBeLessThan(6);
  expect(olaStatuses).toContain(429);
  // Another organisation is untouched.
  const oslo = await signDevToken(PROCESS_SECRET, { sub: 'kari', role: 'MUNICIPALITY', org: '0301' });
  expect((await b.gql(oslo, Q)).status).toBe(200);
});

test('without Redis the limit holds in memory, with Retry-After', async () => {
  const t = await startTestApp({ env: { RATE_LIMIT_PER_CALLER: '2' } });
  try {
    const tok = await t.token('MUNICIPALITY', '4601');
    expect((await t.gql(tok, Q)).status).toBe(200);
    expect((await t.gql(tok, Q)).status).toBe(200);
    const over = await t.gql(tok, Q);
    expect(over.status).toBe(429);
    expect(over.headers['retry-after']).toMatch(/^\d+$/);
    expect(over.body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(over.headers['x-sql-statements']).toBeUndefined();
  } finally {
    await t.close();
  }
});
