import { Client } from 'pg';
import { loadConfig } from '../../src/config';
import { migrate } from '../../src/db/database';
import { EmbeddedDatabase } from '../../src/db/embedded';
import { scriptDatabase } from './database';

export const BENCH_DATABASE = 'introsak_bench';

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
  return { ownerUrl, adminUrl, embedded };
}
