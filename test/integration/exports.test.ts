/**
 * The CSV exports over HTTP (issue 18 item 4): the case list with exactly the filters and orders of
 * `participants` (compared row for row with the GraphQL list), the appeal list for the municipality and for
 * Statsforvalteren, UTF-8 with a BOM, headings in the caller's language, spreadsheet-safe fields, row-level
 * security, and the access log with the filter as purpose. The 10 000-row memory measurement is in
 * test/e2e/export-memory.test.ts.
 */
import crypto from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { eligibilityPeriods } from '../../src/domain/eligibility';
import { startTestApp, TestApp } from '../support/app';

const TODAY = '2026-05-15';
let t: TestApp;
let owner: Client;
let bergen: string;
let stavanger: string;
let sfVestland: string;
const N = 240;
const STATUSES = ['REGISTERED', 'PLANNED', 'ACTIVE', 'ON_LEAVE', 'HALTED', 'COMPLETED', 'INTERRUPTED'];

beforeAll(async () => {
  t = await startTestApp({ env: { INTROSAK_TODAY: TODAY } });
  owner = await t.db.owner();
  bergen = await t.token('MUNICIPALITY', '4601', 'cw-0', 'Caseworker 0');
  stavanger = await t.token('MUNICIPALITY', '1103', 'cw-s', 'Stian');
  sfVestland = await t.token('STATSFORVALTER', 'vestland', 'sf-v', 'Siri');
  const m = t.directory.municipalityByNumber('4601')!.id;
  const ids = Array.from({ length: N }, () => crypto.randomUUID());
  const names = ids.map((_, i) =>
    i === 3 ? '=HYPERLINK("http://x","klikk")' : i === 4 ? 'Ola "Olsen", jr.' : i === 5 ? 'Åse Ærlig Øye' : `Deltaker ${String(i % 90).padStart(3, '0')}`,
  );
  const settlements = ids.map((_, i) => (i % 13 === 0 ? null : `2026-0${1 + (i % 4)}-${String(1 + (i % 28)).padStart(2, '0')}`));
  await owner.query(
    `INSERT INTO app.participant (municipality_id, id, full_name, identity_number, birth_date, permit_category, permit_grant_date, arrival_date,
       settlement_date, settled_by_agreement, start_deadline, status, assigned_to_sub, assigned_to_name, eligibility_periods)
     SELECT $1, id, n, lpad(k::text, 11, '0'), '1990-05-17', 'REFUGEE', '2025-10-01', '2025-10-10', s, true, (s + interval '3 months')::date, st, a, 'Caseworker ' || right(a, 1), e
       FROM unnest($2::uuid[], $3::text[], $4::int[], $5::date[], $6::text[], $7::text[], $8::jsonb[]) AS x(id, n, k, s, st, a, e)`,
    [
      m,
      ids,
      names,
      ids.map((_, i) => 90000 + i),
      settlements,
      ids.map((_, i) => STATUSES[i % STATUSES.length]),
      ids.map((_, i) => `cw-${i % 3}`),
      // The eligibility periods the register keeps with the facts, computed as registration does.
      settlements.map((settlementDate) =>
        JSON.stringify(
          eligibilityPeriods({
            birthDate: '1990-05-17',
            permitCategory: 'REFUGEE',
            permitGrantDate: '2025-10-01',
            arrivalDate: '2025-10-10',
            settlementDate,
            settledByAgreementWithImdi: true,
          }),
        ),
      ),
    ],
  );
  // A third of them mapped; an appeal on one case's decision, forwarded to Vestland.
  await owner.query(
    `INSERT INTO app.competence_mapping (municipality_id, participant_id, status, completed_at, updated_by)
     SELECT $1, id, 'COMPLETED', '2026-02-01', 'fixture' FROM unnest($2::uuid[]) AS x(id)`,
    [m, ids.filter((_, i) => i % 3 === 0)],
  );
  const d = crypto.randomUUID();
  await owner.query(
    `INSERT INTO app.decision (municipality_id, id, participant_id, type, outcome, reasons, legal_basis, decided_at, decided_by_sub, decided_by_name, notified_at)
     VALUES ($1, $2, $3, 'HALT', 'GRANTED', 'r', ARRAY['integreringsloven § 18'], '2026-04-01', 'f', 'F', '2026-04-02')`,
    [m, d, ids[5]],
  );
  await owner.query(
    `INSERT INTO app.appeal (municipality_id, decision_id, participant_id, state, received_at, sent_at, grounds, change_wanted, deadline, deadline_basis,
       filed_in_time, late_appeal_last_day, municipality_statement, forwarded_at, statsforvalter_id, created_by_sub)
     VALUES ($1, $2, $3, 'FORWARDED', '2026-04-10', '2026-04-09', 'g', 'c', '2026-04-23', 'NOTICE', true, '2027-04-01', 's', '2026-04-20 10:00+02', 'vestland', 'f')`,
    [m, d, ids[5]],
  );
});
afterAll(() => t?.close());

function get(url: string, token: string, lang?: string) {
  const r = request(t.server)
    .get(url)
    .set('authorization', `Bearer ${token}`)
    .buffer(true)
    .parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
  return lang ? r.set('accept-language', lang) : r;
}

/** RFC 4180 rows (quoted fields with commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

async function exportIds(filter: object | null, orderBy = 'START_DEADLINE'): Promise<string[]> {
  const q = new URLSearchParams({ orderBy, ...(filter ? { filter: JSON.stringify(filter) } : {}) });
  const res = await get(`/exports/participants.csv?${q}`, bergen);
  expect(res.status).toBe(200);
  return parseCsv(res.body.toString('utf8').slice(1))
    .slice(1)
    .map((r) => r[0]);
}

async function graphqlIds(filter: object | null, orderBy = 'START_DEADLINE'): Promise<string[]> {
  const out: string[] = [];
  let after: string | null = null;
  for (;;) {
    const res = await t.gql(
      bergen,
      `query($f: ParticipantFilter, $o: ParticipantOrder!, $a: String) { participants(first: 100, after: $a, filter: $f, orderBy: $o) { pageInfo { hasNextPage endCursor } edges { node { id } } } }`,
      {
        f: filter,
        o: orderBy,
        a: after,
      },
    );
    expect(res.body.errors).toBeUndefined();
    const page = res.body.data.participants;
    out.push(...page.edges.map((e: { node: { id: string } }) => e.node.id));
    if (!page.pageInfo.hasNextPage) return out;
    after = page.pageInfo.endCursor;
  }
}

test.each([
  [null, 'START_DEADLINE'],
  [null, 'NAME'],
  [{ status: ['ACTIVE', 'ON_LEAVE'] }, 'SETTLEMENT_DATE'],
  [{ mappingMissing: false, assignedToMe: true }, 'NAME'],
  [{ startOverdue: true }, 'START_DEADLINE'],
  [{ nameContains: 'deltaker 01' }, 'NAME'],
  [{ hasOpenAppeal: true }, 'NAME'],
  [{ eligibility: 'RIGHT_AND_DUTY', status: ['REGISTERED'] }, 'NAME'],
])('the case-list export with filter %j, order %s, has exactly the rows of `participants`, in its order', async (filter, orderBy) => {
  const [csv, list] = [await exportIds(filter, orderBy), await graphqlIds(filter, orderBy)];
  expect(csv).toEqual(list);
  expect(csv.length).toBeGreaterThan(0);
  if (filter === null) expect(csv).toHaveLength(N);
});

test('UTF-8 with a BOM, CRLF lines, RFC 4180 quoting, formulas defused, no identity number; headings by Accept-Language', async () => {
  const nb = await get('/exports/participants.csv?orderBy=NAME', bergen);
  expect(nb.headers['content-type']).toBe('text/csv; charset=utf-8');
  expect(nb.headers['content-disposition']).toBe('attachment; filename="deltakere-2026-05-15.csv"');
  const bytes = nb.body as Buffer;
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8').slice(1);
  const rows = parseCsv(text);
  expect(rows[0]).toEqual([
    'Saks-ID',
    'Navn',
    'Fødselsdato',
    'Status',
    'Oppholdsgrunnlag',
    'Bosettingsdato',
    'Frist for oppstart',
    'Kompetansekartlegging fullført',
    'Sluttmål',
    'Siste vedtak',
    'Utfall',
    'Vedtaksdato',
    'Underrettet',
    'Åpen klage',
    'Saksbehandler',
  ]);
  expect(text.split('\r\n').length).toBe(N + 2);
  const names = rows.slice(1).map((r) => r[1]);
  expect(names).toContain('Ola "Olsen", jr.');
  expect(names).toContain('Åse Ærlig Øye');
  expect(names).toContain(`'=HYPERLINK("http://x","klikk")`);
  expect(text).not.toMatch(/0000009\d{4}/); // the identity numbers of the fixture
  expect(new Set(rows.slice(1).map((r) => r[7]))).toEqual(new Set(['ja', 'nei']));
  const nn = parseCsv((await get('/exports/participants.csv', bergen, 'nn-NO,nb;q=0.5')).body.toString('utf8').slice(1));
  expect(nn[0].slice(0, 3)).toEqual(['Saks-ID', 'Namn', 'Fødselsdato']);
  expect(nn[0]).toContain('Saksbehandlar');
  const en = parseCsv((await get('/exports/participants.csv', bergen, 'en-GB')).body.toString('utf8').slice(1));
  expect(en[0].slice(0, 3)).toEqual(['Case ID', 'Name', 'Date of birth']);
  expect(new Set(en.slice(1).map((r) => r[7]))).toEqual(new Set(['yes', 'no']));
  expect(parseCsv((await get('/exports/participants.csv', bergen, 'de, fr')).body.toString('utf8').slice(1))[0][1]).toBe('Navn');
});

test('a filter is checked as GraphQL checks it: unknown fields, wrong types and out-of-range values are a clear 400', async () => {
  for (const [filter, pattern] of [
    ['{"status":["NOPE"]}', /status/],
    ['{"unknownField":true}', /unknownField/],
    ['{"startDeadlineWithinDays":400}', /startDeadlineWithinDays/],
    ['not json', /not valid JSON/],
  ] as const) {
    const res = await get(`/exports/participants.csv?filter=${encodeURIComponent(filter)}`, bergen);
    expect(res.status).toBe(400);
    const err = JSON.parse(res.body.toString()).errors[0];
    expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter' });
    expect(err.message).toMatch(pattern);
  }
  expect((await get('/exports/participants.csv?orderBy=AGE', bergen)).status).toBe(400);
});

test('the export is access-logged with the filter as purpose, each exported participant findable in their own log', async () => {
  const filter = { status: ['ACTIVE'] };
  const ids = await exportIds(filter, 'NAME');
  const { rows } = await owner.query(
    `SELECT purpose, fields, cardinality(participant_ids) AS n FROM app.access_log WHERE actor_sub = 'cw-0' AND purpose LIKE 'CASE_LIST_EXPORT %' ORDER BY at DESC LIMIT 1`,
  );
  expect(rows[0].purpose).toBe('CASE_LIST_EXPORT {"status":["ACTIVE"],"orderBy":"NAME"}');
  expect(rows[0].fields).toEqual(expect.arrayContaining(['Export.name', 'Export.birthDate']));
  expect(rows[0].n).toBe(ids.length);
  const log = await t.gql(bergen, `query($id: UUID!) { participantAccessLog(participantId: $id, first: 5) { edges { node { purpose } } } }`, { id: ids[0] });
  expect(log.body.data.participantAccessLog.edges.map((e: { node: { purpose: string } }) => e.node.purpose)).toContain(rows[0].purpose);
});

test('the appeal list: the municipality its own appeals, Statsforvalteren its forwarded ones, another municipality none', async () => {
  const own = parseCsv((await get('/exports/appeals.csv', bergen)).body.toString('utf8').slice(1));
  expect(own[0].slice(0, 5)).toEqual(['Klage-ID', 'Kommunenummer', 'Kommune', 'Klager', 'Vedtakstype']);
  expect(own.slice(1).map((r) => [r[1], r[2], r[3], r[4], r[6], r[11], r[12]])).toEqual([
    ['4601', 'Bergen', 'Åse Ærlig Øye', 'HALT', 'FORWARDED', '2026-04-20', 'Statsforvalteren i Vestland'],
  ]);
  const sf = parseCsv(
    (await get(`/exports/appeals.csv?filter=${encodeURIComponent('{"decisionType":"HALT"}')}`, sfVestland, 'nn')).body.toString('utf8').slice(1),
  );
  expect(sf[0][3]).toBe('Klagar');
  expect(sf.slice(1).map((r) => r[3])).toEqual(['Åse Ærlig Øye']);
  const none = parseCsv(
    (await get(`/exports/appeals.csv?filter=${encodeURIComponent('{"decisionType":"LEAVE"}')}`, sfVestland)).body.toString('utf8').slice(1),
  );
  expect(none).toHaveLength(1);
  const other = parseCsv((await get('/exports/appeals.csv', stavanger)).body.toString('utf8').slice(1));
  expect(other).toHaveLength(1);
  const otherCases = parseCsv((await get('/exports/participants.csv', stavanger)).body.toString('utf8').slice(1));
  expect(otherCases).toHaveLength(1);
  const { rows } = await owner.query(`SELECT purpose FROM app.access_log WHERE actor_sub = 'sf-v' ORDER BY at`);
  expect(rows.map((r: { purpose: string }) => r.purpose)).toEqual(['APPEAL_LIST_EXPORT {"decisionType":"HALT"}']);
  const county = await get('/exports/appeals.csv', await t.token('COUNTY', '46'));
  expect(county.status).toBe(403);
  const sfCases = await get('/exports/participants.csv', sfVestland);
  expect(sfCases.status).toBe(403);
});
