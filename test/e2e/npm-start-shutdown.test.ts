/**
 * Shutdown as RELIABILITY.md says, with the process a process manager runs: `npm start`, signalled
 * SIGTERM. npm passes the signal to the server (the start script execs node, so no shell sits in
 * between and swallows it); the server drains: the request in flight finishes and is committed, a
 * request that arrives during the drain gets 503 UNAVAILABLE with Retry-After (not a refused
 * connection), /readyz answers 503; then node and npm exit.
 */
import fs from 'node:fs';
import { createTestDatabase, TestDatabase } from '../support/database';
import { participantInput, REGISTER } from '../support/fixtures';
import { ServerProcess, startServerProcess } from '../support/server-process';

const MAP = `mutation($id: UUID!, $input: CompetenceMappingInput!) { recordCompetenceMapping(participantId: $id, input: $input) { id } }`;
const mapping = { languageSkills: 'x', education: 'x', countsAsUpperSecondary: false, workExperience: 'x', complete: true };

let db: TestDatabase;
let server: ServerProcess | null = null;

afterAll(async () => {
  if (server?.serverAlive()) process.kill(server.serverPid, 'SIGKILL');
  await db?.drop();
});

test('SIGTERM to the npm start process drains the server: in-flight work commits, new requests get 503 UNAVAILABLE, then node and npm exit', async () => {
  db = await createTestDatabase();
  server = await startServerProcess({ databaseUrl: db.ownerUrl, via: 'npm' });
  expect(server.serverPid).not.toBe(server.child.pid);
  expect(fs.readFileSync(`/proc/${server.serverPid}/cmdline`, 'utf8')).toContain('dist/src/main.js');
  const token = await server.token();
  const reg = await server.gql(token, REGISTER, { input: participantInput() });
  const id = (reg.body.data!.registerParticipant as { id: string }).id;

  // A write in flight: it waits on a lock the test holds.
  const owner = await db.owner();
  await owner.query('BEGIN');
  await owner.query(`SELECT 1 FROM app.participant WHERE id = $1 FOR UPDATE`, [id]);
  const inFlight = server.gql(token, MAP, { id, input: mapping });
  await new Promise((r) => setTimeout(r, 200));

  server.child.kill('SIGTERM'); // the npm process, as a process manager signals it
  await new Promise((r) => setTimeout(r, 150));

  // During the drain: the listener is still open, and the answer says when to come back.
  const during = await server.gql(token, '{ participants(first: 1) { totalCount } }');
  expect(during.status).toBe(503);
  expect(during.headers.get('retry-after')).toBe('1');
  expect(during.body.errors).toEqual([{ message: expect.any(String), extensions: { code: 'UNAVAILABLE', retryable: true } }]);
  expect((await fetch(`http://127.0.0.1:${server.port}/readyz`)).status).toBe(503);
  expect(server.serverAlive()).toBe(true);

  await owner.query('ROLLBACK');
  const answer = await inFlight;
  expect([answer.status, answer.body.errors]).toEqual([200, undefined]);

  // Then node exits (after its drain), and npm after it.
  const npmExit = await server.exited;
  expect(server.serverAlive()).toBe(false);
  expect(npmExit.code === 0 || npmExit.code === 143 || npmExit.signal === 'SIGTERM').toBe(true);
  expect(server.output()).toMatch(/"drained":true,"msg":"stopped"/);
  await expect(fetch(`http://127.0.0.1:${server.port}/healthz`)).rejects.toThrow();
  const { rows } = await owner.query(`SELECT status FROM app.competence_mapping WHERE participant_id = $1`, [id]);
  expect(rows).toEqual([{ status: 'COMPLETED' }]);
}, 120_000);
