/**
 * The municipal dashboard's queries (issue 17 item 6): the municipality's own appeal list (filters by state,
 * deadline and the appellant's caseworker, counts per state), the caseload per caseworker and the case list
 * by any caseworker, the exact identity-number search (an access-logged read with its purpose) and
 * allowedEndGoals on the municipality's Participant. Each is one request, its SQL statements the same
 * whatever the page size.
 *
 * The fixture is written straight into the tables (as the owner) on a fixed today; every expected number
 * is computed here from the fixture's own definition.
 */
import crypto from 'node:crypto';
import { Client } from 'pg';
import { APPEAL_STATES as ALL_APPEAL_STATES } from '../../src/domain/appeal';
import { allowedEndGoals } from '../../src/domain/end-goal';
import { startTestApp, TestApp } from '../support/app';

const TODAY = '2026-05-15';
let t: TestApp;
let owner: Client;
let bergen: number;
let oslo: number;
let cw: string;
let osloCw: string;

const CASEWORKERS = ['cw-anna', 'cw-bo', 'cw-cato', null] as const;
const STATUSES = ['REGISTERED', 'ACTIVE', 'COMPLETED', 'PLANNED', 'ACTIVE'] as const;
const APPEAL_STATES = ['RECEIVED', 'UNDER_REVIEW', 'FORWARDED'] as const;

interface Person {
  m: number;
  id: string;
  fnr: string;
  name: string;
  sub: string | null;
  status: string;
  birthDate: string;
  hasUpperSecondary: boolean;
}
interface Appeal {
  m: number;
  id: string;
  participant: Person;
  state: string;
  deadline: string;
  receivedAt: string;
}
const people: Person[] = [];
const appeals: Appeal[] = [];
const day = (offset: number) => new Date(Date.UTC(2026, 3, 1 + offset)).toISOString().slice(0, 10);

async function insertPeople(list: Person[]) {
  await owner.query(
    `INSERT INTO app.participant (municipality_id, id, full_name, identity_number, birth_date, permit_category, permit_grant_date, arrival_date,
       settlement_date, settled_by_agreement, start_deadline, status, assigned_to_sub, assigned_to_name, eligibility_periods, has_upper_secondary)
     SELECT m, id, n, f, b, 'REFUGEE', '2025-10-01', '2025-10-10', '2026-01-10', true, '2026-04-10', s, a, 'Name of ' || a, '[]', u
       FROM unnest($1::smallint[], $2::uuid[], $3::text[], $4::text[], $5::date[], $6::text[], $7::text[], $8::boolean[]) AS x(m, id, n, f, b, s, a, u)`,
    [
      list.map((p) => p.m),
      list.map((p) => p.id),
      list.map((p) => p.name),
      list.map((p) => p.fnr),
      list.map((p) => p.birthDate),
      list.map((p) => p.status),
      list.map((p) => p.sub),
      list.map((p) => p.hasUpperSecondary),
    ],
  );
}

async function insertAppeal(a: Appeal) {
  const decisionId = crypto.randomUUID();
  await owner.query(
    `INSERT INTO app.decision (municipality_id, id, participant_id, type, outcome, reasons, legal_basis, decided_at, decided_by_sub, decided_by_name, notified_at, details)
     VALUES ($1, $2, $3, 'PARTICIPATION', 'GRANTED', 'Fixture reasons', ARRAY['integreringsloven § 12'], '2026-03-01', 'fixture', 'Fixture', '2026-03-02', '{}')`,
    [a.m, decisionId, a.participant.id],
  );
  const forwarded = a.state === 'FORWARDED';
  await owner.query(
    `INSERT INTO app.appeal (municipality_id, id, decision_id, participant_id, state, received_at, sent_at, grounds, change_wanted, deadline, deadline_basis,
       filed_in_time, late_appeal_last_day, municipality_statement, forwarded_at, statsforvalter_id, created_by_sub)
     VALUES ($1, $2, $3, $4, $5, $6, $6, 'Grounds', 'Change', $7, 'NOTICE', true, '2027-01-01', $8, $9::timestamptz, $10, 'fixture')`,
    [
      a.m,
      a.id,
      decisionId,
      a.participant.id,
      a.state,
      a.receivedAt,
      a.deadline,
      forwarded ? 'Statement' : null,
      forwarded ? '2026-05-01 10:00:00+02' : null,
      forwarded ? (a.m === bergen ? 'vestland' : 'oslo-viken') : null,
    ],
  );
}

beforeAll(async () => {
  t = await startTestApp({ env: { INTROSAK_TODAY: TODAY } });
  owner = await t.db.owner();
  bergen = t.directory.municipalityByNumber('4601')!.id;
  oslo = t.directory.municipalityByNumber('0301')!.id;
  cw = await t.token('MUNICIPALITY', '4601', 'cw-anna', 'Anna');
  osloCw = await t.token('MUNICIPALITY', '0301', 'cw-oslo', 'Oslo');
  for (let i = 0; i < 40; i++) {
    people.push({
      m: i < 34 ? bergen : oslo,
      id: crypto.randomUUID(),
      fnr: String(10000000000 + i * 7919),
      name: `Deltaker ${String(i).padStart(2, '0')}`,
      sub: i < 34 ? CASEWORKERS[i % 4] : 'cw-anna', // Oslo has a caseworker with the same subject: never counted here
      status: STATUSES[i % 5],
      birthDate: i % 3 === 0 ? '2005-03-01' : '1990-05-17',
      hasUpperSecondary: i % 6 === 1,
    });
  }
  await insertPeople(people);
  for (let i = 0; i < 30; i++) {
    const participant = people[i];
    appeals.push({ m: participant.m, id: crypto.randomUUID(), participant, state: APPEAL_STATES[i % 3], deadline: day(i % 9), receivedAt: day(i % 4) });
  }
  for (let i = 34; i < 40; i++) {
    appeals.push({ m: oslo, id: crypto.randomUUID(), participant: people[i], state: 'RECEIVED', deadline: day(2), receivedAt: day(1) });
  }
  for (const a of appeals) await insertAppeal(a);
}, 120_000);
afterAll(async () => {
  await owner?.end();
  await t?.close();
});

const byDeadlineThenId = (x: Appeal, y: Appeal) => (x.deadline !== y.deadline ? (x.deadline < y.deadline ? -1 : 1) : x.id < y.id ? -1 : 1);
const ownAppeals = () => appeals.filter((a) => a.m === bergen);

const APPEALS = `query($filter: MunicipalityAppealFilter, $first: Int, $after: String, $last: Int, $before: String, $orderBy: MunicipalityAppealOrder, $direction: SortDirection) {
  municipalityAppeals(filter: $filter, first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy, direction: $direction) {
    totalCount
    countsByState { state count }
    edges { cursor node { id state deadline receivedAt participant { id name } } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

describe("the municipality's appeal list", () => {
  test('every own appeal, by deadline, with the count per state; none of another municipality', async () => {
    const res = await t.gql(cw, APPEALS, { first: 100 });
    expect(res.body.errors).toBeUndefined();
    const conn = res.body.data.municipalityAppeals;
    const own = ownAppeals();
    expect(conn.totalCount).toBe(own.length);
    expect(conn.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([...own].sort(byDeadlineThenId).map((a) => a.id));
    const counts = Object.fromEntries(conn.countsByState.map((c: { state: string; count: number }) => [c.state, c.count]));
    for (const s of APPEAL_STATES) expect(counts[s]).toBe(own.filter((a) => a.state === s).length);
    expect(counts.CLOSED).toBe(0);
    expect(conn.countsByState.map((c: { state: string }) => c.state)).toEqual([...ALL_APPEAL_STATES]);
    const osloRes = await t.gql(osloCw, APPEALS, { first: 100 });
    expect(osloRes.body.data.municipalityAppeals.totalCount).toBe(6);
  });

  test('filters: state, deadline from/to and the caseworker; counts per state ignore only the state condition', async () => {
    const filter = { state: ['RECEIVED', 'FORWARDED'], deadlineFrom: day(2), deadlineTo: day(6), assignedTo: 'cw-bo' };
    const res = await t.gql(cw, APPEALS, { first: 100, filter });
    expect(res.body.errors).toBeUndefined();
    const conn = res.body.data.municipalityAppeals;
    const base = ownAppeals().filter((a) => a.deadline >= day(2) && a.deadline <= day(6) && a.participant.sub === 'cw-bo');
    const want = base.filter((a) => a.state === 'RECEIVED' || a.state === 'FORWARDED').sort(byDeadlineThenId);
    expect(want.length).toBeGreaterThan(0);
    expect(conn.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(want.map((a) => a.id));
    expect(conn.totalCount).toBe(want.length);
    const counts = Object.fromEntries(conn.countsByState.map((c: { state: string; count: number }) => [c.state, c.count]));
    for (const s of APPEAL_STATES) expect(counts[s]).toBe(base.filter((a) => a.state === s).length);
  });

  test('paged both ways and in both directions, by deadline or received date', async () => {
    for (const orderBy of ['DEADLINE', 'RECEIVED_AT']) {
      const all: string[] = [];
      let after: string | null = null;
      for (;;) {
        const res = await t.gql(cw, APPEALS, { first: 4, after, orderBy });
        const conn = res.body.data.municipalityAppeals;
        all.push(...conn.edges.map((e: { node: { id: string } }) => e.node.id));
        if (!conn.pageInfo.hasNextPage) break;
        after = conn.pageInfo.endCursor;
      }
      expect(all).toHaveLength(ownAppeals().length);
      const back: string[] = [];
      let before: string | null = null;
      for (;;) {
        const res = await t.gql(cw, APPEALS, { last: 4, before, orderBy });
        const conn = res.body.data.municipalityAppeals;
        back.unshift(...conn.edges.map((e: { node: { id: string } }) => e.node.id));
        if (!conn.pageInfo.hasPreviousPage) break;
        before = conn.pageInfo.startCursor;
      }
      expect(back).toEqual(all);
      const desc = await t.gql(cw, APPEALS, { first: 100, orderBy, direction: 'DESC' });
      expect(desc.body.data.municipalityAppeals.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([...all].reverse());
    }
  });

  test('the same SQL statements for 2 and 40 rows (the appellant included)', async () => {
    const statements = async (vars: Record<string, unknown>) => Number((await t.gql(cw, APPEALS, vars)).headers['x-sql-statements']);
    const two = await statements({ first: 2 });
    expect(two).toBeGreaterThan(0);
    expect(await statements({ first: 40 })).toBe(two);
    expect(await statements({ last: 40, filter: { assignedTo: 'cw-anna' } })).toBe(two);
  });

  test('a page names the appellants in the access log, with the filter as purpose', async () => {
    const reader = await t.token('MUNICIPALITY', '4601', 'appeal-list-reader');
    const res = await t.gql(reader, `{ municipalityAppeals(first: 3, filter: { assignedTo: "cw-cato" }) { edges { cursor } } }`);
    expect(res.body.data.municipalityAppeals.edges).toHaveLength(3);
    const { rows } = await owner.query(`SELECT purpose, fields, participant_ids FROM app.access_log WHERE actor_sub = 'appeal-list-reader'`);
    expect(rows).toEqual([{ purpose: 'MUNICIPALITY_APPEAL_LIST filter {"assignedTo":"cw-cato"}', fields: ['listed'], participant_ids: expect.any(Array) }]);
    expect(rows[0].participant_ids).toHaveLength(3);
  });
});

describe('caseload per caseworker', () => {
  const SUMMARY = `{ caseloadSummary { total byCaseworker { sub name total open } } }`;
  test('every caseworker with their total and open cases, the unassigned last; none of another municipality', async () => {
    const res = await t.gql(cw, SUMMARY);
    expect(res.body.errors).toBeUndefined();
    const own = people.filter((p) => p.m === bergen);
    const ended = (p: Person) => ['COMPLETED', 'INTERRUPTED', 'TRANSFERRED'].includes(p.status);
    const want = CASEWORKERS.map((sub) => {
      const mine = own.filter((p) => p.sub === sub);
      return { sub, name: sub ? `Name of ${sub}` : null, total: mine.length, open: mine.filter((p) => !ended(p)).length };
    });
    const assigned = want.filter((w) => w.sub !== null).sort((a, b) => b.open - a.open || (a.name! < b.name! ? -1 : 1));
    expect(res.body.data.caseloadSummary.byCaseworker).toEqual([...assigned, want.find((w) => w.sub === null)]);
  });

  const LIST = `query($filter: ParticipantFilter, $first: Int) { participants(filter: $filter, first: $first) {
    totalCount edges { node { id assignedTo { sub } allowedEndGoals } } } }`;
  test('the case list by any caseworker, in the same statements for 2 and 40 rows', async () => {
    const filter = { assignedTo: ['cw-bo', 'cw-cato'] };
    const res = await t.gql(cw, LIST, { filter, first: 40 });
    expect(res.body.errors).toBeUndefined();
    const want = people.filter((p) => p.m === bergen && (p.sub === 'cw-bo' || p.sub === 'cw-cato'));
    expect(res.body.data.participants.totalCount).toBe(want.length);
    expect(res.body.data.participants.edges.map((e: { node: { id: string } }) => e.node.id).sort()).toEqual(want.map((p) => p.id).sort());
    const small = await t.gql(cw, LIST, { filter, first: 2 });
    expect(small.headers['x-sql-statements']).toBe(res.headers['x-sql-statements']);
    const none = await t.gql(cw, LIST, { filter: { assignedTo: [] }, first: 10 });
    expect(none.body.data.participants.totalCount).toBe(0);
  });
});

describe('exact identity-number search', () => {
  const SEARCH = `query($n: String!) { participantByIdentityNumber(identityNumber: $n) { id name identityNumber } }`;
  test('finds the own participant by the whole number, logged with its purpose', async () => {
    const p = people[5];
    const searcher = await t.token('MUNICIPALITY', '4601', 'fnr-searcher');
    const res = await t.gql(searcher, SEARCH, { n: p.fnr });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.participantByIdentityNumber).toEqual({ id: p.id, name: p.name, identityNumber: p.fnr });
    // As many statements as opening the case file by id: the search is one look-up on the unique index.
    const byId = await t.gql(searcher, `query($id: UUID!) { participant(id: $id) { id name identityNumber } }`, { id: p.id });
    expect(res.headers['x-sql-statements']).toBe(byId.headers['x-sql-statements']);
    const { rows } = await owner.query(`SELECT purpose, fields, participant_ids FROM app.access_log WHERE actor_sub = 'fnr-searcher'`);
    expect(rows.filter((r: { purpose: string }) => r.purpose !== 'CASE')).toEqual([
      { purpose: 'IDENTITY_NUMBER_SEARCH', fields: ['id', 'identityNumber', 'name'], participant_ids: [p.id] },
    ]);
  });

  test("a part of a number, another municipality's participant or an unknown number: null, and nothing logged", async () => {
    const searcher = await t.token('MUNICIPALITY', '4601', 'fnr-misser');
    const osloPerson = people.find((p) => p.m === oslo)!;
    for (const n of [osloPerson.fnr, '99999999999']) {
      const res = await t.gql(searcher, SEARCH, { n });
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.participantByIdentityNumber).toBeNull();
    }
    const partial = await t.gql(searcher, SEARCH, { n: people[5].fnr.slice(0, 6) });
    expect(partial.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const wild = await t.gql(searcher, SEARCH, { n: '1000000000%' });
    expect(wild.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const { rows } = await owner.query(`SELECT 1 FROM app.access_log WHERE actor_sub = 'fnr-misser'`);
    expect(rows).toEqual([]);
  });
});

describe("allowedEndGoals on the municipality's Participant", () => {
  test('the end goals R-5.2 allows for the participant today, as the county view has them', async () => {
    for (const p of [people[0], people[1], people[2]]) {
      const res = await t.gql(cw, `query($id: UUID!) { participant(id: $id) { allowedEndGoals } }`, { id: p.id });
      expect(res.body.errors).toBeUndefined();
      const age = 2026 - Number(p.birthDate.slice(0, 4)) - (p.birthDate.slice(5) > TODAY.slice(5) ? 1 : 0);
      expect(res.body.data.participant.allowedEndGoals).toEqual(
        allowedEndGoals({ hasUpperSecondary: p.hasUpperSecondary, ageOnDate: age, reducedGoalReason: 'given' }),
      );
    }
    // The young one without upper-secondary and the older one with it differ: the field is not a constant.
    const young = await t.gql(cw, `query($id: UUID!) { participant(id: $id) { allowedEndGoals } }`, { id: people[0].id });
    const older = await t.gql(cw, `query($id: UUID!) { participant(id: $id) { allowedEndGoals } }`, { id: people[1].id });
    expect(young.body.data.participant.allowedEndGoals).not.toEqual(older.body.data.participant.allowedEndGoals);
  });
});
