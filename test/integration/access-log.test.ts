/** Every read of a participant's personal data is logged: who, which organisation, why, which fields. */
import { startTestApp, TestApp } from '../support/app';
import { participantInput, REGISTER } from '../support/fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

const LOG = `query($id: UUID!) { participantAccessLog(participantId: $id, first: 20) { totalCount edges { node { role org orgName purpose fields } } } }`;

test("single view and list reads are logged with purpose and fields; the log is the municipality's own", async () => {
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

test("a page of participants is one access-log row naming each of them, and each one's log shows the read", async () => {
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

test("paging a participant's log returns every entry once, even entries a microsecond apart", async () => {
  const tok = await t.token('MUNICIPALITY', '4601', 'pager', 'Pager');
  const id = (await t.gql(tok, REGISTER, { input: participantInput() })).body.data.registerParticipant.id;
  const municipalityId = t.directory.municipalityByNumber('4601')!.id;
  const owner = await t.db.owner();
  // Three reads within one millisecond (a JavaScript Date cannot tell them apart), by another caseworker.
  for (const at of ['2026-11-02 10:00:00.123100+01', '2026-11-02 10:00:00.123200+01', '2026-11-02 10:00:00.123300+01']) {
    await owner.query(
      `INSERT INTO app.access_log (municipality_id, at, request_id, actor_sub, actor_role, actor_org, purpose, fields, participant_ids)
       VALUES ($1, $2, 'r', 'other', 'MUNICIPALITY', '4601', 'CASE', ARRAY['name'], ARRAY[$3::uuid])`,
      [municipalityId, at, id],
    );
  }
  const PAGE = `query($id: UUID!, $after: String) { participantAccessLog(participantId: $id, first: 1, after: $after) {
    totalCount edges { node { at purpose } } pageInfo { hasNextPage endCursor } } }`;
  const seen: string[] = [];
  let after: string | null = null;
  for (let i = 0; i < 10; i++) {
    const res = await t.gql(tok, PAGE, { id, after });
    expect(res.body.errors).toBeUndefined();
    const log = res.body.data.participantAccessLog;
    expect(log.totalCount).toBe(4); // the registration's own read, and the three
    seen.push(...log.edges.map((e: { node: { at: string } }) => e.node.at));
    if (!log.pageInfo.hasNextPage) break;
    after = log.pageInfo.endCursor;
  }
  expect(seen).toHaveLength(4);
  // A cursor that is not one of ours is refused as bad input, not a server error.
  const bad = await t.gql(tok, PAGE, { id, after: Buffer.from(JSON.stringify(['yesterday', 'x'])).toString('base64url') });
  expect(bad.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
});
