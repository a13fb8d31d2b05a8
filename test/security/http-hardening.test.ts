/**
 * Issue 19's smaller items, each as a caller would meet it: token lifetime and future iat, claims
 * with control or bidi characters, the client's x-request-id kept apart from ours (never in the change
 * log), /metrics closed on the API port in production (open with its token, or on its own port),
 * half-sent requests cut after the request timeout, and body input no field can take (deep nesting,
 * lone surrogates, NUL) answered 400 BAD_USER_INPUT before any SQL.
 */
import http from 'node:http';
import net from 'node:net';
import request from 'supertest';
import { signDevToken } from '../../src/auth/token';
import { loadConfig } from '../../src/config';
import { createHttpServer } from '../../src/http/timeouts';
import { startTestApp, TEST_SECRET, TestApp } from '../support/app';
import { participantInput, REGISTER } from '../support/fixtures';

const METRICS_TOKEN = 'metrics-token-0123456789-0123456789-abcdef';
const now = () => Math.floor(Date.now() / 1000);

let t: TestApp;
let prod: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  prod = await startTestApp({ production: true });
});
afterAll(async () => {
  await t?.close();
  await prod?.close();
});

describe('tokens', () => {
  const claims = { sub: 'kari', role: 'MUNICIPALITY', org: '4601' };
  const status = async (tok: string) => (await t.gql(tok, '{ me { sub } }')).status;

  test('a token issued in the future (beyond the 30 s skew) is refused; within the skew it is accepted', async () => {
    expect(await status(await signDevToken(TEST_SECRET, claims, { issuedAt: now() + 365 * 86400, expiresInSeconds: 3600 }))).toBe(401);
    expect(await status(await signDevToken(TEST_SECRET, claims, { issuedAt: now() + 120, expiresInSeconds: 3600 }))).toBe(401);
    expect(await status(await signDevToken(TEST_SECRET, claims, { issuedAt: now() + 20, expiresInSeconds: 3600 }))).toBe(200);
  });

  test('a token living longer than 24 hours (exp − iat) is refused, 24 hours exactly is accepted', async () => {
    expect(await status(await signDevToken(TEST_SECRET, claims, { expiresInSeconds: 10 * 365 * 86400 }))).toBe(401);
    expect(await status(await signDevToken(TEST_SECRET, claims, { expiresInSeconds: 24 * 3600 + 1 }))).toBe(401);
    expect(await status(await signDevToken(TEST_SECRET, claims, { expiresInSeconds: 24 * 3600 }))).toBe(200);
  });

  test.each([
    ['a bidi override in the name', { name: 'Ola \u202eNordmann' }],
    ['a bidi isolate in the name', { name: 'Ola \u2067Nordmann' }],
    ['a zero-width joiner in sub', { sub: 'kari\u200d' }],
    ['a C1 control in sub', { sub: 'kari\u0085' }],
    ['a lone surrogate in the name', { name: 'Ola \ud800' }],
    ['a newline in org', { org: '4601\n' }],
  ])('a claim with %s is refused', async (_what, over) => {
    expect(await status(await signDevToken(TEST_SECRET, { ...claims, ...over }))).toBe(401);
  });

  test('names with letters of any script are accepted', async () => {
    const res = await t.gql(await signDevToken(TEST_SECRET, { ...claims, name: 'Åse Ødegård-محمد' }), '{ me { name } }');
    expect(res.body.data.me.name).toBe('Åse Ødegård-محمد');
  });
});

test("the client's x-request-id is echoed apart from ours, and the change log records ours", async () => {
  const tok = await t.token('MUNICIPALITY', '4601', 'rid-user');
  const res = await request(t.server)
    .post('/graphql')
    .set('authorization', `Bearer ${tok}`)
    .set('x-request-id', 'forged-request-id-000')
    .send({ query: REGISTER, variables: { input: participantInput() } });
  expect(res.body.errors).toBeUndefined();
  expect(res.headers['x-client-request-id']).toBe('forged-request-id-000');
  expect(res.headers['x-request-id']).not.toBe('forged-request-id-000');
  const owner = await t.db.owner();
  const { rows } = await owner.query(`SELECT request_id FROM app.audit_event WHERE actor_sub = 'rid-user'`);
  expect(rows).toEqual([{ request_id: res.headers['x-request-id'] }]);
});

describe('/metrics', () => {
  test('in production it is not on the API port', async () => {
    expect((await request(prod.server).get('/metrics')).status).toBe(404);
  });

  test('with METRICS_TOKEN it needs that bearer token', async () => {
    const app = await startTestApp({ production: true, env: { METRICS_TOKEN } });
    try {
      expect((await request(app.server).get('/metrics')).status).toBe(401);
      expect((await request(app.server).get('/metrics').set('authorization', 'Bearer wrong')).status).toBe(401);
      const ok = await request(app.server).get('/metrics').set('authorization', `Bearer ${METRICS_TOKEN}`);
      expect(ok.status).toBe(200);
      expect(ok.text).toMatch(/introsak_db_pool_in_use/);
    } finally {
      await app.close();
    }
  });

  test('with METRICS_PORT it is served there only', async () => {
    const app = await startTestApp({ env: { METRICS_PORT: '9' } });
    try {
      expect((await request(app.server).get('/metrics')).status).toBe(404);
      const own = http.createServer(app.app.metricsHandler);
      await new Promise<void>((r) => own.listen(0, '127.0.0.1', r));
      try {
        const res = await request(own).get('/metrics');
        expect(res.status).toBe(200);
        expect(res.text).toMatch(/introsak_graphql_request_duration_seconds/);
        expect((await request(own).post('/graphql').send({ query: '{ me { sub } }' })).status).toBe(404);
      } finally {
        await new Promise<void>((r) => own.close(() => r()));
      }
    } finally {
      await app.close();
    }
  });

  test('a short METRICS_TOKEN is a configuration error', () => {
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/at least 32/);
  });
});

test('a half-sent request is cut after the request timeout, a prompt one is served', async () => {
  const config = { requestTimeoutMs: 1000, headersTimeoutMs: 1000 };
  const server = createHttpServer((req, res) => {
    req.resume();
    req.on('end', () => res.end('ok'));
  }, config);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  try {
    const started = Date.now();
    const closedAfter = await new Promise<{ ms: number; data: string }>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => socket.write('POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"query":'));
      let data = '';
      socket.on('data', (d) => (data += d));
      socket.on('close', () => resolve({ ms: Date.now() - started, data }));
    });
    expect(closedAfter.ms).toBeLessThan(3000);
    expect(closedAfter.data).toMatch(/^HTTP\/1\.1 408/);
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('ok');
  } finally {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  }
  expect(loadConfig({}).requestTimeoutMs).toBe(30_000);
});

describe('body input no field can take', () => {
  const deep = (n: number): unknown => JSON.parse('['.repeat(n) + ']'.repeat(n));
  let tok: string;
  beforeAll(async () => {
    tok = await prod.token('MUNICIPALITY', '4601');
  });

  test('a variable nested 20 000 deep answers 400 BAD_USER_INPUT, with no SQL', async () => {
    // Sent as text: the test's own JSON encoder would overflow on the value.
    const n = 20_000;
    const body = `{"query":"query($v: [String]) { me { sub } }","variables":{"v":${'['.repeat(n)}${']'.repeat(n)}}}`;
    const res = await request(t.server)
      .post('/graphql')
      .set('authorization', `Bearer ${await t.token('MUNICIPALITY', '4601')}`)
      .set('content-type', 'application/json')
      .send(body);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.headers['x-sql-statements']).toBeUndefined();
  });

  test('also through GET', async () => {
    const vars = encodeURIComponent(JSON.stringify({ v: deep(1000) }));
    const res = await request(prod.server)
      .get(`/graphql?query=${encodeURIComponent('query($v: [String]) { me { sub } }')}&variables=${vars}`)
      .set('authorization', `Bearer ${tok}`)
      .set('apollo-require-preflight', 'true');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  test.each([
    ['a lone high surrogate', '\ud800x'],
    ['a lone low surrogate', 'x\udfff'],
    ['a NUL', 'a\u0000b'],
  ])('%s in a variable answers 400 BAD_USER_INPUT naming the value', async (_what, value) => {
    const res = await prod.gql(tok, 'query($s: String) { participants(first: 1, filter: { nameContains: $s }) { totalCount } }', { s: value });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'variables.s', fields: [{ field: 's' }] });
  });

  test('well-formed text of any script passes', async () => {
    const res = await prod.gql(tok, 'query($s: String) { participants(first: 1, filter: { nameContains: $s }) { totalCount } }', { s: 'Ødegård 😀 محمد' });
    expect(res.status).toBe(200);
  });
});
