import crypto from 'node:crypto';
import http from 'node:http';

/** A client's own correlation id is kept only in this form: nothing else reaches a log line or a header. */
const CLIENT_REQUEST_ID = /^[A-Za-z0-9_.:-]{8,64}$/;

export interface RequestIds {
  /** Ours: always a fresh UUID. The x-request-id of the answer, the log lines, the change log and the access log. */
  requestId: string;
  /** The client's x-request-id when it sent a safe one: echoed as x-client-request-id and logged beside ours, never written as ours. */
  clientRequestId: string | null;
}

/**
 * The request's ids. A client-chosen id used to become the request id, so a client could write any id
 * (another request's, a misleading one) into the change log; now ours is always generated and the
 * client's is kept apart.
 */
export function requestIdsOf(req: http.IncomingMessage): RequestIds {
  const sent = req.headers['x-request-id'];
  return { requestId: crypto.randomUUID(), clientRequestId: typeof sent === 'string' && CLIENT_REQUEST_ID.test(sent) ? sent : null };
}

/** Sets x-request-id (ours) and x-client-request-id (theirs, when kept) on the response. */
export function setRequestIdHeaders(res: http.ServerResponse, ids: RequestIds): void {
  res.setHeader('x-request-id', ids.requestId);
  if (ids.clientRequestId) res.setHeader('x-client-request-id', ids.clientRequestId);
}
