/**
 * npm run audit:verify — walks every municipality's change-log hash chain, checks that each ends at
 * its head and that no municipality with cases has lost its chain, and, given the operator's signed
 * checkpoints and public key, that no history up to the latest checkpoint was rewritten, truncated or
 * deleted. Names the first broken row. Connects with DATABASE_URL (the owner; it must see every row:
 * a superuser, or a role with BYPASSRLS), or the embedded development database (the running one, or
 * started for the check).
 * Exit 0: intact; 1: a chain is broken (or the checkpoint file was tampered with); 2: wrong arguments;
 * 3: the check could not run.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import { loadConfig } from '../src/config';
import { connectClient } from '../src/db/pg-client';
import { CheckpointError, latestCheckpoint, verifyAuditChains } from '../src/modules/audit';
import { ParticipantService } from '../src/modules/participant';
import { queryableOf } from '../src/db/sql';
import { scriptDatabase } from './lib/database';
import { explain, parseOptions, UsageError } from './lib/errors';

const USAGE = `usage: npm run audit:verify [-- --checkpoints FILE --public-key FILE]
  (DATABASE_URL, or the embedded development database when it is unset)
  --checkpoints  the signed checkpoint lines npm run audit:checkpoint appended (or AUDIT_CHECKPOINT_FILE)
  --public-key   the checkpoint key's public half, PEM (or AUDIT_CHECKPOINT_PUBLIC_KEY)`;

async function main(): Promise<number> {
  const opts = parseOptions(process.argv.slice(2), ['checkpoints', 'public-key'], USAGE);
  const checkpointFile = opts.checkpoints ?? process.env.AUDIT_CHECKPOINT_FILE;
  const publicKeyFile = opts['public-key'] ?? process.env.AUDIT_CHECKPOINT_PUBLIC_KEY;
  if (Boolean(checkpointFile) !== Boolean(publicKeyFile)) throw new UsageError('--checkpoints and --public-key go together', USAGE);
  let checkpoint = undefined;
  if (checkpointFile && publicKeyFile) {
    try {
      checkpoint = latestCheckpoint(fs.readFileSync(checkpointFile, 'utf8'), fs.readFileSync(publicKeyFile, 'utf8'));
    } catch (err) {
      if (err instanceof CheckpointError) {
        console.error(`BROKEN: ${err.message}`);
        return 1;
      }
      throw err;
    }
  }
  const config = loadConfig();
  const db = await scriptDatabase(config);
  console.error(`verifying the change log in ${db.describe}`);
  try {
    const client = await connectClient(db.url);
    try {
      const municipalitiesWithCases = await ParticipantService.municipalitiesWithCases(queryableOf(client));
      const report = await verifyAuditChains(client, { municipalitiesWithCases, ...(checkpoint !== undefined ? { checkpoint } : {}) });
      if (report.broken) {
        const b = report.broken;
        console.error(`BROKEN: municipality ${b.municipalityId}, row seq ${b.seq}: ${b.reason}`);
        return 1;
      }
      const against = report.checkpoint
        ? `, matching the checkpoint of ${report.checkpoint.at} (${report.checkpoint.municipalities} chains)`
        : checkpointFile
          ? ' (the checkpoint file has no checkpoint yet)'
          : '';
      console.log(`audit chains intact: ${report.rows} rows in ${report.municipalities} municipalities, each ending at its head${against}`);
      if (!checkpointFile) console.error('no checkpoint given: a history rewritten and re-hashed by the database owner would verify too (see SECURITY.md)');
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
      console.error(`npm run audit:verify: ${err.message}\n\n${err.usage}`);
      process.exit(2);
    }
    console.error(`npm run audit:verify could not check the change log: ${explain(err)}`);
    process.exit(3);
  },
);
