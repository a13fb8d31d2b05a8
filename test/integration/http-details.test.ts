/**
 * HTTP details a client relies on: x-request-id on every response (not only GraphQL), RFC 6750's
 * WWW-Authenticate on every 401, GraphiQL's own files (react's UMD files included), and the
 * development-token endpoint that exists outside production only.
 */
import request from 'supertest';
import { startTestApp, TestApp } from '../support/app';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('outside production, with development tokens', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ devTokens: true });
  });
  afterAll(() => t?.close());

  test.each([
    ['GET', '/healthz', 200],
    ['GET', '/readyz', 200],
    ['GET', '/metrics', 200],
    ['GET', '/nothing-here', 404],
    ['GET', '/graphiql-assets/nothing.js', 404],
    ['GET', '/graphiql-assets/react.js', 200],
    ['GET', '/graphiql-assets/react-dom.js', 200],
    ['GET', '/graphiql-assets/graphiql.js', 200],
    ['GET', '/graphiql-assets/graphiql.css', 200],
    ['OPTIONS', '/graphql', 204],
    ['POST', '/graphql', 401],
    ['GET', '/dev/token', 405],
  ] as const)('%s %s answers %i with an x-request-id', async (method, path, status) => {
    const res = await (method === 'GET'
      ? request(t.server).get(path)
      : method === 'POST'
        ? request(t.server).post(path).send({ query: '{ me { sub } }' })
        : request(t.server).options(path));
    expect(res.status).toBe(status);
    expect(res.headers['x-request-id']).toMatch(UUID);
  });

  test('the GraphiQL page carries an x-request-id; a usable id the client sent is echoed apart from ours, everywhere', async () => {
    const page = await request(t.server).get('/graphql').set('accept', 'text/html');
    expect(page.status).toBe(200);
    expect(page.headers['x-request-id']).toMatch(UUID);
    for (const path of ['/healthz', '/nothing-here', '/graphql']) {
      const res = await request(t.server).get(path).set('x-request-id', 'client-id-12345');
      // Ours is always generated (the change log records ours); the client's comes back under its own name.
      expect(res.headers['x-request-id']).toMatch(UUID);
      expect(res.headers['x-client-request-id']).toBe('client-id-12345');
    }
    // An unusable one is dropped, not echoed.
    const bad = await request(t.server).get('/healthz').set('x-request-id', 'bad id with spaces');
    expect(bad.headers['x-request-id']).toMatch(UUID);
    expect(bad.headers['x-client-request-id']).toBeUndefined();
  });

  test("react 18's UMD files are served (react does not export them; resolved through its package.json)", async () => {
    const react = await request(t.server).get('/graphiql-assets/react.js');
    expect(react.headers['content-type']).toMatch(/^text\/javascript/);
    expect(react.text).toContain('React');
    const dom = await request(t.server).get('/graphiql-assets/react-dom.js');
    expect(dom.text).toContain('ReactDOM');
    expect(dom.text.length).toBeGreaterThan(100_000);
  });

  test('401 without a token: WWW-Authenticate: Bearer realm="introsak", no error code (RFC 6750 § 3.1)', async () => {
    const none = await t.gql(null, '{ me { sub } }');
    expect(none.status).toBe(401);
    expect(none.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(none.headers['www-authenticate']).toBe('Bearer realm="introsak"');
    const basic = await request(t.server).post('/graphql').set('authorization', 'Basic dXNlcjpwYXNz').send({ query: '{ me { sub } }' });
    expect(basic.status).toBe(401);
    expect(basic.headers['www-authenticate']).toBe('Bearer realm="introsak"');
  });

  test('401 with a refused token: error="invalid_token"', async () => {
    const good = await t.token('MUNICIPALITY', '4601');
    const forged = good.slice(0, -4) + (good.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    for (const tok of [forged, 'not-a-jwt', 'a.b.c']) {
      const res = await t.gql(tok, '{ me { sub } }');
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer realm="introsak", error="invalid_token"/);
    }
    // A valid token of an unknown organisation is 403, not 401: no WWW-Authenticate.
    const unknown = await t.token('MUNICIPALITY', '9999');
    const forbidden = await t.gql(unknown, '{ me { sub } }');
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers['www-authenticate']).toBeUndefined();
  });

  test('POST /dev/token makes a token for a chosen role and organisation that the API accepts', async () => {
    const res = await request(t.server).post('/dev/token').send({ role: 'COUNTY', org: '46' });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toMatchObject({ role: 'COUNTY', org: '46', orgName: 'Vestland', token: expect.any(String), expiresAt: expect.any(String) });
    const me = await t.gql(res.body.token, '{ me { role org orgName name } }');
    expect(me.body.data.me).toEqual({ role: 'COUNTY', org: '46', orgName: 'Vestland', name: 'Developer (Vestland)' });
  });

  test('POST /dev/token refuses unknown roles and organisations with a sentence', async () => {
    const badRole = await request(t.server).post('/dev/token').send({ role: 'ADMIN', org: '4601' });
    expect(badRole.status).toBe(400);
    expect(badRole.body.error).toMatch(/role must be MUNICIPALITY, COUNTY or STATSFORVALTER/);
    const badOrg = await request(t.server).post('/dev/token').send({ role: 'COUNTY', org: '4601' });
    expect(badOrg.status).toBe(400);
    expect(badOrg.body.error).toMatch(/not a known organisation for COUNTY/);
    const notJson = await request(t.server).post('/dev/token').set('content-type', 'application/json').send('{');
    expect(notJson.status).toBe(400);
  });

  test('the GraphiQL page has the token bar with every organisation, and no outside host', async () => {
    const page = await request(t.server).get('/graphql').set('accept', 'text/html');
    expect(page.text).toContain('id="dev-token"');
    expect(page.text).toContain('"4601","Bergen"');
    expect(page.text).toContain('"vestland","Statsforvalteren i Vestland"');
    expect(page.text).not.toMatch(/https?:\/\//);
  });
});

describe('outside production, without the generated development secret', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  test('no token endpoint and no token bar: the page points to npm run token', async () => {
    expect((await request(t.server).post('/dev/token').send({ role: 'MUNICIPALITY', org: '4601' })).status).toBe(404);
    const page = await request(t.server).get('/graphql').set('accept', 'text/html');
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('id="dev-token"');
    expect(page.text).toContain('npm run token');
  });
});

describe('in production', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Even if a development secret were handed over, production never offers tokens.
    t = await startTestApp({ production: true, devTokens: true });
  });
  afterAll(() => t?.close());

  test('no GraphiQL page, no assets, no token endpoint; every answer still carries x-request-id', async () => {
    const token = await request(t.server).post('/dev/token').send({ role: 'MUNICIPALITY', org: '4601' });
    expect(token.status).toBe(404);
    expect(token.body).toEqual({ error: 'not found' });
    expect(token.headers['x-request-id']).toMatch(UUID);
    const page = await request(t.server).get('/graphql').set('accept', 'text/html');
    expect(page.text).not.toContain('GraphiQL');
    expect(page.text).not.toContain('dev-token');
    expect(page.headers['x-request-id']).toMatch(UUID);
    for (const asset of ['react.js', 'react-dom.js', 'graphiql.js', 'graphiql.css']) {
      expect((await request(t.server).get(`/graphiql-assets/${asset}`)).status).toBe(404);
    }
  });

  test('401 carries WWW-Authenticate in production too', async () => {
    const res = await t.gql('x.y.z', '{ me { sub } }');
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toMatch(/error="invalid_token"/);
  });
});

describe('with CORS_ORIGINS', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { CORS_ORIGINS: 'https://saksbehandling.bergen.kommune.no' } });
  });
  afterAll(() => t?.close());

  test("an allowed browser origin can read x-request-id, WWW-Authenticate, Retry-After and a download's file name", async () => {
    const res = await request(t.server).post('/graphql').set('origin', 'https://saksbehandling.bergen.kommune.no').send({ query: '{ me { sub } }' });
    expect(res.status).toBe(401);
    expect(res.headers['access-control-expose-headers']).toBe(
      'x-request-id, x-client-request-id, x-sql-statements, www-authenticate, retry-after, content-disposition',
    );
    expect(res.headers['x-request-id']).toMatch(UUID);
  });

  test('a document route answers an allowed origin with the same CORS headers, so its file name is readable', async () => {
    const res = await request(t.server).get('/exports/participants.csv').set('origin', 'https://saksbehandling.bergen.kommune.no');
    expect(res.status).toBe(401);
    expect(res.headers['access-control-allow-origin']).toBe('https://saksbehandling.bergen.kommune.no');
    expect(res.headers['access-control-expose-headers']).toContain('content-disposition');
  });
});
