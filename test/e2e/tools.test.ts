/**
 * The command-line tools as a user runs them (npm run …): npm run token answers in under 2 s without
 * rebuilding and explains wrong arguments (exit 2); every maintenance script finds the embedded
 * development database by itself when DATABASE_URL is unset (the running one, or it starts it), and
 * every failure is one sentence a user can act on, never `undefined`, with a non-zero exit.
 */
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { jwtVerify } from 'jose';
import { freeLoopbackPort } from '../../src/db/embedded';
import { projectRoot } from '../../src/project-root';

const root = projectRoot();

function npm(args: string[], env: Record<string, string | undefined> = {}): { status: number | null; stdout: string; stderr: string; ms: number } {
  const merged: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete merged[k];
  const started = Date.now();
  const r = spawnSync('npm', ['run', '-s', ...args], { cwd: root, env: merged, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - started };
}

describe('npm run token', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'introsak-token-'));
  const env = { INTROSAK_DATA_DIR: dataDir, JWT_SECRET: undefined, NODE_ENV: undefined };
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  test('answers in under 2 s when nothing changed (no TypeScript build), with a token signed by the development secret', async () => {
    npm(['token', '--', '--role', 'MUNICIPALITY', '--org', '4601'], env); // dist/ is fresh: npm test built it
    const runs = [0, 1, 2].map(() => npm(['token', '--', '--role', 'MUNICIPALITY', '--org', '4601'], env));
    for (const r of runs) {
      expect(r.status).toBe(0);
      expect(r.stderr).not.toMatch(/compiling/);
    }
    const fastest = Math.min(...runs.map((r) => r.ms));
    console.log(`npm run token: ${runs.map((r) => r.ms).join(' ms, ')} ms`);
    expect(fastest).toBeLessThan(2000);
    const token = runs[0].stdout.trim().split('\n').at(-1)!;
    const secret = fs.readFileSync(path.join(dataDir, 'jwt-dev-secret'), 'utf8').trim();
    const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), { issuer: 'introsak-dev', audience: 'introsak' });
    expect(payload).toMatchObject({ role: 'MUNICIPALITY', org: '4601', sub: 'dev-municipality-4601' });
    expect(payload.exp! - payload.iat!).toBe(8 * 3600);
  });

  test.each([
    [['--role', 'COUNTY'], /--org is required \(the county number\)/],
    [['--org', '46'], /--role is required/],
    [[], /--role is required/],
    [['--role', 'MUNICIPALITY', '--org', '4601', '--hours', 'abc'], /--hours must be a number of hours above 0 and at most 24, not "abc"/],
    [['--role', 'MUNICIPALITY', '--org', '4601', '--hours', '0'], /--hours must be/],
    [['--role', 'ADMIN', '--org', '4601'], /--role must be one of MUNICIPALITY, COUNTY, STATSFORVALTER, not "ADMIN"/],
    [['--role', 'COUNTY', '--org', '4601'], /--org 4601 is not a known COUNTY organisation. "4601" is a MUNICIPALITY organisation/],
    [['--role', 'MUNICIPALITY', '--org', '9999'], /--org 9999 is not a known MUNICIPALITY organisation/],
    [['--role', 'MUNICIPALITY', '--org', 'Bergen'], /Did you mean --role MUNICIPALITY --org 4601 \(Bergen\)\?/],
    [['--role', 'STATSFORVALTER', '--org', 'atlantis'], /Areas: ostfold-buskerud-oslo-og-akershus, innlandet/],
    [['--role', 'MUNICIPALITY', '--org'], /--org needs a value/],
    [['--role', 'MUNICIPALITY', '--org', '4601', '--colour', 'red'], /unknown option --colour/],
  ])('%j: a usage message and exit 2, no token', (args, message) => {
    const r = npm(['token', '--', ...args], env);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain('usage: npm run token -- --role ROLE --org ORG');
    expect(r.stdout).toBe('');
  });

  test('--help prints the usage and exits 0', () => {
    const r = npm(['token', '--', '--help'], env);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('--hours  lifetime in hours');
  });
});

describe('maintenance scripts', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'introsak-tools-'));
  fs.chmodSync(dataDir, 0o755);
  const emptyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'introsak-empty-'));
  const dev = { DATABASE_URL: undefined, DATABASE_API_PASSWORD: undefined, JWT_SECRET: undefined, NODE_ENV: undefined, INTROSAK_DATA_DIR: dataDir };
  let server: ChildProcess | null = null;
  const stopServer = async () => {
    if (!server || server.exitCode !== null) return;
    const exited = new Promise((r) => server!.once('exit', r));
    server.kill('SIGTERM');
    await exited;
  };
  afterAll(async () => {
    await stopServer();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(emptyDir, { recursive: true, force: true });
  });

  test('with DATABASE_URL unset they use the running embedded PostgreSQL of npm start', async () => {
    // The real entry point, as npm start runs it: the embedded PostgreSQL of the data directory, migrated.
    const port = await freeLoopbackPort();
    const env: NodeJS.ProcessEnv = { ...process.env, ...dev, PORT: String(port), LOG_LEVEL: 'warn' };
    for (const k of Object.keys(dev)) if (dev[k as keyof typeof dev] === undefined) delete env[k];
    server = spawn(process.execPath, [path.join(root, 'dist', 'src', 'main.js')], { env, stdio: 'ignore' });
    for (let i = 0; ; i++) {
      if (server.exitCode !== null || i > 300) throw new Error('npm start did not come up');
      if (
        await fetch(`http://127.0.0.1:${port}/readyz`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await new Promise((r) => setTimeout(r, 200));
    }

    // A second npm start on the same data directory is refused with a sentence.
    const second = spawnSync(process.execPath, [path.join(root, 'dist', 'src', 'main.js')], {
      env: { ...env, PORT: String(await freeLoopbackPort()) },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(/introsak failed to start: The embedded PostgreSQL in .* is already running \(pid \d+, port \d+\), probably under npm start/);

    const audit = npm(['audit:verify'], dev);
    expect(audit.stderr).toContain('the running embedded PostgreSQL');
    expect(audit.stdout).toMatch(/audit chains intact: 0 rows/);
    expect(audit.status).toBe(0);

    const file = path.join(dataDir, 'b.ndjson.gz');
    const backup = npm(['backup', '--', '--out', file], dev);
    expect(backup.status).toBe(0);
    expect(JSON.parse(backup.stdout)).toMatchObject({ file, counts: { participant: 0 } });

    const restore = npm(['restore', '--', '--in', file, '--database', 'restored_here'], dev);
    expect(restore.status).toBe(0);
    expect(JSON.parse(restore.stdout)).toMatchObject({ database: 'restored_here' });
    const again = npm(['restore', '--', '--in', file, '--database', 'restored_here'], dev);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/npm run restore failed: database "restored_here" already exists: choose another name/);

    const migration = npm(['migration:run'], dev);
    expect(migration.stderr).toContain('migration:run on the running embedded PostgreSQL');
    expect(migration.stdout).toContain('No migrations are pending');
    expect(migration.status).toBe(0);
  }, 120_000);

  test('when it is not running they start it themselves, and stop it again', async () => {
    await stopServer();
    const audit = npm(['audit:verify'], dev);
    expect(audit.stderr).toContain('started for this command');
    expect(audit.status).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false); // stopped again
  }, 120_000);

  test('a data directory without a database yet: a sentence saying to run npm start first', () => {
    for (const script of [['audit:verify'], ['backup'], ['migration:run']]) {
      const r = npm(script, { ...dev, INTROSAK_DATA_DIR: emptyDir });
      expect(r.status).not.toBe(0);
      expect(r.stderr).toMatch(/there is no development database in .* yet and DATABASE_URL is not set: run npm start once/);
    }
  });

  test('a DATABASE_URL where nothing answers: every script says so in a sentence, exit non-zero, never undefined', async () => {
    const port = await freeLoopbackPort();
    const env = { DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/postgres` };
    for (const script of [
      ['audit:verify'],
      ['backup'],
      ['restore', '--', '--in', __filename, '--database', 'x_restore'],
      ['migration:run'],
      ['seed:demo'],
      ['seed:bench', '--', '--participants', '10'],
    ]) {
      const r = npm(script, env);
      expect({ script, status: r.status === 0 ? 0 : 'non-zero' }).toEqual({ script, status: 'non-zero' });
      expect(r.stderr).toContain(`nothing answers at 127.0.0.1:${port}: is PostgreSQL running there? Check DATABASE_URL`);
      expect(r.stderr + r.stdout).not.toMatch(/\bundefined\b/);
    }
  }, 120_000);

  test('wrong arguments: usage and exit 2', () => {
    const restore = npm(['restore', '--', '--in', 'x.ndjson.gz'], dev);
    expect(restore.status).toBe(2);
    expect(restore.stderr).toMatch(/--in and --database are both required[\s\S]*usage: npm run restore -- --in FILE --database NAME/);
    expect(npm(['backup', '--', '--outfile', 'x'], dev).status).toBe(2);
    expect(npm(['audit:verify', '--', 'extra'], dev).status).toBe(2);
    expect(npm(['migration:generate'], dev).stderr).toMatch(/migration:generate needs the new migration's path/);
    const bench = npm(['seed:bench', '--', '--participants', 'many'], dev);
    expect(bench.status).toBe(2);
    expect(bench.stderr).toMatch(/--participants must be a whole number above 0, not "many"/);
  });
});
