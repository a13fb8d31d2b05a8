import { Client } from 'pg';
import { loadConfig } from '../../src/config';
import { migrate, withOwner } from '../../src/db/database';
import { registerContextKey } from '../../src/db/tenant-context';
import { EmbeddedDatabase } from '../../src/db/embedded';
import { scriptDatabase } from './database';

/**
 * The benchmark's database: introsak_bench, or INTROSAK_BENCH_DATABASE (so engineers sharing one
 * PostgreSQL server each seed and measure their own copy).
 */
export const BENCH_DATABASE = benchDatabaseName(process.env.INTROSAK_BENCH_DATABASE);

function benchDatabaseName(name: string | undefined): string {
  if (!name) return 'introsak_bench';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`INTROSAK_BENCH_DATABASE must be a plain lower-case SQL name, got "${name}"`);
  return name;
}

/** The benchmark's database on DATABASE_URL's server (or the embedded one): created and migrated if missing. */
export async function openBenchDatabase(): Promise<{ ownerUrl: string; adminUrl: string; embedded: EmbeddedDatabase | null }> {
  const config = loadConfig();
  // DATABASE_URL, or the embedded development database (npm start's, or started here and stopped by the caller).
  const db = await scriptDatabase(config, { create: true });
  const embedded: EmbeddedDatabase = { url: db.url, stop: db.stop };
  const adminUrl = db.url;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  const { rows } = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [BENCH_DATABASE]);
  if (!rows.length) await admin.query(`CREATE DATABASE ${BENCH_DATABASE}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${BENCH_DATABASE}`;
  const ownerUrl = u.toString();
  await migrate(ownerUrl);
  await withOwner(ownerUrl, (owner) => registerContextKey(owner));
  return { ownerUrl, adminUrl, embedded };
}
