/**
 * Documents and exports over HTTP (src/graphql/http-routes.ts: the decision letters, the participation
 * certificate, the CSV exports): the same bearer token as GraphQL, one request transaction with the caller's
 * settings (row-level security), the access log written before the commit, and the same error codes.
 *
 * A whole document (a PDF) is sent only after the transaction has committed. A stream (an export) sends its
 * head at once and its rows as it reads them, waiting while the client reads slowly (bounded memory); it
 * commits after the last row. A stream that fails half-way cannot change its status any more: the connection
 * is cut, so the client sees an incomplete download (never a file that looks complete).
 */
import http from 'node:http';
import { once } from 'node:events';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { DataSource } from 'typeorm';
import { Actor, tenantSettings } from '../auth/actor';
import { OrgDirectory } from '../auth/org-directory';
import { RETRY_AFTER_SECONDS } from '../db/connection-errors';
import { RequestTransaction } from '../db/request-transaction';
import { GraphQLContext } from '../graphql/context';
import { toClientError } from '../graphql/errors';
import { languageOf, localiseViolations } from './error-language';
import { ClientGoneError, DocumentBody, HttpRoute, HttpRouteReply, StreamWriter } from '../graphql/http-route';
import { beforeCommit, createRequestLoaders } from '../graphql/schema';
import { AppLogger } from './logger';

export interface DocumentRouteDeps {
  api: DataSource;
  directory: OrgDirectory;
  log: AppLogger;
  authenticate(header: string | undefined): Promise<Actor>;
  clock(): { today: string; now: Date };
  wwwAuthenticate(authorization: string | undefined): string;
  sqlStatementHeader: boolean;
}

const STATUS_BY_CODE: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  RULE_VIOLATION: 422,
  CONFLICT: 409,
  TIMEOUT: 503,
  UNAVAILABLE: 503,
};

/** RFC 6266: an ASCII file name (the routes never put personal data into it). */
function disposition(filename: string, inline: boolean): string {
  const safe = filename.replace(/[^A-Za-z0-9._-]/g, '_');
  return `${inline ? 'inline' : 'attachment'}; filename="${safe}"`;
}

export async function serveDocumentRoute(
  deps: DocumentRouteDeps,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  requestId: string,
  match: { route: HttpRoute; params: string[] },
): Promise<void> {
  const reqLog = deps.log.child({ requestId });
  const started = process.hrtime.bigint();
  let tx: RequestTransaction | null = null;
  let streaming = false;
  let clientGone = false;
  res.on('close', () => {
    if (!res.writableFinished) clientGone = true;
  });
  const fail = (err: unknown) => {
    const formatted: GraphQLFormattedError = err instanceof GraphQLError ? err.toJSON() : { message: err instanceof Error ? err.message : String(err) };
    const client = toClientError(formatted, err, (e, code) => reqLog.error({ err: e, code }, 'document route error'));
    // The same violations in the caller's language as over GraphQL (issue 17 item 4).
    localiseViolations([client], languageOf(req.headers['accept-language']));
    const code = String(client.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
    const status = STATUS_BY_CODE[code] ?? 500;
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'x-request-id': requestId };
    if (status === 401) headers['www-authenticate'] = deps.wwwAuthenticate(req.headers.authorization);
    if (status === 503) headers['retry-after'] = String(RETRY_AFTER_SECONDS);
    const body = JSON.stringify({ errors: [{ message: client.message, extensions: client.extensions }] });
    res.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(body)) });
    res.end(body);
    return status;
  };
  try {
    const actor = await deps.authenticate(req.headers.authorization);
    if (!match.route.roles.includes(actor.role)) throw new GraphQLError('Not allowed for your role', { extensions: { code: 'FORBIDDEN' } });
    tx = new RequestTransaction(deps.api, tenantSettings(actor));
    // Read-only work: its only writes are access-log rows (as for a GraphQL query).
    await tx.begin(true);
    const { today, now } = deps.clock();
    const ctx: GraphQLContext = { requestId, actor, tx, loaders: createRequestLoaders(), directory: deps.directory, log: reqLog, today, now, state: {} };
    let doc: DocumentBody | null = null;
    const reply: HttpRouteReply = {
      send(d) {
        doc = d;
      },
      stream(head): StreamWriter {
        streaming = true;
        res.writeHead(200, {
          'content-type': head.contentType,
          'content-disposition': disposition(head.filename, false),
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
          'x-request-id': requestId,
        });
        return {
          async write(chunk) {
            if (clientGone) throw new ClientGoneError();
            if (!res.write(chunk)) {
              await Promise.race([once(res, 'drain'), once(res, 'close')]);
              if (clientGone) throw new ClientGoneError();
            }
          },
        };
      },
    };
    try {
      await match.route.handle(ctx, { params: match.params, query: url.searchParams, headers: req.headers }, reply);
    } catch (err) {
      // The client left half-way through an export: what it was sent was read, so its access log still commits.
      if (!(err instanceof ClientGoneError)) throw err;
    }
    await beforeCommit(ctx);
    await tx.commit();
    if (streaming) {
      if (!clientGone) res.end();
    } else {
      const d = doc as DocumentBody | null;
      if (!d) throw new Error('the route sent nothing');
      const headers: Record<string, string> = {
        'content-type': d.contentType,
        'content-length': String(d.body.length),
        'content-disposition': disposition(d.filename, true),
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        'x-request-id': requestId,
      };
      if (deps.sqlStatementHeader) headers['x-sql-statements'] = String(tx.data.statements);
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : d.body);
    }
    reqLog.info({ status: 200, route: match.route.pattern.source, ms: Number(process.hrtime.bigint() - started) / 1e6, sql: tx.data.statements }, 'document');
  } catch (err) {
    await tx?.rollback();
    if (streaming) {
      // The head is out: the only honest answer left is to cut the connection.
      reqLog.error({ err }, 'stream failed');
      res.destroy(err instanceof Error ? err : new Error(String(err)));
    } else {
      const status = fail(err);
      reqLog.info({ status, route: match.route.pattern.source, ms: Number(process.hrtime.bigint() - started) / 1e6 }, 'document');
    }
  } finally {
    if (tx) await tx.release().catch((err) => reqLog.error({ err }, 'release failed'));
  }
}
