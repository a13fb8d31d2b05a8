/**
 * npm run db:distribute — on a Citus coordinator, after `npm run migration:run`: makes the reference tables
 * Citus reference tables and distributes every tenant table by municipality_id, colocated with
 * app.participant, then checks that every shard has row-level security enabled and forced and the
 * table's policies (src/db/citus.ts says what Citus refuses and what this changes). Run as the owner
 * (DATABASE_URL). Idempotent: run it again after a migration that adds a table (docs/SCALING.md).
 * Exit 0: distributed (or already); 1: it failed (nothing is changed: one transaction); 2: wrong arguments.
 */
import 'reflect-metadata';
import { loadConfig } from '../src/config';
import { distributeSchema } from '../src/db/citus';
import { connectClient } from '../src/db/pg-client';
import { scriptDatabase } from './lib/database';
import { runScript, UsageError } from './lib/errors';

const USAGE = `usage: npm run db:distribute   (DATABASE_URL: the owner connection to the Citus coordinator)`;

async function main(): Promise<number> {
  if (process.argv.length > 2) throw new UsageError('db:distribute takes no arguments', USAGE);
  const db = await scriptDatabase(loadConfig());
  console.error(`db:distribute on ${db.describe}`);
  try {
    const client = await connectClient(db.url);
    try {
      const started = Date.now();
      const r = await distributeSchema(client, (m) => console.error(m));
      console.log(
        `reference tables: ${r.reference.length}, distributed tables: ${r.distributed.length}, already distributed: ${r.alreadyDone.length}, ` +
          `foreign keys re-created: ${r.foreignKeysRecreated}; every shard has RLS enabled, forced and its policies (${Date.now() - started} ms)`,
      );
      return 0;
    } finally {
      await client.end();
    }
  } finally {
    await db.stop();
  }
}

runScript('npm run db:distribute', main);
