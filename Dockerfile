# syntax=docker/dockerfile:1

# --- build: compile TypeScript into dist/ ---
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package*.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ormconfig.ts ./
COPY src ./src
COPY scripts ./scripts
COPY migrations ./migrations
RUN npm run build

# --- runtime: production dependencies and the compiled code only ---
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package*.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY --from=build /app/dist ./dist
# In production nothing is written to disk; .data/ is only used when NODE_ENV is overridden
# (embedded PostgreSQL, generated development secrets), so let the node user own it.
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 4000
# Applies pending migrations as the DATABASE_URL owner, then serves /graphql on PORT (default 4000).
CMD ["node", "--max-semi-space-size=32", "dist/src/main.js"]
