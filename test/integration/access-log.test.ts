/** Every read of a participant's personal data is logged: who, which organisation, why, which fields. */
import { startTestApp, TestApp } from '../support/app';
import { participantInput, REGISTER } from '../support/fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

const LOG = `query($id: UUID!) { participantAccessLog(participantId: $id, first: 20) { totalCount edges { node { role org orgName purpose fields } } } }`;

test('single view and list reads are logged with purpose and fields; the log is the municipality\'s own', async () => {
  const kari = await t.token('MUNICIPALITY', '4601', 'kari', 'Kari');
  const ola = await t.token('MUNICIPALITY', '4601', 'ola', 'Ola');
  const id = (await t.gql(kari, REGISTER, { input: participantInput() })).body.data.registerParticipant.id;
  await t.gql(ola, `query($id: UUID!) { participant(id: $id) { name identityNumber birthDate } }`, { id });
  await t.gql(ola, `{ participants(first: 10) { edges { node { name maskedIdentityNumber } } } }`);
  const res = await t.gql(kari, LOG, { id });
  expect(res.body.errors).toBeUndefined();
  const entries = res.body.data.participantAccessLog.edges.map((e: { node: unknown }) => e.node);
  expect(entries).toEqual(
    expect.arrayContaining([
      { role: 'MUNICIPALITY', org: '4601', orgName: 'Bergen', purpose: 'CASE', fields: ['birthDate', 'identityNumber', 'name'] },
      { role: 'MUNICIPALITY', org: '4601', orgName: 'Bergen', purpose: 'CASE_LIST', fields: ['maskedIdentityNumber', 'name'] },
    ]),
  );
  // The access-log query itself reads no personal data of the participant's, and another municipality sees nothing.
  const other = await t.gql(await t.token('MUNICIPALITY', '0301'), LOG, { id });
  expect(other.body.errors[0].extensions.code).toBe('NOT_FOUND');
});

test('the API login cannot change or delete the access log', async () => {
  const runner = t.api.createQueryRunner();
  await runner.connect();
  try {
    await expect(runner.query(`UPDATE app.access_log SET purpose = 'x'`)).rejects.toThrow(/permission denied/);
    await expect(runner.query(`DELETE FROM app.access_log`)).rejects.toThrow(/permission denied/);
  } finally {
    await runner.release();
  }
});

test('a page of participants is one access-log row naming each of them, and each one\'s log shows the read', async () => {
  const tok = await t.token('MUNICIPALITY', '1103', 'lister', 'Lister');
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) ids.push((await t.gql(tok, REGISTER, { input: participantInput() })).body.data.registerParticipant.id);
  const list = await t.gql(tok, `{ participants(first: 10) { edges { node { id name status } } } }`);
  expect(list.body.errors).toBeUndefined();
  const owner = await t.db.owner();
  const { rows } = await owner.query(`SELECT participant_ids, purpose, fields FROM app.access_log WHERE actor_sub = 'lister' AND purpose = 'CASE_LIST'`);
  expect(rows).toHaveLength(1);
  expect([...rows[0].participant_ids].sort()).toEqual([...ids].sort());
  expect(rows[0]).toMatchObject({ purpose: 'CASE_LIST', fields: ['id', 'name', 'status'] });
  for (const id of ids) {
    const log = await t.gql(tok, LOG, { id });
    expect(log.body.data.participantAccessLog.edges.map((e: { node: { purpose: string } }) => e.node.purpose)).toContain('CASE_LIST');
  }
});
