/**
 * Runs every command README.md shows, in order, as a user would (CI: .ci/run calls it; by hand:
 * node scripts/build-if-stale.js dist/scripts/readme-commands.js).
 *
 * The commands are the lines of the README's sh code blocks. Each one must have a step below, and
 * each step must name a command the README still shows: a new command in the README fails here until
 * it is run. Every `npm run <script>` the README mentions anywhere must be run by some step.
 * The steps work on a temporary data directory (INTROSAK_DATA_DIR) with DATABASE_URL unset, as in
 * the quick start, and on a free port instead of 4000. Long commands (benchmark, chaos) run shortened,
 * with the arguments printed; `npm ci` and `npm test` are .ci/run's own steps; `docker compose`
 * cannot run here (no engine): scripts/check-production-install.sh stands in for it.
 */
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freeLoopbackPort } from '../src/db/embedded';
import { projectRoot } from '../src/project-root';

const root = projectRoot();
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');

/** The lines of the README's sh (and unlabelled) code blocks, in order, without duplicates. */
function shownCommands(): string[] {
  const out: string[] = [];
  const re = /^```([a-z]*)\n([\s\S]*?)^```/gm;
  for (let m = re.exec(readme); m; m = re.exec(readme)) {
    if (m[1] !== 'sh' && m[1] !== '') continue;
    for (const line of m[2].split('\n').map((l) => l.trim())) {
      if (line && !line.startsWith('#') && !out.includes(line)) out.push(line);
    }
  }
  return out;
}

/** The README's JSON sample of the quick start's answer. */
function jsonSample(): string {
  const m = /^```json\n([\s\S]*?)\n^```/m.exec(readme);
  if (!m) throw new Error('README has no json sample');
  return m[1].trim();
}

/** Every npm script the README names: npm start, npm test, npm ci, npm run <name>. */
function mentionedScripts(): Set<string> {
  const names = new Set<string>();
  for (const m of readme.matchAll(/\bnpm (?:run (?:-s )?([a-z][\w:-]*)|(start|test|ci)\b)/g)) names.add(m[1] ?? m[2]);
  return names;
}

interface Step {
  /** The command as the README shows it (null: a step of this check only, e.g. clean-up). */
  readme: string | null;
  /** What runs, when it differs from the README's line (shortened, or with the port). */
  run?: string;
  /** Not run here, and why (who runs it instead). */
  notRun?: string;
  check?: (r: { status: number | null; stdout: string; stderr: string }) => void;
}

const state: { TOKEN?: string; PORT?: number } = {};
let server: ChildProcess | null = null;
let serverOutput = '';
const failures: string[] = [];

function expect(cond: unknown, message: string): void {
  if (!cond) throw new Error(message);
}

function sh(command: string, env: NodeJS.ProcessEnv): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('bash', ['-o', 'pipefail', '-c', command], { cwd: root, env, encoding: 'utf8', timeout: 600_000, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function startServer(env: NodeJS.ProcessEnv): Promise<void> {
  server = spawn('npm', ['start'], { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout!.on('data', (d) => (serverOutput += d));
  server.stderr!.on('data', (d) => (serverOutput += d));
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`npm start exited ${server.exitCode}: ${serverOutput.slice(-2000)}`);
    if (Date.now() > deadline) throw new Error(`npm start did not answer /readyz in 180 s: ${serverOutput.slice(-2000)}`);
    if (
      await fetch(`http://127.0.0.1:${state.PORT}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 500));
  }
  // The first start prints how to get a token and, on the empty database, the demo data.
  await new Promise((r) => setTimeout(r, 300));
  expect(serverOutput.includes('npm run token -- --role MUNICIPALITY --org 4601'), 'npm start did not print how to get a token');
  expect(serverOutput.includes('npm run seed:demo'), 'npm start on an empty database did not say how to get demo data');
}

async function stopServer(): Promise<void> {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise<number | null>((r) => server!.once('exit', (code) => r(code)));
  process.kill(-server.pid!, 'SIGTERM');
  const code = await Promise.race([exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 20_000))]);
  if (code === 'timeout') {
    process.kill(-server.pid!, 'SIGKILL');
    throw new Error('npm start did not stop within 20 s of SIGTERM');
  }
  server = null;
}

/** The JSON a script printed, after npm's "> introsak@… script" banner (npm run without -s prints it). */
const json = (s: string) => {
  const at = s.search(/^[{[]/m);
  return JSON.parse(at >= 0 ? s.slice(at) : s) as Record<string, any>;
};
const QUICK_QUERY = /^curl .*participants\(first: 3, orderBy: NAME\).*localhost:4000\/graphql$/;

function steps(): Step[] {
  const shown = shownCommands();
  const line = (pred: (l: string) => boolean, what: string): string => {
    const hit = shown.find(pred);
    if (!hit) throw new Error(`README no longer shows ${what}: update scripts/readme-commands.ts`);
    return hit;
  };
  const curlQuick = line((l) => QUICK_QUERY.test(l), "the quick start's curl query");
  const curlFirst = line((l) => l.startsWith('curl ') && l.includes('caseloadSummary'), "the first query's curl");
  return [
    { readme: 'npm ci', notRun: '.ci/run runs it as its first step' },
    { readme: 'npm start', run: 'npm start (in the background, PORT set, until SIGTERM)' },
    {
      readme: 'npm run seed:demo',
      check: (r) => {
        expect(r.status === 0, 'seed:demo failed');
        const out = json(r.stdout);
        expect(out.participants['4601 Bergen'].total === 26, 'seed:demo did not make 26 Bergen cases');
      },
    },
    {
      readme: 'TOKEN=$(npm run -s token -- --role MUNICIPALITY --org 4601 | tail -1)',
      run: 'TOKEN=$(npm run -s token -- --role MUNICIPALITY --org 4601 | tail -1); printf %s "$TOKEN"',
      check: (r) => {
        expect(r.status === 0 && /^eyJ[\w-]+\.[\w-]+\.[\w-]+$/.test(r.stdout), 'no token in TOKEN');
        state.TOKEN = r.stdout;
      },
    },
    {
      readme: curlQuick,
      check: (r) => {
        const out = json(r.stdout);
        expect(!out.errors, `the quick start's query failed: ${r.stdout.slice(0, 300)}`);
        expect(out.data.participants.totalCount === 26 && out.data.participants.edges.length === 3, "the quick start's query did not show three of 26 rows");
        expect(
          r.stdout.startsWith(jsonSample()),
          `the README's sample answer is not how the answer starts:\n  README: ${jsonSample()}\n  got:    ${r.stdout.slice(0, jsonSample().length)}`,
        );
      },
    },
    { readme: 'npm test', notRun: '.ci/run runs it' },
    { readme: 'npm run lint', notRun: '.ci/run runs it' },
    // On a tree that passes npm run lint, format rewrites nothing.
    { readme: 'npm run format', check: (r) => expect(r.status === 0, `format: ${r.stdout.slice(-500)}${r.stderr.slice(-500)}`) },
    {
      readme: 'npm run token -- --role MUNICIPALITY --org 4601',
      check: (r) => expect(r.status === 0 && /^eyJ/.test(r.stdout.trim().split('\n').at(-1) ?? ''), 'npm run token printed no token'),
    },
    {
      readme: curlFirst,
      check: (r) => {
        const out = json(r.stdout);
        expect(
          out.data?.caseloadSummary?.total === 26 && out.data.me.orgName === 'Bergen',
          `the first query did not answer Bergen with 26 cases: ${r.stdout.slice(0, 300)}`,
        );
      },
    },
    {
      readme: 'npm run audit:verify',
      check: (r) =>
        expect(
          r.status === 0 && /audit chains intact: \d{3,} rows in 4 municipalities/.test(r.stdout) && r.stderr.includes('the running embedded PostgreSQL'),
          `audit:verify: ${r.stdout}${r.stderr}`,
        ),
    },
    {
      readme: 'npm run backup -- --out backup.ndjson.gz',
      check: (r) => expect(r.status === 0 && json(r.stdout).counts.participant === 38, `backup: ${r.stdout}${r.stderr}`),
    },
    {
      readme: 'npm run restore -- --in backup.ndjson.gz --database introsak_restored',
      check: (r) => expect(r.status === 0 && json(r.stdout).counts.participant === 38, `restore: ${r.stdout}${r.stderr}`),
    },
    { readme: null, run: 'rm -f backup.ndjson.gz' },
    {
      readme: 'npm run migration:run',
      check: (r) => expect(r.status === 0 && r.stdout.includes('No migrations are pending'), `migration:run: ${r.stdout.slice(-500)}${r.stderr}`),
    },
    {
      readme: 'npm run migration:revert',
      check: (r) => expect(r.status === 0 && /reverted successfully/.test(r.stdout), `migration:revert: ${r.stdout.slice(-500)}${r.stderr}`),
    },
    {
      readme: null,
      run: 'npm run migration:run',
      check: (r) => expect(r.status === 0 && /executed successfully/.test(r.stdout), `migration:run after the revert: ${r.stdout.slice(-500)}${r.stderr}`),
    },
    {
      readme: 'npm run migration:generate -- migrations/<Name>',
      // On a database at the current migrations there is nothing to generate: it says so and succeeds.
      run: 'npm run migration:generate -- migrations/ReadmeCheck; ls migrations/*-ReadmeCheck.ts 2>/dev/null; rm -f migrations/*-ReadmeCheck.ts',
      check: (r) =>
        expect(
          r.status === 0 && /No drift: the table descriptions match the database/.test(r.stdout) && !/ReadmeCheck\.ts/.test(r.stdout),
          `migration:generate: ${r.stdout.slice(-500)}${r.stderr}`,
        ),
    },
    { readme: null, run: "stop npm start (SIGTERM); the benchmark sets its own password on the embedded database's API role" },
    {
      readme: 'npm run schema:emit',
      run: 'npm run schema:emit && git diff --exit-code -- schema/schema.graphql',
      check: (r) => expect(r.status === 0, `schema:emit changed schema/schema.graphql: ${r.stdout.slice(-500)}`),
    },
    {
      readme: 'npm run seed:bench -- --participants 100000',
      run: 'npm run seed:bench -- --participants 300',
      check: (r) => expect(r.status === 0 && json(r.stdout).counts.participant > 300, `seed:bench: ${r.stdout.slice(-500)}${r.stderr.slice(-500)}`),
    },
    {
      readme: 'npm run bench',
      run: 'npm run bench -- --seconds 1 --connections 2 --no-write --only "case list"',
      check: (r) => expect(r.status === 0, `bench: ${r.stdout.slice(-800)}${r.stderr.slice(-800)}`),
    },
    {
      readme: 'npm run bench:explain',
      run: 'npm run bench:explain -- --no-write',
      check: (r) => expect(r.status === 0, `bench:explain: ${r.stdout.slice(-500)}${r.stderr.slice(-500)}`),
    },
    { readme: 'npm run chaos', notRun: '.ci/run runs it (npm run chaos -- --short, its four scenarios)' },
    { readme: null, run: 'npm run build', check: (r) => expect(r.status === 0, `build: ${r.stdout}${r.stderr}`) },
    { readme: 'npm run schema:check', check: (r) => expect(r.status === 0, `schema:check: ${r.stdout}${r.stderr}`) },
    { readme: 'docker compose ps', notRun: 'no Docker engine here' },
    { readme: 'docker compose up --build', notRun: "no Docker engine here: scripts/check-production-install.sh runs the image's install and command" },
    {
      readme: 'docker compose exec api node dist/scripts/token.js --role MUNICIPALITY --org 4601',
      notRun: 'no Docker engine here: scripts/check-production-install.sh runs dist/scripts/token.js in the production install',
    },
  ];
}

async function main(): Promise<number> {
  const shown = shownCommands();
  const all = steps();
  // The README's commands and the steps must be the same set.
  const stepped = new Set(all.map((s) => s.readme).filter((r): r is string => r !== null));
  const missing = shown.filter((c) => !stepped.has(c));
  const stale = [...stepped].filter((c) => !shown.includes(c));
  if (missing.length) failures.push(`README shows commands this check does not run:\n    ${missing.join('\n    ')}`);
  if (stale.length) failures.push(`steps for commands README no longer shows:\n    ${stale.join('\n    ')}`);
  // Every npm script named anywhere in the README is run by a step (or by .ci/run).
  const ran = new Set<string>(['ci', 'test']); // .ci/run's own steps
  for (const s of all) {
    const text = `${s.readme ?? ''} ${s.run ?? ''}`;
    if (s.notRun && !/^\.ci\/run/.test(s.notRun)) continue;
    for (const m of text.matchAll(/\bnpm (?:run (?:-s )?([a-z][\w:-]*)|(start|test|ci)\b)/g)) ran.add(m[1] ?? m[2]);
  }
  const unrun = [...mentionedScripts()].filter((n) => !ran.has(n));
  if (unrun.length) failures.push(`README names npm scripts no step runs: ${unrun.join(', ')}`);
  if (failures.length) {
    for (const f of failures) console.error(`FAILED: ${f}`);
    return 1;
  }

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'introsak-readme-'));
  fs.chmodSync(dataDir, 0o755);
  state.PORT = await freeLoopbackPort();
  const env: NodeJS.ProcessEnv = { ...process.env, INTROSAK_DATA_DIR: dataDir, PORT: String(state.PORT) };
  for (const k of ['DATABASE_URL', 'DATABASE_API_URL', 'DATABASE_API_PASSWORD', 'JWT_SECRET', 'JWT_JWKS_URL', 'NODE_ENV']) delete env[k];
  const started = Date.now();
  let ok = 0;
  try {
    for (const step of all) {
      const label = step.readme ?? `(check) ${step.run}`;
      if (step.notRun) {
        console.log(`-- not run here: ${label}\n   ${step.notRun}`);
        continue;
      }
      const t0 = Date.now();
      if (step.readme === 'npm start') {
        await startServer(env);
      } else if (step.run?.startsWith('stop npm start')) {
        await stopServer();
      } else {
        const command = (step.run ?? step.readme!).replace(/localhost:4000/g, `localhost:${state.PORT}`);
        const r = sh(command, { ...env, ...(state.TOKEN ? { TOKEN: state.TOKEN } : {}) });
        try {
          if (step.check) step.check(r);
          else expect(r.status === 0, `exit ${r.status}: ${r.stderr.slice(-500)}`);
        } catch (err) {
          console.error(`FAILED: ${label}${step.run && step.readme ? `\n   ran as: ${step.run}` : ''}\n   ${(err as Error).message}`);
          return 1;
        }
      }
      ok += step.readme ? 1 : 0;
      console.log(
        `ok ${((Date.now() - t0) / 1000).toFixed(1).padStart(5)} s  ${label}${step.run && step.readme && step.run !== step.readme ? `\n             ran as: ${step.run}` : ''}`,
      );
    }
  } finally {
    await stopServer().catch((err) => console.error(`FAILED: ${(err as Error).message}`));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(
    `README commands: ${ok} run, ${all.filter((s) => s.notRun).length} run elsewhere or not runnable here, in ${Math.round((Date.now() - started) / 1000)} s`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`FAILED: ${err instanceof Error ? err.message : String(err)}`);
    void stopServer().finally(() => process.exit(1));
  },
);
