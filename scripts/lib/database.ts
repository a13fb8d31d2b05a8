/**
 * The database a maintenance script works on, found by itself:
 *
 * 1. DATABASE_URL, when it is set (the owner connection);
 * 2. otherwise the embedded development database of the data directory (.data/postgres, or
 *    INTROSAK_DATA_DIR): the one npm start is running, found through PostgreSQL's postmaster.pid;
 * 3. otherwise the script starts that embedded PostgreSQL itself, and stops it again when done.
 *
 * A data directory without a database yet is an error that says what to do, unless the script
 * may create it (seed:demo).
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Config } from '../../src/config';
import { runningEmbeddedPostgres, startEmbeddedPostgres } from '../../src/db/embedded';

export interface ScriptDatabase {
  /** The owner (superuser for the embedded database) connection URL. */
  url: string;
  /** Where it came from, for the script's first line of output. */
  describe: string;
  /** Stops the embedded PostgreSQL if this script started it. */
  stop(): Promise<void>;
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

export async function scriptDatabase(config: Config, opts: { create?: boolean; log?: (msg: string) => void } = {}): Promise<ScriptDatabase> {
  const log = opts.log ?? ((msg: string) => console.error(msg));
  if (config.databaseUrl) {
    const u = new URL(config.databaseUrl);
    return { url: config.databaseUrl, describe: `DATABASE_URL (${u.hostname}:${u.port || 5432}${u.pathname})`, stop: async () => undefined };
  }
  const databaseDir = path.join(config.dataDir, 'postgres');
  const running = runningEmbeddedPostgres(config.dataDir);
  if (running && (await answers(running.port))) {
    return { url: running.url, describe: `the running embedded PostgreSQL (port ${running.port}, data in ${databaseDir})`, stop: async () => undefined };
  }
  if (!opts.create && !fs.existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    throw new Error(
      `there is no development database in ${databaseDir} yet and DATABASE_URL is not set: run npm start once (it creates and migrates it), ` +
        'or set DATABASE_URL to the owner connection of your PostgreSQL.',
    );
  }
  log(`starting the embedded PostgreSQL in ${databaseDir} for this command…`);
  const embedded = await startEmbeddedPostgres(config.dataDir);
  return { url: embedded.url, describe: `the embedded PostgreSQL (started for this command, data in ${databaseDir})`, stop: () => embedded.stop() };
}
