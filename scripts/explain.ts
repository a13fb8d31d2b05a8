/**
 * npm run bench:explain — EXPLAIN (ANALYZE, BUFFERS) of every SELECT the benchmark scenarios send, run
 * as the API login (introsak_api, RLS on) with the same transaction-local settings, on the generated
 * data set. Appends the plans to BENCHMARKS.md (use --no-write to only print). `--only <title prefix>`
 * keeps one scenario; `--repeat N` runs each statement's EXPLAIN ANALYZE N times and prints the median
 * planning and execution times to stderr (for before/after comparisons of the policies' cost).
 */
import 'reflect-metadata';
import http from 'node:http';
import { Client } from 'pg';
import { loadOrgDirectory } from '../src/modules/reference';
import { signDevToken, TokenVerifier } from '../src/auth/token';
import { loadConfig } from '../src/config';
import { apiDataSource, apiUrlFrom } from '../src/db/data-sources';
import { ensureApiLogin } from '../src/db/database';
import { queryObservers, TenantSettings } from '../src/db/request-transaction';
import { signedContext } from '../src/db/tenant-context';
import { createApp } from '../src/http/server';
import { createLogger } from '../src/http/logger';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../src/project-root';
import { openBenchDatabase } from './lib/bench-db';

const SECRET = 'explain-secret-0123456789-0123456789-abcdef';

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Median and quartiles of the repeated EXPLAIN ANALYZE runs (--repeat N), in milliseconds. */
function summarise(timings: { planning: number; execution: number }[]): string {
  const q = (xs: number[], f: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(f * xs.length))].toFixed(3);
  const ex = timings.map((t) => t.execution);
  const pl = timings.map((t) => t.planning);
  const total = timings.map((t) => t.planning + t.execution);
  return `n=${timings.length} execution p25/p50/p75 ${q(ex, 0.25)}/${q(ex, 0.5)}/${q(ex, 0.75)} ms, planning p50 ${q(pl, 0.5)} ms, total p50 ${q(total, 0.5)} ms`;
}

async function main(): Promise<void> {
  const { ownerUrl, embedded } = await openBenchDatabase();
  await ensureApiLogin(ownerUrl, 'bench-api-password');
  const apiUrl = apiUrlFrom(ownerUrl, 'bench-api-password');
  const api = apiDataSource(apiUrl, 2);
  await api.initialize();
  const directory = await loadOrgDirectory(api);
  const config = loadConfig({ NODE_ENV: 'development', JWT_SECRET: SECRET, DATABASE_URL: ownerUrl });
  const app = await createApp({ config, api, directory, verifier: new TokenVerifier(config.jwt, SECRET), log: createLogger('silent') });
  const server = http.createServer(app.handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  const owner = new Client({ connectionString: ownerUrl });
  await owner.connect();
  const { rows: sizes } = await owner.query(
    `SELECT m.number, m.county_number, c.statsforvalter_id FROM app.participant p JOIN app.municipality m ON m.id = p.municipality_id JOIN app.county c ON c.number = m.county_number GROUP BY 1, 2, 3 ORDER BY count(*) DESC LIMIT 1`,
  );
  const big = sizes[0];
  const scenarios: [string, string, string, string][] = [
    [
      'case list (largest municipality)',
      'MUNICIPALITY',
      big.number,
      `{ participants(first: 50, orderBy: START_DEADLINE) { totalCount edges { node { id name status startDeadline currentEndGoal latestDecision { type } hasOpenAppeal } } } }`,
    ],
    [
      'caseload summary (largest municipality)',
      'MUNICIPALITY',
      big.number,
      `{ caseloadSummary { total startsOverdue mappingsMissing plansMissing openAppeals appealsAwaitingReview } }`,
    ],
    [
      'Statsforvalter appeal queue',
      'STATSFORVALTER',
      big.statsforvalter_id,
      `{ appeals(first: 50) { totalCount edges { node { id state decision { type } municipality { name } } } } }`,
    ],
    [
      'county referral list',
      'COUNTY',
      big.county_number,
      `{ careerGuidanceReferrals(first: 50, filter: { state: OPEN }) { totalCount edges { node { id participant { name } } } } }`,
    ],
  ];
  const only = argValue('--only');
  const repeat = Number(argValue('--repeat') ?? '1');
  const sections: string[] = [];
  for (const [title, role, org, query] of scenarios.filter(([t]) => !only || t.startsWith(only))) {
    const captured: { sql: string; params: unknown[]; settings: TenantSettings }[] = [];
    const observer = (sql: string, params: unknown[], settings: TenantSettings) => captured.push({ sql, params, settings });
    queryObservers.push(observer);
    const token = await signDevToken(SECRET, { sub: 'explain', role, org });
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query }),
    });
    const body = (await res.json()) as { errors?: unknown };
    queryObservers.splice(queryObservers.indexOf(observer), 1);
    if (body.errors) throw new Error(`${title}: ${JSON.stringify(body.errors)}`);
    const client = new Client({ connectionString: apiUrl });
    await client.connect();
    for (const q of captured.filter((c) => /^\s*(SELECT|WITH)/i.test(c.sql) && !/set_config/.test(c.sql))) {
      await client.query('BEGIN');
      const s = q.settings;
      // The settings as the API sets them, signed for this backend (src/db/tenant-context.ts).
      for (const [name, value] of signedContext(s, (client as Client & { processID: number }).processID)) {
        await client.query(`SELECT set_config($1, $2, true)`, [name, value]);
      }
      const plan = await client.query({ text: `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${q.sql}`, values: q.params });
      const timings: { planning: number; execution: number }[] = [];
      for (let i = 1; i < repeat; i++) {
        const r = await client.query({ text: `EXPLAIN (ANALYZE, COSTS OFF, FORMAT JSON) ${q.sql}`, values: q.params });
        const [p] = r.rows[0]['QUERY PLAN'] as { 'Planning Time': number; 'Execution Time': number }[];
        timings.push({ planning: p['Planning Time'], execution: p['Execution Time'] });
      }
      await client.query('ROLLBACK');
      if (timings.length) console.error(`${title}: ${summarise(timings)} — ${q.sql.replace(/\s+/g, ' ').slice(0, 100)}`);
      const lines = plan.rows.map((r: Record<string, string>) => r['QUERY PLAN']);
      const scans = lines
        .filter((l: string) => /Scan/.test(l) && !/never executed/.test(l))
        .map((l: string) =>
          l
            .trim()
            .replace(/\(actual.*$/, '')
            .trim(),
        );
      sections.push(
        `#### ${title}\n\nIndex use: ${[...new Set(scans)].join('; ')}\n\n\`\`\`\n${lines.filter((l: string) => !/never executed/.test(l)).join('\n')}\n\`\`\`\n`,
      );
    }
    await client.end();
  }
  const out = `\n## Query plans (${new Date().toISOString().slice(0, 10)}, \`npm run bench:explain\`, as introsak_api with the tenant settings; subplans of other roles' policies that never ran are left out)\n\n${sections.join('\n')}`;
  console.log(out);
  if (!process.argv.includes('--no-write')) fs.appendFileSync(path.join(projectRoot(), 'BENCHMARKS.md'), out);
  server.close();
  await app.stop();
  await api.destroy();
  await owner.end();
  if (embedded) await embedded.stop();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
