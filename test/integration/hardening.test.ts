/** GraphQL hardening in production mode: every bound is checked before any SQL runs. */
import request from 'supertest';
import { startTestApp, TestApp } from '../support/app';

let prod: TestApp;
let dev: TestApp;
let tok: string;
beforeAll(async () => {
  prod = await startTestApp({ production: true, env: { CORS_ORIGINS: 'https://saksbehandling.bergen.kommune.no', BODY_LIMIT_BYTES: '20000' } });
  dev = await startTestApp();
  tok = await prod.token('MUNICIPALITY', '4601');
});
afterAll(async () => {
  await prod?.close();
  await dev?.close();
});

test('introspection is off in production, __typename still works', async () => {
  const res = await prod.gql(tok, '{ __schema { types { name } } }');
  expect(res.status).toBe(400);
  expect(res.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  const typename = await prod.gql(tok, '{ __typename }');
  expect(typename.body.data).toEqual({ __typename: 'Query' });
});

test('no "Did you mean" suggestions, also not for variables', async () => {
  const field = await prod.gql(tok, '{ participantz(first: 1) { totalCount } }');
  expect(JSON.stringify(field.body)).not.toMatch(/Did you mean/);
  const variable = await prod.gql(
    tok,
    'query($l: CertificateLanguage!) { participationCertificate(participantId: "00000000-0000-4000-8000-000000000000", language: $l) { title } }',
    { l: 'NX' },
  );
  expect(variable.status).toBe(400);
  expect(JSON.stringify(variable.body)).not.toMatch(/Did you mean|NB|NN/);
});

test('token limit answers 400, not 500', async () => {
  const res = await prod.gql(tok, `{ ${'a '.repeat(6000)} }`);
  expect(res.status).toBe(400);
  expect(res.body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
});

test('depth, alias and directive limits', async () => {
  const deep = await prod.gql(
    tok,
    '{ participants(first: 1) { edges { node { integrationPlan { versions { elements { kind } } } programme { id } } } } me { municipalities { number } } }',
  );
  expect(deep.body.errors).toBeUndefined();
  const q =
    'fragment F on Participant { integrationPlan { versions { norwegianGoal { reading } } } } { participants(first: 1) { edges { node { ...F municipality { name } } } pageInfo { endCursor } } }';
  expect((await prod.gql(tok, q)).status).toBe(200);
  const deeper = `{ participants(first: 1) { edges { node { decisions { appealInformation { deadline } } integrationPlan { versions { elements { kind } } } } } } }`;
  expect((await prod.gql(tok, deeper)).status).toBe(200);
  const aliases = await prod.gql(tok, `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: me { sub }`).join(' ')} }`);
  expect(aliases.status).toBe(400);
  expect(aliases.body.errors[0].message).toMatch(/Aliases limit/);
  const directives = await prod.gql(tok, `{ me @include(if: true) ${'@include(if: true) '.repeat(12)} { sub } }`);
  expect(directives.status).toBe(400);
});

test('a depth over the limit is refused, also when hidden in fragments', async () => {
  const nested = (n: number) => Array.from({ length: n }, (_, i) => `f${i} {`).join(' ') + ' x ' + '}'.repeat(n);
  const direct = await prod.gql(tok, `{ me { ${nested(11)} } }`);
  expect(direct.status).toBe(400);
  expect(JSON.stringify(direct.body)).toMatch(/Query depth limit of 10 exceeded/);
  const viaFragments = await prod.gql(
    tok,
    `fragment A on Me { ${nested(6)} } fragment B on Query { me { ...A } } query { ...B me { ${nested(3)} } }`.replace('...A }', '...A ' + nested(5) + ' }'),
  );
  expect(viaFragments.status).toBe(400);
  expect(JSON.stringify(viaFragments.body)).toMatch(/depth limit/);
});

test('query cost is computed with variables and refused before any SQL runs', async () => {
  const q = 'query($n: Int!) { participants(first: $n) { edges { node { name decisions { type } integrationPlan { versions { endGoal } } } } } }';
  const res = await dev.gql(await dev.token('MUNICIPALITY', '4601'), q, { n: 100000 });
  expect(res.status).toBe(400);
  expect(res.body.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
  expect(res.headers['x-sql-statements']).toBe('0');
  const small = await dev.gql(await dev.token('MUNICIPALITY', '4601'), q, { n: 10 });
  expect(small.body.errors).toBeUndefined();
  // The cost is remembered per document and variables: asked again, each answer stays what it was.
  for (let i = 0; i < 2; i++) {
    const again = await dev.gql(await dev.token('MUNICIPALITY', '4601'), q, { n: 100000 });
    expect(again.body.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(again.headers['x-sql-statements']).toBe('0');
    expect((await dev.gql(await dev.token('MUNICIPALITY', '4601'), q, { n: 10 })).body.errors).toBeUndefined();
  }
  const hugeVariables = await dev.gql(await dev.token('MUNICIPALITY', '4601'), q, { n: 100000, padding: 'x'.repeat(2000) });
  expect(hugeVariables.body.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
});

test('page size above 100 through a variable is BAD_USER_INPUT', async () => {
  const res = await prod.gql(tok, 'query($n: Int!) { participants(first: $n) { totalCount } }', { n: 101 });
  expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
});

test('batched HTTP requests are refused', async () => {
  const res = await request(prod.server)
    .post('/graphql')
    .set('authorization', `Bearer ${tok}`)
    .set('content-type', 'application/json')
    .send([{ query: '{ me { sub } }' }, { query: '{ me { sub } }' }]);
  expect(res.status).toBe(400);
});

test('CSRF prevention: a simple GET or a text/plain POST does not execute', async () => {
  const get = await request(prod.server).get('/graphql?query=%7B__typename%7D').set('authorization', `Bearer ${tok}`);
  expect(get.status).toBe(400);
  const plain = await request(prod.server)
    .post('/graphql')
    .set('authorization', `Bearer ${tok}`)
    .set('content-type', 'text/plain')
    .send('{"query":"{ me { sub } }"}');
  expect(plain.status).toBe(400);
  const mutationOverGet = await request(prod.server)
    .get('/graphql')
    .query({ query: 'mutation { __typename }' })
    .set('authorization', `Bearer ${tok}`)
    .set('apollo-require-preflight', 'true');
  expect(mutationOverGet.status).toBe(405);
});

test('request body size limit answers 413', async () => {
  const res = await request(prod.server)
    .post('/graphql')
    .set('authorization', `Bearer ${tok}`)
    .set('content-type', 'application/json')
    .send({ query: '{ me { sub } }', variables: { pad: 'x'.repeat(30000) } });
  expect(res.status).toBe(413);
});

test('CORS: only configured origins get an allow-origin header', async () => {
  const ok = await request(prod.server).options('/graphql').set('origin', 'https://saksbehandling.bergen.kommune.no');
  expect(ok.headers['access-control-allow-origin']).toBe('https://saksbehandling.bergen.kommune.no');
  const evil = await request(prod.server).options('/graphql').set('origin', 'https://evil.example');
  expect(evil.headers['access-control-allow-origin']).toBeUndefined();
});

test('no stack traces and no GraphiQL in production', async () => {
  const res = await prod.gql(tok, '{ participant(id: "00000000-0000-4000-8000-000000000000") { id } }');
  expect(JSON.stringify(res.body)).not.toMatch(/stacktrace|at .*\.ts/);
  const page = await request(prod.server).get('/graphql').set('accept', 'text/html');
  expect(page.text).not.toContain('graphiql');
});

test('production sends no x-sql-statements header; SQL_STATEMENT_HEADER=on (the benchmark) turns it on', async () => {
  const q = '{ participants(first: 1) { totalCount } }';
  expect((await prod.gql(tok, q)).headers['x-sql-statements']).toBeUndefined();
  const { loadConfig } = await import('../../src/config');
  const base = { NODE_ENV: 'production', DATABASE_URL: 'postgres://x@localhost/db', JWT_SECRET: 'x'.repeat(32) };
  expect(loadConfig(base).sqlStatementHeader).toBe(false);
  expect(loadConfig({ ...base, SQL_STATEMENT_HEADER: 'on' }).sqlStatementHeader).toBe(true);
  expect(loadConfig({ NODE_ENV: 'development' }).sqlStatementHeader).toBe(true);
  expect(() => loadConfig({ ...base, SQL_STATEMENT_HEADER: 'maybe' })).toThrow(/SQL_STATEMENT_HEADER/);
});
