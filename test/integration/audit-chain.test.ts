/** The change log forms one hash chain per municipality; verification names the first tampered row. */
import { verifyAuditChains } from '../../src/modules/audit/verify';
import { startTestApp, TestApp } from '../support/app';
import { participantInput, REGISTER } from '../support/fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

test('concurrent writes keep every chain gapless and intact; tampering is found', async () => {
  const orgs = ['4601', '0301'];
  const tokens = await Promise.all(orgs.map((o) => t.token('MUNICIPALITY', o)));
  await Promise.all(Array.from({ length: 30 }, (_, i) => t.gql(tokens[i % 2], REGISTER, { input: participantInput() })));
  const owner = await t.db.owner();
  const ok = await verifyAuditChains(owner);
  expect(ok).toEqual({ municipalities: 2, rows: 30, broken: null });

  const bergen = t.directory.municipalityByNumber('4601')!.id;
  await owner.query(`UPDATE app.audit_event SET changes = '{"name":{"from":null,"to":"Someone else"}}' WHERE municipality_id = $1 AND seq = 7`, [bergen]);
  const tampered = await verifyAuditChains(owner);
  expect(tampered.broken).toEqual({ municipalityId: bergen, seq: 7, reason: 'hash does not match the row content' });

  await owner.query(`DELETE FROM app.audit_event WHERE municipality_id = $1 AND seq >= 7`, [bergen]);
  await owner.query(`DELETE FROM app.audit_event WHERE municipality_id = $1 AND seq = 3`, [bergen]);
  expect((await verifyAuditChains(owner)).broken).toMatchObject({ municipalityId: bergen, seq: 4, reason: expect.stringMatching(/missing/) });
});
