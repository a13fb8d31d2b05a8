import fs from 'node:fs';
import path from 'node:path';

/**
 * GraphiQL served from this server's own files (node_modules), never a CDN: the machine where the
 * API runs may be offline. Only outside production.
 */
const ASSETS: Record<string, { file: string; type: string }> = {
  'react.js': { file: 'react/umd/react.production.min.js', type: 'text/javascript' },
  'react-dom.js': { file: 'react-dom/umd/react-dom.production.min.js', type: 'text/javascript' },
  'graphiql.js': { file: 'graphiql/graphiql.min.js', type: 'text/javascript' },
  'graphiql.css': { file: 'graphiql/graphiql.min.css', type: 'text/css' },
};

export const GRAPHIQL_ASSET_PREFIX = '/graphiql-assets/';

export function graphiqlAsset(name: string): { body: Buffer; type: string } | null {
  const asset = ASSETS[name];
  if (!asset) return null;
  const file = require.resolve(asset.file, { paths: [path.join(__dirname, '..', '..')] });
  return { body: fs.readFileSync(file), type: asset.type };
}

export function graphiqlPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>introsak GraphiQL</title>
<link rel="stylesheet" href="${GRAPHIQL_ASSET_PREFIX}graphiql.css">
<style>body{margin:0;height:100vh}#graphiql{height:100vh}</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script src="${GRAPHIQL_ASSET_PREFIX}react.js"></script>
<script src="${GRAPHIQL_ASSET_PREFIX}react-dom.js"></script>
<script src="${GRAPHIQL_ASSET_PREFIX}graphiql.js"></script>
<script>
  const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
  const root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, {
    fetcher,
    defaultEditorToolsVisibility: true,
    defaultHeaders: JSON.stringify({ Authorization: 'Bearer <paste the token from npm run token>' }, null, 2),
    defaultQuery: '{\\n  me { name role orgName }\\n  municipalities { number name }\\n}\\n',
  }));
</script>
</body>
</html>`;
}
