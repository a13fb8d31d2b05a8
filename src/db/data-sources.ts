import { DataSource } from 'typeorm';
import './pg-types';
import { MIGRATIONS } from '../../migrations';

export const API_ROLE = 'introsak_api';

/** The owner's connection: runs migrations, never serves a request. */
export function ownerDataSource(url: string): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    migrations: MIGRATIONS,
    migrationsTableName: 'introsak_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    extra: { max: 2, application_name: 'introsak-migrations' },
  });
}

/** The API login's pool: every request runs in one of its transactions with the caller's settings. */
export function apiDataSource(url: string, poolSize: number): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: false,
    extra: {
      max: poolSize,
      application_name: 'introsak-api',
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 30000,
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
