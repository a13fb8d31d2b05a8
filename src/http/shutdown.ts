import http from 'node:http';

/**
 * Graceful shutdown (SIGTERM/SIGINT): report not-ready and answer new GraphQL requests with 503
 * UNAVAILABLE (Retry-After, Connection: close) while the requests that arrived before the signal
 * finish, within the grace period. The listener stays open during the drain, so a client that
 * connects then gets an answer it can act on, not a refused connection. Then the listener closes,
 * remaining connections are closed, and Apollo, the pool and (when started) the embedded PostgreSQL
 * stop.
 */
export async function gracefulShutdown(opts: {
  server: http.Server;
  app: { beginShutdown(): void; inFlight(): number; idle(): Promise<void>; stop(): Promise<void> };
  closeDatabase: () => Promise<void>;
  graceMs: number;
  log: { info(obj: object | string, msg?: string): void; error(obj: object | string, msg?: string): void };
}): Promise<{ drained: boolean }> {
  const { server, app, log } = opts;
  app.beginShutdown();
  // Idle keep-alive connections are closed now: their next request opens a new connection and is
  // answered 503 with Connection: close.
  server.closeIdleConnections();
  let timer: NodeJS.Timeout | undefined;
  const graceOver = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), opts.graceMs);
    timer.unref();
  });
  const drained = await Promise.race([app.idle().then(() => true), graceOver]);
  clearTimeout(timer);
  if (!drained) log.error({ inFlight: app.inFlight() }, 'grace period over: closing remaining connections');
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  await closed;
  await app.stop().catch((err) => log.error({ err }, 'apollo stop failed'));
  await opts.closeDatabase().catch((err) => log.error({ err }, 'database close failed'));
  return { drained };
}
