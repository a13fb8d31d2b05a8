/**
 * Issue 19 item 4: a wall that holds with the API password alone. As the API's own login over SQL, with
 * the settings the server sets (role, organisation, actor, own and reachable municipalities) but no or a
 * wrong signature, every tenant table (walked from the catalogue) answers 0 rows and refuses writes, for
 * every kind of caller; with the signature the API makes (src/db/tenant-context.ts) the same settings open
 * the same rows as before; a signature is bound to its backend and its issue time.
 */
import crypto from 'node:crypto';
import { Client } from 'pg';
import { verify } from '../../src/db/citus';
import { contextKey, signedContext } from '../../src/db/tenant-context';
import type { TenantSettings } from '../../src/db/request-transaction';
import { startTestApp, TestApp } from '../support/app';
import { participantInput, REGISTER } from '../support/fixtures';

let t: TestApp;
let tenantTables: string[];
let readable: string[];
let bergen: number;
let oslo: number;
let vestland: number[];

beforeAll(async () => {
  t = await startTestApp();
  bergen = t.directory.municipalityByNumber('4601')!.id;
  oslo = t.directory.municipalityByNumber('0301')!.id;
  for (const org of ['4601', '0301']) {
    const tok = await t.token('MUNICIPALITY', org);
    for (let i = 0; i < 2; i++) {
      const r = await t.gql(tok, REGISTER, { input: participantInput({ name: `Person ${org}-${i}` }) });
      expect(r.body.errors).toBeUndefined();
    }
  }
  const owner = await t.db.owner();
  tenantTables = (
    await owner.query(`SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                       WHERE n.nspname = 'app' AND c.relkind IN ('r', 'p') AND c.relrowsecurity ORDER BY 1`)
  ).rows.map((r: { relname: string }) => r.relname);
  readable = tenantTables.filter((x) => !['audit_event', 'audit_chain_head'].includes(x));
  vestland = (await owner.query(`SELECT id FROM app.municipality WHERE county_number = '46' ORDER BY id`)).rows.map((r: { id: number }) => r.id);
});
afterAll(() => t?.close());

/** A raw connection as introsak_api: exactly what someone holding the API password gets. */
async function apiLogin<T>(fn: (c: Client, pid: number) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: t.db.apiUrl });
  await c.connect();
  try {
    const pid = (await c.query(`SELECT pg_backend_pid() AS pid`)).rows[0].pid as number;
    return await fn(c, pid);
  } finally {
    await c.end();
  }
}

async function setAll(c: Client, pairs: [string, string][]): Promise<void> {
  // As the request transaction: Citus propagates SET LOCAL to the workers only with this set first.
  await c.query(`SET LOCAL citus.propagate_set_commands = 'local'`);
  for (const [name, value] of pairs) await c.query(`SET LOCAL ${name} = ${c.escapeLiteral(value)}`);
}

/** Rows per tenant table the login sees in one transaction with these settings. */
async function counts(c: Client, pairs: [string, string][]): Promise<Record<string, number>> {
  await c.query('BEGIN');
  try {
    await setAll(c, pairs);
    const out: Record<string, number> = {};
    for (const table of readable) out[table] = (await c.query(`SELECT count(*)::int AS n FROM app.${table}`)).rows[0].n;
    return out;
  } finally {
    await c.query('ROLLBACK');
  }
}

const CALLERS: [string, () => TenantSettings][] = [
  ['caseworker (MUNICIPALITY)', () => ({ role: 'MUNICIPALITY', org: '4601', actor: 'forger', municipalityId: bergen, municipalityIds: [bergen] })],
  ['county career adviser (COUNTY)', () => ({ role: 'COUNTY', org: '46', actor: 'forger', municipalityId: null, municipalityIds: vestland })],
  ['Statsforvalter', () => ({ role: 'STATSFORVALTER', org: 'SFVL', actor: 'forger', municipalityId: null, municipalityIds: vestland })],
  ['a made-up role reaching every municipality', () => ({ role: 'ADMIN', org: 'x', actor: 'forger', municipalityId: oslo, municipalityIds: [bergen, oslo] })],
];

const zero = () => Object.fromEntries(readable.map((x) => [x, 0]));

test('there are tenant tables to walk', () => {
  expect(readable.length).toBeGreaterThan(10);
  expect(tenantTables).toEqual(expect.arrayContaining(['participant', 'decision', 'appeal', 'access_log', 'audit_event']));
});

test('every tenant table carries the restrictive signature policy (on Citus: every policy of every table and shard requires it)', async () => {
  const owner = await t.db.owner();
  if (process.env.INTROSAK_TEST_CITUS_URL) {
    // Citus makes a restrictive policy permissive on the shards: db:distribute folds the check into every
    // policy instead (src/db/citus.ts), and verify finds any policy, table or shard without it.
    expect(await verify(owner)).toEqual([]);
    return;
  }
  const { rows } = await owner.query(
    `SELECT tablename FROM pg_policies WHERE schemaname = 'app' AND permissive = 'RESTRICTIVE' AND cmd = 'ALL'
       AND qual = '( SELECT app.context_verified() AS context_verified)' AND with_check = qual ORDER BY 1`,
  );
  expect(rows.map((r: { tablename: string }) => r.tablename)).toEqual(tenantTables);
});

describe.each(CALLERS)('%s', (_name, settingsOf) => {
  const unsigned = (s: TenantSettings) => signedContext(s, 0).filter(([n]) => !n.startsWith('app.context_'));

  test('the settings alone (the API password, no signature): 0 rows from every tenant table', async () => {
    await apiLogin(async (c) => expect(await counts(c, unsigned(settingsOf()))).toEqual(zero()));
  });

  test('a wrong signature, another key, a signature for another backend or an old one: 0 rows everywhere', async () => {
    await apiLogin(async (c, pid) => {
      const s = settingsOf();
      // Each made just before its transaction (BEGIN follows at once), so the issue time is what it says.
      const variants: Record<string, () => [string, string][]> = {
        flipped: () =>
          signedContext(s, pid).map(([n, v]): [string, string] => [n, n === 'app.context_signature' ? (v[0] === '0' ? '1' : '0') + v.slice(1) : v]),
        otherKey: () => signedContext(s, pid, Date.now(), { id: contextKey().id, key: crypto.randomBytes(32) }),
        otherBackend: () => signedContext(s, pid + 1),
        old: () => signedContext(s, pid, Date.now() - 65_000),
        future: () => signedContext(s, pid, Date.now() + 65_000),
      };
      for (const [name, make] of Object.entries(variants)) expect({ name, rows: await counts(c, make()) }).toEqual({ name, rows: zero() });
    });
  });

  test('a signed context with one setting changed afterwards (another municipality): 0 rows everywhere', async () => {
    await apiLogin(async (c, pid) => {
      const s = settingsOf();
      const signed = signedContext(s, pid);
      const changed = [...signed, ['app.municipality_ids', [...s.municipalityIds, oslo].join(',')] as [string, string]];
      const changedOwn = [...signed, ['app.municipality_id', String(s.municipalityId === oslo ? bergen : oslo)] as [string, string]];
      expect(await counts(c, changed)).toEqual(zero());
      expect(await counts(c, changedOwn)).toEqual(zero());
    });
  });

  test('unsigned writes are refused on every table the login may write', async () => {
    const owner = await t.db.owner();
    const { rows } = await owner.query(
      `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'app' AND c.relrowsecurity AND has_table_privilege('introsak_api', c.oid, 'INSERT') ORDER BY 1`,
    );
    expect(rows.length).toBeGreaterThan(5);
    await apiLogin(async (c) => {
      const s = settingsOf();
      for (const { relname } of rows as { relname: string }[]) {
        await c.query('BEGIN');
        try {
          await setAll(c, unsigned(s));
          // Policies are checked before NOT NULL and other constraints only on the row as given: a row of
          // defaults names the caller's municipality, so only the signature policy can refuse it.
          const cols = (
            await c.query(
              `SELECT a.attname FROM pg_attribute a WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attname = 'municipality_id'`,
              [`app.${relname}`],
            )
          ).rows;
          expect(cols.length).toBe(1);
          await expect(c.query(`INSERT INTO app.${relname} (municipality_id) VALUES ($1)`, [s.municipalityId ?? s.municipalityIds[0]])).rejects.toThrow(
            /row-level security/,
          );
        } finally {
          await c.query('ROLLBACK');
        }
      }
    });
  });

  test('app.audit_append refuses an unsigned caller', async () => {
    await apiLogin(async (c) => {
      const s = settingsOf();
      await c.query('BEGIN');
      try {
        await setAll(c, unsigned(s));
        await expect(
          c.query(`SELECT app.audit_append($1::smallint, now(), 'r-1', 'forger', $2, $3, 'forge', NULL, NULL, NULL, '{}'::jsonb)`, [
            s.municipalityIds[0],
            s.role,
            s.org,
          ]),
        ).rejects.toThrow(/row-level security/);
      } finally {
        await c.query('ROLLBACK');
      }
    });
  });
});

test('with the signature the API makes, the same login sees what the caller sees today', async () => {
  await apiLogin(async (c, pid) => {
    const s: TenantSettings = { role: 'MUNICIPALITY', org: '4601', actor: 'kari', municipalityId: bergen, municipalityIds: [bergen] };
    const seen = await counts(c, signedContext(s, pid));
    expect(seen.participant).toBe(2);
    // Only Bergen's rows: the owner's count of Bergen's rows in every table the caseworker reads.
    const owner = await t.db.owner();
    for (const table of readable) {
      if (table === 'case_transfer') continue; // the receiver's inbox policy, not the own-municipality one
      const expected = (await owner.query(`SELECT count(*)::int AS n FROM app.${table} WHERE municipality_id = $1`, [bergen])).rows[0].n;
      expect({ table, n: seen[table] }).toEqual({ table, n: expected });
    }
    const [{ verified }] = (
      await (async () => {
        await c.query('BEGIN');
        await setAll(c, signedContext(s, pid));
        const r = await c.query(`SELECT app.context_verified() AS verified`);
        await c.query('ROLLBACK');
        return r;
      })()
    ).rows;
    expect(verified).toBe(true);
  });
});

test('a signature seen on one connection (pg_stat_activity shows it) opens nothing on another, nor in a later transaction past its window', async () => {
  await apiLogin(async (a, pidA) => {
    await apiLogin(async (b) => {
      const s: TenantSettings = { role: 'MUNICIPALITY', org: '4601', actor: 'kari', municipalityId: bergen, municipalityIds: [bergen] };
      const signedForA = signedContext(s, pidA);
      expect((await counts(a, signedForA)).participant).toBe(2);
      // Replayed verbatim in another session (another backend): refused.
      expect(await counts(b, signedForA)).toEqual(zero());
      // Replayed on the same backend after the 60 s window: refused.
      expect(await counts(a, signedContext(s, pidA, Date.now() - 60_500))).toEqual(zero());
    });
  });
});

test('the API login can neither read the key nor call anything that writes it', async () => {
  await apiLogin(async (c) => {
    await expect(c.query(`SELECT * FROM app_context.key`)).rejects.toThrow(/permission denied/);
    const { rows } = await c.query(
      `SELECT has_schema_privilege('app_context', 'USAGE') AS usage, has_function_privilege('app.context_verified()', 'EXECUTE') AS execute`,
    );
    expect(rows[0]).toEqual({ usage: false, execute: true });
  });
});

test('GraphQL requests still see their own rows (the server signs every transaction)', async () => {
  const r = await t.gql(await t.token('MUNICIPALITY', '4601'), `{ participants(first: 10) { totalCount } }`);
  expect(r.body.errors).toBeUndefined();
  expect(r.body.data.participants.totalCount).toBe(2);
});
