/**
 * npm run backup -- [--out FILE]      dump every tenant table (DATABASE_URL, the owner; or the embedded PostgreSQL)
 * npm run restore -- --in FILE --database NAME   restore into a new, empty database NAME on the same server
 */
import 'reflect-metadata';
import path from 'node:path';
import { connectClient } from '../src/db/pg-client';
import { loadConfig } from '../src/config';
import { backup, restore } from '../src/db/backup';
import { startEmbeddedPostgres } from '../src/db/embedded';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const mode = process.argv[2];
  const config = loadConfig();
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir);
  const url = config.databaseUrl ?? embedded!.url;
  try {
    if (mode === 'backup') {
      const file = arg('out') ?? path.join(config.dataDir, `introsak-backup-${new Date().toISOString().replace(/[:.]/g, '-')}.ndjson.gz`);
      const counts = await backup(url, file);
      console.log(JSON.stringify({ file, counts }, null, 2));
    } else if (mode === 'restore') {
      const file = arg('in');
      const database = arg('database');
      if (!file || !database || !/^[a-z_][a-z0-9_]{0,62}$/.test(database)) throw new Error('usage: npm run restore -- --in FILE --database new_database_name');
      const admin = await connectClient(url);
      await admin.query(`CREATE DATABASE ${database}`);
      await admin.end();
      const target = new URL(url);
      target.pathname = `/${database}`;
      const counts = await restore(target.toString(), file);
      console.log(JSON.stringify({ database, counts }, null, 2));
    } else {
      throw new Error('usage: backup | restore');
    }
  } finally {
    if (embedded) await embedded.stop();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
