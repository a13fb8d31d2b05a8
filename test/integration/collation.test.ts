/**
 * Norwegian names (issue 17, item 1): the case list searches and sorts names by bokmål rules (ICU nb-NO,
 * app.nb_no) whatever the server's default locale, and a page in name order is still read off the
 * participant_name index.
 */
import crypto from 'node:crypto';
import { startTestApp, TestApp } from '../support/app';

const NAMES = ['Zara Zed', 'anna Lowercase', 'Åse Berg', 'Ærlig Dal', 'Øystein Lie', 'Ola Nordmann', 'ola Nilsen'];
const M = '1103';

let t: TestApp;
let tok: string;
let municipalityId: number;

beforeAll(async () => {
  t = await startTestApp();
  municipalityId = t.directory.municipalityByNumber(M)!.id;
  const db = await t.db.owner();
  await db.query(
    `INSERT INTO app.participant (municipality_id, id, full_name, identity_number, birth_date, permit_category, permit_grant_date,
       arrival_date, settlement_date, settled_by_agreement, start_deadline, status, eligibility_periods)
     SELECT $1, gen_random_uuid(), n, lpad(k::text, 11, '0'), '1990-05-17', 'REFUGEE', '2025-01-01', '2025-01-10', '2025-02-01', true, '2025-05-01', 'REGISTERED', '[]'::jsonb
       FROM unnest($2::text[]) WITH ORDINALITY AS x(n, k)`,
    [municipalityId, NAMES],
  );
  tok = await t.token('MUNICIPALITY', M);
});
afterAll(async () => {
  await t?.close();
});

const LIST = `query($filter: ParticipantFilter, $orderBy: ParticipantOrder) {
  participants(first: 100, filter: $filter, orderBy: $orderBy) { totalCount edges { node { name } } }
}`;

async function names(variables: Record<string, unknown>): Promise<string[]> {
  const res = await t.gql(tok, LIST, variables);
  expect(res.body.errors).toBeUndefined();
  return res.body.data.participants.edges.map((e: { node: { name: string } }) => e.node.name);
}

test('name order is Norwegian: a–z, æ, ø, å, upper and lower case side by side', async () => {
  expect(await names({ orderBy: 'NAME' })).toEqual(['anna Lowercase', 'ola Nilsen', 'Ola Nordmann', 'Zara Zed', 'Ærlig Dal', 'Øystein Lie', 'Åse Berg']);
});

test.each([
  ['øystein', ['Øystein Lie']],
  ['ØYSTEIN', ['Øystein Lie']],
  ['ærlig', ['Ærlig Dal']],
  ['åse', ['Åse Berg']],
  ['ANNA', ['anna Lowercase']],
  // Ø, Æ and Å are letters of their own, not accented O, A: "o" does not find "Øystein", "a" not "Åse".
  ['ystein', ['Øystein Lie']],
  ['oystein', []],
  ['ase b', []],
])('nameContains %p finds %p', async (term, want) => {
  expect(await names({ filter: { nameContains: term }, orderBy: 'NAME' })).toEqual(want);
});

test('the name order is read off participant_name (no sort), under the Norwegian collation', async () => {
  const db = await t.db.owner();
  const [{ collation }] = (
    await db.query(
      `SELECT collation_schema || '.' || collation_name AS collation FROM information_schema.columns WHERE table_schema = 'app' AND table_name = 'participant' AND column_name = 'full_name'`,
    )
  ).rows;
  expect(collation).toBe('app.nb_no');
  const client = db;
  {
    await client.query('BEGIN');
    await client.query('SET LOCAL enable_seqscan = off');
    const plan = (
      await client.query(
        `EXPLAIN (FORMAT TEXT) SELECT id FROM app.participant p WHERE p.municipality_id = $1 AND (p.full_name, p.id) > ($2::text, $3::uuid) ORDER BY p.full_name ASC NULLS LAST, p.id ASC LIMIT 21`,
        [municipalityId, 'Ola', crypto.randomUUID()],
      )
    ).rows
      .map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN'])
      .join('\n');
    expect(plan).toMatch(/Index (Only )?Scan using participant_name/);
    expect(plan).not.toMatch(/Sort/);
    await client.query('ROLLBACK');
  }
});
