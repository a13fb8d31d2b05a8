/**
 * Turns a migrated introsak database on a Citus coordinator into a distributed one (issue 14):
 * `npm run db:distribute` (scripts/distribute.ts) runs it as the owner after `npm run migration:run`.
 *
 * - Reference tables (every table of schema app without a municipality_id column: municipality, county,
 *   Statsforvalter area) become Citus reference tables, copied to every node.
 * - Every tenant table (every table of schema app with a municipality_id column) is distributed by
 *   municipality_id, colocated with app.participant: a municipality's rows of every table are on one node,
 *   so its joins, its change-log chain and its transactions stay there.
 *
 * What Citus refuses as the migrations leave the schema, and what this does about it (measured on
 * Citus 13.2.2, coordinator + 2 workers):
 * - create_reference_table on a table in a foreign-key graph converts the whole graph at once; the
 *   foreign keys are saved, dropped and re-created after every table is distributed (each one includes
 *   municipality_id or points at a reference table, which Citus accepts: catalogue.test.ts checks that).
 * - Tables with triggers (the appeal and referral guards, the eligibility spans) are distributed only with
 *   citus.enable_unsafe_triggers on (this transaction only). They are row-level BEFORE triggers that read
 *   and write only NEW: they run on the shard, so they are safe.
 * - app.audit_append, the change log's one way in, is SECURITY DEFINER owned by introsak_audit (NOLOGIN).
 *   Run on the coordinator, Citus opens the connection to the worker as introsak_audit, which may not log
 *   in. It is made a distributed function by its municipality argument, colocated with the change log and
 *   force-delegated: the coordinator sends the call to the worker holding that municipality's shards over
 *   the request's own connection, and it runs there as introsak_audit under the change log's policies.
 * - The policy functions that read another table (a Statsforvalter's appeals, a county's referrals) run
 *   on the shard, where Citus refuses their query as nested distributed execution; see policyLookups.
 * - INSERT … SELECT FROM unnest(…) into a table with row-level security is run by Citus as a COPY, which
 *   it refuses under RLS: the access log writes a VALUES list instead (access-log.repository.ts), on both
 *   engines. Lateral look-ups correlated through p.municipality_id are refused as "complex joins": the
 *   case list keys them by the municipality parameter (caseload.sql.ts pageSql), on both engines.
 *
 * - The signed tenant context (migration 1733880000000-TenantContextSignature) is a restrictive policy per
 *   tenant table. Citus 13.2 creates every policy on the shards as PERMISSIVE, a restrictive one too
 *   (measured: pg_policy.polpermissive is true on every shard and on the workers' copies of the table), so
 *   on the shards it would OR the signature check in and open every row of the shard. Citus also refuses a
 *   sub-select in a policy ("Subqueries are not supported in policies on distributed tables"). So before
 *   distributing, each table's restrictive policy is folded into its permissive ones: every permissive
 *   policy becomes (its own condition) AND app.context_verified(), the same rows as restrictive AND
 *   (permissive OR …), and the restrictive policy is dropped. After distributing, every shard's copy of
 *   those policies takes the check as an initplan, once per statement as on a single node, and the check
 *   reads its own node's copy of the key (checkOncePerStatement: per row it cost 36 µs a row). The
 *   function binds the signature to the backend that set it; on a worker the statement runs in another
 *   backend, one the coordinator opened for it, so there the coordinator's pid is
 *   taken from citus_backend_gpid() (node id × 10^10 + pid), on the coordinator pg_backend_pid() as before.
 *   The key table app_context.key becomes a reference table, so every node verifies with the same keys.
 *   See withCitusContext; verify checks that every policy on the coordinator calls the check.
 *
 * Row-level security (ENABLE and FORCE), the policies and the grants are propagated by Citus to every
 * shard; `verify` checks it after distributing. Idempotent: tables already distributed are left alone,
 * so after a migration that adds a table, run it again (docs/SCALING.md).
 */
import crypto from 'node:crypto';
import { Client } from 'pg';

export const ANCHOR = 'participant';
const AUDIT_APPEND = 'app.audit_append(smallint, timestamptz, text, text, text, text, text, uuid, text, uuid, jsonb)';
const CONTEXT_VERIFIED = 'app.context_verified()';
const SINGLE_NODE_PID = 'pg_catalog.pg_backend_pid()::text';
const CONTEXT_CALL = 'app.context_verified()';
/**
 * The pid the signature was made for. On a worker, citus_backend_gpid() names the coordinator backend that
 * opened this connection (its application_name, which a client could set itself; on the coordinator, where
 * the API connects, the real pid is taken, so a forged application_name there does not help, and workers
 * accept connections only from the coordinator: docs/SCALING.md).
 */
const CITUS_PID =
  '(CASE WHEN pg_catalog.citus_is_coordinator() THEN pg_catalog.pg_backend_pid()::bigint ELSE pg_catalog.citus_backend_gpid() % 10000000000 END)::text';

export interface DistributionReport {
  reference: string[];
  distributed: string[];
  alreadyDone: string[];
  foreignKeysRecreated: number;
}

interface TableRow {
  name: string;
  tenant: boolean;
  method: string | null;
  repmodel: string | null;
}

async function tables(c: Client): Promise<TableRow[]> {
  const { rows } = await c.query<TableRow>(
    `SELECT t.relname AS name,
            EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = t.oid AND a.attname = 'municipality_id' AND NOT a.attisdropped) AS tenant,
            p.partmethod::text AS method, p.repmodel::text AS repmodel
       FROM pg_class t
       LEFT JOIN pg_dist_partition p ON p.logicalrelid = t.oid
      WHERE t.relnamespace = 'app'::regnamespace AND t.relkind IN ('r', 'p') AND NOT t.relispartition
      ORDER BY t.relname`,
  );
  return rows;
}

const isDone = (t: TableRow) => (t.tenant ? t.method === 'h' : t.method === 'n' && t.repmodel === 't');

export async function isCitus(c: Client): Promise<boolean> {
  const { rows } = await c.query(`SELECT 1 FROM pg_extension WHERE extname = 'citus'`);
  return rows.length > 0;
}

export async function distributeSchema(c: Client, log: (msg: string) => void = () => undefined): Promise<DistributionReport> {
  if (!(await isCitus(c))) throw new Error('this database has no citus extension: run it on a Citus coordinator (CREATE EXTENSION citus on every node)');
  const { rows: schema } = await c.query(`SELECT 1 FROM pg_namespace WHERE nspname = 'app'`);
  if (!schema.length) throw new Error('schema app does not exist: run npm run migration:run first');
  const all = await tables(c);
  const pending = all.filter((t) => !isDone(t));
  const report: DistributionReport = { reference: [], distributed: [], alreadyDone: all.filter(isDone).map((t) => t.name), foreignKeysRecreated: 0 };
  const stray = pending.filter((t) => t.method !== null);
  if (stray.length)
    throw new Error(
      `already Citus tables of the wrong kind (an earlier run converted them): ${stray.map((t) => t.name).join(', ')}; undistribute_table() them first`,
    );
  let keyMoved: boolean;
  await c.query('BEGIN');
  try {
    await c.query(`SET LOCAL citus.enable_unsafe_triggers = on`);
    // Reference tables and distributed tables created and joined by foreign keys in one transaction.
    await c.query(`SET LOCAL citus.multi_shard_modify_mode = 'sequential'`);
    keyMoved = await withCitusContext(c, pending, log);
    if (pending.length) {
      const names = pending.map((t) => `app.${t.name}`);
      // Every foreign key that touches a table still to distribute: saved, dropped, re-created below.
      const { rows: fks } = await c.query<{ tbl: string; name: string; def: string }>(
        `SELECT conrelid::regclass::text AS tbl, conname AS name, pg_get_constraintdef(oid) AS def
           FROM pg_constraint
          WHERE contype = 'f' AND (conrelid = ANY ($1::regclass[]) OR confrelid = ANY ($1::regclass[]))
          ORDER BY conrelid::regclass::text, conname`,
        [names],
      );
      for (const fk of fks) await c.query(`ALTER TABLE ${fk.tbl} DROP CONSTRAINT ${c.escapeIdentifier(fk.name)}`);
      for (const t of pending.filter((x) => !x.tenant)) {
        log(`reference table app.${t.name}`);
        await c.query(`SELECT create_reference_table($1)`, [`app.${t.name}`]);
        report.reference.push(t.name);
      }
      const tenants = pending.filter((x) => x.tenant).sort((a, b) => Number(b.name === ANCHOR) - Number(a.name === ANCHOR));
      for (const t of tenants) {
        log(`distributed table app.${t.name} by municipality_id`);
        if (t.name === ANCHOR) await c.query(`SELECT create_distributed_table($1, 'municipality_id')`, [`app.${t.name}`]);
        else await c.query(`SELECT create_distributed_table($1, 'municipality_id', colocate_with => $2)`, [`app.${t.name}`, `app.${ANCHOR}`]);
        report.distributed.push(t.name);
      }
      for (const fk of fks) await c.query(`ALTER TABLE ${fk.tbl} ADD CONSTRAINT ${c.escapeIdentifier(fk.name)} ${fk.def}`);
      report.foreignKeysRecreated = fks.length;
    }
    const { rows: fn } = await c.query(
      `SELECT 1 FROM pg_dist_object WHERE classid = 'pg_proc'::regclass AND objid = $1::regprocedure AND distribution_argument_index IS NOT NULL`,
      [AUDIT_APPEND],
    );
    if (!fn.length) {
      log('app.audit_append delegated to the node of its municipality');
      // Colocated with the anchor: the change log's tables are in its colocation group like every tenant table.
      await c.query(`SELECT create_distributed_function($1, 'p_municipality_id', colocate_with => $2, force_delegation => true)`, [
        AUDIT_APPEND,
        `app.${ANCHOR}`,
      ]);
    }
    for (const f of await policyLookups(c)) {
      if (!/\bmunicipality_id = m\b/.test(f.body))
        throw new Error(
          `${f.fn} is called by a row-level policy and reads a table, but not by its argument m's municipality: it would read other shards from a shard`,
        );
      if (f.nested) continue;
      log(`${f.fn} may read its municipality's colocated shard from a shard`);
      await c.query(`ALTER FUNCTION ${f.fn} SET citus.allow_nested_distributed_execution = on`);
    }
    await c.query('COMMIT');
  } catch (err) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
  // The coordinator's own copy of the data moved to the shards is no longer visible: free it.
  for (const t of [...report.reference, ...report.distributed]) await c.query(`SELECT truncate_local_data_after_distributing_table($1)`, [`app.${t}`]);
  if (keyMoved) await c.query(`SELECT truncate_local_data_after_distributing_table('app_context.key')`);
  await checkOncePerStatement(c, log);
  await crossTenantDefinerLogins(c, log);
  const problems = await verify(c);
  if (problems.length) throw new Error(`distributed, but the shards differ from their tables:\n  ${problems.join('\n  ')}`);
  return report;
}

/**
 * The signed tenant context on Citus (see the header): app.context_verified() takes the coordinator's pid on
 * a worker, every permissive policy of a table still to distribute calls it (its restrictive policy folded
 * in and dropped), and the key table is a reference table. Idempotent.
 */
async function withCitusContext(c: Client, pending: TableRow[], log: (msg: string) => void): Promise<boolean> {
  const { rows: fn } = await c.query<{ def: string }>(`SELECT pg_get_functiondef($1::regprocedure) AS def`, [CONTEXT_VERIFIED]);
  if (!fn[0].def.includes(CITUS_PID)) {
    const replaced = fn[0].def.replace(SINGLE_NODE_PID, CITUS_PID);
    if (replaced === fn[0].def) throw new Error(`${CONTEXT_VERIFIED} does not bind the signature to ${SINGLE_NODE_PID} as db:distribute expects`);
    log(`${CONTEXT_VERIFIED} verifies on a worker with the coordinator's pid`);
    await c.query(replaced);
  }
  // The key table is a reference table, read on the shard by the policy: a query Citus would refuse as nested
  // distributed execution. Its copy on every node is complete, so the local read is the right answer.
  await c.query(`ALTER FUNCTION ${CONTEXT_VERIFIED} SET citus.allow_nested_distributed_execution = on`);
  for (const t of pending.filter((x) => x.tenant)) {
    const table = `app.${t.name}`;
    const { rows: policies } = await c.query<{ name: string; permissive: boolean; qual: string | null; check: string | null }>(
      `SELECT polname AS name, polpermissive AS permissive, pg_get_expr(polqual, polrelid) AS qual, pg_get_expr(polwithcheck, polrelid) AS check
         FROM pg_policy WHERE polrelid = $1::regclass ORDER BY polname`,
      [table],
    );
    const restrictive = policies.filter((p) => !p.permissive);
    if (restrictive.length !== 1 || restrictive[0].name !== `${t.name}_context_verified`)
      throw new Error(
        `${table} must have exactly one restrictive policy, ${t.name}_context_verified (found ${restrictive.map((p) => p.name).join(', ') || 'none'})`,
      );
    for (const p of policies.filter((x) => x.permissive)) {
      const and = (e: string) => `(${e}) AND ${CONTEXT_CALL}`;
      const clauses = [p.qual === null ? null : `USING (${and(p.qual)})`, p.check === null ? null : `WITH CHECK (${and(p.check)})`].filter(Boolean);
      await c.query(`ALTER POLICY ${c.escapeIdentifier(p.name)} ON ${table} ${clauses.join(' ')}`);
    }
    await c.query(`DROP POLICY ${c.escapeIdentifier(restrictive[0].name)} ON ${table}`);
  }
  const { rows: key } = await c.query(`SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'app_context.key'::regclass`);
  if (!key.length) {
    log('reference table app_context.key');
    await c.query(`SELECT create_reference_table('app_context.key')`);
  }
  return !key.length;
}

/** The signed-context check as an initplan, once per statement (the form checkOncePerStatement gives every shard's policies). */
const CONTEXT_ONCE = `(SELECT ${CONTEXT_CALL})`;
/** How PostgreSQL prints CONTEXT_ONCE back (pg_get_expr). */
const CONTEXT_ONCE_PRINTED = '( SELECT app.context_verified() AS context_verified)';

/**
 * The signed-context check at its single-node cost. As distributed, it ran per row on the shards, at about
 * 36 µs a row (measured on this machine: a count of Oslo's 8 499 participants took 300 ms, the case list of a
 * 135-participant municipality 30 ms against 3 ms on one node), for two reasons, each fixed here:
 * - app.context_verified() read the key through Citus: a reference table read from a query on a shard is
 *   nested distributed execution, about 18 µs a call. A reference table has one shard, with the same name on
 *   every node and a complete copy on each (the coordinator too, once it is in the metadata), so the function
 *   now reads its own node's copy, app_context.key_<shard>, as a plain table (about 3 µs), and needs no
 *   nested execution.
 * - The policies called it per row: Citus refuses a sub-select in a policy of a distributed table, and
 *   PostgreSQL does not hoist a call without columns out of a policy (measured: it stays in the scan's
 *   Filter). On every shard placement each policy's call becomes the initplan (SELECT app.context_verified()),
 *   once per statement, as on a single node; the same rows pass. Citus creates a new or moved placement (a
 *   rebalance, a shard split) from the table's own policy, with the call per row: as safe, slower, and found
 *   by verify; run db:distribute again (docs/SCALING.md).
 * Idempotent.
 */
async function checkOncePerStatement(c: Client, log: (msg: string) => void): Promise<void> {
  const { rows: key } = await c.query<{ shard: string; placements: string; nodes: string }>(
    `SELECT shard_name('app_context.key'::regclass, s.shardid) AS shard,
            (SELECT count(*) FROM pg_dist_placement p WHERE p.shardid = s.shardid) AS placements,
            (SELECT count(*) FROM pg_dist_node WHERE noderole = 'primary' AND isactive) AS nodes
       FROM pg_dist_shard s WHERE s.logicalrelid = 'app_context.key'::regclass`,
  );
  if (key.length !== 1) throw new Error('app_context.key is not a reference table with one shard');
  // Every node (the coordinator too) must hold a placement: the check reads its own node's copy.
  if (Number(key[0].placements) < Number(key[0].nodes))
    throw new Error(
      `app_context.key has ${key[0].placements} placements on ${key[0].nodes} nodes: register the coordinator in the metadata (SELECT citus_set_coordinator_host(…)) so that every node holds the key`,
    );
  const shard = key[0].shard;
  const { rows: fn } = await c.query<{ def: string; nested: boolean }>(
    `SELECT pg_get_functiondef($1::regprocedure) AS def,
            coalesce('citus.allow_nested_distributed_execution=on' = ANY (proconfig), false) AS nested
       FROM pg_proc WHERE oid = $1::regprocedure`,
    [CONTEXT_VERIFIED],
  );
  if (!fn[0].def.includes(`FROM ${shard} k`) || fn[0].nested) {
    const local = fn[0].def
      .replace(/FROM app_context\.key k\b/, `FROM ${shard} k`)
      .replace(/^\s*SET "?citus\.allow_nested_distributed_execution"? TO 'on'\s*$/m, '');
    if (!local.includes(`FROM ${shard} k`)) throw new Error(`${CONTEXT_VERIFIED} does not read app_context.key k as db:distribute expects`);
    log(`${CONTEXT_VERIFIED} reads the key from its own node's copy (${shard})`);
    // One statement: the function reads the reference table (with nested execution) until it reads the copy.
    await c.query(local);
  }
  const { rows: policies } = await c.query<{ tbl: string; name: string; qual: string | null; check: string | null }>(
    `SELECT d.logicalrelid::regclass::text AS tbl, p.polname AS name,
            pg_get_expr(p.polqual, p.polrelid) AS qual, pg_get_expr(p.polwithcheck, p.polrelid) AS check
       FROM pg_dist_partition d JOIN pg_policy p ON p.polrelid = d.logicalrelid
      WHERE d.partmethod = 'h' ORDER BY 1, 2`,
  );
  let altered = 0;
  for (const p of policies) {
    const once = (e: string) => {
      if (e.includes('%')) throw new Error(`${p.tbl} policy ${p.name}: a % in its condition would be read by run_command_on_placements`);
      return e.split(CONTEXT_CALL).join(CONTEXT_ONCE);
    };
    const clauses = [p.qual === null ? null : `USING (${once(p.qual)})`, p.check === null ? null : `WITH CHECK (${once(p.check)})`].filter(Boolean);
    const { rows } = await c.query<{ failed: string | null }>(
      `SELECT string_agg(DISTINCT result, '; ') FILTER (WHERE NOT success) AS failed FROM run_command_on_placements($1::regclass, $2)`,
      [p.tbl, `ALTER POLICY ${c.escapeIdentifier(p.name)} ON %s ${clauses.join(' ')}`],
    );
    if (rows[0].failed) throw new Error(`${p.tbl} policy ${p.name} on its shards: ${rows[0].failed}`);
    altered++;
  }
  log(`the signed-context check once per statement in the ${altered} policies of every shard`);
}

/**
 * The SECURITY DEFINER functions whose one query reads every municipality's shards: Citus opens the connections
 * to the workers as the function's owner, and the owner is a NOLOGIN role made for that one function (measured:
 * every care-leave decision failed, "role introsak_care_leave is not permitted to log in"). app.audit_append is
 * delegated to its municipality's node instead (above); app.context_verified() reads its own node's copy.
 */
const CROSS_TENANT_DEFINERS = [{ fn: 'app.care_leave_days_used(text, text)', role: 'introsak_care_leave' }];

/**
 * Each such owner may log in, with a random password that only Citus knows: pg_dist_authinfo, which Citus uses
 * for its connections to the workers and which only a superuser can read. Nobody else has the password, so with
 * password authentication in pg_hba.conf (docs/SCALING.md) the role is no way in; its grants stay what they were
 * (SELECT on the few columns its function counts). Idempotent: a role that may log in with its password recorded
 * is left alone.
 */
async function crossTenantDefinerLogins(c: Client, log: (msg: string) => void): Promise<void> {
  for (const d of CROSS_TENANT_DEFINERS) {
    const { rows } = await c.query<{ owner: string; login: boolean; recorded: boolean }>(
      `SELECT r.rolname AS owner, r.rolcanlogin AS login,
              EXISTS (SELECT 1 FROM pg_dist_authinfo a WHERE a.rolename = r.rolname AND a.nodeid = 0) AS recorded
         FROM pg_proc p JOIN pg_roles r ON r.oid = p.proowner WHERE p.oid = $1::regprocedure`,
      [d.fn],
    );
    if (rows[0]?.owner !== d.role) throw new Error(`${d.fn} is owned by ${rows[0]?.owner ?? 'nobody'}, not ${d.role}`);
    if (rows[0].login && rows[0].recorded) continue;
    log(`${d.role} (owner of ${d.fn}) may log in to the workers with a password only Citus knows`);
    const password = crypto.randomBytes(24).toString('hex');
    await c.query('BEGIN');
    try {
      // ALTER ROLE is propagated to every node by Citus, the password's hash with it.
      await c.query(`ALTER ROLE ${c.escapeIdentifier(d.role)} LOGIN PASSWORD ${c.escapeLiteral(password)}`);
      await c.query(
        `INSERT INTO pg_dist_authinfo (nodeid, rolename, authinfo) VALUES (0, $1, $2)
           ON CONFLICT (nodeid, rolename) DO UPDATE SET authinfo = EXCLUDED.authinfo`,
        [d.role, `password=${password}`],
      );
      await c.query('COMMIT');
    } catch (err) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw err;
    }
  }
}

/**
 * The PL/pgSQL functions the row-level policies call that read another table (migration
 * 1733830000001-PolicyFunctions: a Statsforvalter through the appeals it sees, a county through its
 * referrals). A policy is evaluated on the shard, so the function's query of app.appeal is a distributed
 * query from a query on a shard, which Citus refuses ("cannot execute a distributed query from a query on
 * a shard"). Each reads only rows of its argument m, the policy row's own municipality_id: that table's
 * shard for m is colocated with the row's, on the same node, and Citus runs the query there, locally, in
 * the same transaction (its own uncommitted writes included). So the function is allowed nested execution
 * (citus.allow_nested_distributed_execution, for the function's calls only); a function that does not
 * filter by m is refused above rather than allowed to reach other nodes.
 */
async function policyLookups(c: Client): Promise<{ fn: string; body: string; nested: boolean }[]> {
  const { rows } = await c.query<{ fn: string; body: string; nested: boolean }>(
    `SELECT f.oid::regprocedure::text AS fn, f.prosrc AS body,
            coalesce('citus.allow_nested_distributed_execution=on' = ANY (f.proconfig), false) AS nested
       FROM pg_proc f
      WHERE f.pronamespace = 'app'::regnamespace AND f.prolang = (SELECT oid FROM pg_language WHERE lanname = 'plpgsql')
        AND NOT f.prosecdef AND f.prosrc ~* '\\mFROM\\s+app\\.'
        AND EXISTS (SELECT 1 FROM pg_policy p
                     WHERE (coalesce(pg_get_expr(p.polqual, p.polrelid), '') || ' ' || coalesce(pg_get_expr(p.polwithcheck, p.polrelid), '')) ~ ('\\m' || f.proname || '\\('))
      ORDER BY 1`,
  );
  return rows;
}

/**
 * What must hold on every shard: row-level security enabled and forced, and the policies of its table
 * (as many as the table has). Asked of each worker in one statement (its own placements, compared with
 * its copy of the table's metadata). Returns one line per worker where a shard differs, and a line if
 * fewer shards answered than Citus has placements (none: all hold).
 */
export async function verify(c: Client): Promise<string[]> {
  // A policy that opens rows without the signed tenant context: restrictive (Citus makes it permissive on the
  // shards), or a condition that does not call app.context_verified().
  const unchecked = (rel: string) => `EXISTS (SELECT 1 FROM pg_policy x WHERE x.polrelid = ${rel} AND (NOT x.polpermissive
        OR (x.polqual IS NOT NULL AND pg_get_expr(x.polqual, x.polrelid) NOT LIKE '%app.context_verified()%')
        OR (x.polwithcheck IS NOT NULL AND pg_get_expr(x.polwithcheck, x.polrelid) NOT LIKE '%app.context_verified()%')))`;
  // A shard policy that runs the check per row (a placement Citus made anew from its table: checkOncePerStatement).
  const perRow = `EXISTS (SELECT 1 FROM pg_policy x WHERE x.polrelid = c.oid
        AND replace(coalesce(pg_get_expr(x.polqual, x.polrelid), '') || ' ' || coalesce(pg_get_expr(x.polwithcheck, x.polrelid), ''), '${CONTEXT_ONCE_PRINTED}', '') LIKE '%app.context_verified()%')`;
  const perWorker = `SELECT count(*) FILTER (WHERE NOT (c.relrowsecurity AND c.relforcerowsecurity)
        OR (SELECT count(*) FROM pg_policy x WHERE x.polrelid = c.oid) <> (SELECT count(*) FROM pg_policy x WHERE x.polrelid = s.logicalrelid)
        OR ${unchecked('c.oid')})
        || ' ' || count(*) || ' ' || count(*) FILTER (WHERE ${perRow})
      FROM pg_dist_shard s JOIN pg_dist_placement p USING (shardid) JOIN pg_dist_partition d USING (logicalrelid)
      JOIN pg_class c ON c.oid = to_regclass(shard_name(s.logicalrelid, s.shardid))
     WHERE d.partmethod = 'h' AND p.groupid = (SELECT groupid FROM pg_dist_local_group)`;
  const { rows } = await c.query<{ nodename: string; nodeport: number; success: boolean; result: string }>(
    `SELECT nodename, nodeport, success, result FROM run_command_on_workers($1)`,
    [perWorker],
  );
  const { rows: placements } = await c.query<{ n: string }>(
    `SELECT count(*) AS n FROM pg_dist_placement p JOIN pg_dist_shard s USING (shardid) JOIN pg_dist_partition d USING (logicalrelid) WHERE d.partmethod = 'h'`,
  );
  const problems: string[] = [];
  const { rows: open } = await c.query<{ tbl: string }>(
    `SELECT d.logicalrelid::text AS tbl FROM pg_dist_partition d WHERE d.partmethod = 'h' AND ${unchecked('d.logicalrelid')} ORDER BY 1`,
  );
  for (const r of open) problems.push(`${r.tbl}: a policy that does not require the signed tenant context (app.context_verified())`);
  let seen = 0;
  for (const r of rows) {
    if (!r.success) {
      problems.push(`${r.nodename}:${r.nodeport}: ${r.result}`);
      continue;
    }
    const [bad, total, slow] = r.result.split(' ').map(Number);
    seen += total;
    if (slow)
      problems.push(
        `${r.nodename}:${r.nodeport}: ${slow} of its ${total} shards check the signed context per row, not once per statement (a placement Citus made anew): run npm run db:distribute again`,
      );
    if (bad)
      problems.push(
        `${r.nodename}:${r.nodeport}: ${bad} of its ${total} shards lack RLS (enabled and forced), a policy of their table, or the signed-context check in a policy`,
      );
  }
  if (seen !== Number(placements[0].n)) problems.push(`${seen} shards answered, Citus has ${placements[0].n} placements`);
  return problems;
}
