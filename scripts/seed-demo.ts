/**
 * npm run seed:demo — fills the development database with a small, realistic demo set (scripts/lib/demo-data.ts):
 * four municipalities, their counties and Statsforvalter areas, cases in every state, decisions of every
 * type, appeals at every step, career-guidance referrals and certificates. It drives the GraphQL API
 * in-process (createApp with signed tokens), so every rule applies. Never in production.
 *
 * The database: DATABASE_URL, or the embedded development database (npm start's, or started here).
 * Run it on a database whose demo municipalities have no cases yet; on one it already seeded it says so
 * and changes nothing; on one with other cases there it refuses.
 */
import 'reflect-metadata';
import crypto from 'node:crypto';
import http from 'node:http';
import { loadOrgDirectory } from '../src/modules/reference';
import { signDevToken, TokenVerifier } from '../src/auth/token';
import { loadConfig } from '../src/config';
import { apiDataSource, apiUrlFrom } from '../src/db/data-sources';
import { apiPassword, ensureApiLogin, migrate, withOwner } from '../src/db/database';
import { configureContextKey, registerContextKey } from '../src/db/tenant-context';
import { todayInOslo } from '../src/domain/calendar';
import { createLogger } from '../src/http/logger';
import { createApp } from '../src/http/server';
import { scriptDatabase } from './lib/database';
import { DEMO_EXPECTED_TOTALS, DEMO_USERS, DemoTokens, demoTotals, Gql, seedDemo } from './lib/demo-data';
import { parseOptions, runScript } from './lib/errors';

const USAGE = 'usage: npm run seed:demo   (DATABASE_URL, or the embedded development database when it is unset)';

class ApiError extends Error {}

async function main(): Promise<number> {
  parseOptions(process.argv.slice(2), [], USAGE);
  const config = loadConfig();
  if (config.production) throw new Error('seed:demo fills development databases only, and NODE_ENV is production: it changes nothing here.');
  const started = Date.now();
  const db = await scriptDatabase(config, { create: true });
  console.error(`seed:demo on ${db.describe}`);
  try {
    await migrate(db.url);
    configureContextKey(config.contextSecret);
    await withOwner(db.url, (owner) => registerContextKey(owner));
    let apiUrl = config.databaseApiUrl;
    if (!apiUrl) {
      const password = apiPassword(config);
      await ensureApiLogin(db.url, password);
      apiUrl = apiUrlFrom(db.url, password);
    }
    const api = apiDataSource(apiUrl, 4);
    await api.initialize();
    try {
      const directory = await loadOrgDirectory(api);
      // The app in this process, with a secret of its own: the tokens below never leave it.
      const secret = crypto.randomBytes(32).toString('hex');
      const appConfig = loadConfig({ NODE_ENV: 'development', JWT_SECRET: secret, DATABASE_URL: db.url, LOG_LEVEL: 'silent' });
      const app = await createApp({ config: appConfig, api, directory, verifier: new TokenVerifier(appConfig.jwt, secret), log: createLogger('silent') });
      const server = http.createServer(app.handler);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/graphql`;
      try {
        const gql: Gql = async (token, query, variables) => {
          const res = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ query, variables }),
          });
          const body = (await res.json()) as { data?: Record<string, unknown>; errors?: { message: string; extensions?: Record<string, unknown> }[] };
          if (body.errors?.length) {
            const e = body.errors[0];
            const op = /\{\s*(\w+)/.exec(query)?.[1] ?? 'operation';
            throw new ApiError(
              `the API refused ${op}: ${e.message} (${String(e.extensions?.code)}${e.extensions?.ruleId ? `, ${String(e.extensions.ruleId)}` : ''}${e.extensions?.field ? `, field ${String(e.extensions.field)}` : ''})`,
            );
          }
          return body.data as Record<string, any>;
        };
        const tokens: DemoTokens = { municipality: {}, county: {}, statsforvalter: {} };
        for (const kind of ['municipality', 'county', 'statsforvalter'] as const) {
          const role = kind === 'municipality' ? 'MUNICIPALITY' : kind === 'county' ? 'COUNTY' : 'STATSFORVALTER';
          for (const [org, [sub, name]] of Object.entries(DEMO_USERS[kind]))
            tokens[kind][org] = await signDevToken(secret, { sub, name, role, org }, { expiresInSeconds: 3600 });
        }

        const before = await demoTotals(gql, tokens);
        if (Object.values(before).some((n) => n > 0)) {
          if (Object.keys(DEMO_EXPECTED_TOTALS).every((m) => before[m] === DEMO_EXPECTED_TOTALS[m])) {
            console.log(JSON.stringify({ alreadySeeded: true, participants: before }, null, 2));
            console.error(
              'seed:demo: this database already has the demo data: nothing changed. To start again, stop npm start and delete .data/postgres (or use a new database).',
            );
            return 0;
          }
          console.error(
            `seed:demo refuses: the demo municipalities already have cases that are not (only) the demo set (${Object.entries(before)
              .map(([m, n]) => `${m}: ${n}`)
              .join(', ')}). ` +
              'It fills an empty development database only: stop npm start and delete .data/postgres, or point DATABASE_URL at a new database.',
          );
          return 1;
        }
        const today = todayInOslo();
        const summary = await seedDemo(gql, tokens, today, (msg) => console.error(`  ${msg}`));
        console.log(JSON.stringify({ seeded: today, seconds: Math.round((Date.now() - started) / 100) / 10, ...summary }, null, 2));
        console.error("seed:demo: done. Try it: npm run token -- --role MUNICIPALITY --org 4601, then the README's first query (or GraphiQL at /graphql).");
        return 0;
      } finally {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await app.stop();
      }
    } finally {
      await api.destroy();
    }
  } finally {
    await db.stop();
  }
}

runScript('npm run seed:demo', main);
