import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../project-root';

/**
 * GraphiQL served from this server's own files (node_modules), never a CDN: the machine where the
 * API runs may be offline. Only outside production. The packages (graphiql, react, react-dom) are
 * development dependencies: a production install (npm ci --omit=dev) does not have them, and the
 * page then says so instead of failing.
 */
const ASSETS: Record<string, { pkg: string; file: string; type: string }> = {
  'react.js': { pkg: 'react', file: 'umd/react.production.min.js', type: 'text/javascript; charset=utf-8' },
  'react-dom.js': { pkg: 'react-dom', file: 'umd/react-dom.production.min.js', type: 'text/javascript; charset=utf-8' },
  'graphiql.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript; charset=utf-8' },
  'graphiql.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css; charset=utf-8' },
};

export const GRAPHIQL_ASSET_PREFIX = '/graphiql-assets/';

/**
 * The file of an asset, or null when its package is not installed. react 18 does not export its UMD
 * files (require.resolve('react/umd/…') fails with ERR_PACKAGE_PATH_NOT_EXPORTED), but every
 * package exports its package.json: resolve that and join the path.
 */
function assetFile(name: string): string | null {
  const asset = ASSETS[name];
  if (!asset) return null;
  try {
    const manifest = require.resolve(`${asset.pkg}/package.json`, { paths: [projectRoot()] });
    const file = path.join(path.dirname(manifest), asset.file);
    return fs.existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

const cache = new Map<string, { body: Buffer; type: string }>();

export function graphiqlAsset(name: string): { body: Buffer; type: string } | null {
  const hit = cache.get(name);
  if (hit) return hit;
  const file = assetFile(name);
  if (!file) return null;
  const asset = { body: fs.readFileSync(file), type: ASSETS[name].type };
  cache.set(name, asset);
  return asset;
}

/** Whether every file the page needs is installed (not after npm ci --omit=dev). */
export function graphiqlInstalled(): boolean {
  return Object.keys(ASSETS).every((name) => assetFile(name) !== null);
}

/** The organisations a development token can be made for, by role: [org, name]. */
export type DevTokenOrgs = Record<'MUNICIPALITY' | 'COUNTY' | 'STATSFORVALTER', [string, string][]>;

/** JSON that is safe inside a <script> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const DEFAULT_QUERY = `# Demo data: npm run seed:demo
{
  me { name role orgName }
  participants(first: 5) {
    totalCount
    edges { node { name status maskedIdentityNumber } }
  }
}
`;

/**
 * The GraphiQL page. With `devTokens` (outside production, when the server signs with the
 * generated development secret) a bar above the editor makes a development token for a chosen
 * role and organisation (POST /dev/token) and puts it into the Authorization header.
 */
export function graphiqlPage(opts: { devTokens: DevTokenOrgs | null } = { devTokens: null }): string {
  if (!graphiqlInstalled()) return notInstalledPage();
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>introsak GraphiQL</title>
<link rel="stylesheet" href="${GRAPHIQL_ASSET_PREFIX}graphiql.css">
<style>
  html, body { margin: 0; height: 100%; }
  body { display: flex; flex-direction: column; font-family: system-ui, sans-serif; }
  #dev-token { display: flex; gap: .5em; align-items: center; padding: .4em .8em; background: #fff8e1; border-bottom: 1px solid #e0c46c; font-size: 14px; flex-wrap: wrap; }
  #dev-token select, #dev-token button { font-size: 14px; }
  #dev-token-status { color: #555; }
  #graphiql { flex: 1; min-height: 0; }
</style>
</head>
<body>
${
  opts.devTokens
    ? `<form id="dev-token">
  <strong>Development token</strong>
  <label>role <select id="dev-token-role" name="role"></select></label>
  <label>organisation <select id="dev-token-org" name="org"></select></label>
  <button id="dev-token-get" type="submit">Get token</button>
  <span id="dev-token-status">No token yet: choose a role and an organisation (or paste one from npm run token into the headers pane).</span>
</form>`
    : ''
}
<div id="graphiql">Loading GraphiQL…</div>
<script src="${GRAPHIQL_ASSET_PREFIX}react.js"></script>
<script src="${GRAPHIQL_ASSET_PREFIX}react-dom.js"></script>
<script src="${GRAPHIQL_ASSET_PREFIX}graphiql.js"></script>
<script>
  const DEV_TOKEN_ORGS = ${scriptJson(opts.devTokens)};
  const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
  const root = ReactDOM.createRoot(document.getElementById('graphiql'));
  const placeholder = 'Bearer <paste the token from npm run token' + (DEV_TOKEN_ORGS ? ', or use Get token above' : '') + '>';
  let state = { key: 0, query: ${scriptJson(DEFAULT_QUERY)}, headers: JSON.stringify({ Authorization: placeholder }, null, 2) };
  function render() {
    // A new key remounts GraphiQL, so the schema is fetched again with the new headers.
    root.render(React.createElement(GraphiQL, {
      key: state.key,
      fetcher,
      defaultEditorToolsVisibility: 'headers',
      query: state.query,
      headers: state.headers,
      onEditQuery: (q) => { state.query = q; },
      onEditHeaders: (h) => { state.headers = h; },
    }));
  }
  render();
  if (DEV_TOKEN_ORGS) {
    const role = document.getElementById('dev-token-role');
    const org = document.getElementById('dev-token-org');
    const status = document.getElementById('dev-token-status');
    for (const r of Object.keys(DEV_TOKEN_ORGS)) role.add(new Option(r, r));
    const fill = () => {
      org.textContent = '';
      for (const [id, name] of DEV_TOKEN_ORGS[role.value]) org.add(new Option(id + ' ' + name, id));
      if (role.value === 'MUNICIPALITY') org.value = '4601';
    };
    role.addEventListener('change', fill);
    fill();
    document.getElementById('dev-token').addEventListener('submit', async (event) => {
      event.preventDefault();
      status.textContent = 'Getting a token…';
      try {
        const res = await fetch('/dev/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role: role.value, org: org.value }) });
        const body = await res.json();
        if (!res.ok) throw new Error(body.error || ('HTTP ' + res.status));
        state = { key: state.key + 1, query: state.query, headers: JSON.stringify({ Authorization: 'Bearer ' + body.token }, null, 2) };
        render();
        status.textContent = 'Token for ' + body.orgName + ' (' + body.role + ' ' + body.org + '), valid until ' + new Date(body.expiresAt).toLocaleString() + ': it is in the headers pane. Press the run button (or Ctrl-Enter).';
      } catch (err) {
        status.textContent = 'No token: ' + err.message;
      }
    });
  }
</script>
</body>
</html>`;
}

function notInstalledPage(): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>introsak GraphiQL</title></head>
<body>
<p>GraphiQL's files (the <code>graphiql</code>, <code>react</code> and <code>react-dom</code> packages) are not installed here:
they are development dependencies, left out by <code>npm ci --omit=dev</code>. Run <code>npm ci</code> to get them, or send
GraphQL requests to this URL with curl or your own client.</p>
</body>
</html>`;
}
