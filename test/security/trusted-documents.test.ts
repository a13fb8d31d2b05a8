/**
 * Trusted documents (TRUSTED_DOCUMENTS): only the operations of the clients' persisted-query manifest
 * run; any other document is refused before parsing, with no SQL.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { parseManifest, sha256 } from '../../src/http/trusted-documents';
import { startTestApp, TestApp } from '../support/app';

const DASHBOARD = 'query Dashboard { me { name } caseloadSummary { total } }';
let t: TestApp;
let tok: string;
let file: string;
beforeAll(async () => {
  file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'introsak-trusted-')), 'manifest.json');
  fs.writeFileSync(
    file,
    JSON.stringify({
      format: 'apollo-persisted-query-manifest',
      version: 1,
      operations: [{ id: sha256(DASHBOARD), name: 'Dashboard', type: 'query', body: DASHBOARD }],
    }),
  );
  t = await startTestApp({ production: true, env: { TRUSTED_DOCUMENTS: file, SQL_STATEMENT_HEADER: 'on' } });
  tok = await t.token('MUNICIPALITY', '4601');
});
afterAll(() => t?.close());

const post = (body: unknown) =>
  request(t.server)
    .post('/graphql')
    .set('authorization', `Bearer ${tok}`)
    .set('content-type', 'application/json')
    .send(body as object);

test('a registered operation runs by its hash, or by its exact text', async () => {
  const byHash = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256(DASHBOARD) } } });
  expect(byHash.status).toBe(200);
  expect(byHash.body.data.caseloadSummary.total).toBe(0);
  expect((await post({ query: DASHBOARD })).status).toBe(200);
});

test('any other document is refused before any SQL, also by GET and with a hash of an unknown operation', async () => {
  for (const body of [
    { query: '{ participants(first: 1, filter: { eligibility: NONE }) { totalCount } }' },
    { query: DASHBOARD + ' ' },
    { extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ me { sub } }') } } },
    { query: '{ me { sub } }', extensions: { persistedQuery: { version: 1, sha256Hash: sha256(DASHBOARD) } } },
  ]) {
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(res.headers['x-sql-statements']).toBeUndefined();
  }
  const get = await request(t.server)
    .get(`/graphql?query=${encodeURIComponent(DASHBOARD)}`)
    .set('authorization', `Bearer ${tok}`)
    .set('apollo-require-preflight', 'true');
  expect(get.status).toBe(400);
});

test('a manifest whose document does not hash to its id is refused at start-up', () => {
  expect(() => parseManifest(JSON.stringify({ [sha256('{ a }')]: '{ b }' }))).toThrow(/does not hash to its id/);
});
