/**
 * npm run audit:verify — walks every municipality's change-log hash chain and names the first
 * broken row. Connects with DATABASE_URL (the owner; it must see every row: a superuser, or a role
 * with BYPASSRLS), or starts the embedded PostgreSQL when DATABASE_URL is unset.
 */
import 'reflect-metadata';
import { loadConfig } from '../src/config';
import { startEmbeddedPostgres } from '../src/db/embedded';
import { connectClient } from '../src/db/pg-client';
import { verifyAuditChains } from '../src/modules/audit/verify';

async function main(): Promise<number> {
  const config = loadConfig();
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir);
  const client = await connectClient(config.databaseUrl ?? embedded!.url);
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
    if (embedded) await embedded.stop();
  }
}

main().then((code) => process.exit(code), (err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(2);
});
