/**
 * npm run audit:verify — walks every municipality's change-log hash chain and names the first
 * broken row. Connects with DATABASE_URL (the owner; it must see every row: a superuser, or a role
 * with BYPASSRLS), or the embedded development database (the running one, or started for the check).
 * Exit 0: intact; 1: a chain is broken; 2: wrong arguments; 3: the check could not run.
 */
import 'reflect-metadata';
import { loadConfig } from '../src/config';
import { connectClient } from '../src/db/pg-client';
import { verifyAuditChains } from '../src/modules/audit';
import { scriptDatabase } from './lib/database';
import { explain, parseOptions, UsageError } from './lib/errors';

const USAGE = 'usage: npm run audit:verify   (DATABASE_URL, or the embedded development database when it is unset)';

async function main(): Promise<number> {
  parseOptions(process.argv.slice(2), [], USAGE);
  const config = loadConfig();
  const db = await scriptDatabase(config);
  console.error(`verifying the change log in ${db.describe}`);
  try {
    const client = await connectClient(db.url);
    try {
      const report = await verifyAuditChains(client);
      if (report.broken) {
        const b = report.broken;
        console.error(`BROKEN: municipality ${b.municipalityId}, row seq ${b.seq}: ${b.reason}`);
        return 1;
      }
      console.log(`audit chains intact: ${report.rows} rows in ${report.municipalities} municipalities`);
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
