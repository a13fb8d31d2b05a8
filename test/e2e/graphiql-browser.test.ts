/**
 * GraphiQL in a real browser: Debian's Chromium, headless, driven by playwright-core, against the real
 * entry point (dist/src/main.js) on a throwaway database, with every request to a host that is not
 * loopback blocked, so the page can only work from the server's own files. A person's steps: paste a
 * token into the headers pane, run the query, read the result; then get a development token from the
 * token bar and run a query as Statsforvalteren. Screenshots: test-artifacts/graphiql.png and
 * test-artifacts/graphiql-dev-token.png (gitignored).
 *
 * Chromium: /usr/bin/chromium (apt-get install -y chromium; .ci/run installs it) or CHROMIUM_PATH.
 * Without it the test fails under CI=true, and is skipped with a message elsewhere.
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, BrowserContext, Page } from 'playwright-core';
import { signDevToken } from '../../src/auth/token';
import { freeLoopbackPort } from '../../src/db/embedded';
import { projectRoot } from '../../src/project-root';
import { createTestDatabase, TestDatabase } from '../support/database';
import { participantInput, REGISTER } from '../support/fixtures';

const root = projectRoot();
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARTIFACTS = path.join(root, 'test-artifacts');
const haveChromium = fs.existsSync(CHROMIUM);
if (!haveChromium && process.env.CI) throw new Error(`Chromium is not installed at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
if (!haveChromium) console.warn(`SKIPPED the GraphiQL browser test: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
const browserTest = haveChromium ? test : test.skip;

/** The page's document, inside functions that run in the browser (this project compiles without the DOM library). */

declare const document: any;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

let db: TestDatabase;
let server: ChildProcess;
let output = '';
let port = 0;
let dataDir = '';

beforeAll(async () => {
  if (!haveChromium) return;
  db = await createTestDatabase();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'introsak-graphiql-'));
  port = await freeLoopbackPort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: db.ownerUrl,
    INTROSAK_DATA_DIR: dataDir,
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
  };
  delete env.JWT_SECRET; // the generated development secret: GraphiQL's token bar is on
  server = spawn(process.execPath, [path.join(root, 'dist', 'src', 'main.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout!.on('data', (d) => (output += d));
  server.stderr!.on('data', (d) => (output += d));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`server exited: ${output}`);
    if (Date.now() > deadline) throw new Error(`server not ready: ${output}`);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    await new Promise((r) => setTimeout(r, 200));
  }
}, 90_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server.once('exit', r));
    server.kill('SIGTERM');
    await exited;
  }
  await db?.drop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

/** The text of one of GraphiQL's CodeMirror editors, as the page holds it. */
async function editorText(page: Page, selector: string): Promise<string> {
  return page.$eval(selector, (el) => (el as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue());
}

/** Replaces an editor's text the way a person does: click into it, select all, type (paste) the new text. */
async function replaceText(page: Page, selector: string, text: string): Promise<void> {
  await page.click(`${selector} .CodeMirror-lines`);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

async function runAndRead(page: Page, expected: string): Promise<string> {
  await page.click('.graphiql-execute-button');
  await page.waitForFunction(
    (want) => {
      const el = document.querySelector('.result-window .CodeMirror') as unknown as { CodeMirror?: { getValue(): string } } | null;
      return !!el?.CodeMirror && el.CodeMirror.getValue().includes(want);
    },
    expected,
    { timeout: 20_000 },
  );
  return editorText(page, '.result-window .CodeMirror');
}

browserTest(
  'GraphiQL works offline in headless Chromium: a pasted token, a query, its result; then a token from the token bar',
  async () => {
    // Two participants in Bergen, so the result shows rows.
    const secret = fs.readFileSync(path.join(dataDir, 'jwt-dev-secret'), 'utf8').trim(); // what npm run token signs with
    const token = await signDevToken(secret, { sub: 'browser-test', name: 'Kari Saksbehandler', role: 'MUNICIPALITY', org: '4601' });
    for (const name of ['Amina Yusuf', 'Dawit Tesfaye']) {
      const r = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: REGISTER, variables: { input: participantInput({ name }) } }),
      });
      expect(((await r.json()) as { errors?: unknown }).errors).toBeUndefined();
    }

    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'introsak-chromium-'));
    let context: BrowserContext | null = null;
    const blocked: string[] = [];
    const failed: string[] = [];
    try {
      context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
        viewport: { width: 1400, height: 900 },
      });
      // Every host that is not loopback is blocked: no CDN can make the page work.
      await context.route('**/*', (route) => {
        const url = new URL(route.request().url());
        if (url.protocol === 'data:' || url.protocol === 'blob:' || LOOPBACK.has(url.hostname)) return route.continue();
        blocked.push(url.href);
        return route.abort('blockedbyclient');
      });
      const page = context.pages()[0] ?? (await context.newPage());
      const pageErrors: string[] = [];
      page.on('pageerror', (e) => pageErrors.push(e.message));
      page.on('response', (r) => {
        if (r.status() >= 400 && !r.url().endsWith('/graphql')) failed.push(`${r.status()} ${r.url()}`);
      });

      const res = await page.goto(`http://127.0.0.1:${port}/graphql`);
      expect(res?.status()).toBe(200);
      await page.waitForSelector('.graphiql-container', { timeout: 20_000 });
      await page.waitForSelector('.graphiql-execute-button');
      expect(failed).toEqual([]); // react.js, react-dom.js, graphiql.js and graphiql.css all answered

      // 1. Paste the token into the Authorization header, as the README says.
      const HEADERS = '.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror';
      expect(await editorText(page, HEADERS)).toContain('paste the token');
      await replaceText(page, '.graphiql-editor-tool .graphiql-editor:not(.hidden)', JSON.stringify({ Authorization: `Bearer ${token}` }));
      expect(JSON.parse(await editorText(page, HEADERS))).toEqual({ Authorization: `Bearer ${token}` });
      const result = JSON.parse(await runAndRead(page, '"totalCount"'));
      expect(result.errors).toBeUndefined();
      expect(result.data.me).toEqual({ name: 'Kari Saksbehandler', role: 'MUNICIPALITY', orgName: 'Bergen' });
      expect(result.data.participants.totalCount).toBe(2);
      expect(result.data.participants.edges.map((e: { node: { name: string } }) => e.node.name).sort()).toEqual(['Amina Yusuf', 'Dawit Tesfaye']);
      await page.screenshot({ path: path.join(ARTIFACTS, 'graphiql.png') });

      // 2. The token bar: Statsforvalteren i Vestland, a development token, a query of its own.
      await page.selectOption('#dev-token-role', 'STATSFORVALTER');
      await page.selectOption('#dev-token-org', 'vestland');
      await page.click('#dev-token-get');
      await page.waitForFunction(() => document.getElementById('dev-token-status').textContent.startsWith('Token for'));
      expect(await page.textContent('#dev-token-status')).toContain('Statsforvalteren i Vestland (STATSFORVALTER vestland)');
      await page.waitForSelector('.graphiql-execute-button');
      const headers = JSON.parse(await editorText(page, HEADERS));
      expect(headers.Authorization).toMatch(/^Bearer eyJ/);
      expect(headers.Authorization).not.toBe(`Bearer ${token}`);
      await replaceText(page, '.graphiql-query-editor', '{ me { role org orgName } appeals(first: 5) { totalCount } }');
      const sf = JSON.parse(await runAndRead(page, '"appeals"'));
      expect(sf).toEqual({ data: { me: { role: 'STATSFORVALTER', org: 'vestland', orgName: 'Statsforvalteren i Vestland' }, appeals: { totalCount: 0 } } });
      await page.screenshot({ path: path.join(ARTIFACTS, 'graphiql-dev-token.png') });

      expect(pageErrors).toEqual([]);
      expect(blocked).toEqual([]); // the page never even tried another host
    } finally {
      await context?.close();
      fs.rmSync(profile, { recursive: true, force: true });
    }
  },
  120_000,
);
