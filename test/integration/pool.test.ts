/**
 * Pooled connections never carry a caller over: many interleaved requests from two municipalities on a
 * pool of 2, with some failing mid-transaction, each see only their own rows.
 */
import { startTestApp, TestApp } from '../support/app';
import { participantInput, REGISTER } from '../support/fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ poolSize: 2 });
});
afterAll(() => t?.close());

test('200 interleaved requests of Bergen and Oslo on a pool of 2 each see only their own rows', async () => {
  const tokens: Record<string, string> = { '4601': await t.token('MUNICIPALITY', '4601'), '0301': await t.token('MUNICIPALITY', '0301') };
  for (const org of Object.keys(tokens)) {
    for (let i = 0; i < 4; i++) {
      const r = await t.gql(tokens[org], REGISTER, { input: participantInput({ name: `Muni${org} person ${i}` }) });
      expect(r.body.errors).toBeUndefined();
    }
  }
  const LIST = '{ participants(first: 50) { totalCount edges { node { name } } } me { org } }';
  // Fails mid-transaction: the list runs, then a non-null root field fails and the whole result is null (rollback).
  const FAILING = '{ participants(first: 50) { totalCount } missing: participant(id: "00000000-0000-4000-8000-000000000000") { id } }';
  const jobs = Array.from({ length: 200 }, (_, i) => {
    const org = i % 2 === 0 ? '4601' : '0301';
    const failing = i % 10 === 3;
    return t.gql(tokens[org], failing ? FAILING : LIST).then((res) => ({ org, failing, res }));
  });
  const results = await Promise.all(jobs);
  for (const { org, failing, res } of results) {
    if (failing) {
      expect(res.body.data).toBeNull();
      expect(res.body.errors[0].extensions.code).toBe('NOT_FOUND');
      continue;
    }
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.me.org).toBe(org);
    expect(res.body.data.participants.totalCount).toBe(4);
    for (const e of res.body.data.participants.edges) expect(e.node.name.startsWith(`Muni${org} `)).toBe(true);
  }
  // Nothing is left on the pooled connections afterwards.
  const leftovers = await Promise.all(
    [0, 1].map(() => t.api.query(`SELECT current_setting('app.municipality_id', true) AS m, current_setting('app.role', true) AS r`)),
  );
  for (const [row] of leftovers) {
    expect(row.m ?? '').toBe('');
    expect(row.r ?? '').toBe('');
  }
});

test('a token whose claims cannot become transaction settings is refused, and never poisons a pooled connection', async () => {
  const { signDevToken } = await import('../../src/auth/token');
  const { TEST_SECRET } = await import('../support/app');
  const evil = await signDevToken(TEST_SECRET, { sub: 'evil\u0000sub', role: 'MUNICIPALITY', org: '4601' });
  const res = await t.gql(evil, '{ me { sub } }');
  expect(res.status).toBe(401);
  const good = await t.token('MUNICIPALITY', '4601');
  for (let i = 0; i < 4; i++) {
    const ok = await t.gql(good, '{ participants(first: 1) { totalCount } }');
    expect(ok.body.errors).toBeUndefined();
  }
});

test('the settings are SET LOCAL (what Citus propagates to its workers): quoted exactly, gone after the transaction', async () => {
  const { RequestTransaction } = await import('../../src/db/request-transaction');
  const actor = 'o\'brien\\x "y" ; RESET ALL; --';
  const tx = new RequestTransaction(t.api, { role: 'MUNICIPALITY', org: '4601', actor, municipalityId: 1, municipalityIds: [1, 2] });
  await tx.begin(true);
  try {
    const [row] = await tx.query<{ a: string; m: string; ms: string; p: string; sc: string }>(
      `SELECT current_setting('app.actor') AS a, current_setting('app.municipality_id') AS m, current_setting('app.municipality_ids') AS ms,
              current_setting('citus.propagate_set_commands') AS p, current_setting('synchronous_commit') AS sc`,
    );
    expect(row).toEqual({ a: actor, m: '1', ms: '1,2', p: 'local', sc: 'off' });
    await tx.commit();
  } finally {
    await tx.release();
  }
  const [after] = await t.api.query(`SELECT current_setting('app.actor', true) AS a, current_setting('synchronous_commit') AS sc`);
  expect(after.a ?? '').toBe('');
  expect(after.sc).toBe('on');
});
