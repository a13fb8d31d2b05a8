/**
 * A route outside GraphQL that serves a document or an export (src/modules/documents, src/modules/exports):
 * the same bearer token, the same request transaction and row-level security, the same access log. The
 * HTTP layer (src/http/documents-route.ts) authenticates, opens the transaction, runs the route and commits.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Role } from '../auth/roles';
import type { GraphQLContext } from './context';

export interface HttpRouteRequest {
  /** The pattern's capture groups. */
  params: string[];
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
}

export interface DocumentBody {
  contentType: string;
  /** The file name a browser saves it under (ASCII; no personal data: never a name or an identity number). */
  filename: string;
  body: Buffer;
}

export interface StreamWriter {
  /** Resolves once the chunk is handed to the socket (waits while the client reads slowly); throws ClientGoneError once it left. */
  write(chunk: string | Buffer): Promise<void>;
}

export interface HttpRouteReply {
  /** A whole document, sent after the transaction has committed. */
  send(doc: DocumentBody): void;
  /** A streamed answer: the head goes out now, the body as it is written; the transaction commits after the last chunk. */
  stream(head: { contentType: string; filename: string }): StreamWriter;
}

export interface HttpRoute {
  method: 'GET';
  /** Matched against the whole path; capture groups become `params`. */
  pattern: RegExp;
  roles: readonly Role[];
  handle(ctx: GraphQLContext, req: HttpRouteRequest, reply: HttpRouteReply): Promise<void>;
}

/** The client closed the connection while a streamed answer was being written. */
export class ClientGoneError extends Error {
  constructor() {
    super('the client closed the connection');
    this.name = 'ClientGoneError';
  }
}
