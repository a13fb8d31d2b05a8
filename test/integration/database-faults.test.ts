/**
 * Issue 12, items 1–3: what a client sees when the database fails under a request, with the API's
 * pool behind a TCP proxy that breaks the network on purpose. Every transient failure is the same
 * retryable answer (UNAVAILABLE, HTTP 503, Retry-After), the connection that hit it is destroyed,
 * and the next request is served. A client that retries with the same idempotency key ends with
 * exactly one row, also when the connection dies around the COMMIT. Writers queued on one locked
 * case leave connections for everyone else. (That the process survives is proven with the real
 * process in test/e2e/database-faults.test.ts.)
 */
import { Pool } from 'pg';
import { DatabaseUnavailableError } from '../../src/db/connection-errors';
import { ownerDataSource } from '../../src/db/data-sources';
import { connectClient } from '../../src/db/pg-client';
import { RequestTransaction } from '../../src/db/request-transaction';
import { startTestApp, TestApp } from '../support/app';
import { participantInput, REGISTER } from '../support/fixtures';
import { TcpProxy } from '../support/tcp-proxy';

const LIST = '{ participants(first: 5) { totalCount } }';
const MAP = `mutation($id: UUID!, $input: CompetenceMappingInput!) { recordCompetenceMapping(participantId: $id, input: $input) { id } }`;
const ABSENCE = `mutation($id: UUID!, $input: AbsenceInput!) { registerAbsence(participantId: $id, input: $input) { id absences { id } } }`;
const mapping = { languageSkills: 'x', education: 'x', countsAsUpperSecondary: false, workExperience: 'x', complete: false };

function expectUnavailable(res: { status: number; headers: Record<string, string>; body: { data?: unknown; errors?: { extensions?: unknown }[] } }): void {
  expect(res.status).toBe(503);
  expect(res.headers['retry-after']).toBe('1');
  expect(res.body.data).toBeUndefined();
  expect(res.body.errors).toEqual([{ message: expect.any(String), extensions: { code: 'UNAVAILABLE', retryable: true } }]);
}

function poolOf(t: TestApp): Pool {
  return (t.api.driver as unknown as { master: Pool }).master;
}

describe('the network to the database fails under a request', () => {
  let t: TestApp;
  let proxy: TcpProxy;
  let tok: string;
  beforeAll(async () => {
    t = await startTestApp({
      poolSize: 4,
      api: { queryTimeoutMs: 1500, connectionTimeoutMs: 1000 },
      beforeApi: async (db) => {
        proxy = await TcpProxy.start(db.apiUrl);
        return { url: proxy.url(db.apiUrl) };
      },
    });
    tok = await t.token('MUNICIPALITY', '4601');
  });
  afterAll(async () => {
    await t?.close();
    await proxy?.close();
  });

  async function participant(): Promise<string> {
    const r = await t.gql(tok, REGISTER, { input: participantInput() });
    expect(r.body.errors).toBeUndefined();
    return r.body.data.registerParticipant.id;
  }

  async function whileWaitingOnTheCase(id: string, fault: () => Promise<void> | void) {
    const owner = await t.db.owner();
    await owner.query('BEGIN');
    // By municipality and id: one shard's row, which Citus locks too (FOR UPDATE over several shards it refuses).
    await owner.query(`SELECT 1 FROM app.participant WHERE municipality_id = $2 AND id = $1 FOR UPDATE`, [id, t.directory.municipalityByNumber('4601')!.id]);
    // (supertest sends a request only once it is awaited or then'ed.)
    const waiting = t.gql(tok, MAP, { id, input: mapping }).then((r) => r);
    // Wait until the API's statement is blocked on the lock.
    let blocked = false;
    // On Citus the lock wait is on the worker that holds the row: citus_stat_activity shows every node's backends.
    const activity = process.env.INTROSAK_TEST_CITUS_URL ? 'citus_stat_activity' : 'pg_stat_activity';
    for (let i = 0; i < 200 && !blocked; i++) {
      const { rows } = await owner.query(`SELECT 1 FROM ${activity} WHERE datname = $1 AND usename = 'introsak_api' AND wait_event_type = 'Lock'`, [t.db.name]);
      blocked = rows.length > 0;
      if (!blocked) await new Promise((r) => setTimeout(r, 20));
    }
    expect(blocked).toBe(true);
    await fault();
    const res = await waiting;
    await owner.query('ROLLBACK');
    return res;
  }

  test('the connection is reset mid-request: that request is UNAVAILABLE (503, Retry-After), the connection is not reused, the next request succeeds', async () => {
    const id = await participant();
    const res = await whileWaitingOnTheCase(id, () => proxy.cutAll());
    expectUnavailable(res);
    const next = await Promise.all([t.gql(tok, MAP, { id, input: mapping }), t.gql(tok, LIST)]);
    expect(next.map((r) => [r.status, r.body.errors])).toEqual([
      [200, undefined],
      [200, undefined],
    ]);
  });

  test('the network goes silent mid-request: the client-side query timeout ends it as UNAVAILABLE, and service resumes', async () => {
    const id = await participant();
    const started = Date.now();
    const res = await whileWaitingOnTheCase(id, () => proxy.goSilent());
    expect(Date.now() - started).toBeLessThan(4000);
    expectUnavailable(res);
    await proxy.down();
    await proxy.up();
    const next = await t.gql(tok, LIST);
    expect([next.status, next.body.errors]).toEqual([200, undefined]);
  });

  test('the database is unreachable: UNAVAILABLE at once for reads and writes; served again as soon as it is back', async () => {
    await proxy.down();
    const [read, write] = await Promise.all([t.gql(tok, LIST), t.gql(tok, REGISTER, { input: participantInput() })]);
    expectUnavailable(read);
    expectUnavailable(write);
    await proxy.up();
    const back = await t.gql(tok, LIST);
    expect([back.status, back.body.errors]).toEqual([200, undefined]);
  });

  test('the wait for a pooled connection times out: UNAVAILABLE, not INTERNAL_SERVER_ERROR', async () => {
    const pool = poolOf(t);
    const held = await Promise.all(Array.from({ length: 4 }, () => pool.connect()));
    try {
      const res = await t.gql(tok, LIST);
      expectUnavailable(res);
    } finally {
      for (const c of held) c.release();
    }
    expect((await t.gql(tok, LIST)).body.errors).toBeUndefined();
  });

  for (const where of ['before-commit', 'after-commit'] as const) {
    test(`the connection dies ${where === 'before-commit' ? 'before the COMMIT reaches the database' : 'after the database committed, before its answer arrives'}: UNAVAILABLE, and the retry with the same key ends with exactly one row`, async () => {
      const name = `Commit Cut ${where}`;
      const input = participantInput({ name, idempotencyKey: `commit-cut-${where}` });
      proxy.armCommitCut(where);
      const first = await t.gql(tok, REGISTER, { input });
      await proxy.commitCutDone;
      expectUnavailable(first);
      const retry = await t.gql(tok, REGISTER, { input });
      expect(retry.body.errors).toBeUndefined();
      const owner = await t.db.owner();
      const { rows } = await owner.query(`SELECT id::text FROM app.participant WHERE full_name = $1`, [name]);
      expect(rows).toEqual([{ id: retry.body.data.registerParticipant.id }]);

      // The same for an absence.
      const id = await participant();
      const absence = { kind: 'ABSENCE_EXCUSED', fromDate: '2026-10-05', toDate: '2026-10-06', idempotencyKey: `commit-cut-absence-${where}` };
      proxy.armCommitCut(where);
      expectUnavailable(await t.gql(tok, ABSENCE, { id, input: absence }));
      const again = await t.gql(tok, ABSENCE, { id, input: absence });
      expect(again.body.errors).toBeUndefined();
      expect((await owner.query(`SELECT count(*)::int AS n FROM app.absence WHERE participant_id = $1`, [id])).rows).toEqual([{ n: 1 }]);
    });
  }

  test('idle_in_transaction_session_timeout ends a held connection: the transaction answers DatabaseUnavailableError and the connection is destroyed', async () => {
    const settings = {
      role: 'MUNICIPALITY',
      org: '4601',
      actor: 'idle-test',
      municipalityId: t.directory.municipalityByNumber('4601')!.id,
      municipalityIds: [t.directory.municipalityByNumber('4601')!.id],
    };
    const tx = new RequestTransaction(t.api, settings);
    await tx.begin(false);
    await tx.query(`SELECT set_config('idle_in_transaction_session_timeout', '150', true)`);
    await new Promise((r) => setTimeout(r, 700));
    await expect(tx.query('SELECT 1')).rejects.toBeInstanceOf(DatabaseUnavailableError);
    expect(tx.unavailable).not.toBeNull();
    await tx.rollback();
    await tx.release();
    expect((await t.gql(tok, LIST)).body.errors).toBeUndefined();
  });
});

describe("the owner pool and scripts' connections", () => {
  test('an idle owner connection and a script connection terminated by the database: no unhandled error, the next statement reports it or works', async () => {
    const t = await startTestApp();
    try {
      const owner = ownerDataSource(t.db.ownerUrl);
      await owner.initialize();
      const script = await connectClient(t.db.ownerUrl);
      await owner.query('SELECT 1');
      const admin = await t.db.owner();
      const { rows } = await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [t.db.name]);
      expect(rows.length).toBeGreaterThanOrEqual(2);
      await new Promise((r) => setTimeout(r, 200));
      expect(await owner.query('SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
      await expect(script.query('SELECT 1')).rejects.toThrow(/not queryable|terminat/i);
      await owner.destroy();
      await script.end().catch(() => undefined);
    } finally {
      await t.close();
    }
  });
});

describe('lock waits do not starve everyone else (pool of 4)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ poolSize: 4 });
  });
  afterAll(() => t?.close());

  test('24 writers on one locked case, 8 unrelated readers: 8/8 readers OK at once; every writer answer is a success or a retryable error', async () => {
    const tok = await t.token('MUNICIPALITY', '4601');
    const oslo = await t.token('MUNICIPALITY', '0301');
    const id = (await t.gql(tok, REGISTER, { input: participantInput() })).body.data.registerParticipant.id;
    for (let i = 0; i < 3; i++) await t.gql(oslo, REGISTER, { input: participantInput() });
    const owner = await t.db.owner();
    await owner.query('BEGIN');
    // By municipality and id: one shard's row, which Citus locks too (FOR UPDATE over several shards it refuses).
    await owner.query(`SELECT 1 FROM app.participant WHERE municipality_id = $2 AND id = $1 FOR UPDATE`, [id, t.directory.municipalityByNumber('4601')!.id]);
    // 24 writers, each a distinct day (no overlap), all on the locked case.
    const days = Array.from({ length: 24 }, (_, i) => new Date(Date.UTC(2026, 9, 1 + i)).toISOString().slice(0, 10));
    const writers = days.map((day, i) =>
      t
        .gql(tok, ABSENCE, { id, input: { kind: 'FREE_DAY', fromDate: day, toDate: day, idempotencyKey: `starve-writer-${i}` } })
        .then((r) => ({ status: r.status, body: r.body })),
    );
    await new Promise((r) => setTimeout(r, 300));
    const readersStarted = Date.now();
    const readers = await Promise.all(Array.from({ length: 8 }, (_, i) => t.gql(i % 2 ? oslo : tok, LIST)));
    const readersMs = Date.now() - readersStarted;
    setTimeout(() => void owner.query('ROLLBACK'), 2500);
    const answers = await Promise.all(writers);

    expect(readers.map((r) => [r.status, r.body.errors])).toEqual(Array.from({ length: 8 }, () => [200, undefined]));
    expect(readersMs).toBeLessThan(1500);
    const outcomes = answers.map((a) =>
      a.body.errors ? `${a.status} ${a.body.errors[0].extensions.code} retryable=${a.body.errors[0].extensions.retryable}` : `${a.status} ok`,
    );
    for (const o of outcomes) expect(o).toMatch(/^200 ok$|retryable=true$/);
    // The retryable answers are retried with the same keys until each writer succeeds: one row per day.
    for (let i = 0; i < answers.length; i++) {
      for (let attempt = 0; answers[i].body.errors && attempt < 10; attempt++) {
        const r = await t.gql(tok, ABSENCE, { id, input: { kind: 'FREE_DAY', fromDate: days[i], toDate: days[i], idempotencyKey: `starve-writer-${i}` } });
        answers[i] = { status: r.status, body: r.body };
      }
      expect(answers[i].body.errors).toBeUndefined();
    }
    const { rows } = await owner.query(`SELECT from_date::text AS d FROM app.absence WHERE participant_id = $1 ORDER BY from_date`, [id]);
    expect(rows.map((r: { d: string }) => r.d)).toEqual(days);
    console.log(
      `starvation: readers ${readersMs} ms; writers: ${JSON.stringify(outcomes.reduce<Record<string, number>>((m, o) => ({ ...m, [o]: (m[o] ?? 0) + 1 }), {}))}`,
    );
  }, 60_000);
});
