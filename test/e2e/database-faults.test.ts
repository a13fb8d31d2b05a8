/**
 * No database error ends the process (issue 12, item 1), with the real server as a child process on
 * a throwaway database: the backend of a request waiting on a lock is terminated, the API's idle
 * pooled backends are terminated. Only the request that held the dying connection fails, with the
 * retryable UNAVAILABLE answer; the process keeps serving. Backends are terminated only in this
 * file's own database (filtered on datname).
 */
import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '../support/database';
import { participantInput, REGISTER } from '../support/fixtures';
import { ServerProcess, startServerProcess } from '../support/server-process';

const MAP = `mutation($id: UUID!, $input: CompetenceMappingInput!) { recordCompetenceMapping(participantId: $id, input: $input) { id competenceMapping { status } } }`;
const mapping = { languageSkills: 'x', education: 'x', countsAsUpperSecondary: false, workExperience: 'x', complete: false };
const LIST = '{ participants(first: 5) { totalCount } }';

let db: TestDatabase;
let server: ServerProcess;
let owner: Client;
let token: string;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startServerProcess({ databaseUrl: db.ownerUrl, env: { DATABASE_POOL_SIZE: '4' } });
  owner = await db.owner();
  token = await server.token();
}, 120_000);

afterAll(async () => {
  if (server && server.child.exitCode === null) {
    server.child.kill('SIGTERM');
    await server.exited;
  }
  await db?.drop();
});

async function apiBackends(where: string): Promise<number[]> {
  const { rows } = await owner.query(`SELECT pid FROM pg_stat_activity WHERE datname = $1 AND usename = 'introsak_api' AND ${where}`, [db.name]);
  return rows.map((r: { pid: number }) => r.pid);
}

async function waitFor<T>(what: string, fn: () => Promise<T | null>, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const v = await fn();
    if (v !== null) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

test('the backend of a request waiting on a lock is terminated: that request gets UNAVAILABLE, the process lives, the next request succeeds', async () => {
  const reg = await server.gql(token, REGISTER, { input: participantInput() });
  expect(reg.body.errors).toBeUndefined();
  const id = (reg.body.data!.registerParticipant as { id: string }).id;

  await owner.query('BEGIN');
  await owner.query(`SELECT 1 FROM app.participant WHERE id = $1 FOR UPDATE`, [id]);
  const waiting = server.gql(token, MAP, { id, input: mapping });
  const [pid] = await waitFor('the request to wait on the lock', async () => {
    const pids = await apiBackends(`wait_event_type = 'Lock'`);
    return pids.length ? pids : null;
  });
  const { rows } = await owner.query(`SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE pid = $1 AND datname = $2`, [pid, db.name]);
  expect(rows).toEqual([{ ok: true }]);

  const answer = await waiting;
  expect(answer.status).toBe(503);
  expect(answer.headers.get('retry-after')).toBe('1');
  expect(answer.body.data).toBeUndefined();
  expect(answer.body.errors).toEqual([{ message: expect.any(String), extensions: { code: 'UNAVAILABLE', retryable: true } }]);
  await owner.query('ROLLBACK');

  await new Promise((r) => setTimeout(r, 300));
  expect(server.child.exitCode).toBeNull();
  expect(server.serverAlive()).toBe(true);
  expect((await fetch(`http://127.0.0.1:${server.port}/healthz`)).status).toBe(200);

  // Nothing of the failed request was written; the retry succeeds.
  expect((await owner.query(`SELECT count(*)::int AS n FROM app.competence_mapping WHERE participant_id = $1`, [id])).rows).toEqual([{ n: 0 }]);
  const retry = await server.gql(token, MAP, { id, input: mapping });
  expect(retry.status).toBe(200);
  expect(retry.body.errors).toBeUndefined();
  expect(retry.body.data!.recordCompetenceMapping).toMatchObject({ id, competenceMapping: { status: 'IN_PROGRESS' } });
  expect(server.output()).not.toMatch(/Unhandled 'error' event/);
}, 60_000);

test('every idle pooled backend of the API is terminated: the process lives and the next requests succeed on new connections', async () => {
  // Fill the pool with idle connections first.
  await Promise.all(Array.from({ length: 6 }, () => server.gql(token, LIST)));
  const idle = await apiBackends(`state = 'idle'`);
  expect(idle.length).toBeGreaterThan(0);
  await owner.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND usename = 'introsak_api'`, [db.name]);
  await waitFor('the backends to go', async () => ((await apiBackends('true')).length === 0 ? true : null));
  await new Promise((r) => setTimeout(r, 200));
  expect(server.child.exitCode).toBeNull();
  const after = await Promise.all(Array.from({ length: 6 }, () => server.gql(token, LIST)));
  for (const r of after) {
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeUndefined();
  }
  expect(server.output()).not.toMatch(/Unhandled 'error' event/);
}, 60_000);

test('the process still stops cleanly on SIGTERM after the faults', async () => {
  server.child.kill('SIGTERM');
  expect(await server.exited).toEqual({ code: 0, signal: null });
}, 30_000);
