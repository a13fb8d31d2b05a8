import path from 'node:path';
import { DataSource } from 'typeorm';
import { Config } from '../config';
import { API_ROLE, apiDataSource, apiUrlFrom, ownerDataSource } from './data-sources';
import { RequestTransaction } from './request-transaction';
import { configureContextKey, registerContextKey } from './tenant-context';
import { EmbeddedDatabase, readOrCreateSecret, startEmbeddedPostgres } from './embedded';

export interface Database {
  /** The API login's pool. */
  api: DataSource;
  ownerUrl: string;
  embedded: EmbeddedDatabase | null;
  close(): Promise<void>;
}

/**
 * Applies pending migrations as the owner. Migrations are the only way the schema is made.
 *
 * The login roles are shared by every database of the server: two databases migrating at the same
 * moment (two deployments, parallel test runs) can both ALTER ROLE introsak_api, and PostgreSQL
 * refuses the second with "tuple concurrently updated". Each migration is its own transaction, so the
 * failed one left nothing behind: run the pending ones again (a few times, with a short pause).
 */
export async function migrate(ownerUrl: string): Promise<string[]> {
  const applied: string[] = [];
  for (let attempt = 1; ; attempt++) {
    const ds = ownerDataSource(ownerUrl);
    await ds.initialize();
    try {
      applied.push(...(await ds.runMigrations({ transaction: 'each' })).map((m) => m.name));
      return applied;
    } catch (err) {
      if (attempt >= 5 || !/tuple concurrently (updated|deleted)/.test(String((err as Error).message))) throw err;
    } finally {
      await ds.destroy();
    }
    await new Promise((r) => setTimeout(r, 50 * attempt + Math.random() * 100));
  }
}

/**
 * The API login's password: DATABASE_API_PASSWORD, or in development one generated once into .data/.
 * Set on the role by the owner at start-up, so a fresh database works with no manual step.
 */
/**
 * One signed transaction as the API login must verify (app.context_verified()): otherwise every request would
 * see no rows (a key not registered, or the database's clock more than 60 s from this host's). Fail the start.
 */
export async function checkContextVerifies(api: DataSource): Promise<void> {
  const tx = new RequestTransaction(api, { role: 'START_UP_CHECK', org: '', actor: 'start-up', municipalityId: null, municipalityIds: [] });
  try {
    await tx.begin(true);
    const [row] = await tx.query<{ ok: boolean }>(`SELECT app.context_verified() AS ok`);
    if (!row?.ok) {
      throw new Error(
        "The signed tenant context does not verify as the API login: is this process's key registered (app_context.key), and is the database's clock within 60 s of this host's?",
      );
    }
  } finally {
    await tx.rollback();
    await tx.release();
  }
}

/** Runs fn on a short-lived owner connection. */
export async function withOwner<T>(ownerUrl: string, fn: (owner: DataSource) => Promise<T>): Promise<T> {
  const ds = ownerDataSource(ownerUrl);
  await ds.initialize();
  try {
    return await fn(ds);
  } finally {
    await ds.destroy();
  }
}

export async function ensureApiLogin(ownerUrl: string, password: string): Promise<void> {
  const ds = ownerDataSource(ownerUrl);
  await ds.initialize();
  try {
    const literal = "'" + password.replace(/'/g, "''") + "'";
    await ds.query(`ALTER ROLE ${API_ROLE} WITH LOGIN PASSWORD ${literal}`);
  } finally {
    await ds.destroy();
  }
}

export function apiPassword(config: Config): string {
  if (config.databaseApiPassword) return config.databaseApiPassword;
  if (config.production) throw new Error('In production set DATABASE_API_URL or DATABASE_API_PASSWORD');
  return readOrCreateSecret(path.join(config.dataDir, 'api-db-password'));
}

export async function openDatabase(config: Config, log: (msg: string) => void): Promise<Database> {
  let embedded: EmbeddedDatabase | null = null;
  let ownerUrl = config.databaseUrl;
  if (!ownerUrl) {
    embedded = await startEmbeddedPostgres(config.dataDir, (m) => log(`[postgres] ${m}`));
    ownerUrl = embedded.url;
    log(`embedded PostgreSQL started on ${new URL(ownerUrl).host} (data in ${path.join(config.dataDir, 'postgres')})`);
  }
  try {
    const applied = await migrate(ownerUrl);
    if (applied.length) log(`applied migrations: ${applied.join(', ')}`);
    configureContextKey(config.contextSecret);
    await withOwner(ownerUrl, (owner) => registerContextKey(owner));
    let apiUrl = config.databaseApiUrl;
    if (!apiUrl) {
      const password = apiPassword(config);
      await ensureApiLogin(ownerUrl, password);
      apiUrl = apiUrlFrom(ownerUrl, password);
    }
    const api = apiDataSource(apiUrl, config.poolSize);
    await api.initialize();
    await checkContextVerifies(api);
    return {
      api,
      ownerUrl,
      embedded,
      async close() {
        if (api.isInitialized) await api.destroy();
        if (embedded) await embedded.stop();
      },
    };
  } catch (err) {
    if (embedded) await embedded.stop();
    throw err;
  }
}
