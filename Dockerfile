# syntax=docker/dockerfile:1
# introsak's production image: Node.js 24 (the current LTS), the compiled code and the production
# dependencies only. Development-only packages (embedded-postgres, GraphiQL with react and react-dom,
# TypeScript, jest, playwright-core) are devDependencies and are not in it; the server does not need
# them with NODE_ENV=production (DATABASE_URL is required there, GraphiQL is off).
# CI checks the same install without an engine: scripts/check-production-install.sh runs
# `npm ci --omit=dev` in a temporary copy and starts this CMD against a test database.

# --- build: every dependency, compile TypeScript into dist/ ---
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ormconfig.ts ./
COPY src ./src
COPY scripts ./scripts
COPY migrations ./migrations
RUN npm run build

# --- deps: production dependencies only (no devDependencies, no install of theirs) ---
FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# --- runtime ---
FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# .data/ is only written when NODE_ENV is overridden (generated development secrets), so let the node user own it.
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 4000
# /readyz answers 200 once the database answers (503 while shutting down). No curl in the slim image: Node's fetch.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Applies pending migrations as the DATABASE_URL owner, then serves /graphql on PORT (default 4000).
CMD ["node", "--max-semi-space-size=32", "dist/src/main.js"]
