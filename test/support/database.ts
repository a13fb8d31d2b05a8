import crypto from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/config';
import { apiDataSource, apiUrlFrom } from '../../src/db/data-sources';
import { apiPassword, ensureApiLogin, migrate, withOwner } from '../../src/db/database';
import { registerContextKey } from '../../src/db/tenant-context';
import { distributeSchema, DistributionReport } from '../../src/db/citus';

export interface TestDatabase {
  name: string;
  ownerUrl: string;
  apiUrl: string;
  /** A pool as the API login (NOSUPERUSER NOBYPASSRLS), like the server's; `url` points it elsewhere (a proxy). */
  api(poolSize?: number, options?: { url?: string; queryTimeoutMs?: number; connectionTimeoutMs?: number }): Promise<DataSource>;
  /** A raw client as the owner, for fixtures and catalogue checks. Never used by the API. */
  owner(): Promise<Client>;
  drop(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env.INTROSAK_TEST_ADMIN_URL;
  if (!url) throw new Error('INTROSAK_TEST_ADMIN_URL is not set: run the tests with jest (global setup)');
  return url;
}

/**
 * A fresh database with every migration applied, dropped again after the test file. With
 * INTROSAK_TEST_CITUS_URL (npm run test:on-citus, .ci/citus: the owner connection to a Citus coordinator) it is
 * the cluster's database instead, emptied of every tenant row: the integration and security suites then run
 * on Citus (issue 14).
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const citus = process.env.INTROSAK_TEST_CITUS_URL;
  if (citus) return emptiedCitusDatabase(citus);
  const name = `introsak_test_${crypto.randomBytes(5).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(adminUrl());
  u.pathname = `/${name}`;
  const ownerUrl = u.toString();
  await migrate(ownerUrl);
  return testDatabaseAt(name, ownerUrl, async () => {
    const a = new Client({ connectionString: adminUrl() });
    await a.connect();
    await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await a.end();
  });
}

/**
 * The database of a Citus cluster (CITUS_URL: the owner connection to its coordinator, whose database has
 * the citus extension on every node; `../shared/citus/cluster up` prints it), emptied, migrated and
 * distributed with `npm run db:distribute`'s function. A Citus database cannot be created per test file
 * as simply as a plain one (the extension and the node registrations are per database), so the test
 * empties the cluster's database first: run one Citus test file at a time.
 */
export async function createCitusTestDatabase(
  url: string,
  beforeDistribute: (owner: Client) => Promise<void> = async () => undefined,
): Promise<TestDatabase & { distribution: DistributionReport }> {
  const c = new Client({ connectionString: url });
  await c.connect();
  let distribution: DistributionReport;
  try {
    await c.query(`DROP SCHEMA IF EXISTS app CASCADE`);
    await c.query(`DROP SCHEMA IF EXISTS app_context CASCADE`);
    await c.query(`DROP TABLE IF EXISTS public.introsak_migrations`);
    await migrate(url);
    await beforeDistribute(c);
    distribution = await distributeSchema(c);
  } finally {
    await c.end();
  }
  const db = await testDatabaseAt(new URL(url).pathname.slice(1), url, async () => undefined);
  return { ...db, distribution };
}

/**
 * The Citus cluster's database for a test file of the ordinary suites: migrated and distributed once per run
 * (createCitusTestDatabase), then emptied for each file with one TRUNCATE of every tenant table, which Citus
 * runs on every shard. The reference tables (municipalities, counties, Statsforvalter areas) are the
 * migrations' own and stay; so do the context keys (each file's process registers its own). A Citus
 * database is per cluster, not per file: one file at a time (jest --runInBand), one TestDatabase at a time.
 */
async function emptiedCitusDatabase(url: string): Promise<TestDatabase> {
  if (process.env.INTROSAK_TEST_CITUS_READY !== url) {
    await createCitusTestDatabase(url);
    // process.env outlives the test file's module registry: the next file only empties the database.
    process.env.INTROSAK_TEST_CITUS_READY = url;
  } else {
    const c = new Client({ connectionString: url });
    await c.connect();
    try {
      const { rows } = await c.query<{ t: string }>(`SELECT logicalrelid::regclass::text AS t FROM pg_dist_partition WHERE partmethod = 'h' ORDER BY 1`);
      await c.query(`TRUNCATE ${rows.map((r) => r.t).join(', ')} RESTART IDENTITY`);
    } finally {
      await c.end();
    }
  }
  return testDatabaseAt(new URL(url).pathname.slice(1), url, async () => undefined);
}

async function testDatabaseAt(name: string, ownerUrl: string, dropDatabase: () => Promise<void>): Promise<TestDatabase> {
  // The key this process signs its tenant contexts with (src/db/tenant-context.ts), as the server registers its own.
  await withOwner(ownerUrl, (owner) => registerContextKey(owner));
  const password = apiPassword(loadConfig());
  await ensureApiLogin(ownerUrl, password);
  const apiUrl = apiUrlFrom(ownerUrl, password);
  const pools: DataSource[] = [];
  const clients: Client[] = [];
  return {
    name,
    ownerUrl,
    apiUrl,
    async api(poolSize = 4, options = {}) {
      const ds = apiDataSource(options.url ?? apiUrl, poolSize, options);
      await ds.initialize();
      pools.push(ds);
      return ds;
    },
    async owner() {
      const c = new Client({ connectionString: ownerUrl });
      await c.connect();
      clients.push(c);
      return c;
    },
    async drop() {
      for (const p of pools) if (p.isInitialized) await p.destroy();
      for (const c of clients) await c.end().catch(() => undefined);
      await dropDatabase();
    },
  };
}
