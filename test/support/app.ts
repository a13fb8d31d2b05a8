import 'reflect-metadata';
import http from 'node:http';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/config';
import { OrgDirectory } from '../../src/auth/org-directory';
import { loadOrgDirectory } from '../../src/modules/reference';
import { signDevToken, TokenVerifier } from '../../src/auth/token';
import { createApp, App } from '../../src/http/server';
import { createLogger } from '../../src/http/logger';
import { createTestDatabase, TestDatabase } from './database';

export const TEST_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';

export interface TestApp {
  db: TestDatabase;
  api: DataSource;
  app: App;
  server: http.Server;
  directory: OrgDirectory;
  token(role: string, org: string, sub?: string, name?: string): Promise<string>;
  /** POST a GraphQL operation with a token; returns supertest's response. */
  gql(token: string | null, query: string, variables?: Record<string, unknown>): Promise<request.Response>;
  close(): Promise<void>;
}

export async function startTestApp(
  opts: {
    poolSize?: number;
    production?: boolean;
    env?: Record<string, string>;
    devTokens?: boolean;
    api?: Parameters<TestDatabase['api']>[1];
    beforeApi?: (db: TestDatabase) => Promise<{ url: string }>;
    /** Another database than a fresh plain one (test/citus: the cluster's, distributed). */
    database?: () => Promise<TestDatabase>;
  } = {},
): Promise<TestApp> {
  const db = await (opts.database ?? createTestDatabase)();
  const redirect = opts.beforeApi ? await opts.beforeApi(db) : null;
  const api = await db.api(opts.poolSize ?? 4, { ...(opts.api ?? {}), ...(redirect ? { url: redirect.url } : {}) });
  const directory = await loadOrgDirectory(api);
  const config = loadConfig({ NODE_ENV: opts.production ? 'production' : 'test', JWT_SECRET: TEST_SECRET, DATABASE_URL: db.ownerUrl, ...(opts.env ?? {}) });
  const log = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
  const app = await createApp({
    config,
    api,
    directory,
    verifier: new TokenVerifier(config.jwt, TEST_SECRET),
    log,
    devTokenSecret: opts.devTokens ? TEST_SECRET : null,
  });
  const server = http.createServer(app.handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const token = (role: string, org: string, sub = `${role.toLowerCase()}-${org}-user`, name = `Test ${role} ${org}`) =>
    signDevToken(TEST_SECRET, { sub, name, role, org });
  return {
    db,
    api,
    app,
    server,
    directory,
    token,
    gql(tok, query, variables) {
      const r = request(server).post('/graphql').set('content-type', 'application/json');
      if (tok) r.set('authorization', `Bearer ${tok}`);
      return r.send({ query, variables });
    },
    async close() {
      await new Promise<void>((r) => server.close(() => r()));
      await app.stop();
      await db.drop();
    },
  };
}
