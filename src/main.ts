/**
 * introsak's process entry: configuration, database (embedded or DATABASE_URL), migrations, HTTP,
 * and a graceful shutdown on SIGTERM/SIGINT.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from './config';
import { devJwtSecret } from './auth/dev-secret';
import { ParticipantService } from './modules/participant';
import { loadOrgDirectory } from './modules/reference';
import { TokenVerifier } from './auth/token';
import { onPoolError } from './db/data-sources';
import { openDatabase } from './db/database';
import { createApp } from './http/server';
import { AppLogger, createLogger } from './http/logger';
import { gracefulShutdown } from './http/shutdown';
import { createHttpServer } from './http/timeouts';

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  // An idle pooled connection died (database restart, terminated backend, network cut): pg-pool has
  // already dropped it; the next request opens a new one.
  onPoolError((err) => log.warn({ err }, 'idle database connection lost'));
  const db = await openDatabase(config, (msg) => log.info(msg));
  const directory = await loadOrgDirectory(db.api);
  const { secret, file } = config.jwt.mode === 'secret' ? devJwtSecret(config) : { secret: '', file: null };
  const verifier = new TokenVerifier(config.jwt, secret);
  // The generated development secret (never in production) also signs GraphiQL's development tokens.
  const app = await createApp({ config, api: db.api, directory, verifier, log, devTokenSecret: file ? secret : null });
  const server = createHttpServer(app.handler, config);
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const metricsServer = config.metricsPort === null ? null : createHttpServer(app.metricsHandler, config);
  if (metricsServer) await new Promise<void>((resolve) => metricsServer.listen(config.metricsPort!, config.metricsHost, resolve));
  const port = (server.address() as { port: number }).port;
  log.info({ port }, `introsak listening on http://localhost:${port}/graphql`);
  if (file) {
    // Printed on stdout so a developer sees it at once.
    console.log(
      `\nintrosak is ready at http://localhost:${port}/graphql\n` +
        `Development token secret: ${file}\n` +
        `Get a token:  npm run token -- --role MUNICIPALITY --org 4601   (roles: MUNICIPALITY, COUNTY, STATSFORVALTER)\n`,
    );
  }

  if (!config.production) await hintDemoData(db.api, log);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal, inFlight: app.inFlight() }, 'shutting down');
    metricsServer?.close();
    const { drained } = await gracefulShutdown({ server, app, closeDatabase: () => db.close(), graceMs: config.shutdownGraceMs, log });
    log.info({ drained }, 'stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

/**
 * Outside production, on a database whose participant table has never held a row (its file is
 * empty), say how to get demo data. The size is read, not the rows: no caller settings (RLS) needed.
 */
async function hintDemoData(api: DataSource, log: AppLogger): Promise<void> {
  try {
    if (!(await ParticipantService.neverUsed(api))) return;
    console.log(
      'The database has no participants yet. For demo data (four municipalities, cases in every state): npm run seed:demo (in another terminal, while this server runs).\n',
    );
  } catch (err) {
    log.warn({ err }, 'could not check for demo data');
  }
}

main().catch((err) => {
  console.error(`introsak failed to start: ${err instanceof Error && err.message ? err.message : String(err)}`);
  if (err instanceof Error && err.stack && process.env.LOG_LEVEL === 'debug') console.error(err.stack);
  process.exit(1);
});
