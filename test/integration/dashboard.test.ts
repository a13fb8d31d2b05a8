/**
 * The caseworker dashboard: the filtered, ordered case list, the caseload summary and reassignment,
 * over HTTP on a fixture of several hundred cases written straight into the tables (as the owner).
 * Every expected number is computed in TypeScript from the fixture's own definition, not by the SQL
 * under test.
 */
import crypto from 'node:crypto';
import { addDays, todayInOslo } from '../../src/domain/calendar';
import { eligibilityPeriods } from '../../src/domain/eligibility';
import { encodeCursor } from '../../src/graphql/pagination';
import { startTestApp, TestApp } from '../support/app';

const STATUSES = ['REGISTERED', 'PLANNED', 'ACTIVE', 'ON_LEAVE', 'HALTED', 'COMPLETED', 'INTERRUPTED', 'TRANSFERRED'] as const;
const ENDED = ['COMPLETED', 'INTERRUPTED', 'TRANSFERRED'];
const RUNNING = ['ACTIVE', 'ON_LEAVE', 'HALTED'];

interface Case {
  municipalityId: number;
  id: string;
  name: string;
  settlementDate: string | null;
  startDeadline: string | null;
  status: (typeof STATUSES)[number];
  assignedTo: string;
  programmeEnd: string | null;
  mapping: 'COMPLETED' | 'IN_PROGRESS' | null;
  planGoals: string[];
  decisionsNotified: boolean[];
}

const today = todayInOslo();
const A = '1103'; // Stavanger: the fixture
const B = '0301'; // Oslo: another municipality's cases
const EMPTY = '4601'; // Bergen: nothing at all
const N_A = 400;
const N_B = 60;

function makeCase(municipalityId: number, i: number, prefix: string): Case {
  const status =
    (['REGISTERED', 'REGISTERED', 'PLANNED', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'ON_LEAVE', 'HALTED', 'COMPLETED'] as const)[i % 10] ??
    (Math.floor(i / 10) % 2 === 0 ? 'INTERRUPTED' : 'TRANSFERRED');
  let name = `${prefix} ${String(i % 120).padStart(3, '0')}`; // duplicates: NAME order needs its tie-breaker
  if (i % 50 === 7) name = `Ola ${i}% Nordmann`;
  if (i % 50 === 8) name = `Kari_${i} Hansen`;
  if (i === 12) name = 'Back\\slash Berg';
  if (i === 13) name = `Åse ${'ø'.repeat(190)}`; // a NAME cursor carrying a long name
  const settled = i % 11 !== 0;
  return {
    municipalityId,
    id: crypto.randomUUID(),
    name,
    settlementDate: settled ? addDays(today, -(i % 200)) : null,
    startDeadline: settled ? addDays(today, (i % 91) - 45) : null,
    status,
    assignedTo: `cw-${i % 3}`,
    programmeEnd: status === 'REGISTERED' || status === 'PLANNED' ? null : addDays(today, ((i * 7) % 100) - 20),
    mapping: i % 3 === 1 ? 'COMPLETED' : i % 3 === 2 ? 'IN_PROGRESS' : null,
    planGoals: [[], ['UPPER_SECONDARY_COMPLETE'], ['WORK'], ['UPPER_SECONDARY_COMPLETE', 'WORK']][i % 4],
    decisionsNotified: i % 5 === 0 ? [true] : i % 10 === 1 ? [false, false] : i % 5 === 1 ? [false] : [],
  };
}

async function insertCases(t: TestApp, cases: Case[]): Promise<void> {
  const db = await t.db.owner();
  const col = <T>(f: (c: Case) => T) => cases.map(f);
  await db.query(
    `INSERT INTO app.participant (municipality_id, id, full_name, identity_number, birth_date, permit_category, permit_grant_date,
       arrival_date, settlement_date, settled_by_agreement, start_deadline, status, assigned_to_sub, assigned_to_name, eligibility_periods)
     SELECT m, id, n, lpad(k::text, 11, '0'), '1990-05-17', 'REFUGEE', '2025-01-01', '2025-01-10', s, true, d, st, a, 'Caseworker ' || a, e
       FROM unnest($1::smallint[], $2::uuid[], $3::text[], $4::int[], $5::date[], $6::date[], $7::text[], $8::text[], $9::jsonb[]) AS x(m, id, n, k, s, d, st, a, e)`,
    [
      col((c) => c.municipalityId),
      col((c) => c.id),
      col((c) => c.name),
      cases.map((_, k) => k + 1),
      col((c) => c.settlementDate),
      col((c) => c.startDeadline),
      col((c) => c.status),
      col((c) => c.assignedTo),
      // The periods the register stores with these facts.
      col((c) =>
        JSON.stringify(
          eligibilityPeriods({
            birthDate: '1990-05-17',
            permitCategory: 'REFUGEE',
            permitGrantDate: '2025-01-01',
            arrivalDate: '2025-01-10',
            settlementDate: c.settlementDate,
            settledByAgreementWithImdi: true,
          }),
        ),
      ),
    ],
  );
  const withProgramme = cases.filter((c) => c.status !== 'REGISTERED');
  await db.query(
    `INSERT INTO app.programme (municipality_id, participant_id, state, planned_end_date)
     SELECT * FROM unnest($1::smallint[], $2::uuid[], $3::text[], $4::date[])`,
    [withProgramme.map((c) => c.municipalityId), withProgramme.map((c) => c.id), withProgramme.map((c) => c.status), withProgramme.map((c) => c.programmeEnd)],
  );
  const mapped = cases.filter((c) => c.mapping);
  await db.query(
    `INSERT INTO app.competence_mapping (municipality_id, participant_id, status, completed_at, updated_by)
     SELECT m, p, s, CASE WHEN s = 'COMPLETED' THEN $4::date END, 'fixture' FROM unnest($1::smallint[], $2::uuid[], $3::text[]) AS x(m, p, s)`,
    [mapped.map((c) => c.municipalityId), mapped.map((c) => c.id), mapped.map((c) => c.mapping), today],
  );
  const plans = cases.flatMap((c) => c.planGoals.map((goal, k) => ({ c, goal, no: k + 1 })));
  await db.query(
    `INSERT INTO app.plan_version (municipality_id, participant_id, version_no, content, end_goal, duration_months,
       contract_signed_at, contract_obligations, created_by)
     SELECT m, p, v, '{}'::jsonb, g, 24, $5::date, 'fixture obligations', 'fixture'
       FROM unnest($1::smallint[], $2::uuid[], $3::int[], $4::text[]) AS x(m, p, v, g)`,
    [plans.map((x) => x.c.municipalityId), plans.map((x) => x.c.id), plans.map((x) => x.no), plans.map((x) => x.goal), today],
  );
  const decisions = cases.flatMap((c) => c.decisionsNotified.map((notified) => ({ c, notified })));
  await db.query(
    `INSERT INTO app.decision (municipality_id, participant_id, type, outcome, reasons, legal_basis, decided_at,
       decided_by_sub, decided_by_name, notified_at)
     SELECT m, p, 'PARTICIPATION', 'GRANTED', 'fixture reasons', ARRAY['integreringsloven § 8'], $4::date, 'fixture', 'Fixture',
            CASE WHEN n THEN $4::date END
       FROM unnest($1::smallint[], $2::uuid[], $3::boolean[]) AS x(m, p, n)`,
    [decisions.map((x) => x.c.municipalityId), decisions.map((x) => x.c.id), decisions.map((x) => x.notified), today],
  );
}

// The fixture's own definitions of what the dashboard counts.
const isOverdue = (c: Case) => c.startDeadline !== null && c.startDeadline < today && (c.status === 'REGISTERED' || c.status === 'PLANNED');
const isOpen = (c: Case) => !ENDED.includes(c.status);
const mappingMissing = (c: Case) => isOpen(c) && c.mapping !== 'COMPLETED';
const planMissing = (c: Case) => isOpen(c) && c.planGoals.length === 0;
const endingWithin = (n: number) => (c: Case) =>
  RUNNING.includes(c.status) && c.programmeEnd !== null && c.programmeEnd >= today && c.programmeEnd <= addDays(today, n);
const currentGoal = (c: Case) => c.planGoals[c.planGoals.length - 1] ?? null;
const byValueThenId = (value: (c: Case) => string | null) => (x: Case, y: Case) => {
  const a = value(x);
  const b = value(y);
  if (a !== b) {
    if (a === null) return 1;
    if (b === null) return -1;
    return a < b ? -1 : 1;
  }
  return x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
};

let t: TestApp;
let casesA: Case[];
let casesB: Case[];
let tokA: string;
let tokB: string;

beforeAll(async () => {
  t = await startTestApp();
  const idA = t.directory.municipalityByNumber(A)!.id;
  const idB = t.directory.municipalityByNumber(B)!.id;
  casesA = Array.from({ length: N_A }, (_, i) => makeCase(idA, i, 'Deltaker'));
  casesB = Array.from({ length: N_B }, (_, i) => makeCase(idB, i, 'Oslo deltaker'));
  await insertCases(t, [...casesA, ...casesB]);
  tokA = await t.token('MUNICIPALITY', A, 'cw-1', 'Caseworker 1');
  tokB = await t.token('MUNICIPALITY', B, 'cw-1', 'Caseworker 1');
});
afterAll(async () => {
  await t?.close();
});

const LIST = `query($filter: ParticipantFilter, $first: Int, $after: String, $orderBy: ParticipantOrder, $direction: SortDirection) {
  participants(filter: $filter, first: $first, after: $after, orderBy: $orderBy, direction: $direction) {
    totalCount
    edges { cursor node { id name status startDeadline settlementDate currentEndGoal version assignedTo { sub } } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

interface Node {
  id: string;
  name: string;
  status: string;
  startDeadline: string | null;
  settlementDate: string | null;
  currentEndGoal: string | null;
  version: number;
  assignedTo: { sub: string } | null;
}

/** Every page of a filtered list, checking that totalCount holds on each page and no row repeats. */
async function walk(
  token: string,
  filter: Record<string, unknown> = {},
  orderBy = 'START_DEADLINE',
  first = 37,
  direction = 'ASC',
): Promise<{ nodes: Node[]; cursors: string[]; totalCount: number }> {
  const nodes: Node[] = [];
  const cursors: string[] = [];
  let after: string | null = null;
  let totalCount = -1;
  for (let page = 0; page < 100; page++) {
    const res = await t.gql(token, LIST, { filter, first, after, orderBy, direction });
    expect(res.body.errors).toBeUndefined();
    const conn = res.body.data.participants;
    if (totalCount === -1) totalCount = conn.totalCount;
    expect(conn.totalCount).toBe(totalCount);
    expect(conn.edges.length).toBeLessThanOrEqual(first);
    nodes.push(...conn.edges.map((e: { node: Node }) => e.node));
    cursors.push(...conn.edges.map((e: { cursor: string }) => e.cursor));
    if (!conn.pageInfo.hasNextPage) break;
    expect(conn.edges.length).toBe(first);
    after = conn.pageInfo.endCursor;
  }
  expect(new Set(nodes.map((n) => n.id)).size).toBe(nodes.length);
  return { nodes, cursors, totalCount };
}

/** The filter's rows, in start-deadline order, as the fixture defines them. */
function expected(pred: (c: Case) => boolean, cases = casesA): string[] {
  return cases
    .filter(pred)
    .sort(byValueThenId((c) => c.startDeadline))
    .map((c) => c.id);
}

describe('caseloadSummary', () => {
  const SUMMARY = `{ caseloadSummary { total byStatus { status count } startsOverdue mappingsMissing plansMissing
    decisionsAwaitingNotice programmesEndingWithin30Days } }`;

  test("exact counts for the municipality, none of another municipality's rows, in one SQL statement", async () => {
    const res = await t.gql(tokA, SUMMARY);
    expect(res.body.errors).toBeUndefined();
    const s = res.body.data.caseloadSummary;
    expect(s.total).toBe(N_A);
    expect(s.byStatus).toEqual(STATUSES.map((status) => ({ status, count: casesA.filter((c) => c.status === status).length })));
    expect(s.startsOverdue).toBe(casesA.filter(isOverdue).length);
    expect(s.mappingsMissing).toBe(casesA.filter(mappingMissing).length);
    expect(s.plansMissing).toBe(casesA.filter(planMissing).length);
    expect(s.decisionsAwaitingNotice).toBe(casesA.flatMap((c) => c.decisionsNotified).filter((n) => !n).length);
    expect(s.programmesEndingWithin30Days).toBe(casesA.filter(endingWithin(30)).length);
    // The fixture does exercise each count.
    for (const n of [s.startsOverdue, s.mappingsMissing, s.plansMissing, s.decisionsAwaitingNotice, s.programmesEndingWithin30Days]) {
      expect(n).toBeGreaterThan(0);
      expect(n).toBeLessThan(N_A);
    }
    // START TRANSACTION, set_config, the summary, COMMIT.
    expect(Number(res.headers['x-sql-statements'])).toBe(4);
  });

  test('another municipality counts its own; an empty one has every status at zero', async () => {
    const b = (await t.gql(tokB, SUMMARY)).body.data.caseloadSummary;
    expect(b.total).toBe(N_B);
    expect(b.startsOverdue).toBe(casesB.filter(isOverdue).length);
    const empty = (await t.gql(await t.token('MUNICIPALITY', EMPTY), SUMMARY)).body.data.caseloadSummary;
    expect(empty).toEqual({
      total: 0,
      byStatus: STATUSES.map((status) => ({ status, count: 0 })),
      startsOverdue: 0,
      mappingsMissing: 0,
      plansMissing: 0,
      decisionsAwaitingNotice: 0,
      programmesEndingWithin30Days: 0,
    });
  });

  test('county and Statsforvalter users cannot read it', async () => {
    for (const tok of [await t.token('COUNTY', '11'), await t.token('STATSFORVALTER', 'rogaland')]) {
      const res = await t.gql(tok, SUMMARY);
      expect(res.body.errors[0].extensions.code).toBe('FORBIDDEN');
    }
  });
});

describe('participants: filters', () => {
  const cases: [string, Record<string, unknown>, (c: Case) => boolean][] = [
    ['no filter', {}, () => true],
    ['status', { status: ['ACTIVE', 'ON_LEAVE'] }, (c) => c.status === 'ACTIVE' || c.status === 'ON_LEAVE'],
    ['status: empty list matches nothing', { status: [] }, () => false],
    ["endGoal WORK (the latest version's goal)", { endGoal: ['WORK'] }, (c) => currentGoal(c) === 'WORK'],
    [
      'endGoal UPPER_SECONDARY_COMPLETE (not when a later version changed it)',
      { endGoal: ['UPPER_SECONDARY_COMPLETE'] },
      (c) => currentGoal(c) === 'UPPER_SECONDARY_COMPLETE',
    ],
    ['startOverdue', { startOverdue: true }, isOverdue],
    ['startOverdue: false is the complement', { startOverdue: false }, (c) => !isOverdue(c)],
    [
      'startDeadlineWithinDays 14',
      { startDeadlineWithinDays: 14 },
      (c) => c.startDeadline !== null && c.startDeadline >= today && c.startDeadline <= addDays(today, 14),
    ],
    ['startDeadlineWithinDays 0 (today)', { startDeadlineWithinDays: 0 }, (c) => c.startDeadline === today],
    ['programmeEndingWithinDays 30', { programmeEndingWithinDays: 30 }, endingWithin(30)],
    ['programmeEndingWithinDays 366', { programmeEndingWithinDays: 366 }, endingWithin(366)],
    ['mappingMissing', { mappingMissing: true }, mappingMissing],
    ['mappingMissing: false', { mappingMissing: false }, (c) => !mappingMissing(c)],
    ['planMissing', { planMissing: true }, planMissing],
    ['planMissing: false', { planMissing: false }, (c) => !planMissing(c)],
    ['nameContains, case-insensitive', { nameContains: 'DELTAKER 00' }, (c) => c.name.toLowerCase().includes('deltaker 00')],
    ['nameContains: % is a character, not a wildcard', { nameContains: '%' }, (c) => c.name.includes('%')],
    ['nameContains: _ is a character, not a wildcard', { nameContains: '_' }, (c) => c.name.includes('_')],
    ['nameContains: a backslash', { nameContains: '\\' }, (c) => c.name.includes('\\')],
    ['nameContains: blank is no filter', { nameContains: '  ' }, () => true],
    ['assignedToMe', { assignedToMe: true }, (c) => c.assignedTo === 'cw-1'],
    ['assignedToMe: false', { assignedToMe: false }, (c) => c.assignedTo !== 'cw-1'],
    [
      'combined',
      { status: ['REGISTERED', 'PLANNED'], mappingMissing: true, startDeadlineWithinDays: 30, endGoal: ['WORK', 'UPPER_SECONDARY_COMPLETE'] },
      (c) =>
        ['REGISTERED', 'PLANNED'].includes(c.status) &&
        mappingMissing(c) &&
        c.startDeadline !== null &&
        c.startDeadline >= today &&
        c.startDeadline <= addDays(today, 30) &&
        currentGoal(c) !== null,
    ],
  ];

  test.each(cases)('%s: exact rows and totalCount, all pages', async (_label, filter, pred) => {
    const want = expected(pred);
    const { nodes, totalCount } = await walk(tokA, filter);
    expect(totalCount).toBe(want.length);
    expect(nodes.map((n) => n.id)).toEqual(want);
  });

  test('the fixture makes every filter select something and leave something out', () => {
    for (const [label, , pred] of cases) {
      const n = casesA.filter(pred).length;
      if (['no filter', 'nameContains: blank is no filter'].includes(label)) expect(n).toBe(N_A);
      else if (label.startsWith('status: empty')) expect(n).toBe(0);
      else {
        expect(n).toBeGreaterThan(0);
        expect(n).toBeLessThan(N_A);
      }
    }
  });

  test('the summary and the filters behind it agree', async () => {
    const s = (await t.gql(tokA, '{ caseloadSummary { startsOverdue mappingsMissing plansMissing programmesEndingWithin30Days } }')).body.data.caseloadSummary;
    const count = async (filter: Record<string, unknown>) => (await t.gql(tokA, LIST, { filter, first: 1 })).body.data.participants.totalCount;
    expect(await count({ startOverdue: true })).toBe(s.startsOverdue);
    expect(await count({ mappingMissing: true })).toBe(s.mappingsMissing);
    expect(await count({ planMissing: true })).toBe(s.plansMissing);
    expect(await count({ programmeEndingWithinDays: 30 })).toBe(s.programmesEndingWithin30Days);
  });

  test('invalid filters are BAD_USER_INPUT naming the field', async () => {
    const bad: [Record<string, unknown>, string][] = [
      [{ nameContains: 'x'.repeat(101) }, 'filter.nameContains'],
      [{ nameContains: 'a\u0000b' }, 'filter.nameContains'],
      [{ startDeadlineWithinDays: 367 }, 'filter.startDeadlineWithinDays'],
      [{ startDeadlineWithinDays: -1 }, 'filter.startDeadlineWithinDays'],
      [{ programmeEndingWithinDays: 400 }, 'filter.programmeEndingWithinDays'],
    ];
    for (const [filter, field] of bad) {
      const res = await t.gql(tokA, LIST, { filter, first: 5 });
      expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(res.body.errors[0].extensions.fields.map((f: { field: string }) => f.field)).toContain(field);
    }
    // Enums (status, endGoal): refused by GraphQL's own coercion of the variable.
    for (const filter of [{ status: ['NOPE'] }, { endGoal: ['NOT_A_GOAL'] }]) {
      const res = await t.gql(tokA, LIST, { filter, first: 5 });
      expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }
    const big = await t.gql(tokA, LIST, { first: 101 });
    expect(big.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('participants: order and pages', () => {
  test.each([
    ['START_DEADLINE', (c: Case) => c.startDeadline],
    ['SETTLEMENT_DATE', (c: Case) => c.settlementDate],
  ] as const)('%s: every row once, NULLs last, ties by id', async (orderBy, value) => {
    const { nodes, totalCount } = await walk(tokA, {}, orderBy, 23);
    expect(totalCount).toBe(N_A);
    expect(nodes.map((n) => n.id)).toEqual([...casesA].sort(byValueThenId(value)).map((c) => c.id));
  });

  test("NAME: every row once, in the database's collation, ties by id (also across a long name)", async () => {
    const { nodes } = await walk(tokA, {}, 'NAME', 23);
    const db = await t.db.owner();
    const want = await db.query(`SELECT id FROM app.participant WHERE municipality_id = $1 ORDER BY full_name, id`, [casesA[0].municipalityId]);
    expect(nodes.map((n) => n.id)).toEqual(want.rows.map((r: { id: string }) => r.id));
    // The page after a row with a 190-character name: its cursor is longer than PageArgs' 200 characters.
    const at = nodes.findIndex((n) => n.name.startsWith('Åse'));
    const { cursors } = await walk(tokA, {}, 'NAME', 23);
    expect(cursors[at].length).toBeGreaterThan(200);
    const next = await t.gql(tokA, LIST, { first: 3, orderBy: 'NAME', after: cursors[at] });
    expect(next.body.errors).toBeUndefined();
    expect(next.body.data.participants.edges.map((e: { node: Node }) => e.node.id)).toEqual(nodes.slice(at + 1, at + 4).map((n) => n.id));
  });

  test('a filtered walk in each order: same rows in every order', async () => {
    const filter = { status: ['ACTIVE', 'PLANNED', 'REGISTERED'], planMissing: false };
    const pred = (c: Case) => ['ACTIVE', 'PLANNED', 'REGISTERED'].includes(c.status) && !planMissing(c);
    const want = new Set(casesA.filter(pred).map((c) => c.id));
    for (const orderBy of ['START_DEADLINE', 'SETTLEMENT_DATE', 'NAME']) {
      const { nodes, totalCount } = await walk(tokA, filter, orderBy, 17);
      expect(totalCount).toBe(want.size);
      expect(new Set(nodes.map((n) => n.id))).toEqual(want);
    }
  });

  test('rows carry their current end goal from the list query', async () => {
    const { nodes } = await walk(tokA, {}, 'START_DEADLINE', 100);
    const goal = new Map(casesA.map((c) => [c.id, currentGoal(c)]));
    for (const n of nodes) expect(n.currentEndGoal).toBe(goal.get(n.id));
  });

  test('a cursor of one order is refused by another; a forged cursor is BAD_USER_INPUT', async () => {
    const first = await t.gql(tokA, LIST, { first: 5, orderBy: 'NAME' });
    const cursor = first.body.data.participants.pageInfo.endCursor;
    const other = await t.gql(tokA, LIST, { first: 5, orderBy: 'START_DEADLINE', after: cursor });
    expect(other.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    for (const forged of [
      ['START_DEADLINE', 'not-a-date', crypto.randomUUID()],
      ['START_DEADLINE', '2026-01-01', 'not-a-uuid'],
      ['NAME', null, crypto.randomUUID()],
      ['NAME', 42, crypto.randomUUID()],
    ]) {
      // As plain base64 JSON (the old format): not authenticated. Sealed with the server's key: refused by its shape.
      for (const after of [Buffer.from(JSON.stringify(forged)).toString('base64url'), encodeCursor(forged)]) {
        const res = await t.gql(tokA, LIST, { first: 5, orderBy: forged[0], after });
        expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      }
    }
  });

  test('cursors are opaque (issue 19): no name or date in them, and a changed byte is BAD_USER_INPUT', async () => {
    const { cursors, nodes } = await walk(tokA, {}, 'NAME', 50);
    for (const [k, c] of cursors.entries()) {
      const text = Buffer.from(c, 'base64url').toString('latin1');
      expect(text).not.toContain(nodes[k].name.slice(0, 8));
      expect(text).not.toContain(nodes[k].id);
    }
    const genuine = cursors[3];
    const ok = await t.gql(tokA, LIST, { first: 2, orderBy: 'NAME', after: genuine });
    expect(ok.body.errors).toBeUndefined();
    expect(ok.body.data.participants.pageInfo.hasPreviousPage).toBe(true);
    expect(ok.body.data.participants.pageInfo.startCursor).toBe(ok.body.data.participants.edges[0].cursor);
    const raw = Buffer.from(genuine, 'base64url');
    for (const at of [0, 13, raw.length - 1]) {
      const changed = Buffer.from(raw);
      changed[at] ^= 1;
      const res = await t.gql(tokA, LIST, { first: 2, orderBy: 'NAME', after: changed.toString('base64url') });
      expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }
  });

  test('DESC is the exact reverse of ASC in every order, filtered too; a cursor of one direction is refused by the other', async () => {
    for (const [filter, orderBy] of [
      [{}, 'START_DEADLINE'],
      [{}, 'SETTLEMENT_DATE'],
      [{}, 'NAME'],
      [{ planMissing: false }, 'SETTLEMENT_DATE'],
    ] as const) {
      const asc = await walk(tokA, filter, orderBy, 41);
      const desc = await walk(tokA, filter, orderBy, 41, 'DESC');
      expect(desc.totalCount).toBe(asc.totalCount);
      expect(desc.nodes.map((n) => n.id)).toEqual([...asc.nodes].reverse().map((n) => n.id));
      const wrong = await t.gql(tokA, LIST, { filter, first: 5, orderBy, direction: 'DESC', after: asc.cursors[3] });
      expect(wrong.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }
  });

  test('another municipality sees none of these rows', async () => {
    const idsA = new Set(casesA.map((c) => c.id));
    for (const orderBy of ['START_DEADLINE', 'SETTLEMENT_DATE', 'NAME']) {
      const { nodes, totalCount } = await walk(tokB, {}, orderBy, 100);
      expect(totalCount).toBe(N_B);
      expect(nodes.some((n) => idsA.has(n.id))).toBe(false);
    }
    const { nodes } = await walk(tokB, { nameContains: 'Deltaker' });
    expect(nodes.every((n) => n.name.startsWith('Oslo'))).toBe(true);
    const empty = await t.gql(await t.token('MUNICIPALITY', EMPTY), LIST, { first: 100 });
    expect(empty.body.data.participants).toEqual({
      totalCount: 0,
      edges: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    });
  });
});

describe('participants: SQL statements per request', () => {
  const statements = async (query: string, variables: Record<string, unknown>) => {
    const res = await t.gql(tokA, query, variables);
    expect(res.body.errors).toBeUndefined();
    return Number(res.headers['x-sql-statements']);
  };
  const FULL = `query($filter: ParticipantFilter, $first: Int, $after: String, $orderBy: ParticipantOrder) {
    participants(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
      totalCount
      edges { cursor node { id name maskedIdentityNumber age daysToStartDeadline currentEndGoal eligibility { eligible basis }
        municipality { number } assignedTo { sub name } } }
      pageInfo { hasNextPage endCursor }
    }
  }`;

  test.each([
    ['no filter', {}],
    [
      'every filter',
      {
        status: ['ACTIVE', 'PLANNED'],
        endGoal: ['WORK'],
        startOverdue: false,
        startDeadlineWithinDays: 366,
        programmeEndingWithinDays: 366,
        mappingMissing: false,
        planMissing: false,
        nameContains: 'e',
        assignedToMe: true,
      },
    ],
  ])('%s: the same count for 10 and 100 rows, at most 5', async (_label, filter) => {
    for (const orderBy of ['START_DEADLINE', 'SETTLEMENT_DATE', 'NAME']) {
      const page = await t.gql(tokA, FULL, { filter, first: 1, orderBy });
      expect(page.body.data.participants.totalCount).toBeGreaterThan(1); // so every request below returns rows
      const ten = await statements(FULL, { filter, first: 10, orderBy });
      const hundred = await statements(FULL, { filter, first: 100, orderBy });
      const next = await statements(FULL, { filter, first: 100, orderBy, after: page.body.data.participants.pageInfo.endCursor });
      expect(hundred).toBe(ten);
      expect(next).toBe(ten);
      // START TRANSACTION, set_config, the page with its count, the access-log row, COMMIT.
      expect(ten).toBeLessThanOrEqual(5);
    }
  });

  test('without totalCount the count is not computed, and the statements stay the same', async () => {
    const q = `query($first: Int) { participants(first: $first) { edges { node { id currentEndGoal } } } }`;
    expect(await statements(q, { first: 100 })).toBe(await statements(q, { first: 10 }));
  });

  test('the single view reads the current end goal through a loader', async () => {
    const c = casesA.find((x) => x.planGoals.length === 2)!;
    const res = await t.gql(tokA, 'query($id: UUID!) { participant(id: $id) { id currentEndGoal } }', { id: c.id });
    expect(res.body.data.participant).toEqual({ id: c.id, currentEndGoal: 'WORK' });
    const none = casesA.find((x) => x.planGoals.length === 0)!;
    const res2 = await t.gql(tokA, 'query($id: UUID!) { participant(id: $id) { currentEndGoal } }', { id: none.id });
    expect(res2.body.data.participant.currentEndGoal).toBeNull();
  });
});

describe('reassignParticipant', () => {
  const REASSIGN = `mutation($id: UUID!, $toSub: String!, $toName: String!, $v: Int!) {
    reassignParticipant(id: $id, toSub: $toSub, toName: $toName, expectedVersion: $v) { id version assignedTo { sub name } currentEndGoal }
  }`;

  test('success bumps the version and logs the change; a stale version is CONFLICT and changes nothing', async () => {
    const c = casesA.find((x) => x.assignedTo === 'cw-2' && x.planGoals.length > 0)!;
    const db = await t.db.owner();
    const ok = await t.gql(tokA, REASSIGN, { id: c.id, toSub: 'nina', toName: ' Nina Ny ', v: 1 });
    expect(ok.body.errors).toBeUndefined();
    expect(ok.body.data.reassignParticipant).toEqual({ id: c.id, version: 2, assignedTo: { sub: 'nina', name: 'Nina Ny' }, currentEndGoal: currentGoal(c) });

    const stale = await t.gql(tokA, REASSIGN, { id: c.id, toSub: 'someone-else', toName: 'Someone Else', v: 1 });
    expect(stale.body.data.reassignParticipant).toBeNull();
    expect(stale.body.errors[0].extensions.code).toBe('CONFLICT');
    const row = await db.query(`SELECT version, assigned_to_sub, assigned_to_name FROM app.participant WHERE id = $1`, [c.id]);
    expect(row.rows).toEqual([{ version: 2, assigned_to_sub: 'nina', assigned_to_name: 'Nina Ny' }]);

    const log = await db.query(`SELECT operation, actor_sub, participant_id, changes FROM app.audit_event WHERE operation = 'reassignParticipant'`);
    expect(log.rows).toEqual([
      { operation: 'reassignParticipant', actor_sub: 'cw-1', participant_id: c.id, changes: { assignedTo: { from: 'cw-2', to: 'nina' } } },
    ]);

    // The new assignee's own list.
    const nina = await t.token('MUNICIPALITY', A, 'nina', 'Nina Ny');
    const mine = await walk(nina, { assignedToMe: true });
    expect(mine.nodes.map((n) => n.id)).toEqual([c.id]);
    expect(mine.totalCount).toBe(1);
    const notMine = await walk(nina, { assignedToMe: false }, 'START_DEADLINE', 100);
    expect(notMine.totalCount).toBe(N_A - 1);
    // And it left the old assignee's list.
    const cw2 = await walk(await t.token('MUNICIPALITY', A, 'cw-2'), { assignedToMe: true }, 'START_DEADLINE', 100);
    expect(cw2.nodes.map((n) => n.id)).not.toContain(c.id);
    expect(cw2.totalCount).toBe(casesA.filter((x) => x.assignedTo === 'cw-2').length - 1);

    const again = await t.gql(tokA, REASSIGN, { id: c.id, toSub: 'cw-2', toName: 'Caseworker 2', v: 2 });
    expect(again.body.data.reassignParticipant.version).toBe(3);
  });

  test("unknown id and another municipality's id are the same NOT_FOUND, and nothing changes", async () => {
    const c = casesA[5];
    const other = await t.gql(tokB, REASSIGN, { id: c.id, toSub: 'x', toName: 'X', v: 1 });
    const missing = await t.gql(tokB, REASSIGN, { id: crypto.randomUUID(), toSub: 'x', toName: 'X', v: 1 });
    expect(other.body.errors[0].extensions.code).toBe('NOT_FOUND');
    expect(other.body.errors[0].message).toBe(missing.body.errors[0].message);
    const db = await t.db.owner();
    const row = await db.query(`SELECT version, assigned_to_sub FROM app.participant WHERE id = $1`, [c.id]);
    expect(row.rows).toEqual([{ version: 1, assigned_to_sub: c.assignedTo }]);
  });

  test('invalid input is BAD_USER_INPUT; other roles are FORBIDDEN', async () => {
    const id = casesA[6].id;
    for (const vars of [
      { toSub: '', toName: 'X' },
      { toSub: 'x', toName: '' },
      { toSub: 'x', toName: '   ' },
      { toSub: 'x'.repeat(201), toName: 'X' },
      { toSub: 'x', toName: 'a\u0007b' },
      { toSub: 'x', toName: 'a\u202Eb' },
    ]) {
      const res = await t.gql(tokA, REASSIGN, { id, v: 1, ...vars });
      expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }
    const county = await t.gql(await t.token('COUNTY', '11'), REASSIGN, { id, toSub: 'x', toName: 'X', v: 1 });
    expect(county.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const db = await t.db.owner();
    expect((await db.query(`SELECT version FROM app.participant WHERE id = $1`, [id])).rows).toEqual([{ version: 1 }]);
  });

  test('concurrent reassignments with the same version: exactly one wins', async () => {
    const c = casesA[9];
    const results = await Promise.all(['p', 'q', 'r', 's'].map((sub) => t.gql(tokA, REASSIGN, { id: c.id, toSub: sub, toName: sub.toUpperCase(), v: 1 })));
    const won = results.filter((r) => r.body.data?.reassignParticipant);
    expect(won).toHaveLength(1);
    expect(results.filter((r) => r.body.errors?.[0]?.extensions.code === 'CONFLICT')).toHaveLength(3);
    const db = await t.db.owner();
    const row = await db.query(`SELECT version, assigned_to_sub FROM app.participant WHERE id = $1`, [c.id]);
    expect(row.rows).toEqual([{ version: 2, assigned_to_sub: won[0].body.data.reassignParticipant.assignedTo.sub }]);
  });
});

describe('case list with the latest decision', () => {
  test('the latest decision comes with the page, in the same statements for 10 and 100 rows', async () => {
    const tok = await t.token('MUNICIPALITY', A);
    const q = (n: number) =>
      `{ participants(first: ${n}) { edges { node { id status currentEndGoal latestDecision { type outcome decidedAt appealDeadline } } } } }`;
    const small = await t.gql(tok, q(10));
    const large = await t.gql(tok, q(100));
    expect(small.body.errors).toBeUndefined();
    expect(large.body.errors).toBeUndefined();
    expect(small.headers['x-sql-statements']).toBe(large.headers['x-sql-statements']);
    expect(Number(large.headers['x-sql-statements'])).toBeLessThanOrEqual(5);
    const withDecision = large.body.data.participants.edges.filter((e: { node: { latestDecision: unknown } }) => e.node.latestDecision);
    expect(withDecision.length).toBeGreaterThan(0);
  });
});
