import http from 'node:http';
import { ApolloServer, HeaderMap, HTTPGraphQLResponse } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { DataSource } from 'typeorm';
import { Actor, tenantSettings } from '../auth/actor';
import { configureIdentityKey } from '../auth/identity-key';
import { OrgDirectory } from '../auth/org-directory';
import { isRole } from '../auth/roles';
import { actorFromClaims, AuthenticationError, signDevToken, TokenVerifier, UnknownOrganisationError } from '../auth/token';
import { Config } from '../config';
import { todayInOslo } from '../domain/calendar';
import { isConnectionError, RETRY_AFTER_SECONDS } from '../db/connection-errors';
import { RequestTransaction } from '../db/request-transaction';
import { Tracing } from '../telemetry/tracing';
import { GraphQLContext } from '../graphql/context';
import { unavailableError } from '../graphql/errors';
import { beforeCommit, buildAppSchema, createRequestLoaders } from '../graphql/schema';
import { matchHttpRoute } from '../graphql/http-routes';
import { configureCursorKey } from '../graphql/pagination';
import { createApollo } from './apollo';
import { serveDocumentRoute } from './documents-route';
import { DevTokenOrgs, GRAPHIQL_ASSET_PREFIX, graphiqlAsset, graphiqlPage } from './graphiql';
import { AppLogger } from './logger';
import { Metrics } from './metrics';
import { metricsListener, serveMetricsOnApiPort } from './metrics-route';
import { createRateLimits } from './rate-limit';
import { loadTrustedDocuments, untrustedAnswer } from './trusted-documents';
import { bodyProblem, bodyProblemAnswer, searchProblem } from './request-guards';
import { RequestIds, requestIdsOf, setRequestIdHeaders } from './request-id';

export interface AppDeps {
  config: Config;
  api: DataSource;
  directory: OrgDirectory;
  verifier: TokenVerifier;
  log: AppLogger;
  /**
   * The generated development secret (.data/jwt-dev-secret). When given, and never in production,
   * GraphiQL offers development tokens (POST /dev/token) signed with it.
   */
  devTokenSecret?: string | null;
}

export interface App {
  handler: (req: http.IncomingMessage, res: http.ServerResponse) => void;
  apollo: ApolloServer<GraphQLContext>;
  /** Stop reporting ready and answer new GraphQL work with 503 UNAVAILABLE; in-flight requests finish. */
  beginShutdown(): void;
  /** Requests being served that arrived before the shutdown began (the drain waits for these). */
  inFlight(): number;
  /** Resolves when no request that arrived before the shutdown is still being served. */
  idle(): Promise<void>;
  stop(): Promise<void>;
  /** /metrics for a port of its own (METRICS_PORT): main.ts listens with it. */
  metricsHandler: http.RequestListener;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function authError(code: 'UNAUTHENTICATED' | 'FORBIDDEN', message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: code === 'UNAUTHENTICATED' ? 401 : 403 } } });
}

async function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new HttpError(413, 'Request body too large');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpError(413, 'Request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** The answer to every transient failure: HTTP 503, Retry-After, one error with code UNAVAILABLE. */
function unavailableBody(): string {
  return JSON.stringify({ errors: [unavailableError()] });
}
const UNAVAILABLE_HEADERS = { 'retry-after': String(RETRY_AFTER_SECONDS) };

/**
 * RFC 6750 § 3: every 401 names the scheme and realm; when a bearer token was sent and refused,
 * error="invalid_token". A request without one (or with another scheme) gets no error code.
 */
function wwwAuthenticate(authorization: string | undefined): string {
  return /^Bearer\s/i.test(authorization ?? '')
    ? 'Bearer realm="introsak", error="invalid_token", error_description="The token is invalid or expired"'
    : 'Bearer realm="introsak"';
}

const DEV_TOKEN_HOURS = 8;

/**
 * The request's clock: today in Europe/Oslo (worked out at most once a second: Intl formatting per
 * request showed in profiles) and the instant. With a fixed today (INTROSAK_TODAY, outside production)
 * every request sees that date, and the instant moves by the same number of days.
 */
function requestClock(fixedToday: string | null): () => { today: string; now: Date } {
  let cache = { at: 0, today: '', shiftMs: 0 };
  return () => {
    const at = Date.now();
    if (at - cache.at >= 1000 || at < cache.at) {
      const real = todayInOslo(new Date(at));
      const today = fixedToday ?? real;
      cache = { at, today, shiftMs: fixedToday ? Date.parse(fixedToday + 'T00:00:00Z') - Date.parse(real + 'T00:00:00Z') : 0 };
    }
    return { today: cache.today, now: new Date(at + cache.shiftMs) };
  };
}

export async function createApp(deps: AppDeps): Promise<App> {
  const { config, api, directory, verifier, log } = deps;
  const metrics = new Metrics(api);
  // Opaque cursors (issue 19): one key for every process that shares the secret.
  configureCursorKey(config.cursorSecret ?? (config.jwt.mode === 'secret' ? config.jwt.secret : null) ?? deps.devTokenSecret ?? null);
  // Keyed hashes of identity numbers (shared care leave, R-13.6): one key for every process that shares the database.
  configureIdentityKey(config.identityKeySecret ?? (config.jwt.mode === 'secret' ? config.jwt.secret : null) ?? deps.devTokenSecret ?? null);
  const clock = requestClock(config.fixedToday);
  const apollo = createApollo(buildAppSchema(), { production: config.production, log, plugins: [metrics.plugin()] });
  const rateLimits = createRateLimits(config);
  const tracing = Tracing.start(config.tracing);
  const trusted = config.trustedDocumentsFile ? loadTrustedDocuments(config.trustedDocumentsFile) : null;
  await apollo.start();
  let shuttingDown = false;
  let inFlight = 0;
  let idleWaiters: (() => void)[] = [];

  async function authenticate(header: string | undefined): Promise<Actor> {
    const match = /^Bearer ([A-Za-z0-9_\-.]+)$/.exec(header ?? '');
    if (!match) throw authError('UNAUTHENTICATED', 'Send a bearer token in the Authorization header');
    try {
      return actorFromClaims(await verifier.verify(match[1]), directory);
    } catch (err) {
      if (err instanceof UnknownOrganisationError) throw authError('FORBIDDEN', 'Your organisation is not known to introsak');
      if (err instanceof AuthenticationError) throw authError('UNAUTHENTICATED', 'The token is invalid or expired');
      throw err;
    }
  }

  function cors(req: http.IncomingMessage, res: http.ServerResponse): void {
    const origin = req.headers.origin;
    if (origin && config.corsOrigins.includes(origin)) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('vary', 'Origin');
      res.setHeader('access-control-allow-headers', 'authorization, content-type, apollo-require-preflight, x-apollo-operation-name, x-request-id');
      res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
      res.setHeader('access-control-max-age', '600');
      // A browser client may read the request id (to quote it), the statement count, the 401 challenge, a
      // 429's wait and a document's or export's file name (a dashboard's "download" button saves it under it).
      res.setHeader('access-control-expose-headers', 'x-request-id, x-client-request-id, x-sql-statements, www-authenticate, retry-after, content-disposition');
    }
  }

  async function serveGraphql(req: http.IncomingMessage, res: http.ServerResponse, url: URL, ids: RequestIds): Promise<void> {
    const { requestId } = ids;
    const reqLog = log.child(ids.clientRequestId ? { requestId, clientRequestId: ids.clientRequestId } : { requestId });
    const started = process.hrtime.bigint();
    let tx: RequestTransaction | null = null;
    let context: GraphQLContext | null = null;
    const requestTrace = tracing?.request(req.method ?? 'GET', '/graphql', req.headers) ?? null;
    if (requestTrace) res.on('close', () => requestTrace.finish(res.statusCode));
    try {
      let body: unknown = undefined;
      if (req.method === 'POST') {
        const text = await readBody(req, config.bodyLimitBytes);
        try {
          body = text ? JSON.parse(text) : {};
        } catch {
          throw new HttpError(400, 'The request body is not valid JSON');
        }
      }
      const problem = req.method === 'POST' ? bodyProblem(body) : searchProblem(url.searchParams);
      if (problem) return sendJson(res, 400, bodyProblemAnswer(problem));
      if (trusted) {
        // Only POST carries a trusted document (GET would take its query from the URL unchecked).
        const resolved =
          req.method === 'POST' && body && typeof body === 'object'
            ? trusted.resolve(body as Record<string, unknown>)
            : { refused: 'Send trusted documents with POST' };
        if ('refused' in resolved) return sendJson(res, 400, untrustedAnswer(resolved.refused));
        body = resolved.body;
      }
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      let result: HTTPGraphQLResponse = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
        context: async () => {
          const actor = await authenticate(req.headers.authorization);
          await rateLimits.check(actor);
          tx = new RequestTransaction(api, tenantSettings(actor));
          tx.deadline = Date.now() + config.requestBudgetMs;
          tx.trace = requestTrace;
          const { today, now } = clock();
          const made: GraphQLContext = { requestId, actor, tx, loaders: createRequestLoaders(), directory, log: reqLog, today, now, state: {} };
          context = made;
          return made;
        },
      });
      const openTx = tx as RequestTransaction | null;
      // A connection lost (or never had) while the operation ran: nothing of it is committed, whatever
      // the fields say, so the whole answer is UNAVAILABLE and the client retries.
      let unavailable: unknown = openTx?.unavailable ?? null;
      if (unavailable) reqLog.warn({ err: unavailable }, 'database unavailable');
      if (openTx && !unavailable) {
        // The transaction ends before the client hears anything: no client is told of a write that was not committed.
        if ((context as GraphQLContext | null)?.state.outcome === 'ok') {
          try {
            await beforeCommit(context as unknown as GraphQLContext);
            await openTx.commit();
          } catch (err) {
            // A failed COMMIT: the write may or may not be saved; a retry with the same idempotency key finds out.
            reqLog.error({ err }, 'commit failed');
            unavailable = err;
          }
        } else {
          await openTx.rollback();
        }
      }
      if (!unavailable && (result.status ?? 200) >= 500 && result.body.kind === 'complete' && result.body.string.includes('"code":"UNAVAILABLE"')) {
        // A transient failure outside the transaction (e.g. while the request was being set up): the same 503 answer.
        unavailable = true;
      }
      if (unavailable) {
        result = {
          status: 503,
          headers: new HeaderMap([['content-type', 'application/json; charset=utf-8'], ...Object.entries(UNAVAILABLE_HEADERS)]),
          body: { kind: 'complete', string: unavailableBody() },
        };
      }
      const outHeaders: Record<string, string> = { 'x-request-id': requestId };
      for (const [k, v] of result.headers) outHeaders[k] = v;
      if (result.status === 401) outHeaders['www-authenticate'] = wwwAuthenticate(req.headers.authorization);
      if (openTx && config.sqlStatementHeader) outHeaders['x-sql-statements'] = String(openTx.data.statements);
      if (shuttingDown) outHeaders.connection = 'close';
      if (result.body.kind !== 'complete') throw new Error('incremental delivery is not supported');
      res.writeHead(result.status ?? 200, outHeaders);
      res.end(result.body.string);
      reqLog.info({ status: result.status ?? 200, ms: Number(process.hrtime.bigint() - started) / 1e6, sql: openTx?.data.statements }, 'graphql');
    } catch (err) {
      if (err instanceof HttpError) {
        sendJson(res, err.status, { errors: [{ message: err.message, extensions: { code: 'BAD_REQUEST' } }] }, { 'x-request-id': requestId });
      } else if (isConnectionError(err) || (tx as RequestTransaction | null)?.unavailable) {
        reqLog.warn({ err }, 'database unavailable');
        sendJson(res, 503, JSON.parse(unavailableBody()), { 'x-request-id': requestId, ...UNAVAILABLE_HEADERS });
      } else {
        reqLog.error({ err }, 'request failed');
        sendJson(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }, { 'x-request-id': requestId });
      }
    } finally {
      const openTx = tx as RequestTransaction | null;
      if (openTx) await openTx.release().catch((err) => reqLog.error({ err }, 'release failed'));
    }
  }

  const devTokenSecret = !config.production && deps.devTokenSecret ? deps.devTokenSecret : null;
  const devTokenOrgs: DevTokenOrgs | null = devTokenSecret
    ? {
        MUNICIPALITY: directory.municipalities().map((m) => [m.number, m.name]),
        COUNTY: directory.countyList().map((c) => [c.number, c.name]),
        STATSFORVALTER: directory.areaList().map((a) => [a.id, a.name]),
      }
    : null;

  /** POST /dev/token {role, org}: a development token for GraphiQL's token bar. Never in production. */
  async function devToken(req: http.IncomingMessage, res: http.ServerResponse, secret: string): Promise<void> {
    if (req.method !== 'POST') return sendJson(res, 405, { error: 'POST {"role": …, "org": …}' }, { allow: 'POST' });
    let body: { role?: unknown; org?: unknown };
    try {
      body = JSON.parse((await readBody(req, 10_000)) || '{}');
    } catch (err) {
      if (err instanceof HttpError) return sendJson(res, err.status, { error: err.message });
      return sendJson(res, 400, { error: 'The request body is not valid JSON' });
    }
    const { role, org } = body;
    if (!isRole(role)) return sendJson(res, 400, { error: 'role must be MUNICIPALITY, COUNTY or STATSFORVALTER' });
    const orgName = typeof org === 'string' ? directory.orgName(role, org) : null;
    if (typeof org !== 'string' || !orgName) return sendJson(res, 400, { error: `org ${JSON.stringify(org)} is not a known organisation for ${role}` });
    const issuedAt = Math.floor(Date.now() / 1000);
    const token = await signDevToken(
      secret,
      { sub: `dev-${role.toLowerCase()}-${org}`, name: `Developer (${orgName})`, role, org },
      { expiresInSeconds: DEV_TOKEN_HOURS * 3600, issuedAt },
    );
    sendJson(
      res,
      200,
      { token, role, org, orgName, expiresAt: new Date((issuedAt + DEV_TOKEN_HOURS * 3600) * 1000).toISOString() },
      { 'cache-control': 'no-store' },
    );
  }

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const ids = requestIdsOf(req);
    const requestId = ids.requestId;
    setRequestIdHeaders(res, ids);
    cors(req, res);
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    switch (url.pathname) {
      case '/metrics':
        return serveMetricsOnApiPort(req, res, metrics, config);
      case '/healthz':
        return sendJson(res, 200, { status: 'ok' });
      case '/readyz': {
        if (shuttingDown) return sendJson(res, 503, { status: 'shutting down' });
        try {
          await api.query('SELECT 1');
          return sendJson(res, 200, { status: 'ready' });
        } catch {
          return sendJson(res, 503, { status: 'database unreachable' });
        }
      }
      case '/graphql': {
        const wantsHtml = req.method === 'GET' && !url.search && (req.headers.accept ?? '').includes('text/html');
        if (wantsHtml && !config.production) {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
          res.end(graphiqlPage({ devTokens: devTokenOrgs }));
          return;
        }
        if (shuttingDown) {
          return sendJson(
            res,
            503,
            { errors: [unavailableError('The server is shutting down; try again')] },
            { connection: 'close', 'x-request-id': requestId, ...UNAVAILABLE_HEADERS },
          );
        }
        return serveGraphql(req, res, url, ids);
      }
      case '/dev/token':
        if (devTokenSecret) return devToken(req, res, devTokenSecret);
        break;
    }
    // Documents and exports (src/http/documents-route.ts): the same token, transaction and access log as GraphQL.
    const documentRoute = matchHttpRoute(req.method, url.pathname);
    if (documentRoute) {
      if (shuttingDown)
        return sendJson(res, 503, { errors: [unavailableError('The server is shutting down; try again')] }, { connection: 'close', ...UNAVAILABLE_HEADERS });
      const deps = { api, directory, log, authenticate, clock, wwwAuthenticate, sqlStatementHeader: config.sqlStatementHeader };
      return serveDocumentRoute(deps, req, res, url, requestId, documentRoute);
    }
    if (!config.production && url.pathname.startsWith(GRAPHIQL_ASSET_PREFIX)) {
      const asset = graphiqlAsset(url.pathname.slice(GRAPHIQL_ASSET_PREFIX.length));
      if (asset) {
        res.writeHead(200, { 'content-type': asset.type, 'cache-control': 'public, max-age=3600' });
        res.end(asset.body);
        return;
      }
    }
    sendJson(res, 404, { error: 'not found' });
  }

  return {
    apollo,
    handler(req, res) {
      // What arrives during the drain is answered at once (503 for GraphQL, /readyz not ready) and
      // is not waited for; the drain waits only for the requests that came before it.
      if (!shuttingDown) {
        inFlight += 1;
        res.on('close', () => {
          inFlight -= 1;
          if (inFlight === 0 && idleWaiters.length) {
            const waiters = idleWaiters;
            idleWaiters = [];
            for (const w of waiters) w();
          }
        });
      } else {
        res.setHeader('connection', 'close');
      }
      route(req, res).catch((err) => {
        log.error({ err }, 'unhandled');
        if (!res.headersSent) sendJson(res, 500, { error: 'internal server error' });
        else res.destroy();
      });
    },
    beginShutdown() {
      shuttingDown = true;
    },
    inFlight: () => inFlight,
    idle: () => (inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => idleWaiters.push(resolve))),
    stop: async () => {
      await apollo.stop();
      await rateLimits.close();
      // The last spans are sent before the process ends.
      await tracing?.shutdown().catch((err) => log.warn({ err }, 'tracing shutdown failed'));
    },
    metricsHandler: metricsListener(metrics, config),
  };
}
