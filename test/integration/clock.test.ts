/**
 * One clock per request, settable for a whole server outside production (INTROSAK_TODAY): tests and
 * acceptance runs of date-dependent rules run the real server on a chosen day.
 */
import { loadConfig } from '../../src/config';
import { startTestApp, TestApp } from '../support/app';
import { participantInput, REGISTER } from '../support/fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { INTROSAK_TODAY: '2026-09-15' } });
});
afterAll(async () => t.close());

test('every request of a server with INTROSAK_TODAY sees that date', async () => {
  const tok = await t.token('MUNICIPALITY', '4601');
  const reg = await t.gql(tok, REGISTER, { input: participantInput({ birthDate: '1990-09-16', settlementDate: '2026-09-01' }) });
  const id = reg.body.data.registerParticipant.id;
  // Start deadline: three months after settlement, 2026-12-01; 77 days after 2026-09-15.
  const res = await t.gql(tok, `query($id: UUID!) { participant(id: $id) { startDeadline daysToStartDeadline age } }`, { id });
  expect(res.body.data.participant).toEqual({ startDeadline: '2026-12-01', daysToStartDeadline: 77, age: 35 });
});

test('INTROSAK_TODAY is refused in production and must be a calendar date', () => {
  const production = { NODE_ENV: 'production', DATABASE_URL: 'postgres://x@127.0.0.1/x', JWT_SECRET: 'x'.repeat(32), DATABASE_API_PASSWORD: 'x' };
  expect(() => loadConfig({ ...production, INTROSAK_TODAY: '2026-09-15' })).toThrow(/refused in production/);
  expect(() => loadConfig({ INTROSAK_TODAY: '2026-02-30' })).toThrow(/calendar date/);
  expect(loadConfig({ INTROSAK_TODAY: '2026-02-28' }).fixedToday).toBe('2026-02-28');
});
