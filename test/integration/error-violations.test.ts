/**
 * One error shape (issue 17, item 4): every refused input answers with all of its problems in
 * extensions.violations ({ path, code, ruleId?, lawReference?, message }), whatever found them.
 */
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
