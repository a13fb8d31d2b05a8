/**
 * Tests talk to a real PostgreSQL. With DATABASE_URL (CI: the machine's PostgreSQL 15) each test file
 * creates its own database on that server; without it an embedded PostgreSQL is started for the run
 * in .data/test-postgres, so `npm test` works on a fresh machine with nothing installed.
 */
import path from 'node:path';
import { projectRoot } from '../../src/project-root';
import { startEmbeddedPostgres } from '../../src/db/embedded';

export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) {
    process.env.INTROSAK_TEST_ADMIN_URL = process.env.DATABASE_URL;
    return;
  }
  const dir = path.join(projectRoot(), '.data', 'test');
  const db = await startEmbeddedPostgres(dir);
  (globalThis as { __introsakEmbedded?: unknown }).__introsakEmbedded = db;
  process.env.INTROSAK_TEST_ADMIN_URL = db.url;
}
