import http from 'node:http';

/**
 * Graceful shutdown: stop accepting connections and report not-ready, let in-flight requests finish
 * within the grace period, then close what is left, stop Apollo, the pool and (when started) the
 * embedded PostgreSQL.
 */
export async function gracefulShutdown(opts: {
  server: http.Server;
  app: { beginShutdown(): void; inFlight(): number; stop(): Promise<void> };
  closeDatabase: () => Promise<void>;
  graceMs: number;
  log: { info(obj: object | string, msg?: string): void; error(obj: object | string, msg?: string): void };
}): Promise<{ drained: boolean }> {
  const { server, app, log } = opts;
  app.beginShutdown();
  const closed = new Promise<boolean>((resolve) => server.close(() => resolve(true)));
  server.closeIdleConnections();
  const timer = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), opts.graceMs).unref());
  const drained = await Promise.race([closed, timer]);
  if (!drained) log.error({ inFlight: app.inFlight() }, 'grace period over: closing remaining connections');
  server.closeAllConnections();
  await app.stop().catch((err) => log.error({ err }, 'apollo stop failed'));
  await opts.closeDatabase().catch((err) => log.error({ err }, 'database close failed'));
  return { drained };
}
