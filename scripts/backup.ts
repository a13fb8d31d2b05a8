/**
 * npm run backup -- [--out FILE]                   dump every tenant table
 * npm run restore -- --in FILE --database NAME     restore into a new, empty database NAME on the same server
 *
 * The server: DATABASE_URL (the owner), or the embedded development database (the running one, or
 * started for the command) when it is unset.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { connectClient } from '../src/db/pg-client';
import { loadConfig } from '../src/config';
import { backup, restore } from '../src/db/backup';
import { scriptDatabase } from './lib/database';
import { parseOptions, runScript, UsageError } from './lib/errors';

const BACKUP_USAGE = 'usage: npm run backup -- [--out FILE]   (default: .data/introsak-backup-<time>.ndjson.gz)';
const RESTORE_USAGE = 'usage: npm run restore -- --in FILE --database NAME   (NAME: a new database, lower-case letters, digits and _)';

async function main(): Promise<void> {
  const mode = process.argv[2];
  if (mode !== 'backup' && mode !== 'restore') throw new UsageError('say backup or restore', `${BACKUP_USAGE}\n${RESTORE_USAGE}`);
  const usage = mode === 'backup' ? BACKUP_USAGE : RESTORE_USAGE;
  const opts = parseOptions(process.argv.slice(3), mode === 'backup' ? ['out'] : ['in', 'database'], usage);
  const config = loadConfig();
  if (mode === 'restore') {
    if (!opts.in || !opts.database) throw new UsageError('--in and --database are both required', usage);
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(opts.database)) throw new UsageError(`--database "${opts.database}" is not a plain database name`, usage);
    if (!fs.existsSync(opts.in)) throw new Error(`the backup file ${opts.in} does not exist`);
  }
  const db = await scriptDatabase(config);
  console.error(`${mode === 'backup' ? 'backing up' : 'restoring into'} ${db.describe}`);
  try {
    if (mode === 'backup') {
      const file = opts.out ?? path.join(config.dataDir, `introsak-backup-${new Date().toISOString().replace(/[:.]/g, '-')}.ndjson.gz`);
      const counts = await backup(db.url, file);
      console.log(JSON.stringify({ file, counts }, null, 2));
    } else {
      const admin = await connectClient(db.url);
      try {
        await admin.query(`CREATE DATABASE ${opts.database}`);
      } finally {
        await admin.end();
      }
      const target = new URL(db.url);
      target.pathname = `/${opts.database}`;
      const counts = await restore(target.toString(), opts.in);
      console.log(JSON.stringify({ database: opts.database, counts }, null, 2));
    }
  } finally {
    await db.stop();
  }
}

runScript(`npm run ${process.argv[2] === 'restore' ? 'restore' : 'backup'}`, main);
