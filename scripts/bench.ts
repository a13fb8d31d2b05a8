/**
 * npm run bench — throughput and latency of the dashboard scenarios on the generated data set
 * (npm run seed:bench first), for the GraphQL server and, in the same run, for two references with the
 * same pool, login, settings and RLS: scripts/json-server.ts (the limit: PostgreSQL builds the whole
 * JSON answer and writes the access log in one statement, BEGIN/settings/COMMIT in the same round trip)
 * and scripts/raw-server.ts (hand-written SQL through pg, rows turned into JSON in Node, no access log).
 * Before a scenario is timed, the JSON reference's answer must equal the API's (the whole `data`, row for
 * row), else the run stops. Each scenario's targets are measured in alternating rounds; a ratio is to the
 * fastest reference of the run. autocannon drives everything from this process; the servers run as their
 * own processes. Prints a table and appends it, with the date, commit and machine, to BENCHMARKS.md.
 *   --seconds N (per measurement, default 10)   --connections N (default 16)   --rounds N (default 2)
 *   --no-write (do not touch BENCHMARKS.md)
 *   --only TEXT (run only the scenarios whose name contains TEXT, e.g. --only "case list"; implies --no-write)
 */
import crypto from 'node:crypto';
import 'reflect-metadata';
import { ChildProcess, execSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { signDevToken } from '../src/auth/token';
import { apiUrlFrom } from '../src/db/data-sources';
import { ensureApiLogin } from '../src/db/database';
import { configureContextKey } from '../src/db/tenant-context';
import { freeLoopbackPort } from '../src/db/embedded';
import { projectRoot } from '../src/project-root';
import { openBenchDatabase } from './lib/bench-db';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (opts: Record<string, unknown>) => Promise<AutocannonResult>;
interface AutocannonResult {
  requests: { average: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
}

const SECRET = 'bench-secret-0123456789-0123456789-abcdef';
// The role introsak_api is shared by every database of the server: keep the password the other users of it set.
const API_PASSWORD = process.env.DATABASE_API_PASSWORD || 'bench-api-password';
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const SECONDS = Number(arg('seconds', '10'));
const CONNECTIONS = Number(arg('connections', '16'));
const ROUNDS = Number(arg('rounds', '2'));
const ONLY = arg('only', '');
const WRITE = !process.argv.includes('--no-write') && !ONLY;

interface Scenario {
  name: string;
  token: () => Promise<string>;
  query: string;
  variables?: () => Record<string, unknown>;
  raw: string;
  rawMethod?: string;
  /** The JSON reference's path (reads only); its answer must equal the API's. */
  json?: string;
  /** The JSON reference's path for a write (POST): the same rows written, its answer the same shape. */
  jsonWrite?: string;
  needs?: string;
}

interface Measured {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

interface Row {
  scenario: string;
  gql: Measured;
  json: Measured | null;
  raw: Measured;
  statements: string;
}

/** Rounds of one target averaged: throughput is the mean, latency the worst round's. */
function combine(runs: Measured[]): Measured {
  return {
    rps: Math.round(runs.reduce((a, r) => a + r.rps, 0) / runs.length),
    p50: Math.max(...runs.map((r) => r.p50)),
    p99: Math.max(...runs.map((r) => r.p99)),
    errors: runs.reduce((a, r) => a + r.errors, 0),
  };
}

/** The first place two answers differ, for the refusal's message. */
function firstDifference(a: unknown, b: unknown, at = 'data'): string {
  if (isDeepStrictEqual(a, b)) return '';
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}.${k}`);
      if (d) return d;
    }
  }
  return `${at}: API ${JSON.stringify(a)?.slice(0, 200)} vs reference ${JSON.stringify(b)?.slice(0, 200)}`;
}

async function waitFor(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`${url}: process exited`);
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not come up`);
}

function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

async function main(): Promise<void> {
  // One tenant-context key for this process (which registers it), the API and both references: they are separate
  // processes, each signs its transactions, and the database opens rows only for a registered key.
  const contextSecret = crypto.randomBytes(32).toString('hex');
  configureContextKey(contextSecret);
  const { ownerUrl, embedded } = await openBenchDatabase();
  const owner = new Client({ connectionString: ownerUrl });
  await owner.connect();
  const children: ChildProcess[] = [];
  try {
    const participants = Number((await owner.query('SELECT count(*) FROM app.participant')).rows[0].count);
    if (participants < 1000) throw new Error('The benchmark database is (nearly) empty: run npm run seed:bench -- --participants 100000 first');
    const tables = (await owner.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'app'`)).rows.map((r: { tablename: string }) => r.tablename);
    const { rows: sizes } = await owner.query(
      `SELECT m.id, m.number, m.name, m.county_number, count(*)::int AS n FROM app.participant p JOIN app.municipality m ON m.id = p.municipality_id GROUP BY 1, 2, 3, 4 ORDER BY n DESC`,
    );
    const largest = sizes[0];
    const median = sizes[Math.floor(sizes.length / 2)];
    const { rows: areaRows } = await owner.query(`SELECT c.statsforvalter_id AS area FROM app.county c WHERE c.number = $1`, [largest.county_number]);
    const area = areaRows[0].area as string;
    const areaMunicipalities = (
      await owner.query(
        `SELECT string_agg(m.id::text, ',') AS ids FROM app.municipality m JOIN app.county c ON c.number = m.county_number WHERE c.statsforvalter_id = $1`,
        [area],
      )
    ).rows[0].ids;
    const countyMunicipalities = (
      await owner.query(`SELECT string_agg(id::text, ',') AS ids FROM app.municipality WHERE county_number = $1`, [largest.county_number])
    ).rows[0].ids;

    await ensureApiLogin(ownerUrl, API_PASSWORD);
    const apiPort = await freeLoopbackPort();
    const rawPort = await freeLoopbackPort();
    const jsonPort = await freeLoopbackPort();
    const root = projectRoot();
    // Started as `npm start` starts it: the same node flags (package.json), in production mode.
    const startScript = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
    const nodeFlags = startScript.split(/\s+/).filter((w) => w.startsWith('--'));
    // INTROSAK_BENCH_PROFILE=DIR: a CPU profile of the API server (node --cpu-prof) into DIR, for the step-by-step work.
    if (process.env.INTROSAK_BENCH_PROFILE) nodeFlags.push('--cpu-prof', `--cpu-prof-dir=${process.env.INTROSAK_BENCH_PROFILE}`);
    const api = spawn(process.execPath, [...nodeFlags, path.join(root, 'dist', 'src', 'main.js')], {
      env: {
        ...process.env,
        DATABASE_URL: ownerUrl,
        DATABASE_API_PASSWORD: API_PASSWORD,
        CONTEXT_SECRET: contextSecret,
        JWT_SECRET: SECRET,
        PORT: String(apiPort),
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
        SQL_STATEMENT_HEADER: 'on',
        // The benchmark measures the API's throughput, not the rate limiter (which would refuse its load by design).
        RATE_LIMIT_PER_CALLER: '100000000',
        RATE_LIMIT_PER_ORG: '100000000',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(api);
    const raw = spawn(process.execPath, [path.join(root, 'dist', 'scripts', 'raw-server.js')], {
      env: {
        ...process.env,
        DATABASE_API_URL: apiUrlFrom(ownerUrl, API_PASSWORD),
        PORT: String(rawPort),
        DATABASE_POOL_SIZE: '10',
        CONTEXT_SECRET: contextSecret,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(raw);
    const json = spawn(process.execPath, [path.join(root, 'dist', 'scripts', 'json-server.js')], {
      env: {
        ...process.env,
        DATABASE_API_URL: apiUrlFrom(ownerUrl, API_PASSWORD),
        PORT: String(jsonPort),
        DATABASE_POOL_SIZE: '10',
        CONTEXT_SECRET: contextSecret,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(json);
    await waitFor(`http://127.0.0.1:${apiPort}/readyz`, api);
    await waitFor(`http://127.0.0.1:${rawPort}/nothing`, raw);
    await waitFor(`http://127.0.0.1:${jsonPort}/nothing`, json);

    const token = (role: string, org: string) => () => signDevToken(SECRET, { sub: `bench-${org}`, role, org }, { expiresInSeconds: 3600 });
    let seq = 0;
    const scenarios: Scenario[] = [];
    for (const [label, m] of [
      ['largest', largest],
      ['median', median],
    ] as const) {
      scenarios.push({
        name: `case list, ${label} (${m.name}, ${m.n})`,
        token: token('MUNICIPALITY', m.number),
        query: `query CaseList { participants(first: 50, orderBy: START_DEADLINE) { totalCount edges { node { id name status startDeadline currentEndGoal latestDecision { type outcome decidedAt } ${tables.includes('appeal') ? 'hasOpenAppeal' : ''} } } } }`,
        raw: `/case-list?m=${m.id}`,
        json: `/case-list?m=${m.id}&org=${m.number}`,
      });
      scenarios.push({
        name: `caseload summary, ${label} (${m.name})`,
        token: token('MUNICIPALITY', m.number),
        query: `query Summary { caseloadSummary { total byStatus { status count } startsOverdue programmesEndingWithin30Days ${tables.includes('appeal') ? 'appealsAwaitingReview' : ''} } }`,
        raw: `/summary?m=${m.id}`,
        json: `/summary?m=${m.id}&org=${m.number}`,
      });
    }
    scenarios.push({
      name: `Statsforvalter appeal queue (${area})`,
      token: token('STATSFORVALTER', area),
      query: `query Queue { appeals(first: 50) { totalCount edges { node { id state receivedAt forwardedAt municipality { number name } decision { type outcome decidedAt } } } } }`,
      raw: `/appeal-queue?area=${area}&m=${areaMunicipalities}`,
      json: `/appeal-queue?area=${area}&m=${areaMunicipalities}`,
      needs: 'appeal',
    });
    scenarios.push({
      name: `county referral list (${largest.county_number})`,
      token: token('COUNTY', largest.county_number),
      query: `query Referrals { careerGuidanceReferrals(first: 50, filter: { state: OPEN }) { totalCount edges { node { id state referredAt municipality { number name } participant { name birthYear languages education } programmeDecisionDeadline } } } }`,
      raw: `/referrals?county=${largest.county_number}&m=${countyMunicipalities}`,
      json: `/referrals?county=${largest.county_number}&m=${countyMunicipalities}`,
      needs: 'career_guidance_referral',
    });
    scenarios.push({
      name: `write: register participant (${median.name})`,
      token: token('MUNICIPALITY', median.number),
      query: `mutation Register($input: RegisterParticipantInput!) { registerParticipant(input: $input) { id } }`,
      variables: () => {
        const n = seq++;
        const day = new Date(Date.UTC(1970, 0, 1) + (n % 9000) * 86_400_000).toISOString().slice(0, 10);
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { makeFnr } = require('./lib/synthetic') as typeof import('./lib/synthetic');
        return {
          input: {
            name: `Bench ${process.pid} ${n}`,
            identityNumber: makeFnr(day, (process.pid * 7 + Math.floor(n / 9000) * 13) % 500),
            birthDate: day,
            permitCategory: 'REFUGEE',
            permitGrantDate: '2026-06-01',
            arrivalDate: '2026-06-10',
            settlementDate: '2026-09-01',
            settledByAgreementWithImdi: true,
            idempotencyKey: `bench-${process.pid}-${n}`,
          },
        };
      },
      raw: `/register?m=${median.id}`,
      rawMethod: 'POST',
      jsonWrite: `/register?m=${median.id}&org=${median.number}`,
    });

    let peakRss = 0;
    const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, rssOf(api.pid!))), 250);
    const rows: Row[] = [];
    for (const s of scenarios) {
      if (s.needs && !tables.includes(s.needs)) continue;
      if (ONLY && !s.name.includes(ONLY)) continue;
      const tok = await s.token();
      const headers = { 'content-type': 'application/json', authorization: `Bearer ${tok}` };
      const probe = await fetch(`http://127.0.0.1:${apiPort}/graphql`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query: s.query, variables: s.variables?.() }),
      });
      const probeBody = (await probe.json()) as { data?: unknown; errors?: unknown[] };
      if (probeBody.errors) throw new Error(`${s.name}: ${JSON.stringify(probeBody.errors).slice(0, 500)}`);
      const statements = probe.headers.get('x-sql-statements') ?? '?';
      const jsonPath = s.json ?? s.jsonWrite;
      if (s.jsonWrite) {
        // A write: the same rows, the same answer's shape (the id is new each time).
        const ref = (await (await fetch(`http://127.0.0.1:${jsonPort}${s.jsonWrite}`, { method: 'POST' })).json()) as {
          data?: { registerParticipant?: { id?: string } };
        };
        const id = ref.data?.registerParticipant?.id;
        if (!id) throw new Error(`${s.name}: the JSON reference wrote nothing: ${JSON.stringify(ref).slice(0, 300)}`);
        const written = (
          await owner.query(
            `SELECT (SELECT count(*) FROM app.participant WHERE id = $1) + (SELECT count(*) FROM app.idempotency_key WHERE result_id = $1)
                  + (SELECT count(*) FROM app.audit_event WHERE entity_id = $1) + (SELECT count(*) FROM app.access_log WHERE participant_ids @> ARRAY[$1::uuid]) AS n`,
            [id],
          )
        ).rows[0].n;
        if (Number(written) !== 4) throw new Error(`${s.name}: the JSON reference wrote ${written} of its 4 rows`);
      }
      if (s.json) {
        // The reference must answer exactly what the API answers, or its figures say nothing.
        const ref = (await (await fetch(`http://127.0.0.1:${jsonPort}${s.json}`)).json()) as { data?: unknown };
        const diff = firstDifference(probeBody.data, ref.data);
        if (diff) throw new Error(`${s.name}: the JSON reference's answer differs from the API's at ${diff}`);
      }
      const gqlRuns: Measured[] = [];
      const rawRuns: Measured[] = [];
      const jsonRuns: Measured[] = [];
      // Warm-up, unmeasured: JIT, prepared statements and plans, the pools' connections.
      const warm = { connections: CONNECTIONS, duration: Math.min(3, SECONDS) };
      const withVariables = s.variables
        ? [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, body: JSON.stringify({ query: s.query, variables: s.variables!() }) }) }]
        : undefined;
      await autocannon({
        ...warm,
        url: `http://127.0.0.1:${apiPort}/graphql`,
        method: 'POST',
        headers,
        body: JSON.stringify({ query: s.query }),
        requests: withVariables,
      });
      if (jsonPath) await autocannon({ ...warm, url: `http://127.0.0.1:${jsonPort}${jsonPath}`, method: s.jsonWrite ? 'POST' : 'GET' });
      if (!s.rawMethod) await autocannon({ ...warm, url: `http://127.0.0.1:${rawPort}${s.raw}` });
      for (let round = 0; round < ROUNDS; round++) {
        let gqlErrors = 0;
        const gql = await autocannon({
          url: `http://127.0.0.1:${apiPort}/graphql`,
          connections: CONNECTIONS,
          duration: SECONDS,
          method: 'POST',
          headers,
          body: JSON.stringify({ query: s.query }),
          requests: [
            {
              ...(s.variables
                ? { setupRequest: (req: Record<string, unknown>) => ({ ...req, body: JSON.stringify({ query: s.query, variables: s.variables!() }) }) }
                : {}),
              // A GraphQL error comes with HTTP 200: count it from the body.
              onResponse: (_status: number, body: string) => {
                if (body.includes('"errors"')) gqlErrors++;
              },
            },
          ],
        });
        gqlRuns.push({ rps: gql.requests.average, p50: gql.latency.p50, p99: gql.latency.p99, errors: gqlErrors + gql.non2xx + gql.errors });
        if (jsonPath) {
          const j = await autocannon({
            url: `http://127.0.0.1:${jsonPort}${jsonPath}`,
            connections: CONNECTIONS,
            duration: SECONDS,
            method: s.jsonWrite ? 'POST' : 'GET',
          });
          jsonRuns.push({ rps: j.requests.average, p50: j.latency.p50, p99: j.latency.p99, errors: j.non2xx + j.errors });
        }
        const r = await autocannon({ url: `http://127.0.0.1:${rawPort}${s.raw}`, connections: CONNECTIONS, duration: SECONDS, method: s.rawMethod ?? 'GET' });
        rawRuns.push({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.non2xx + r.errors });
      }
      const row: Row = { scenario: s.name, gql: combine(gqlRuns), json: jsonRuns.length ? combine(jsonRuns) : null, raw: combine(rawRuns), statements };
      rows.push(row);
      console.log(JSON.stringify(row));
    }
    clearInterval(rssTimer);

    const commit = (() => {
      try {
        return execSync('git rev-parse --short HEAD', { cwd: root }).toString().trim();
      } catch {
        return 'unknown';
      }
    })();
    const { rows: citus } = await owner.query<{ version: string }>(`SELECT extversion AS version FROM pg_extension WHERE extname = 'citus'`);
    const workers = citus.length ? (await owner.query(`SELECT count(*)::int AS n FROM pg_dist_node WHERE groupid <> 0`)).rows[0].n : 0;
    const engine = citus.length ? `, Citus ${citus[0].version} (a coordinator and ${workers} workers on this machine)` : '';
    const machine = `${os.cpus().length} cores ${os.cpus()[0]?.model ?? ''}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, PostgreSQL ${(await owner.query('SHOW server_version')).rows[0].server_version}${engine}`;
    // A reference that answered with errors (the raw one's correlated look-ups on Citus: "complex joins are only
    // supported…") measured its error path, not the scenario: it is no yardstick.
    const fastest = (r: Row): Measured | null => [r.json, r.raw].filter((m): m is Measured => !!m && m.errors === 0).sort((a, b) => b.rps - a.rps)[0] ?? null;
    const cell = (m: Measured | null) => (m ? `${Math.round(m.rps)} | ${m.p99}` : '– | –');
    const table = [
      `### ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · commit ${commit} · ${participants} participants`,
      '',
      `Machine: ${machine}. autocannon ${CONNECTIONS} connections × ${SECONDS} s per measurement, ${ROUNDS} alternating round(s) (throughput the mean, p99 the worst round), pool 10. API server peak RSS **${Math.round(peakRss)} MB**. Ratios are to the faster reference of the scenario that answered without errors.`,
      '',
      '| Scenario | GraphQL req/s | p50 ms | p99 ms | JSON reference req/s | p99 ms | raw reference req/s | p99 ms | throughput ratio | p99 ratio | SQL statements / request | errors |',
      '|---|---|---|---|---|---|---|---|---|---|---|---|',
      ...rows.map((r) => {
        const ref = fastest(r);
        const errors = r.gql.errors + r.raw.errors + (r.json?.errors ?? 0);
        const ratios = ref ? `**${(r.gql.rps / ref.rps).toFixed(2)}×** | ${(r.gql.p99 / Math.max(1, ref.p99)).toFixed(2)}×` : '– | –';
        return `| ${r.scenario} | ${Math.round(r.gql.rps)} | ${r.gql.p50} | ${r.gql.p99} | ${cell(r.json)} | ${cell(r.raw)} | ${ratios} | ${r.statements} | ${errors} |`;
      }),
      '',
    ].join('\n');
    console.log('\n' + table);
    if (WRITE) {
      const file = path.join(root, 'BENCHMARKS.md');
      const head = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n\nRows appended by `npm run bench` (newest last).\n\n';
      fs.writeFileSync(file, head.trimEnd() + '\n\n' + table);
    }
    // Written rows from the write scenario are removed again so the data set stays the same size.
    await owner.query(`DELETE FROM app.participant WHERE full_name LIKE 'Bench %' OR full_name LIKE 'Raw %'`).catch(() => undefined);
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1500));
    await owner.end();
    if (embedded) await embedded.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
