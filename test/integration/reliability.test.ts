/**
 * Timeouts and graceful shutdown: a lock wait past its limit answers a masked, retryable error and
 * gives its connection back; SIGTERM-style shutdown finishes in-flight requests before closing.
 */
import http from 'node:http';
import request from 'supertest';
import { gracefulShutdown } from '../../src/http/shutdown';
import { startTestApp, TestApp } from '../support/app';
import { participantInput, REGISTER } from '../support/fixtures';

const MAP = `mutation($id: UUID!, $input: CompetenceMappingInput!) { recordCompetenceMapping(participantId: $id, input: $input) { id } }`;
const mapping = { languageSkills: 'x', education: 'x', countsAsUpperSecondary: false, workExperience: 'x', complete: false };

async function registered(t: TestApp, tok: string): Promise<string> {
  return (await t.gql(tok, REGISTER, { input: participantInput() })).body.data.registerParticipant.id;
}

describe('timeouts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ poolSize: 2 });
  });
  afterAll(() => t?.close());

  test('a lock wait past lock_timeout answers a retryable TIMEOUT, nothing is written, and the pool recovers', async () => {
    const tok = await t.token('MUNICIPALITY', '4601');
    const id = await registered(t, tok);
    const owner = await t.db.owner();
    await owner.query('BEGIN');
    // By municipality and id: one shard's row, which Citus locks too (FOR UPDATE over several shards it refuses).
    await owner.query(`SELECT 1 FROM app.participant WHERE municipality_id = $2 AND id = $1 FOR UPDATE`, [id, t.directory.municipalityByNumber('4601')!.id]);
    const started = Date.now();
    const res = await t.gql(tok, MAP, { id, input: mapping });
    const ms = Date.now() - started;
    await owner.query('ROLLBACK');
    expect(res.body.errors[0].extensions).toEqual({ code: 'TIMEOUT', retryable: true });
    expect(JSON.stringify(res.body)).not.toMatch(/lock|participant|SQL/i);
    expect(ms).toBeLessThan(4000);
    // Both pooled connections still serve, and the retry succeeds.
    const again = await Promise.all([t.gql(tok, MAP, { id, input: mapping }), t.gql(tok, '{ participants(first: 1) { totalCount } }')]);
    expect(again.map((r) => r.body.errors)).toEqual([undefined, undefined]);
  });

  test('an abandoned transaction is ended by the database (idle_in_transaction_session_timeout is set on the API role)', async () => {
    const owner = await t.db.owner();
    const { rows } = await owner.query(
      `SELECT setting FROM pg_db_role_setting s JOIN pg_roles r ON r.oid = s.setrole, unnest(s.setconfig) setting WHERE r.rolname = 'introsak_api'`,
    );
    expect(rows.map((r: { setting: string }) => r.setting)).toEqual(
      expect.arrayContaining(['idle_in_transaction_session_timeout=30s', 'statement_timeout=5s', 'lock_timeout=2s']),
    );
  });
});

describe('graceful shutdown', () => {
  test('in-flight requests finish, new work gets 503 UNAVAILABLE, readiness goes down, then everything closes', async () => {
    const t = await startTestApp();
    const tok = await t.token('MUNICIPALITY', '4601');
    const id = await registered(t, tok);
    const owner = await t.db.owner();
    await owner.query('BEGIN');
    // By municipality and id: one shard's row, which Citus locks too (FOR UPDATE over several shards it refuses).
    await owner.query(`SELECT 1 FROM app.participant WHERE municipality_id = $2 AND id = $1 FOR UPDATE`, [id, t.directory.municipalityByNumber('4601')!.id]);
    const port = (t.server.address() as { port: number }).port;
    // A write that waits on the lock while the server shuts down.
    const inFlight = fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tok}` },
      body: JSON.stringify({ query: MAP, variables: { id, input: { ...mapping, complete: true } } }),
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as { errors?: unknown[] } }));
    await new Promise((r) => setTimeout(r, 200));
    let dbClosed = false;
    const done = gracefulShutdown({
      server: t.server,
      app: t.app,
      closeDatabase: async () => {
        dbClosed = true;
      },
      graceMs: 10_000,
      log: { info: () => undefined, error: () => undefined },
    });
    const ready = await request(t.app.handler as unknown as http.RequestListener).get('/readyz');
    expect(ready.status).toBe(503);
    // A request arriving during the drain still reaches the server, and is told to come back.
    const late = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tok}` },
      body: JSON.stringify({ query: '{ participants(first: 1) { totalCount } }' }),
    });
    expect([late.status, late.headers.get('retry-after'), late.headers.get('connection')]).toEqual([503, '1', 'close']);
    expect(((await late.json()) as { errors: { extensions: unknown }[] }).errors[0].extensions).toEqual({ code: 'UNAVAILABLE', retryable: true });
    setTimeout(() => void owner.query('ROLLBACK'), 500);
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect(await done).toEqual({ drained: true });
    expect(dbClosed).toBe(true);
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    // The write that was in flight is committed.
    const { rows } = await owner.query(`SELECT status FROM app.competence_mapping WHERE participant_id = $1`, [id]);
    expect(rows).toEqual([{ status: 'COMPLETED' }]);
    await t.db.drop();
  });
});
