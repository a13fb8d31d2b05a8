import { DataSource } from 'typeorm';
import './pg-types';
import { MIGRATIONS } from '../../migrations';

export const API_ROLE = 'introsak_api';

/**
 * An idle pooled connection that dies (restart, terminated backend, network cut) is dropped by
 * pg-pool, which then emits 'error' on the pool: with no listener that would end the process. Every
 * data source passes this handler (TypeORM attaches it to its pool); the server points it at its log.
 */
export let poolErrorHandler: (err: unknown) => void = () => undefined;
export function onPoolError(handler: (err: unknown) => void): void {
  poolErrorHandler = handler;
}

/** Connection options every pool shares: TCP keepalive finds a silently dead peer (a cut network) on idle connections. */
const CONNECTION = { keepAlive: true, keepAliveInitialDelayMillis: 10_000 };

/**
 * A statement whose answer never arrives (the network cut without a reset) fails after this long on
 * the client side; the database's own statement_timeout (5 s on the API role) ends it on the server.
 */
export const API_QUERY_TIMEOUT_MS = 15_000;

/** The owner's connection: runs migrations, never serves a request. */
export function ownerDataSource(url: string): DataSource {
  return new DataSource({
    poolErrorHandler: (err: unknown) => poolErrorHandler(err),
    type: 'postgres',
    url,
    migrations: MIGRATIONS,
    migrationsTableName: 'introsak_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    extra: { max: 2, application_name: 'introsak-migrations', ...CONNECTION },
  });
}

/** The API login's pool: every request runs in one of its transactions with the caller's settings. */
export function apiDataSource(url: string, poolSize: number, options: { queryTimeoutMs?: number; connectionTimeoutMs?: number } = {}): DataSource {
  return new DataSource({
    type: 'postgres',
    poolErrorHandler: (err: unknown) => poolErrorHandler(err),
    url,
    synchronize: false,
    migrationsRun: false,
    extra: {
      max: poolSize,
      application_name: 'introsak-api',
      connectionTimeoutMillis: options.connectionTimeoutMs ?? 5000,
      idleTimeoutMillis: 30000,
      query_timeout: options.queryTimeoutMs ?? API_QUERY_TIMEOUT_MS,
      ...CONNECTION,
    },
  });
}

/** The API login's URL: the same server and database as the owner's, as user introsak_api. */
export function apiUrlFrom(ownerUrl: string, password: string): string {
  const u = new URL(ownerUrl);
  u.username = API_ROLE;
  u.password = encodeURIComponent(password);
  return u.toString();
}
