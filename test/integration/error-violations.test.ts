/**
 * One error shape (issue 17, item 4): every refused input answers with all of its problems in
 * extensions.violations ({ path, code, ruleId?, lawReference?, message }), whatever found them.
 */
import request from 'supertest';
import { startTestApp, TestApp } from '../support/app';

let t: TestApp;
let tok: string;
beforeAll(async () => {
  t = await startTestApp();
  tok = await t.token('MUNICIPALITY', '1103');
});
afterAll(async () => {
  await t?.close();
});

const LIST = `query($filter: ParticipantFilter, $first: Int) { participants(first: $first, filter: $filter) { totalCount } }`;

test('every problem of one input at once, each with a path and a stable code', async () => {
  const res = await t.gql(tok, LIST, { first: 101, filter: { nameContains: 'x'.repeat(101), startDeadlineWithinDays: 400, programmeEndingWithinDays: -1 } });
  const [error] = res.body.errors;
  expect(error.extensions.code).toBe('BAD_USER_INPUT');
  const got = error.extensions.violations.map((v: { path: string; code: string }) => `${v.path} ${v.code}`).sort();
  expect(got).toEqual(['filter.nameContains MAX_LENGTH', 'filter.programmeEndingWithinDays MIN', 'filter.startDeadlineWithinDays MAX', 'first MAX'].sort());
  for (const v of error.extensions.violations) expect(typeof v.message).toBe('string');
});

test("GraphQL's own coercion (an unknown enum value) answers in the same shape, naming the path", async () => {
  const res = await t.gql(tok, LIST, { first: 5, filter: { status: ['NOPE'] } });
  const [error] = res.body.errors;
  expect(error.extensions.code).toBe('BAD_USER_INPUT');
  expect(error.extensions.violations).toEqual([expect.objectContaining({ path: 'filter.status[0]', code: 'INVALID_VALUE' })]);
});

test('a tampered cursor: one violation on after', async () => {
  const res = await t.gql(tok, `{ participants(first: 2, after: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA") { totalCount } }`);
  expect(res.body.errors[0].extensions.violations).toEqual([expect.objectContaining({ path: 'after', code: 'INVALID' })]);
});

test.each([
  [undefined, 'nb', 'Verdien er for lang.'],
  ['nn-NO,nn;q=0.9,en;q=0.5', 'nn', 'Verdien er for lang.'],
  ['en-GB,en;q=0.9', 'en', 'The value is too long.'],
  ['de, en;q=0.2, nb;q=0.8', 'nb', 'Verdien er for lang.'],
])('Accept-Language %p: violations in %s, codes unchanged', async (header, language, message) => {
  const r = request(t.server).post('/graphql').set('content-type', 'application/json').set('authorization', `Bearer ${tok}`);
  if (header) r.set('accept-language', header);
  const res = await r.send({ query: LIST, variables: { first: 5, filter: { nameContains: 'x'.repeat(101), startDeadlineWithinDays: 400 } } });
  const [error] = res.body.errors;
  expect(error.extensions.language).toBe(language);
  const byPath = Object.fromEntries(error.extensions.violations.map((v: { path: string; code: string; message: string }) => [v.path, v]));
  expect(byPath['filter.nameContains']).toEqual({ path: 'filter.nameContains', code: 'MAX_LENGTH', message });
  expect(byPath['filter.startDeadlineWithinDays'].code).toBe('MAX');
  if (language === 'nn') expect(byPath['filter.startDeadlineWithinDays'].message).toBe('Verdien er for stor.');
  if (language === 'en') expect(byPath['filter.startDeadlineWithinDays'].message).toBe('The value is too large.');
});
