/**
 * The real server as a child process (`node dist/src/main.js`, or `npm start` as a process manager
 * runs it) on a test database: for the promises where the process itself is the point (it survives
 * a database fault, it drains on SIGTERM).
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import { signDevToken } from '../../src/auth/token';
import { freeLoopbackPort } from '../../src/db/embedded';
import { projectRoot } from '../../src/project-root';

export const PROCESS_SECRET = 'server-process-secret-0123456789-0123456789';

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  /** The pid of the node process serving (differs from child.pid under `npm start`). */
  serverPid: number;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  token(org?: string): Promise<string>;
  gql(token: string, query: string, variables?: unknown): Promise<{ status: number; headers: Headers; body: GqlBody }>;
  /** True while the serving node process exists. */
  serverAlive(): boolean;
}

export interface GqlBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export async function startServerProcess(opts: { databaseUrl: string; via?: 'node' | 'npm'; env?: Record<string, string> }): Promise<ServerProcess> {
  const port = await freeLoopbackPort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: opts.databaseUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    JWT_SECRET: PROCESS_SECRET,
    NODE_ENV: 'development',
    LOG_LEVEL: 'info',
    ...(opts.env ?? {}),
  };
  const args = opts.via === 'npm' ? ['start'] : ['dist/src/main.js'];
  const child = spawn(opts.via === 'npm' ? 'npm' : process.execPath, args, { cwd: projectRoot(), env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const deadline = Date.now() + 90_000;
  let ready = false;
  while (Date.now() < deadline && !ready) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited early: ${out}`);
    try {
      ready = (await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200;
    } catch {
      /* not up yet */
    }
    if (!ready) await new Promise((r) => setTimeout(r, 200));
  }
  if (!ready) {
    child.kill('SIGKILL');
    throw new Error(`server did not become ready: ${out}`);
  }
  const serverPid = opts.via === 'npm' ? servingNode(child.pid!) : child.pid!;
  return {
    child,
    port,
    serverPid,
    output: () => out,
    exited,
    token: (org = '4601') => signDevToken(PROCESS_SECRET, { sub: 'process-test', role: 'MUNICIPALITY', org }),
    async gql(token, query, variables) {
      const r = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      return { status: r.status, headers: r.headers, body: (await r.json()) as GqlBody };
    },
    serverAlive() {
      try {
        process.kill(serverPid, 0);
        return true;
      } catch {
        return false;
      }
    },
  };
}

/** The node process running dist/src/main.js among the descendants of pid (found through /proc). */
function servingNode(pid: number): number {
  const parents = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      /* gone */
    }
  }
  const descendants = (p: number): number[] => [...parents].filter(([, pp]) => pp === p).flatMap(([c]) => [c, ...descendants(c)]);
  for (const c of descendants(pid)) {
    try {
      if (fs.readFileSync(`/proc/${c}/cmdline`, 'utf8').includes('dist/src/main.js')) return c;
    } catch {
      /* gone */
    }
  }
  throw new Error(`no node process serving under pid ${pid}`);
}
