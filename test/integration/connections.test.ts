/**
 * Relay-complete connections on every list (issue 17 item 3): the case list, the county's referral list,
 * Statsforvalteren's appeal list, the municipality's own appeal list (item 6), the transfer inbox, the worklist and a participant's access log, each paged forward
 * (first/after) and backward (last/before), ascending and descending on every order it offers, with
 * pageInfo's four fields and totalCount, and the same number of SQL statements whatever the page size,
 * in either direction.
 *
 * The fixture is written straight into the tables (as the owner) on a fixed today. The orders new in this
 * item (the programme's planned end date, the appeal deadline) are checked against the fixture's own
 * sort; every order is checked for: backward pages = forward pages, DESC = the exact reverse of ASC.
 */
import crypto from 'node:crypto';
import { Client } from 'pg';
import { startTestApp, TestApp } from '../support/app';

const TODAY = '2026-05-15';
let t: TestApp;
let owner: Client;
let caseworker: string;
let county: string;
let sf: string;
let bergen: number;

interface Person {
  id: string;
  name: string;
  settled: string | null;
  plannedEnd: string | null;
  hasProgramme: boolean;
}
interface Appeal {
  id: string;
  deadline: string;
  receivedAt: string;
  forwardedAt: string;
}
const people: Person[] = [];
const appeals: Appeal[] = [];
const N = 45;
const day = (offset: number) => new Date(Date.UTC(2026, 0, 1 + offset)).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await startTestApp({ env: { INTROSAK_TODAY: TODAY } });
  owner = await t.db.owner();
  bergen = t.directory.municipalityByNumber('4601')!.id;
  caseworker = await t.token('MUNICIPALITY', '4601', 'cw-0', 'Caseworker 0');
  county = await t.token('COUNTY', '46', 'adv-vestland', 'Vera Veileder');
  sf = await t.token('STATSFORVALTER', 'vestland', 'sf-vestland', 'Siri Jurist');
  for (let i = 0; i < N; i++) {
    const settled = i % 9 === 4 ? null : day(i % 17); // ties and NULLs: the orders need their tie-breaker
    // Planned end dates with ties, NULL dates and no programme at all.
    const hasProgramme = i % 7 !== 3;
    people.push({
      id: crypto.randomUUID(),
      name: `Person ${String(i % 20).padStart(2, '0')}`,
      settled,
      plannedEnd: hasProgramme && i % 5 !== 2 ? day(200 + (i % 13)) : null,
      hasProgramme,
    });
  }
  await owner.query(
    `INSERT INTO app.participant (municipality_id, id, full_name, identity_number, birth_date, permit_category, permit_grant_date, arrival_date,
       settlement_date, settled_by_agreement, start_deadline, status, assigned_to_sub, assigned_to_name, eligibility_periods)
     SELECT $1, id, n, lpad(k::text, 11, '0'), '1990-05-17', 'REFUGEE', '2025-10-01', '2025-10-10', s, true, (s + interval '3 months')::date,
            'REGISTERED', 'cw-' || (k % 3), 'Caseworker ' || (k % 3), '[]'
       FROM unnest($2::uuid[], $3::text[], $4::int[], $5::date[]) AS x(id, n, k, s)`,
    [bergen, people.map((p) => p.id), people.map((p) => p.name), people.map((_, k) => k + 1), people.map((p) => p.settled)],
  );
  const withProgramme = people.filter((p) => p.hasProgramme);
  await owner.query(
    `INSERT INTO app.programme (municipality_id, participant_id, state, start_date, planned_end_date)
     SELECT $1, p, 'ACTIVE', '2025-12-01', e FROM unnest($2::uuid[], $3::date[]) AS x(p, e)`,
    [bergen, withProgramme.map((p) => p.id), withProgramme.map((p) => p.plannedEnd)],
  );
  // Forwarded appeals (one per person for the first 30), each on its own decision: deadlines and forwarding times with ties.
  for (let i = 0; i < 30; i++) {
    const p = people[i];
    const decisionId = crypto.randomUUID();
    await owner.query(
      `INSERT INTO app.decision (municipality_id, id, participant_id, type, outcome, reasons, legal_basis, decided_at, decided_by_sub, decided_by_name, notified_at, details)
       VALUES ($1, $2, $3, 'PARTICIPATION', 'GRANTED', 'Fixture reasons', ARRAY['integreringsloven § 12'], '2026-03-01', 'fixture', 'Fixture', '2026-03-02', '{}')`,
      [bergen, decisionId, p.id],
    );
    const a: Appeal = { id: crypto.randomUUID(), deadline: day(80 + (i % 6)), receivedAt: day(70 + (i % 4)), forwardedAt: `${day(100 + (i % 5))} 10:00:00+02` };
    appeals.push(a);
    await owner.query(
      `INSERT INTO app.appeal (municipality_id, id, decision_id, participant_id, state, received_at, sent_at, grounds, change_wanted, deadline, deadline_basis,
         filed_in_time, late_appeal_last_day, municipality_statement, forwarded_at, statsforvalter_id, created_by_sub)
       VALUES ($1, $2, $3, $4, 'FORWARDED', $5, $5, 'Grounds', 'Change', $6, 'NOTICE', true, '2027-01-01', 'Statement', $7::timestamptz, 'vestland', 'fixture')`,
      [bergen, a.id, decisionId, p.id, a.receivedAt, a.deadline, a.forwardedAt],
    );
  }
  // Referrals to the county (one running per person).
  for (let i = 0; i < 25; i++) {
    await owner.query(
      `INSERT INTO app.career_guidance_referral (municipality_id, participant_id, county_number, state, referred_at, referred_by)
       VALUES ($1, $2, '46', 'OPEN', $3::timestamptz, 'fixture')`,
      [bergen, people[i].id, `${day(90 + (i % 3))} 09:00:00+02`],
    );
  }
  // The transfer inbox: Oslo sends 11 cases to Bergen (all sent today: ties on the day, broken by id).
  const oslo = t.directory.municipalityByNumber('0301')!.id;
  const osloCw = await t.token('MUNICIPALITY', '0301', 'cw-oslo', 'Oslo');
  const sent = Array.from({ length: 11 }, () => crypto.randomUUID());
  await owner.query(
    `INSERT INTO app.participant (municipality_id, id, full_name, identity_number, birth_date, permit_category, permit_grant_date, arrival_date,
       settlement_date, settled_by_agreement, start_deadline, status, assigned_to_sub, assigned_to_name, eligibility_periods)
     SELECT $1, id, 'Sent ' || k, lpad((90000 + k)::text, 11, '0'), '1990-05-17', 'REFUGEE', '2025-10-01', '2025-10-10', '2026-01-10', true,
            '2026-04-10', 'REGISTERED', 'cw-oslo', 'Oslo', '[]'
       FROM unnest($2::uuid[], $3::int[]) AS x(id, k)`,
    [oslo, sent, sent.map((_, k) => k)],
  );
  for (const id of sent) {
    const res = await t.gql(osloCw, `mutation($id: UUID!) { transferParticipant(participantId: $id, toMunicipality: "4601") { status } }`, { id });
    expect(res.body.errors).toBeUndefined();
  }
  // The access log: one entry per read of the first person's case file.
  for (let i = 0; i < 13; i++) {
    const res = await t.gql(caseworker, `query($id: UUID!) { participant(id: $id) { name } }`, { id: people[0].id });
    expect(res.body.errors).toBeUndefined();
  }
}, 120_000);
afterAll(async () => {
  await owner?.end();
  await t?.close();
});

interface Conn {
  totalCount: number;
  edges: { cursor: string; node: Record<string, unknown> }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

interface List {
  name: string;
  token: () => string;
  field: string;
  /** Extra variable definitions and arguments, e.g. `$orderBy: ParticipantOrder` and `orderBy: $orderBy`. */
  defs: string;
  args: string;
  node: string;
  /** The orders the list offers: each a set of extra variables ({} for a list with one order). */
  orders: Record<string, unknown>[];
  /** The node's identity in the list. */
  key: (node: Record<string, unknown>) => string;
  vars?: () => Record<string, unknown>;
}

const LISTS: List[] = [
  {
    name: 'participants',
    token: () => caseworker,
    field: 'participants',
    defs: '$orderBy: ParticipantOrder',
    args: 'orderBy: $orderBy',
    node: 'id name settlementDate startDeadline',
    orders: ['START_DEADLINE', 'SETTLEMENT_DATE', 'NAME', 'PLANNED_END_DATE'].map((orderBy) => ({ orderBy })),
    key: (n) => n.id as string,
  },
  {
    name: "the county's referrals",
    token: () => county,
    field: 'careerGuidanceReferrals',
    defs: '',
    args: '',
    node: 'id programmeDecisionDeadline',
    orders: [{}],
    key: (n) => n.id as string,
  },
  {
    name: "Statsforvalteren's appeals",
    token: () => sf,
    field: 'appeals',
    defs: '$orderBy: AppealOrder',
    args: 'orderBy: $orderBy',
    node: 'id deadline receivedAt forwardedAt',
    orders: ['WAITING_LONGEST', 'RECEIVED_AT', 'DEADLINE'].map((orderBy) => ({ orderBy })),
    key: (n) => n.id as string,
  },
  {
    name: "the municipality's appeals",
    token: () => caseworker,
    field: 'municipalityAppeals',
    defs: '$orderBy: MunicipalityAppealOrder',
    args: 'orderBy: $orderBy',
    node: 'id deadline receivedAt',
    orders: ['DEADLINE', 'RECEIVED_AT'].map((orderBy) => ({ orderBy })),
    key: (n) => n.id as string,
  },
  {
    name: 'the transfer inbox',
    token: () => caseworker,
    field: 'incomingTransfersConnection',
    defs: '',
    args: '',
    node: 'id sentAt name',
    orders: [{}],
    key: (n) => n.id as string,
  },
  {
    name: 'the worklist',
    token: () => caseworker,
    field: 'worklist',
    defs: '$filter: WorklistFilter',
    args: 'filter: $filter',
    node: 'id dueDate kind',
    orders: [{ filter: { scope: 'MUNICIPALITY' } }],
    key: (n) => n.id as string,
  },
  {
    name: 'the access log',
    token: () => caseworker,
    field: 'participantAccessLog',
    defs: '$participantId: UUID!',
    args: 'participantId: $participantId',
    node: 'at purpose',
    orders: [{}],
    // Entries have no id: at (with microseconds) and the purpose tell them apart in this fixture.
    key: (n) => `${n.at as string}|${n.purpose as string}`,
    vars: () => ({ participantId: people[0].id }),
  },
];

function queryOf(l: List): string {
  const defs = ['$first: Int', '$after: String', '$last: Int', '$before: String', '$direction: SortDirection', l.defs].filter(Boolean).join(', ');
  const args = ['first: $first', 'after: $after', 'last: $last', 'before: $before', 'direction: $direction', l.args].filter(Boolean).join(', ');
  return `query(${defs}) { ${l.field}(${args}) {
    totalCount
    edges { cursor node { ${l.node} } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  } }`;
}

async function page(l: List, vars: Record<string, unknown>): Promise<{ conn: Conn; statements: number }> {
  const res = await t.gql(l.token(), queryOf(l), { ...(l.vars?.() ?? {}), ...vars });
  expect(res.body.errors).toBeUndefined();
  return { conn: res.body.data[l.field] as Conn, statements: Number(res.headers['x-sql-statements']) };
}

/** Every page forward (first/after), checking pageInfo on each. */
async function forward(l: List, vars: Record<string, unknown>, size: number): Promise<{ keys: string[]; nodes: Record<string, unknown>[]; total: number }> {
  const nodes: Record<string, unknown>[] = [];
  let after: string | null = null;
  let total = -1;
  for (let n = 0; n < 100; n++) {
    const { conn } = await page(l, { ...vars, first: size, after });
    if (total === -1) total = conn.totalCount;
    expect(conn.totalCount).toBe(total);
    expect(conn.pageInfo.hasPreviousPage).toBe(after !== null);
    expect(conn.pageInfo.startCursor).toBe(conn.edges[0]?.cursor ?? null);
    expect(conn.pageInfo.endCursor).toBe(conn.edges.at(-1)?.cursor ?? null);
    nodes.push(...conn.edges.map((e) => e.node));
    if (!conn.pageInfo.hasNextPage) break;
    expect(conn.edges).toHaveLength(size);
    after = conn.pageInfo.endCursor;
  }
  return { keys: nodes.map(l.key), nodes, total };
}

/** Every page backward (last/before) from the end, put back together in the list's order. */
async function backward(l: List, vars: Record<string, unknown>, size: number): Promise<string[]> {
  const pages: string[][] = [];
  let before: string | null = null;
  for (let n = 0; n < 100; n++) {
    const { conn } = await page(l, { ...vars, last: size, before });
    expect(conn.pageInfo.hasNextPage).toBe(before !== null);
    expect(conn.pageInfo.startCursor).toBe(conn.edges[0]?.cursor ?? null);
    expect(conn.pageInfo.endCursor).toBe(conn.edges.at(-1)?.cursor ?? null);
    pages.unshift(conn.edges.map((e) => l.key(e.node)));
    if (!conn.pageInfo.hasPreviousPage) break;
    expect(conn.edges).toHaveLength(size);
    before = conn.pageInfo.startCursor;
  }
  return pages.flat();
}

describe.each(LISTS)('$name', (l) => {
  test.each(l.orders.map((o) => [JSON.stringify(o), o] as const))('%s: forward and backward, ASC and DESC, agree', async (_label, order) => {
    const asc = await forward(l, { ...order, direction: 'ASC' }, 4);
    expect(asc.keys.length).toBe(asc.total);
    expect(asc.total).toBeGreaterThan(8);
    expect(new Set(asc.keys).size).toBe(asc.keys.length);
    expect(await backward(l, { ...order, direction: 'ASC' }, 4)).toEqual(asc.keys);
    const desc = await forward(l, { ...order, direction: 'DESC' }, 5);
    expect(desc.keys).toEqual([...asc.keys].reverse());
    expect(await backward(l, { ...order, direction: 'DESC' }, 3)).toEqual(desc.keys);
  });

  test('a page forward, then back from its startCursor: the rows just before it', async () => {
    const order = { ...l.orders[0], direction: 'ASC' };
    const all = (await forward(l, order, 50)).keys;
    const first = await page(l, { ...order, first: 3 });
    const second = await page(l, { ...order, first: 3, after: first.conn.pageInfo.endCursor });
    const back = await page(l, { ...order, last: 3, before: second.conn.pageInfo.startCursor });
    expect(back.conn.edges.map((e) => l.key(e.node))).toEqual(all.slice(0, 3));
    expect(back.conn.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
    // The cursors of a backward page page forward again.
    const again = await page(l, { ...order, first: 3, after: back.conn.pageInfo.endCursor });
    expect(again.conn.edges.map((e) => l.key(e.node))).toEqual(all.slice(3, 6));
    // last without before: the list's last rows.
    const tail = await page(l, { ...order, last: 2 });
    expect(tail.conn.edges.map((e) => l.key(e.node))).toEqual(all.slice(-2));
    expect(tail.conn.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
  });

  test('the same SQL statements for 2 and 40 rows, forward and backward', async () => {
    const order = { ...l.orders.at(-1), direction: 'DESC' };
    const f2 = await page(l, { ...order, first: 2 });
    const f40 = await page(l, { ...order, first: 40 });
    const b2 = await page(l, { ...order, last: 2, before: f2.conn.pageInfo.endCursor });
    const b40 = await page(l, { ...order, last: 40 });
    expect(f40.conn.edges.length).toBeGreaterThan(2);
    expect(f2.statements).toBeGreaterThan(0);
    expect([f40.statements, b2.statements, b40.statements]).toEqual([f2.statements, f2.statements, f2.statements]);
  });

  test('a cursor of one direction is refused by the other, and first with last is refused', async () => {
    const order = l.orders[0];
    const asc = await page(l, { ...order, direction: 'ASC', first: 2 });
    const res = await t.gql(l.token(), queryOf(l), { ...(l.vars?.() ?? {}), ...order, direction: 'DESC', first: 2, after: asc.conn.pageInfo.endCursor });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const both = await t.gql(l.token(), queryOf(l), { ...(l.vars?.() ?? {}), ...order, first: 2, last: 2 });
    expect(both.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const tooMany = await t.gql(l.token(), queryOf(l), { ...(l.vars?.() ?? {}), ...order, last: 101 });
    expect(tooMany.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

/** Ascending by a value, NULLs last, ties by id: the fixture's own sort. */
const byThenId =
  <T extends { id: string }>(value: (x: T) => string | null) =>
  (x: T, y: T) => {
    const a = value(x);
    const b = value(y);
    if (a !== b) {
      if (a === null) return 1;
      if (b === null) return -1;
      return a < b ? -1 : 1;
    }
    return x.id < y.id ? -1 : 1;
  };

test('participants by planned end date: the programme’s date, ascending, without one (or without a programme) last', async () => {
  const list = LISTS[0];
  const got = await forward(list, { orderBy: 'PLANNED_END_DATE', direction: 'ASC' }, 7);
  expect(got.keys).toEqual([...people].sort(byThenId((p) => p.plannedEnd)).map((p) => p.id));
  const desc = await forward(list, { orderBy: 'PLANNED_END_DATE', direction: 'DESC' }, 7);
  expect(desc.keys).toEqual(
    [...people]
      .sort(byThenId((p) => p.plannedEnd))
      .map((p) => p.id)
      .reverse(),
  );
});

test('appeals by deadline (klagefrist): ascending, ties by id', async () => {
  const list = LISTS[2];
  const got = await forward(list, { orderBy: 'DEADLINE', direction: 'ASC' }, 7);
  expect(got.keys).toEqual([...appeals].sort(byThenId((a) => a.deadline)).map((a) => a.id));
  expect(got.nodes.map((n) => n.deadline)).toEqual([...appeals].map((a) => a.deadline).sort());
});
