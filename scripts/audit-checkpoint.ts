/**
 * npm run audit:checkpoint — signs every change-log chain head with the operator's Ed25519 private key
 * and appends the signed line to a file (opened for appending only) or prints it on stdout (for the
 * log stream). Run it on a schedule (cron) from a host the database owner does not control; the key
 * never enters the database or the API process. `npm run audit:verify -- --checkpoints FILE
 * --public-key FILE` then checks the database against the latest line.
 * Exit 0: written; 2: wrong arguments; 3: it could not run.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import { loadConfig } from '../src/config';
import { connectClient } from '../src/db/pg-client';
import { queryableOf } from '../src/db/sql';
import { auditChainHeads, CheckpointError, signCheckpoint } from '../src/modules/audit';
import { scriptDatabase } from './lib/database';
import { explain, parseOptions, UsageError } from './lib/errors';

const USAGE = `usage: npm run audit:checkpoint -- --private-key FILE --out FILE|-
  --private-key  the operator's Ed25519 private key, PEM (or AUDIT_CHECKPOINT_PRIVATE_KEY); never give it to the database or the API
  --out          append the signed line to FILE, or print it on stdout with - (or AUDIT_CHECKPOINT_FILE)
  (DATABASE_URL, or the embedded development database when it is unset)`;

async function main(): Promise<number> {
  const opts = parseOptions(process.argv.slice(2), ['private-key', 'out'], USAGE);
  const keyFile = opts['private-key'] ?? process.env.AUDIT_CHECKPOINT_PRIVATE_KEY;
  const out = opts.out ?? process.env.AUDIT_CHECKPOINT_FILE;
  if (!keyFile) throw new UsageError('--private-key is required', USAGE);
  if (!out) throw new UsageError('--out is required (a file, or - for stdout)', USAGE);
  const privateKey = fs.readFileSync(keyFile, 'utf8');
  const db = await scriptDatabase(loadConfig());
  console.error(`checkpointing the change log in ${db.describe}`);
  try {
    const client = await connectClient(db.url);
    try {
      // One snapshot: every head as of one instant.
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const heads = await auditChainHeads(queryableOf(client));
      await client.query('COMMIT');
      const line = signCheckpoint(heads, privateKey, new Date());
      if (out === '-') process.stdout.write(line + '\n');
      else fs.appendFileSync(out, line + '\n', { flag: 'a' });
      console.error(`signed ${heads.filter((h) => h.hash).length} chain heads${out === '-' ? '' : ` into ${out}`}`);
      return 0;
    } finally {
      await client.end();
    }
  } finally {
    await db.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    if (err instanceof UsageError) {
      console.error(`npm run audit:checkpoint: ${err.message}\n\n${err.usage}`);
      process.exit(2);
    }
    if (err instanceof CheckpointError) {
      console.error(`npm run audit:checkpoint: ${err.message}`);
      process.exit(2);
    }
    console.error(`npm run audit:checkpoint could not sign the chain heads: ${explain(err)}`);
    process.exit(3);
  },
);
