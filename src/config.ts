/**
 * Every environment variable introsak reads, parsed and validated once.
 * The README's configuration table lists the same variables; keep them in step.
 */
import path from 'node:path';
import { projectRoot } from './project-root';

export type JwtConfig = (
  { mode: 'secret'; secret: string | null; issuer?: string; audience?: string } | { mode: 'jwks'; jwksUrl: string; issuer: string; audience: string }
) & {
  /** The longest lifetime (exp − iat) a token may have (JWT_MAX_LIFETIME_SECONDS; default 24 h). */
  maxLifetimeSeconds?: number;
};

export interface Config {
  production: boolean;
  port: number;
  host: string;
  /** Connection of the schema owner: runs migrations. Null: start the embedded PostgreSQL. */
  databaseUrl: string | null;
  /** Connection of the API login (NOSUPERUSER NOBYPASSRLS). Null: derived from databaseUrl with user introsak_api. */
  databaseApiUrl: string | null;
  databaseApiPassword: string | null;
  poolSize: number;
  dataDir: string;
  jwt: JwtConfig;
  corsOrigins: string[];
  bodyLimitBytes: number;
  logLevel: string;
  shutdownGraceMs: number;
  /** Send x-sql-statements on GraphQL responses (outside production by default; the benchmark turns it on in production mode). */
  sqlStatementHeader: boolean;
  /**
   * Outside production only: the calendar date every request takes as today (INTROSAK_TODAY), so tests and
   * acceptance runs of date-dependent rules can run a whole server on a chosen day. Null: the real date.
   */
  fixedToday: string | null;
  /** GET /metrics needs this bearer token (METRICS_TOKEN); null: see metricsPort. */
  metricsToken: string | null;
  /** Serve /metrics on this port only (METRICS_PORT), on metricsHost; null: on the API port (outside production, or with a token). */
  metricsPort: number | null;
  metricsHost: string;
  /** Node's requestTimeout: the whole request (headers and body) must arrive within it (REQUEST_TIMEOUT_MS). */
  requestTimeoutMs: number;
  /** Node's headersTimeout: the headers must arrive within it (HEADERS_TIMEOUT_MS); at most requestTimeoutMs. */
  headersTimeoutMs: number;
  /** A GraphQL request's time budget (REQUEST_BUDGET_MS): no statement starts after it; answered TIMEOUT. */
  requestBudgetMs: number;
  /** Requests per minute per token subject and per organisation (RATE_LIMIT_PER_CALLER, RATE_LIMIT_PER_ORG), shared through Redis (REDIS_URL) or in memory. */
  rateLimit: { perCallerPerMinute: number; perOrgPerMinute: number; redisUrl: string | null; prefix: string };
  /** Run only the operations of this persisted-query manifest (TRUSTED_DOCUMENTS); null: any document. */
  trustedDocumentsFile: string | null;
  /** Secret the list cursors' key is derived from (CURSOR_SECRET); null: the token secret, else a random key per process. */
  cursorSecret: string | null;
  /**
   * OpenTelemetry traces over OTLP/HTTP: OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, or OTEL_EXPORTER_OTLP_ENDPOINT with
   * /v1/traces; null (the default): tracing off. OTEL_SERVICE_NAME (introsak), OTEL_BSP_SCHEDULE_DELAY (ms, 5000).
   */
  tracing: { tracesEndpoint: string | null; serviceName: string; batchDelayMs: number };
  /** Secret the identity numbers' keyed hashes are derived from (IDENTITY_KEY_SECRET, R-13.6); null: the token secret. */
  identityKeySecret: string | null;
  /** Secret the tenant-context signing key is derived from (CONTEXT_SECRET); null: a random key per process. */
  contextSecret: string | null;
}

/** The OTLP traces URL from the standard OpenTelemetry variables; OTEL_TRACES_EXPORTER=none turns it off. */
function tracesEndpoint(env: NodeJS.ProcessEnv): string | null {
  if (env.OTEL_TRACES_EXPORTER === 'none' || env.OTEL_SDK_DISABLED === 'true') return null;
  const url =
    env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || (env.OTEL_EXPORTER_OTLP_ENDPOINT ? `${env.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, '')}/v1/traces` : '');
  if (!url) return null;
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error();
  } catch {
    throw new Error(`OTEL_EXPORTER_OTLP_ENDPOINT / OTEL_EXPORTER_OTLP_TRACES_ENDPOINT must be an http(s) URL, got "${url}"`);
  }
  return url;
}

function int(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return n;
}

function positive(name: string, value: string): number {
  const n = int(name, value, 0);
  if (n === 0) throw new Error(`${name} must be a positive integer, got "${value}"`);
  return n;
}

function metricsToken(value: string | undefined): string | null {
  if (!value) return null;
  if (value.length < 32) throw new Error('METRICS_TOKEN must be at least 32 characters');
  return value;
}

function flag(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (value === 'on' || value === 'true' || value === '1') return true;
  if (value === 'off' || value === 'false' || value === '0') return false;
  throw new Error(`${name} must be on or off, got "${value}"`);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const jwksUrl = env.JWT_JWKS_URL || null;
  let jwt: JwtConfig;
  if (jwksUrl) {
    if (!env.JWT_ISSUER || !env.JWT_AUDIENCE) throw new Error('JWT_JWKS_URL needs JWT_ISSUER and JWT_AUDIENCE');
    jwt = { mode: 'jwks', jwksUrl, issuer: env.JWT_ISSUER, audience: env.JWT_AUDIENCE };
  } else {
    if (production && !env.JWT_SECRET) throw new Error('In production set JWT_JWKS_URL (with JWT_ISSUER, JWT_AUDIENCE) or JWT_SECRET');
    if (env.JWT_SECRET && env.JWT_SECRET.length < 32) throw new Error('JWT_SECRET must be at least 32 characters');
    jwt = { mode: 'secret', secret: env.JWT_SECRET || null, issuer: env.JWT_ISSUER || undefined, audience: env.JWT_AUDIENCE || undefined };
  }
  if (env.JWT_MAX_LIFETIME_SECONDS) jwt.maxLifetimeSeconds = positive('JWT_MAX_LIFETIME_SECONDS', env.JWT_MAX_LIFETIME_SECONDS);
  const fixedToday = env.INTROSAK_TODAY || null;
  if (fixedToday !== null) {
    if (production) throw new Error('INTROSAK_TODAY is for development and tests: it is refused in production');
    if (
      !/^\d{4}-\d{2}-\d{2}$/.test(fixedToday) ||
      Number.isNaN(Date.parse(fixedToday + 'T00:00:00Z')) ||
      new Date(fixedToday + 'T00:00:00Z').toISOString().slice(0, 10) !== fixedToday
    ) {
      throw new Error(`INTROSAK_TODAY must be a calendar date YYYY-MM-DD, got "${fixedToday}"`);
    }
  }
  if (production && !env.DATABASE_URL) throw new Error('In production DATABASE_URL is required (the embedded PostgreSQL is for development)');
  return {
    production,
    port: int('PORT', env.PORT, 4000),
    host: env.HOST || '0.0.0.0',
    databaseUrl: env.DATABASE_URL || null,
    databaseApiUrl: env.DATABASE_API_URL || null,
    databaseApiPassword: env.DATABASE_API_PASSWORD || null,
    poolSize: int('DATABASE_POOL_SIZE', env.DATABASE_POOL_SIZE, 10),
    dataDir: path.resolve(env.INTROSAK_DATA_DIR || path.join(projectRoot(), '.data')),
    jwt,
    corsOrigins: (env.CORS_ORIGINS || '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    bodyLimitBytes: int('BODY_LIMIT_BYTES', env.BODY_LIMIT_BYTES, 1_000_000),
    logLevel: env.LOG_LEVEL || (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    shutdownGraceMs: int('SHUTDOWN_GRACE_MS', env.SHUTDOWN_GRACE_MS, 10_000),
    sqlStatementHeader: flag('SQL_STATEMENT_HEADER', env.SQL_STATEMENT_HEADER, !production),
    fixedToday,
    metricsToken: metricsToken(env.METRICS_TOKEN),
    metricsPort: env.METRICS_PORT ? positive('METRICS_PORT', env.METRICS_PORT) : null,
    metricsHost: env.METRICS_HOST || '127.0.0.1',
    requestTimeoutMs: positive('REQUEST_TIMEOUT_MS', env.REQUEST_TIMEOUT_MS || '30000'),
    headersTimeoutMs: positive('HEADERS_TIMEOUT_MS', env.HEADERS_TIMEOUT_MS || '10000'),
    requestBudgetMs: positive('REQUEST_BUDGET_MS', env.REQUEST_BUDGET_MS || '10000'),
    rateLimit: {
      perCallerPerMinute: positive('RATE_LIMIT_PER_CALLER', env.RATE_LIMIT_PER_CALLER || '6000'),
      perOrgPerMinute: positive('RATE_LIMIT_PER_ORG', env.RATE_LIMIT_PER_ORG || '60000'),
      redisUrl: env.REDIS_URL || null,
      prefix: env.RATE_LIMIT_PREFIX || 'introsak:rl',
    },
    trustedDocumentsFile: env.TRUSTED_DOCUMENTS || null,
    cursorSecret: env.CURSOR_SECRET || null,
    tracing: {
      tracesEndpoint: tracesEndpoint(env),
      serviceName: env.OTEL_SERVICE_NAME || 'introsak',
      batchDelayMs: int('OTEL_BSP_SCHEDULE_DELAY', env.OTEL_BSP_SCHEDULE_DELAY, 5000),
    },
    identityKeySecret: env.IDENTITY_KEY_SECRET || null,
    contextSecret: env.CONTEXT_SECRET || null,
  };
}
