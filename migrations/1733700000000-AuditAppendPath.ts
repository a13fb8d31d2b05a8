import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The change log gets one way in (issue 19): `app.audit_append(...)`, a SECURITY DEFINER function that
 * takes the chain's next number, computes the row's hash in the database and moves the head, in one
 * statement. The API login loses every grant on the change log and its head: it can no longer read the
 * log, choose a row's seq, prev_hash or hash, or move (rewind) a head. It also loses grants it never used
 * (DELETE on participant, UPDATE on plan_version).
 *
 * The function belongs to `introsak_audit` (NOLOGIN, NOSUPERUSER, NOBYPASSRLS), which holds exactly the
 * grants the append needs, so the change log's row-level-security policies still decide whose chain a
 * caller may append to (a function owned by a superuser owner would bypass them).
 *
 * Rows written by the function are hash version 2: sha256 of
 *   prev_hash (or '') || '\n' || json_build_array(municipality_id, seq, occurred_at as UTC ISO text with
 *   microseconds, request_id, actor_sub, actor_role, actor_org, operation, participant_id, entity,
 *   entity_id)::text || '\n' || changes::text
 * which `npm run audit:verify` recomputes (src/modules/audit/verify.ts). Earlier rows keep version 1
 * (the hash computed in TypeScript over canonical JSON) and verify as before.
 */
const SIGNATURE = `app.audit_append(smallint, timestamptz, text, text, text, text, text, uuid, text, uuid, jsonb)`;

export class AuditAppendPath1733700000000 implements MigrationInterface {
  name = 'AuditAppendPath1733700000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$ BEGIN
        CREATE ROLE introsak_audit NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
      EXCEPTION WHEN duplicate_object THEN NULL; END $$`);
    // The migrating owner must be able to hand the function to introsak_audit (a superuser always can).
    await q.query(`
      DO $$ BEGIN
        IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
          EXECUTE format('GRANT introsak_audit TO %I', current_user);
        END IF;
      END $$`);
    await q.query(`GRANT USAGE ON SCHEMA app TO introsak_audit`);
    await q.query(`GRANT INSERT ON app.audit_event TO introsak_audit`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON app.audit_chain_head TO introsak_audit`);
    // The Statsforvalter's append policies look up the appeal it handles (under the appeal's own policies).
    await q.query(`GRANT SELECT ON app.appeal TO introsak_audit`);
    // The tenant helpers the policies call.
    await q.query(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA app TO introsak_audit`);

    await q.query(`ALTER TABLE app.audit_event ADD COLUMN hash_version smallint NOT NULL DEFAULT 1`);
    await q.query(`ALTER TABLE app.audit_event ADD CONSTRAINT audit_event_hash_version CHECK (hash_version IN (1, 2))`);
    await q.query(`
      CREATE FUNCTION app.audit_append(
        p_municipality_id smallint, p_occurred_at timestamptz, p_request_id text, p_actor_sub text, p_actor_role text,
        p_actor_org text, p_operation text, p_participant_id uuid, p_entity text, p_entity_id uuid, p_changes jsonb)
      RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
      DECLARE
        v_seq bigint;
        v_prev text;
        v_hash text;
      BEGIN
        -- The upsert locks the head until the transaction ends: rows of one municipality are numbered without gaps.
        INSERT INTO app.audit_chain_head AS h (municipality_id, last_seq, last_hash) VALUES (p_municipality_id, 1, NULL)
          ON CONFLICT (municipality_id) DO UPDATE SET last_seq = h.last_seq + 1
          RETURNING h.last_seq, h.last_hash INTO v_seq, v_prev;
        v_hash := encode(sha256(convert_to(
          coalesce(v_prev, '') || E'\\n' ||
          json_build_array(p_municipality_id, v_seq, to_char(p_occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                           p_request_id, p_actor_sub, p_actor_role, p_actor_org, p_operation, p_participant_id, p_entity, p_entity_id)::text ||
          E'\\n' || p_changes::text, 'UTF8')), 'hex');
        INSERT INTO app.audit_event (municipality_id, seq, occurred_at, request_id, actor_sub, actor_role, actor_org, operation,
                                     participant_id, entity, entity_id, changes, prev_hash, hash, hash_version)
          VALUES (p_municipality_id, v_seq, p_occurred_at, p_request_id, p_actor_sub, p_actor_role, p_actor_org, p_operation,
                  p_participant_id, p_entity, p_entity_id, p_changes, v_prev, v_hash, 2);
        UPDATE app.audit_chain_head SET last_hash = v_hash WHERE municipality_id = p_municipality_id;
      END $$`);
    await q.query(`ALTER FUNCTION ${SIGNATURE} OWNER TO introsak_audit`);
    await q.query(`REVOKE ALL ON FUNCTION ${SIGNATURE} FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION ${SIGNATURE} TO introsak_api`);

    // The API login appends only through the function, and keeps only the grants its code uses
    // (test/integration/grants.test.ts lists them).
    await q.query(`REVOKE ALL ON app.audit_event, app.audit_chain_head FROM introsak_api`);
    await q.query(`REVOKE DELETE ON app.participant FROM introsak_api`);
    await q.query(`REVOKE UPDATE ON app.plan_version FROM introsak_api`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`GRANT UPDATE ON app.plan_version TO introsak_api`);
    await q.query(`GRANT DELETE ON app.participant TO introsak_api`);
    await q.query(`GRANT SELECT, INSERT ON app.audit_event TO introsak_api`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON app.audit_chain_head TO introsak_api`);
    await q.query(`DROP FUNCTION ${SIGNATURE}`);
    await q.query(`ALTER TABLE app.audit_event DROP CONSTRAINT audit_event_hash_version`);
    await q.query(`ALTER TABLE app.audit_event DROP COLUMN hash_version`);
    await q.query(`REVOKE ALL ON app.audit_event, app.audit_chain_head, app.appeal FROM introsak_audit`);
    await q.query(`REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA app FROM introsak_audit`);
    await q.query(`REVOKE USAGE ON SCHEMA app FROM introsak_audit`);
    // introsak_audit is shared by every database of the cluster (like introsak_api); it is left in place.
  }
}
