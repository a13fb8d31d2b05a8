/**
 * The worklist over HTTP for each role (issue 18 item 1): a caseworker's own duties, the team lead's whole
 * municipality, a county adviser's open referrals and a Statsforvalter lawyer's forwarded appeals, each with an
 * item of every kind of its role, its due date, its rule and the next action; ordered by due date, paged
 * Relay-style, with counts per kind, and a fixed number of SQL statements whatever the page size.
 *
 * The fixture is written straight into the tables (as the owner) on a fixed today, so every due date below is
 * worked out by hand from the fixture's dates and RULES.md, not by the code under test.
 */
import crypto from 'node:crypto';
import { Client } from 'pg';
import { startTestApp, TestApp } from '../support/app';

const TODAY = '2026-05-15'; // a Friday
let t: TestApp;
let owner: Client;
let anna: string; // caseworker in Bergen (4601)
let lead: string; // team lead in Bergen
let vestlandCounty: string;
let rogalandCounty: string;
let sfVestland: string;
let sfRogaland: string;
let stavanger: string;

const ids: Record<string, string> = {};
const id = (name: string) => (ids[name] ??= crypto.randomUUID());
let fnr = 10000000000;

async function participant(m: number, key: string, name: string, o: { status: string; settled: string | null; assigned: string }) {
  await owner.query(
    `INSERT INTO app.participant (municipality_id, id, full_name, identity_number, birth_date, permit_category, permit_grant_date, arrival_date,
       settlement_date, settled_by_agreement, start_deadline, status, assigned_to_sub, assigned_to_name, eligibility_periods)
     VALUES ($1, $2, $3, $4, '1990-05-17', 'REFUGEE', '2025-10-01', '2025-10-10', $5, true, ($5::date + interval '3 months')::date, $6, $7, $7, '[]')`,
    [m, id(key), name, String(fnr++), o.settled, o.status, o.assigned],
  );
}

async function decision(
  m: number,
  key: string,
  p: string,
  o: { type: string; outcome?: string; decidedAt: string; notifiedAt: string | null; details?: unknown },
) {
  await owner.query(
    `INSERT INTO app.decision (municipality_id, id, participant_id, type, outcome, reasons, legal_basis, decided_at, decided_by_sub, decided_by_name, notified_at, details)
     VALUES ($1, $2, $3, $4, $5, 'Fixture reasons', ARRAY['integreringsloven § 12'], $6, 'fixture', 'Fixture', $7, $8)`,
    [m, id(key), id(p), o.type, o.outcome ?? 'GRANTED', o.decidedAt, o.notifiedAt, JSON.stringify(o.details ?? {})],
  );
}

async function programme(m: number, p: string, state: string, plannedEnd: string) {
  await owner.query(`INSERT INTO app.programme (municipality_id, participant_id, state, start_date, planned_end_date) VALUES ($1, $2, $3, '2025-12-01', $4)`, [
    m,
    id(p),
    state,
    plannedEnd,
  ]);
}

async function appeal(
  m: number,
  key: string,
  p: string,
  d: string,
  o: { state: string; receivedAt: string; forwardedAt?: string; sf?: string; outcome?: string; outcomeDecidedAt?: string },
) {
  await owner.query(
    `INSERT INTO app.appeal (municipality_id, id, decision_id, participant_id, state, received_at, sent_at, grounds, change_wanted, deadline, deadline_basis,
       filed_in_time, late_appeal_last_day, municipality_statement, forwarded_at, statsforvalter_id, outcome, outcome_decided_at, created_by_sub)
     VALUES ($1, $2, $3, $4, $5, $6, $6, 'Grounds', 'Change', $6, 'NOTICE', true, '2027-01-01', $7, $8::timestamptz, $9, $10, $11, 'fixture')`,
    [
      m,
      id(key),
      id(d),
      id(p),
      o.state,
      o.receivedAt,
      o.forwardedAt ? 'Statement' : null,
      o.forwardedAt ? `${o.forwardedAt} 10:00:00+02` : null,
      o.sf ?? null,
      o.outcome ?? null,
      o.outcomeDecidedAt ?? null,
    ],
  );
}

async function referral(m: number, key: string, p: string, county: string, o: { state: string; referredAt: string; submittedAt?: string }) {
  const done = o.state === 'COMPLETED';
  await owner.query(
    `INSERT INTO app.career_guidance_referral (municipality_id, id, participant_id, county_number, state, referred_at, referred_by, started_at,
       adviser, held_at, summary, recommendation_kind, recommended_end_goal, submitted_at)
     VALUES ($1, $2, $3, $4, $5, $6::timestamptz, 'fixture', $7::timestamptz, $8, $9::date, $10, $11, $12, $9::timestamptz)`,
    [
      m,
      id(key),
      id(p),
      county,
      o.state,
      `${o.referredAt} 09:00:00+02`,
      o.state === 'OPEN' ? null : `${o.referredAt} 12:00:00+02`,
      done ? 'Adviser' : null,
      done ? `${o.submittedAt} 11:00:00+02` : null,
      done ? 'Summary' : null,
      done ? 'EDUCATION' : null,
      done ? 'UPPER_SECONDARY_COMPLETE' : null,
    ],
  );
}

beforeAll(async () => {
  t = await startTestApp({ env: { INTROSAK_TODAY: TODAY } });
  owner = await t.db.owner();
  const bergen = t.directory.municipalityByNumber('4601')!.id;
  const stav = t.directory.municipalityByNumber('1103')!.id;
  anna = await t.token('MUNICIPALITY', '4601', 'cw-anna', 'Anna Saksbehandler');
  lead = await t.token('MUNICIPALITY', '4601', 'cw-lead', 'Lina Leder');
  stavanger = await t.token('MUNICIPALITY', '1103', 'cw-stavanger', 'Stian');
  vestlandCounty = await t.token('COUNTY', '46', 'adv-vestland', 'Vera Veileder');
  rogalandCounty = await t.token('COUNTY', '11', 'adv-rogaland', 'Roar Veileder');
  sfVestland = await t.token('STATSFORVALTER', 'vestland', 'sf-vestland', 'Siri Jurist');
  sfRogaland = await t.token('STATSFORVALTER', 'rogaland', 'sf-rogaland', 'Rune Jurist');

  // P1: registered 1 March, nothing done: mapping and participation decision + start due 1 June.
  await participant(bergen, 'p1', 'Amina Nord', { status: 'REGISTERED', settled: '2026-03-01', assigned: 'cw-anna' });
  await referral(bergen, 'r1', 'p1', '46', { state: 'OPEN', referredAt: '2026-04-10' });
  // P2: mapped, participation granted, not started: start was due 10 April (R-5.1, overdue).
  await participant(bergen, 'p2', 'Bashir Vik', { status: 'PLANNED', settled: '2026-01-10', assigned: 'cw-anna' });
  await owner.query(
    `INSERT INTO app.competence_mapping (municipality_id, participant_id, status, completed_at, updated_by) VALUES ($1, $2, 'COMPLETED', '2026-02-01', 'fixture')`,
    [bergen, id('p2')],
  );
  await decision(bergen, 'd2', 'p2', { type: 'PARTICIPATION', decidedAt: '2026-04-01', notifiedAt: '2026-04-02' });
  await programme(bergen, 'p2', 'PLANNED', '2028-04-01');
  // P3 (another caseworker's): ends 5 June; a benefit decision of 10 May without its notice (R-8.2, overdue).
  await participant(bergen, 'p3', 'Chen Dal', { status: 'ACTIVE', settled: '2025-11-01', assigned: 'cw-bjorn' });
  await programme(bergen, 'p3', 'ACTIVE', '2026-06-05');
  await decision(bergen, 'd3', 'p3', { type: 'BENEFIT', decidedAt: '2026-05-10', notifiedAt: null });
  // P4: care leave from 1 February to 31 August: its fourth month began 1 May (R-6.2, overdue).
  await participant(bergen, 'p4', 'Dina Fjell', { status: 'ON_LEAVE', settled: '2025-11-01', assigned: 'cw-anna' });
  await programme(bergen, 'p4', 'ON_LEAVE', '2028-01-01');
  await decision(bergen, 'd4', 'p4', {
    type: 'LEAVE',
    decidedAt: '2026-01-20',
    notifiedAt: '2026-01-21',
    details: { leave: { kind: 'CARE_LEAVE', fromDate: '2026-02-01', toDate: '2026-08-31', workingDays: 152, withBenefit: false } },
  });
  // P5: an appeal under review since 20 April (R-9.4: 3 weeks → 11 May, overdue: 20 July), and one that
  // Statsforvalteren quashed and returned on 2 May without a follow-up decision (R-9.6: 2 June).
  await participant(bergen, 'p5', 'Erik Haug', { status: 'ACTIVE', settled: '2025-11-01', assigned: 'cw-anna' });
  await programme(bergen, 'p5', 'ACTIVE', '2028-01-01');
  await decision(bergen, 'd5a', 'p5', {
    type: 'HALT',
    decidedAt: '2026-04-01',
    notifiedAt: '2026-04-02',
    details: { halt: { kind: 'TEMPORARY', fromDate: '2026-04-10' } },
  });
  await decision(bergen, 'd5b', 'p5', { type: 'BENEFIT', outcome: 'REFUSED', decidedAt: '2026-02-01', notifiedAt: '2026-02-02' });
  await appeal(bergen, 'a1', 'p5', 'd5a', { state: 'UNDER_REVIEW', receivedAt: '2026-04-20' });
  await appeal(bergen, 'a2', 'p5', 'd5b', {
    state: 'DECIDED_BY_STATSFORVALTER',
    receivedAt: '2026-02-10',
    forwardedAt: '2026-03-01',
    sf: 'vestland',
    outcome: 'QUASHED_AND_RETURNED',
    outcomeDecidedAt: '2026-05-02',
  });
  // P6: completed guidance submitted 30 April, not used in a plan (R-3.3: 30 May); an appeal forwarded on 5 May
  // (Statsforvalteren: decision due 5 June; detriment notice by 1 July, 3 months after receipt on 1 April).
  await participant(bergen, 'p6', 'Fatima Lund', { status: 'ACTIVE', settled: '2025-11-01', assigned: 'cw-anna' });
  await programme(bergen, 'p6', 'ACTIVE', '2028-01-01');
  await referral(bergen, 'r6', 'p6', '46', { state: 'COMPLETED', referredAt: '2026-03-01', submittedAt: '2026-04-30' });
  await decision(bergen, 'd6', 'p6', { type: 'EXEMPTION', decidedAt: '2026-03-10', notifiedAt: '2026-03-11' });
  await appeal(bergen, 'a3', 'p6', 'd6', { state: 'FORWARDED', receivedAt: '2026-04-01', forwardedAt: '2026-05-05', sf: 'vestland' });
  // Stavanger (Rogaland): a case of its own with a referral and a forwarded appeal, never seen by Bergen, Vestland or its offices.
  await participant(stav, 's1', 'Stavanger Person', { status: 'REGISTERED', settled: '2026-04-01', assigned: 'cw-stavanger' });
  await referral(stav, 'rs1', 's1', '11', { state: 'IN_PROGRESS', referredAt: '2026-04-02' });
  await decision(stav, 'ds1', 's1', { type: 'PARTICIPATION', outcome: 'REFUSED', decidedAt: '2026-04-05', notifiedAt: '2026-04-06' });
  await appeal(stav, 'as1', 's1', 'ds1', { state: 'FORWARDED', receivedAt: '2026-04-20', forwardedAt: '2026-05-01', sf: 'rogaland' });
});
afterAll(() => t?.close());

const LIST = `query($first: Int!, $after: String, $filter: WorklistFilter) {
  worklist(first: $first, after: $after, filter: $filter) {
    totalCount counts { kind count overdue }
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id kind ruleId lawReference dueDate overdue action actionText subjectType subjectId participant { id name municipality { number } } } }
  }
}`;

type Item = {
  kind: string;
  ruleId: string;
  lawReference: string;
  dueDate: string;
  overdue: boolean;
  action: string;
  subjectId: string;
  participant: { name: string };
};

async function worklist(tok: string, variables: Record<string, unknown>) {
  const res = await t.gql(tok, LIST, { first: 100, ...variables });
  expect(res.body.errors).toBeUndefined();
  return { data: res.body.data.worklist, statements: Number(res.headers['x-sql-statements']) };
}
const brief = (i: Item) => [i.dueDate, i.kind, i.ruleId, i.lawReference, i.overdue, i.action, i.participant.name, i.subjectId];

// Worked out by hand from the fixture (RULES.md): [due date, kind, rule, section, overdue on 15 May, next action, participant, record].
const BERGEN_ALL = () => [
  ['2026-04-10', 'PROGRAMME_START_DUE', 'R-5.1', 'integreringsloven § 12', true, 'START_PROGRAMME', 'Bashir Vik', id('p2')],
  ['2026-05-01', 'CARE_LEAVE_FOLLOW_UP', 'R-6.2', 'integreringsforskriften § 16', true, 'OFFER_CARE_LEAVE_FOLLOW_UP', 'Dina Fjell', id('d4')],
  ['2026-05-10', 'DECISION_NOTICE_MISSING', 'R-8.2', 'forvaltningsloven §§ 24–27', true, 'RECORD_DECISION_NOTICE', 'Chen Dal', id('d3')],
  ['2026-05-11', 'APPEAL_REVIEW', 'R-9.4', 'forvaltningsloven § 33', true, 'FINISH_APPEAL_REVIEW', 'Erik Haug', id('a1')],
  ['2026-05-30', 'GUIDANCE_NOT_USED', 'R-3.3', 'integreringsloven § 11', false, 'USE_GUIDANCE_IN_PLAN', 'Fatima Lund', id('r6')],
  ['2026-06-01', 'MAPPING_DUE', 'R-2.2', 'integreringsloven §§ 6 og 10', false, 'COMPLETE_MAPPING', 'Amina Nord', id('p1')],
  ['2026-06-01', 'PROGRAMME_START_DUE', 'R-5.1', 'integreringsloven § 12', false, 'MAKE_PARTICIPATION_DECISION', 'Amina Nord', id('p1')],
  ['2026-06-02', 'APPEAL_FOLLOW_UP', 'R-9.6', 'integreringsloven § 47 / forvaltningsloven § 34', false, 'RECORD_FOLLOW_UP_DECISION', 'Erik Haug', id('a2')],
  ['2026-06-05', 'PROGRAMME_ENDING', 'R-5.10', 'integreringsloven § 18 a', false, 'PREPARE_PROGRAMME_END', 'Chen Dal', id('p3prog')],
  ['2026-07-20', 'DETRIMENT_NOTICE_DEADLINE', 'R-9.7', 'forvaltningsloven § 34 tredje ledd', false, 'SEND_DETRIMENT_NOTICE_IF_NEEDED', 'Erik Haug', id('a1')],
];

test('the team lead (scope MUNICIPALITY) gets an item of every kind of the municipality, by due date, with its rule and next action', async () => {
  const { data } = await worklist(lead, { filter: { scope: 'MUNICIPALITY' } });
  const got = data.edges.map((e: { node: Item }) => brief(e.node));
  // The programme's id is the programme row's: read it to compare (the only id the fixture did not choose).
  const prog = await owner.query(`SELECT id FROM app.programme WHERE participant_id = $1`, [id('p3')]);
  ids.p3prog = prog.rows[0].id;
  expect(got).toEqual(BERGEN_ALL());
  expect(new Set(got.map((g: unknown[]) => g[1]))).toEqual(
    new Set([
      'MAPPING_DUE',
      'PROGRAMME_START_DUE',
      'DECISION_NOTICE_MISSING',
      'APPEAL_REVIEW',
      'DETRIMENT_NOTICE_DEADLINE',
      'APPEAL_FOLLOW_UP',
      'CARE_LEAVE_FOLLOW_UP',
      'PROGRAMME_ENDING',
      'GUIDANCE_NOT_USED',
    ]),
  );
  expect(data.totalCount).toBe(10);
  expect(data.counts).toEqual([
    { kind: 'MAPPING_DUE', count: 1, overdue: 0 },
    { kind: 'PROGRAMME_START_DUE', count: 2, overdue: 1 },
    { kind: 'DECISION_NOTICE_MISSING', count: 1, overdue: 1 },
    { kind: 'APPEAL_REVIEW', count: 1, overdue: 1 },
    { kind: 'DETRIMENT_NOTICE_DEADLINE', count: 1, overdue: 0 },
    { kind: 'APPEAL_FOLLOW_UP', count: 1, overdue: 0 },
    { kind: 'CARE_LEAVE_FOLLOW_UP', count: 1, overdue: 1 },
    { kind: 'PROGRAMME_ENDING', count: 1, overdue: 0 },
    { kind: 'GUIDANCE_NOT_USED', count: 1, overdue: 0 },
  ]);
  const first = data.edges[0].node;
  expect(first).toMatchObject({
    id: `PROGRAMME_START_DUE:${id('p2')}`,
    subjectType: 'PARTICIPANT',
    participant: { id: id('p2'), municipality: { number: '4601' } },
  });
  expect(first.actionText).toMatch(/Start the programme/);
  expect(JSON.stringify(data)).not.toMatch(/Stavanger Person/);
});

test("a caseworker's default worklist has the duties of the cases assigned to them only", async () => {
  const { data } = await worklist(anna, {});
  const expected = BERGEN_ALL().filter((row) => row[6] !== 'Chen Dal');
  expect(data.edges.map((e: { node: Item }) => brief(e.node))).toEqual(expected);
  expect(data.totalCount).toBe(8);
  expect(data.counts.find((c: { kind: string }) => c.kind === 'PROGRAMME_ENDING')).toEqual({ kind: 'PROGRAMME_ENDING', count: 0, overdue: 0 });
});

test('filters: kinds, overdue, due before, and another number of weeks for the appeal-review flag (R-9.4)', async () => {
  const overdue = await worklist(lead, { filter: { scope: 'MUNICIPALITY', overdue: true } });
  expect(overdue.data.edges.map((e: { node: Item }) => e.node.kind)).toEqual([
    'PROGRAMME_START_DUE',
    'CARE_LEAVE_FOLLOW_UP',
    'DECISION_NOTICE_MISSING',
    'APPEAL_REVIEW',
  ]);
  const appeals = await worklist(lead, { filter: { scope: 'MUNICIPALITY', kinds: ['APPEAL_REVIEW'], appealReviewWeeks: 6 } });
  expect(appeals.data.edges.map((e: { node: Item }) => [e.node.dueDate, e.node.overdue])).toEqual([['2026-06-01', false]]);
  const soon = await worklist(lead, { filter: { scope: 'MUNICIPALITY', dueBefore: '2026-05-10' } });
  expect(soon.data.totalCount).toBe(3);
  // The counts are the scope's, whatever the other filters.
  expect(soon.data.counts).toEqual(overdue.data.counts);
  const bad = await t.gql(lead, LIST, { first: 10, filter: { scope: 'MUNICIPALITY', appealReviewWeeks: 0 } });
  expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
});

test('pages follow one another by due date (Relay cursors), and the statements do not grow with the page size', async () => {
  const all = BERGEN_ALL();
  const seen: unknown[] = [];
  let after: string | null = null;
  let pages = 0;
  const statements = new Set<number>();
  for (;;) {
    const { data, statements: n } = await worklist(lead, { first: 3, after, filter: { scope: 'MUNICIPALITY' } });
    statements.add(n);
    seen.push(...data.edges.map((e: { node: Item }) => brief(e.node)));
    pages++;
    expect(data.totalCount).toBe(10);
    if (!data.pageInfo.hasNextPage) break;
    after = data.pageInfo.endCursor;
  }
  expect(pages).toBe(4);
  expect(seen).toEqual(all);
  const one = await worklist(lead, { first: 1, filter: { scope: 'MUNICIPALITY' } });
  const hundred = await worklist(lead, { first: 100, filter: { scope: 'MUNICIPALITY' } });
  statements.add(one.statements).add(hundred.statements);
  expect([...statements]).toEqual([one.statements]);
  // BEGIN and the caller's settings, one read per part of the case, the names, the access log.
  expect(one.statements).toBeLessThanOrEqual(14);
  console.log(`worklist: ${one.statements} SQL statements for a page of 1 and of 100`);
  const junk = await t.gql(lead, LIST, { first: 3, after: 'bm90LWEtY3Vyc29y' });
  expect(junk.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
});

test("a county adviser gets the county's open referrals, due by the case's start deadline (R-3.2)", async () => {
  const { data } = await worklist(vestlandCounty, {});
  expect(data.edges.map((e: { node: Item }) => brief(e.node))).toEqual([
    ['2026-06-01', 'GUIDANCE_REFERRAL_OPEN', 'R-3.2', 'integreringsloven § 11', false, 'START_GUIDANCE', 'Amina Nord', id('r1')],
  ]);
  expect(data.counts).toEqual([{ kind: 'GUIDANCE_REFERRAL_OPEN', count: 1, overdue: 0 }]);
  const other = await worklist(rogalandCounty, {});
  // Settled 1 April and referred 2 April: due by the case's start deadline, 1 July.
  expect(other.data.edges.map((e: { node: Item }) => brief(e.node))).toEqual([
    ['2026-07-01', 'GUIDANCE_REFERRAL_OPEN', 'R-3.2', 'integreringsloven § 11', false, 'SUBMIT_GUIDANCE', 'Stavanger Person', id('rs1')],
  ]);
});

test('a Statsforvalter lawyer gets the forwarded appeals awaiting a decision and their detriment-notice deadline (R-9.6, R-9.7)', async () => {
  const { data } = await worklist(sfVestland, { filter: { scope: 'MUNICIPALITY' } });
  expect(data.edges.map((e: { node: Item }) => brief(e.node))).toEqual([
    ['2026-06-05', 'APPEAL_DECISION_DUE', 'R-9.6', 'integreringsloven § 47 / forvaltningsloven § 34', false, 'DECIDE_APPEAL', 'Fatima Lund', id('a3')],
    [
      '2026-07-01',
      'DETRIMENT_NOTICE_DEADLINE',
      'R-9.7',
      'forvaltningsloven § 34 tredje ledd',
      false,
      'SEND_DETRIMENT_NOTICE_IF_NEEDED',
      'Fatima Lund',
      id('a3'),
    ],
  ]);
  expect(data.counts).toEqual([
    { kind: 'APPEAL_DECISION_DUE', count: 1, overdue: 0 },
    { kind: 'DETRIMENT_NOTICE_DEADLINE', count: 1, overdue: 0 },
  ]);
  const other = await worklist(sfRogaland, {});
  expect(other.data.edges.map((e: { node: Item }) => [e.node.kind, e.node.participant.name])).toEqual([
    ['APPEAL_DECISION_DUE', 'Stavanger Person'],
    ['DETRIMENT_NOTICE_DEADLINE', 'Stavanger Person'],
  ]);
  const stav = await worklist(stavanger, { filter: { scope: 'MUNICIPALITY' } });
  expect(JSON.stringify(stav.data)).not.toMatch(/Amina|Bashir|Chen|Dina|Erik|Fatima/);
});

test('the names read through the worklist are in the access log with purpose WORKLIST', async () => {
  await worklist(lead, { first: 2, filter: { scope: 'MUNICIPALITY' } });
  const { rows } = await owner.query(
    `SELECT participant_ids, fields FROM app.access_log WHERE actor_sub = 'cw-lead' AND purpose = 'WORKLIST' ORDER BY at DESC LIMIT 1`,
  );
  expect(rows[0].participant_ids.sort()).toEqual([id('p2'), id('p4')].sort());
  expect(rows[0].fields).toEqual(expect.arrayContaining(['WorklistParticipant.name']));
});
