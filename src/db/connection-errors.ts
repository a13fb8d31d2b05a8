/**
 * Which database errors mean "the connection (or the database) is gone, try again" rather than "this
 * statement failed". Both the request transaction and the HTTP layer use these, so that every such
 * failure becomes the same retryable answer (UNAVAILABLE, HTTP 503 with Retry-After) and a connection
 * that hit one is destroyed instead of pooled.
 */

interface PgLikeError {
  code?: unknown;
  severity?: unknown;
  message?: unknown;
}

/**
 * SQLSTATEs after which the connection cannot be used again, or the database refused a new one:
 * class 08 (connection exception), 57P01 admin_shutdown (restart, pg_terminate_backend), 57P02
 * crash_shutdown, 57P03 cannot_connect_now (starting up / shutting down), 57P05
 * idle_session_timeout, 25P03 idle_in_transaction_session_timeout (FATAL: the backend is gone),
 * 53300 too_many_connections.
 */
const CONNECTION_SQLSTATES = new Set(['57P01', '57P02', '57P03', '57P05', '25P03', '53300']);

/** Errors node or pg raise when the socket is gone or could not be opened. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNABORTED']);

/** Messages of pg and pg-pool (they carry no code) that mean the connection is gone or was never had. */
const CONNECTION_MESSAGES = [
  'Connection terminated',
  'connection error and is not queryable',
  'Client was closed and is not queryable',
  'Query read timeout',
  'timeout exceeded when trying to connect',
  'Connection terminated due to connection timeout',
  'Cannot use a pool after calling end on the pool',
];

/** The connection this error came from must not be used again (destroy it, never pool it). */
export function isConnectionError(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  if (err instanceof DatabaseUnavailableError) return true;
  const e = err as PgLikeError;
  const code = typeof e.code === 'string' ? e.code : '';
  if (code.startsWith('08') || CONNECTION_SQLSTATES.has(code) || SOCKET_CODES.has(code)) return true;
  // A FATAL or PANIC error ends the backend: whatever its SQLSTATE, the connection is gone.
  if (e.severity === 'FATAL' || e.severity === 'PANIC') return true;
  const message = typeof e.message === 'string' ? e.message : '';
  if (CONNECTION_MESSAGES.some((m) => message.includes(m))) return true;
  // AggregateError (several addresses refused) and errors with a cause.
  const nested = err as { errors?: unknown[]; cause?: unknown };
  if (Array.isArray(nested.errors) && nested.errors.some(isConnectionError)) return true;
  return nested.cause !== undefined && nested.cause !== err && isConnectionError(nested.cause);
}

/**
 * The request could not be served because the database (or the connection to it) was not there:
 * unreachable, restarted, the backend terminated, the network cut, the pool wait timed out, or the
 * COMMIT failed. Always safe to retry: nothing of the request was committed, or (when a COMMIT's
 * answer was lost) the retry with the same idempotency key returns what was committed.
 */
export class DatabaseUnavailableError extends Error {
  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'DatabaseUnavailableError';
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

/** Seconds a client should wait before retrying an UNAVAILABLE answer (the Retry-After header). */
export const RETRY_AFTER_SECONDS = 1;
