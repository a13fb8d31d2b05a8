/**
 * Logical backup and restore of every tenant table, without pg_dump (whose version must match the
 * server's). The schema is rebuilt by the migrations, so a dump holds the migration list and the
 * rows; reference data comes with the migrations. Rows are read in one REPEATABLE READ snapshot as
 * introsak_backup (BYPASSRLS), so nothing hidden by row-level security is left out.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import zlib from 'node:zlib';
import { Client } from 'pg';
import { migrate } from './database';
import { connectClient } from './pg-client';

export const REFERENCE_TABLES = ['county', 'municipality', 'statsforvalter_area'];
const BATCH = 2000;

async function useBackupRole(client: Client): Promise<void> {
  const { rows } = await client
    .query(
      `SELECT r.rolsuper OR r.rolbypassrls AS bypass, pg_has_role(current_user, 'introsak_backup', 'MEMBER') AS member
     FROM pg_roles r WHERE r.rolname = current_user`,
    )
    .catch(() => ({ rows: [{ bypass: false, member: false }] }));
  if (rows[0]?.member) {
    await client.query('SET LOCAL ROLE introsak_backup');
    return;
  }
  if (!rows[0]?.bypass)
    throw new Error('backup and restore need a superuser or a member of introsak_backup (BYPASSRLS): otherwise rows hidden by RLS would be skipped');
}

/** Tenant tables, parents before children (by foreign keys). */
export async function tablesInDependencyOrder(client: Client): Promise<string[]> {
  const { rows: tables } = await client.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'app' ORDER BY tablename`);
  const { rows: fks } = await client.query(`
    SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
    JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'app' AND k.contype = 'f' AND c.oid <> p.oid`);
  const names = tables.map((t: { tablename: string }) => t.tablename).filter((t: string) => !REFERENCE_TABLES.includes(t));
  const ordered: string[] = [];
  const visit = (t: string, path: Set<string>) => {
    if (ordered.includes(t) || path.has(t)) return;
    path.add(t);
    for (const fk of fks) if (fk.child === t && names.includes(fk.parent)) visit(fk.parent, path);
    ordered.push(t);
  };
  for (const t of names) visit(t, new Set());
  return ordered;
}

export async function backup(ownerUrl: string, file: string): Promise<Record<string, number>> {
  const client = await connectClient(ownerUrl);
  const out = zlib.createGzip();
  const sink = out.pipe(fs.createWriteStream(file, { mode: 0o600 }));
  const write = (obj: unknown) => new Promise<void>((resolve) => (out.write(JSON.stringify(obj) + '\n') ? resolve() : out.once('drain', resolve)));
  const counts: Record<string, number> = {};
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const { rows: migrations } = await client.query(`SELECT name FROM introsak_migrations ORDER BY id`);
    await useBackupRole(client);
    await write({ format: 'introsak-backup', version: 1, createdAt: new Date().toISOString(), migrations: migrations.map((m: { name: string }) => m.name) });
    for (const table of await tablesInDependencyOrder(client)) {
      counts[table] = 0;
      let after = '(0,0)';
      for (;;) {
        const { rows } = await client.query(
          `SELECT ctid::text AS __ctid, row_to_json(t) AS row FROM app.${table} t WHERE ctid > $1::tid ORDER BY ctid LIMIT ${BATCH}`,
          [after],
        );
        for (const r of rows) await write({ table, row: r.row });
        counts[table] += rows.length;
        if (rows.length < BATCH) break;
        after = rows[rows.length - 1].__ctid;
      }
    }
    await client.query('COMMIT');
  } finally {
    await client.end();
    out.end();
    await new Promise<void>((resolve) => sink.on('finish', () => resolve()));
  }
  return counts;
}

/** Restores a dump into a database: migrations first (the same set), then the rows, in one transaction. */
export async function restore(ownerUrl: string, file: string): Promise<Record<string, number>> {
  const lines = readline.createInterface({ input: fs.createReadStream(file).pipe(zlib.createGunzip()), crlfDelay: Infinity });
  let header: { format: string; migrations: string[] } | null = null;
  const client = new Client({ connectionString: ownerUrl, keepAlive: true });
  // Listens for its whole life: a dying connection fails the waiting statement, never the process.
  client.on('error', () => undefined);
  const counts: Record<string, number> = {};
  let batch: { table: string; rows: unknown[] } | null = null;
  const flush = async () => {
    if (!batch || !batch.rows.length) return;
    await client.query(`INSERT INTO app.${batch.table} SELECT * FROM json_populate_recordset(null::app.${batch.table}, $1::json)`, [
      JSON.stringify(batch.rows),
    ]);
    counts[batch.table] = (counts[batch.table] ?? 0) + batch.rows.length;
    batch.rows = [];
  };
  try {
    for await (const line of lines) {
      if (!line) continue;
      const entry = JSON.parse(line);
      if (!header) {
        if (entry.format !== 'introsak-backup') throw new Error('not an introsak backup');
        header = entry;
        await migrate(ownerUrl);
        await client.connect();
        const { rows } = await client.query(`SELECT name FROM introsak_migrations ORDER BY id`);
        const have = rows.map((r: { name: string }) => r.name);
        const missing = entry.migrations.filter((m: string) => !have.includes(m));
        if (missing.length) throw new Error(`the dump was made with migrations this version does not have: ${missing.join(', ')}`);
        await client.query('BEGIN');
        await useBackupRole(client);
        continue;
      }
      if (!/^[a-z_]+$/.test(entry.table)) throw new Error('bad table name in dump');
      if (batch && batch.table !== entry.table) await flush();
      if (!batch || batch.table !== entry.table) batch = { table: entry.table, rows: [] };
      batch.rows.push(entry.row);
      if (batch.rows.length >= BATCH) await flush();
    }
    await flush();
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    await client.end().catch(() => undefined);
  }
  return counts;
}
