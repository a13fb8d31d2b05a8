/**
 * The real entry point as a user starts it: no DATABASE_URL, so it starts the embedded PostgreSQL,
 * applies migrations, serves HTTP; data survives a restart; SIGTERM stops everything and exits 0.
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { signDevToken } from '../../src/auth/token';
import { freeLoopbackPort } from '../../src/db/embedded';
import { projectRoot } from '../../src/project-root';
import { participantInput, REGISTER } from '../support/fixtures';

const root = projectRoot();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'introsak-e2e-'));
fs.chmodSync(dataDir, 0o755);

async function start(port: number): Promise<{ child: ChildProcess; output: () => string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), INTROSAK_DATA_DIR: dataDir, NODE_ENV: 'development', LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.JWT_SECRET;
  delete env.DATABASE_API_PASSWORD;
  const child = spawn(process.execPath, [path.join(root, 'dist', 'src', 'main.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early: ${out}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (r.status === 200) return { child, output: () => out };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not become ready: ${out}`);
}

async function stop(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  return exited;
}

async function gql(port: number, token: string, query: string, variables?: unknown) {
  const r = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: r.status, body: (await r.json()) as { data?: Record<string, unknown>; errors?: unknown[] } };
}

afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('npm start without DATABASE_URL serves the API on embedded PostgreSQL, keeps data across a restart and stops on SIGTERM', async () => {
  expect(fs.existsSync(path.join(root, 'dist', 'src', 'main.js'))).toBe(true); // npm test builds first (pretest)
  const port = await freeLoopbackPort();
  let server = await start(port);
  expect(server.output()).toContain('npm run token');
  const secret = fs.readFileSync(path.join(dataDir, 'jwt-dev-secret'), 'utf8').trim();
  const token = await signDevToken(secret, { sub: 'e2e', role: 'MUNICIPALITY', org: '4601' });

  const first = await gql(port, token, '{ municipalities { number name } }');
  expect(first.status).toBe(200);
  expect((first.body.data!.municipalities as unknown[]).length).toBe(357);
  const reg = await gql(port, token, REGISTER, { input: participantInput({ name: 'Survives Restart' }) });
  expect(reg.body.errors).toBeUndefined();

  const page = await fetch(`http://127.0.0.1:${port}/graphql`, { headers: { accept: 'text/html' } });
  const html = await page.text();
  expect(html).toContain('/graphiql-assets/graphiql.js');
  expect(html).not.toMatch(/https?:\/\/(?!localhost)/);
  expect((await fetch(`http://127.0.0.1:${port}/graphiql-assets/graphiql.js`)).status).toBe(200);

  expect(await stop(server.child)).toBe(0);

  server = await start(port);
  const again = await gql(port, token, '{ participants(first: 10) { totalCount edges { node { name } } } }');
  expect(again.body.data).toEqual({ participants: { totalCount: 1, edges: [{ node: { name: 'Survives Restart' } }] } });
  expect(await stop(server.child)).toBe(0);
}, 180_000);
