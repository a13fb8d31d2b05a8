import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A tenant context a bare database login cannot forge (issue 19 item 4).
 *
 * Until now the policies trusted whatever the API login set with SET LOCAL (app.role, app.org, app.actor,
 * app.municipality_id, app.municipality_ids): anyone holding the introsak_api password could set another
 * municipality's id and read its rows. Now the API also sets
 *   app.context_key        the id of the key it signs with,
 *   app.context_issued     when it signed (Unix milliseconds, the API's clock),
 *   app.context_signature  HMAC-SHA256 (hex) over the settings above, the key id, the issue time and the
 *                          backend's pid (pg_backend_pid(): the pool connection the API signed for),
 * and every tenant table gets a RESTRICTIVE policy `(SELECT app.context_verified())`: no row is read or
 * written unless the signature verifies. The key lives in app_context.key, readable only by the NOLOGIN role
 * introsak_context, which owns app.context_verified() (SECURITY DEFINER). The owner writes the key at
 * start-up (src/db/tenant-context.ts: registerContextKey); the API process keeps it in memory, like its
 * password. introsak_api has no grant on app_context at all.
 *
 * The HMAC is built from sha256() (built in since PostgreSQL 11; pgcrypto is not needed, so embedded
 * PostgreSQL 17 and Citus workers need no extension): HMAC(K, m) = sha256((K ^ opad) || sha256((K ^ ipad) || m)),
 * with K ^ ipad and K ^ opad stored (they are the key, as secret as it). The message is the version tag and
 * each field as `<octet length>:<value>` in UTF-8, so no value can shift into another.
 *
 * Replay: the signature names the backend's pid, so a signature seen elsewhere (pg_stat_activity shows the
 * API's SET LOCAL text to every session of the same role) is refused in any other session; it is accepted
 * for at most 60 s either side of the transaction's start (clock skew between the API and the database
 * included). A later transaction on the same backend within that window would accept it, which only a
 * process holding the API's connection can do.
 *
 * Why an initplan `(SELECT app.context_verified())` and not a bare call: the policy is evaluated in every
 * scan, and a correlated subplan rescans its tables for each outer row (the case list's decision, plan and
 * appeal look-ups run 51 times per page). A verification costs a key look-up and two sha256 (tens of
 * microseconds); as an uncorrelated initplan it runs once per statement, whatever the number of scans and
 * rows. The house rule against sub-selects in policies is about sub-selects over tables, which the planner
 * plans into every statement; this one has no FROM and costs nothing to plan.
 *
 * app.context_verified() is PARALLEL RESTRICTED: pg_backend_pid() in a parallel worker is the worker's.
 *
 * Citus: SET LOCAL is propagated to the workers (citus.propagate_set_commands = 'local'), and the function
 * and the key table must exist on every worker (the owner registers the key on each node) — but on a worker
 * pg_backend_pid() is the worker backend's, not the coordinator's the API signed for. On Citus the binding must
 * be the coordinator's pid (citus_backend_gpid() % 10000000000); not done here, see SCALING.md.
 */
const TENANT_TABLES = `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                       WHERE n.nspname = 'app' AND c.relkind IN ('r', 'p') AND c.relrowsecurity ORDER BY 1`;

export class TenantContextSignature1733880000000 implements MigrationInterface {
  name = 'TenantContextSignature1733880000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$ BEGIN
        CREATE ROLE introsak_context NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
      EXCEPTION WHEN duplicate_object THEN NULL; END $$`);
    // The migrating owner must be able to hand objects to introsak_context and write the key (a superuser always can).
    await q.query(`
      DO $$ BEGIN
        IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
          EXECUTE format('GRANT introsak_context TO %I', current_user);
        END IF;
      END $$`);
    await q.query(`CREATE SCHEMA app_context AUTHORIZATION introsak_context`);
    await q.query(`REVOKE ALL ON SCHEMA app_context FROM PUBLIC`);
    await q.query(`
      CREATE TABLE app_context.key (
        id text PRIMARY KEY,
        inner_pad bytea NOT NULL CHECK (octet_length(inner_pad) = 64),
        outer_pad bytea NOT NULL CHECK (octet_length(outer_pad) = 64),
        registered_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`ALTER TABLE app_context.key OWNER TO introsak_context`);
    await q.query(`REVOKE ALL ON app_context.key FROM PUBLIC`);
    await q.query(`GRANT USAGE ON SCHEMA app TO introsak_context`);

    // Every name schema-qualified: a SECURITY DEFINER function must not resolve anything through the caller's
    // search_path (pg_temp is searched first for relations; never for functions or operators).
    await q.query(`
      CREATE FUNCTION app.context_verified() RETURNS boolean
      LANGUAGE plpgsql STABLE SECURITY DEFINER PARALLEL RESTRICTED AS $$
      DECLARE
        v_key text := pg_catalog.current_setting('app.context_key', true);
        v_issued text := pg_catalog.current_setting('app.context_issued', true);
        v_signature text := pg_catalog.current_setting('app.context_signature', true);
        v_inner bytea;
        v_outer bytea;
        v_message text := 'introsak-context-v1';
        v_value text;
      BEGIN
        IF v_key IS NULL OR v_signature IS NULL OR v_issued IS NULL OR v_issued !~ '^[0-9]{1,15}$' THEN
          RETURN false;
        END IF;
        IF abs(extract(epoch FROM pg_catalog.transaction_timestamp()) * 1000 - v_issued::numeric) > 60000 THEN
          RETURN false;
        END IF;
        SELECT k.inner_pad, k.outer_pad INTO v_inner, v_outer FROM app_context.key k WHERE k.id = v_key;
        IF NOT FOUND THEN
          RETURN false;
        END IF;
        FOREACH v_value IN ARRAY ARRAY[
          v_key, pg_catalog.pg_backend_pid()::text, v_issued,
          coalesce(pg_catalog.current_setting('app.role', true), ''),
          coalesce(pg_catalog.current_setting('app.org', true), ''),
          coalesce(pg_catalog.current_setting('app.actor', true), ''),
          coalesce(pg_catalog.current_setting('app.municipality_id', true), ''),
          coalesce(pg_catalog.current_setting('app.municipality_ids', true), '')]
        LOOP
          v_message := v_message || pg_catalog.octet_length(v_value)::text || ':' || v_value;
        END LOOP;
        RETURN pg_catalog.encode(pg_catalog.sha256(v_outer || pg_catalog.sha256(v_inner || pg_catalog.convert_to(v_message, 'UTF8'))), 'hex') = v_signature;
      END $$`);
    await q.query(`ALTER FUNCTION app.context_verified() OWNER TO introsak_context`);
    await q.query(`REVOKE ALL ON FUNCTION app.context_verified() FROM PUBLIC`);
    // The policies run it as the querying role: the API login, and introsak_audit inside app.audit_append.
    await q.query(`GRANT EXECUTE ON FUNCTION app.context_verified() TO introsak_api, introsak_audit`);

    const tables = (await q.query(TENANT_TABLES)) as { relname: string }[];
    for (const { relname } of tables) {
      await q.query(`
        CREATE POLICY ${relname}_context_verified ON app.${relname} AS RESTRICTIVE
          USING ((SELECT app.context_verified())) WITH CHECK ((SELECT app.context_verified()))`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    const tables = (await q.query(TENANT_TABLES)) as { relname: string }[];
    for (const { relname } of tables) await q.query(`DROP POLICY IF EXISTS ${relname}_context_verified ON app.${relname}`);
    await q.query(`DROP FUNCTION app.context_verified()`);
    await q.query(`DROP SCHEMA app_context CASCADE`);
    await q.query(`REVOKE USAGE ON SCHEMA app FROM introsak_context`);
    // introsak_context is shared by every database of the cluster (like introsak_api); it is left in place.
  }
}
