/**
 * Every object type a county or Statsforvalter user can reach is either logged as personal data in
 * the access log or exempted here with its reason: a new type must be placed deliberately.
 */
import { Client } from 'pg';
import { PERSONAL_DATA_TYPES } from '../../src/modules/access-log';
import { startTestApp, TestApp } from '../support/app';
import { MAPPING_INPUT, participantInput, REGISTER } from '../support/fixtures';
import snapshot from './operation-roles.snapshot.json';

const EXEMPT: Record<string, string> = {
  Me: 'the caller itself',
  Municipality: 'reference data',
  County: 'reference data',
  StatsforvalterArea: 'reference data',
  PageInfo: 'pagination',
  CountyGuidanceReferralConnection: 'pagination',
  CountyGuidanceReferralEdge: 'pagination',
  ForwardedAppealConnection: 'pagination',
  ForwardedAppealEdge: 'pagination',
  AppealActor: 'the caseworker or reviewer who acted, not the participant',
  AppealHistoryEntry: 'steps of the appeal, reached only through a logged ForwardedAppeal',
  CareerGuidanceRecord: "the county's own guidance, reached only through a logged referral",
  BenefitDetails: 'reached only through a logged decision',
  BenefitPartDetails: 'a part of the benefit calculation, reached only through a logged decision',
  RuleNotice: "a rule's id, law reference and message: no person",
  HaltDetails: 'reached only through a logged decision',
  ExtensionDetails: 'reached only through a logged decision',
  LeaveDetails: 'reached only through a logged decision',
  ExemptionDetails: 'reached only through a logged decision',
  NorwegianGoal: 'reached only through a logged plan version',
  PlanElement: 'reached only through a logged plan version',
  LifeSkillsHours: 'reached only through a logged plan version',
  WorklistConnection: 'pagination',
  WorklistEdge: 'pagination',
  WorklistKindCount: 'counts, no person',
  WorklistItem: "a duty's kind, rule and due date; the person is its logged WorklistParticipant",
};

test.each(['COUNTY', 'STATSFORVALTER'])('every type %s can reach is logged or exempted with a reason', (role) => {
  const types = Object.keys((snapshot as { reachableTypes: Record<string, Record<string, string[]>> }).reachableTypes[role]);
  const unplaced = types.filter((t) => !PERSONAL_DATA_TYPES[t] && !EXEMPT[t]);
  expect(unplaced).toEqual([]);
});

test('GuidanceParticipant and AppealParticipant, the projections of a person, are logged', () => {
  expect(Object.keys(PERSONAL_DATA_TYPES)).toEqual(
    expect.arrayContaining([
      'GuidanceParticipant',
      'AppealParticipant',
      'WorklistParticipant',
      'ForwardedAppeal',
      'AppealedDecision',
      'CountyGuidanceReferral',
      'IncomingTransfer',
    ]),
  );
});

/**
 * The ways personal data leaves without a field of a personal-data type being read (issue 19): a count
 * or a page of cursors under a filter, the transfer inbox, a county's list. Each is an access-log entry
 * with its purpose (the filter, as given) and the participants it covered.
 */
describe('reads that no personal-data field shows are logged too', () => {
  let t: TestApp;
  let owner: Client;
  let tok: string;
  const ids: string[] = [];
  beforeAll(async () => {
    t = await startTestApp();
    owner = await t.db.owner();
    tok = await t.token('MUNICIPALITY', '4601', 'searcher');
    for (const name of ['Ola Nordmann', 'Ola Hansen', 'Kari Berg']) {
      const r = await t.gql(tok, REGISTER, { input: participantInput({ name }) });
      ids.push(r.body.data.registerParticipant.id);
    }
  });
  afterAll(() => t?.close());

  const entries = async (sub: string, purpose: RegExp) =>
    (await owner.query(`SELECT purpose, fields, participant_ids FROM app.access_log WHERE actor_sub = $1 ORDER BY at`, [sub])).rows.filter(
      (r: { purpose: string }) => purpose.test(r.purpose),
    ) as { purpose: string; fields: string[]; participant_ids: string[] }[];

  test('a count under a name filter names everyone it matched, with the filter as purpose', async () => {
    const res = await t.gql(tok, `{ participants(first: 1, filter: { nameContains: "ola" }) { totalCount } }`);
    expect(res.body.data.participants.totalCount).toBe(2);
    const [count] = await entries('searcher', /^CASE_COUNT/);
    expect(count).toEqual({ purpose: 'CASE_COUNT filter {"nameContains":"ola"}', fields: ['totalCount'], participant_ids: expect.any(Array) });
    expect([...count.participant_ids].sort()).toEqual([ids[0], ids[1]].sort());
  });

  test('a page of cursors only, under a filter, names the page', async () => {
    const cw = await t.token('MUNICIPALITY', '4601', 'cursor-reader');
    const res = await t.gql(cw, `{ participants(first: 2, filter: { eligibility: RIGHT_AND_DUTY }) { edges { cursor } } }`);
    expect(res.body.data.participants.edges).toHaveLength(2);
    const list = await entries('cursor-reader', /^CASE_LIST/);
    expect(list).toEqual([{ purpose: 'CASE_LIST filter {"eligibility":"RIGHT_AND_DUTY"}', fields: ['filter'], participant_ids: expect.any(Array) }]);
    expect(list[0].participant_ids).toHaveLength(2);
  });

  test('fields read under a filter are logged with the filter as purpose; an unfiltered count is not a read of anyone', async () => {
    const cw = await t.token('MUNICIPALITY', '4601', 'open-appeals');
    await t.gql(cw, `{ participants(first: 5, filter: { hasOpenAppeal: false }) { totalCount edges { node { name } } } }`);
    const rows = await entries('open-appeals', /./);
    expect(rows.map((r) => [r.purpose, r.fields])).toEqual(
      expect.arrayContaining([
        ['CASE_LIST filter {"hasOpenAppeal":false}', ['filter', 'name']],
        ['CASE_COUNT filter {"hasOpenAppeal":false}', ['totalCount']],
      ]),
    );
    const counter = await t.token('MUNICIPALITY', '4601', 'counter');
    await t.gql(counter, `{ participants(first: 1) { totalCount } }`);
    expect(await entries('counter', /./)).toEqual([]);
  });

  test("the transfer inbox's name and birth date are logged in the receiver's log, and the accepted case's log shows them", async () => {
    const oslo = await t.token('MUNICIPALITY', '0301', 'inbox-reader');
    const sent = await t.gql(tok, `mutation($id: UUID!) { transferParticipant(participantId: $id, toMunicipality: "0301") { status } }`, { id: ids[2] });
    expect(sent.body.errors).toBeUndefined();
    const inbox = await t.gql(oslo, `{ incomingTransfers { id version name birthDate } }`);
    const transfer = inbox.body.data.incomingTransfers[0];
    expect(transfer.name).toBe('Kari Berg');
    const [read] = await entries('inbox-reader', /TRANSFER_INBOX/);
    expect(read).toEqual({
      purpose: 'TRANSFER_INBOX',
      fields: ['IncomingTransfer.birthDate', 'IncomingTransfer.id', 'IncomingTransfer.name', 'IncomingTransfer.version'],
      participant_ids: [ids[2]],
    });
    // The inbox as a Relay connection logs the same way (each page names the people it shows).
    const pager = await t.token('MUNICIPALITY', '0301', 'inbox-pager');
    const page = await t.gql(pager, `{ incomingTransfersConnection(first: 5) { totalCount edges { node { name } } } }`);
    expect(page.body.errors).toBeUndefined();
    expect(page.body.data.incomingTransfersConnection.edges.map((e: { node: { name: string } }) => e.node.name)).toContain('Kari Berg');
    const paged = await entries('inbox-pager', /TRANSFER_INBOX/);
    expect(paged).toEqual([{ purpose: 'TRANSFER_INBOX', fields: expect.arrayContaining(['IncomingTransfer.name']), participant_ids: [ids[2]] }]);
    const accepted = await t.gql(oslo, `mutation($id: UUID!, $v: Int!) { acceptTransfer(transferId: $id, expectedVersion: $v) { id } }`, {
      id: transfer.id,
      v: transfer.version,
    });
    const log = await t.gql(oslo, `query($id: UUID!) { participantAccessLog(participantId: $id, first: 20) { edges { node { purpose } } } }`, {
      id: accepted.body.data.acceptTransfer.id,
    });
    expect(log.body.data.participantAccessLog.edges.map((e: { node: { purpose: string } }) => e.node.purpose)).toContain('TRANSFER_INBOX');
  });

  test("a county's list of cursors names the referred participants", async () => {
    const mapped = await t.gql(
      tok,
      `mutation($id: UUID!, $input: CompetenceMappingInput!) { recordCompetenceMapping(participantId: $id, input: $input) { id } }`,
      {
        id: ids[0],
        input: MAPPING_INPUT,
      },
    );
    expect(mapped.body.errors).toBeUndefined();
    const referred = await t.gql(tok, `mutation($id: UUID!) { referToCareerGuidance(participantId: $id, note: "n") { id } }`, { id: ids[0] });
    expect(referred.body.errors).toBeUndefined();
    const county = await t.token('COUNTY', '46', 'county-lister');
    const list = await t.gql(county, `{ careerGuidanceReferrals(first: 10) { edges { cursor } } }`);
    expect(list.body.data.careerGuidanceReferrals.edges).toHaveLength(1);
    expect(await entries('county-lister', /./)).toEqual([{ purpose: 'REFERRAL_LIST', fields: ['listed'], participant_ids: [ids[0]] }]);
  });
});
