import http from 'node:http';
import { Config } from '../config';

/**
 * The API's HTTP server with bounded waits for slow clients: the headers must arrive within
 * headersTimeoutMs and the whole request within requestTimeoutMs (Node answers 408 and closes), and
 * Node checks for overdue requests every second (its default, 30 s, would let a half-sent request
 * hold a connection for up to 30 s past its deadline). A half-sent request was held for up to 120 s.
 */
export function createHttpServer(listener: http.RequestListener, config: Pick<Config, 'requestTimeoutMs' | 'headersTimeoutMs'>): http.Server {
  const headersTimeout = Math.min(config.headersTimeoutMs, config.requestTimeoutMs);
  const server = http.createServer(
    { connectionsCheckingInterval: Math.min(1000, headersTimeout), requestTimeout: config.requestTimeoutMs, headersTimeout },
    listener,
  );
  server.keepAliveTimeout = 5_000;
  return server;
}
