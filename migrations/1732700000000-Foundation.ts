import { MigrationInterface, QueryRunner } from 'typeorm';
import { COUNTIES, MUNICIPALITIES, STATSFORVALTER_AREAS } from './reference-data-2024';

/**
 * The foundation: the API login role, the app schema, reference data, the tenant helpers the
 * row-level-security policies read, the append-only change log, idempotency keys and the first
 * tenant table (participant).
 *
 * Roles:
 * - the role that runs migrations (DATABASE_URL's user) owns every table;
 * - introsak_api is the API's login: NOSUPERUSER NOBYPASSRLS, owns nothing, has only DML grants,
 *   and gets timeouts on the role so a runaway statement or an abandoned transaction is ended by
 *   the database itself.
 *
 * The caller's identity is set per transaction with set_config(..., true):
 *   app.role, app.org, app.actor, app.municipality_id (own municipality, municipality users only),
 *   app.municipality_ids (reachable municipalities, comma separated).
 * nullif(current_setting(..., true), '') makes an unset or reset setting NULL, so policies fail closed.
 */
export class Foundation1732700000000 implements MigrationInterface {
  name = 'Foundation1732700000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$ BEGIN
        CREATE ROLE introsak_api LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
      EXCEPTION WHEN duplicate_object THEN NULL; END $$`);
    await q.query(`ALTER ROLE introsak_api SET statement_timeout = '5s'`);
    await q.query(`ALTER ROLE introsak_api SET lock_timeout = '2s'`);
    await q.query(`ALTER ROLE introsak_api SET idle_in_transaction_session_timeout = '30s'`);
    // The case-list queries are short; JIT compilation added ~15 ms to some of them (measured, dashboard work).
    await q.query(`ALTER ROLE introsak_api SET jit = off`);
    await q.query(`CREATE SCHEMA app`);
    await q.query(`REVOKE ALL ON SCHEMA app FROM PUBLIC`);
    await q.query(`GRANT USAGE ON SCHEMA app TO introsak_api`);

    // Tenant helpers. STABLE SQL functions are inlined by the planner, so policies stay index-friendly.
    await q.query(`
      CREATE FUNCTION app.current_municipality_id() RETURNS smallint LANGUAGE sql STABLE PARALLEL SAFE AS
      $$ SELECT nullif(current_setting('app.municipality_id', true), '')::smallint $$`);
    await q.query(`
      CREATE FUNCTION app.reachable_municipality_ids() RETURNS smallint[] LANGUAGE sql STABLE PARALLEL SAFE AS
      $$ SELECT string_to_array(nullif(current_setting('app.municipality_ids', true), ''), ',')::smallint[] $$`);
    await q.query(`
      CREATE FUNCTION app.current_actor_role() RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS
      $$ SELECT nullif(current_setting('app.role', true), '') $$`);
    await q.query(`
      CREATE FUNCTION app.current_org() RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS
      $$ SELECT nullif(current_setting('app.org', true), '') $$`);
    await q.query(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA app TO introsak_api`);

    // Reference data (not tenant data): read-only to the API, never points into tenant tables.
    await q.query(`
      CREATE TABLE app.statsforvalter_area (
        id text PRIMARY KEY,
        name text NOT NULL
      )`);
    await q.query(`
      CREATE TABLE app.county (
        number char(2) PRIMARY KEY,
        name text NOT NULL,
        statsforvalter_id text NOT NULL REFERENCES app.statsforvalter_area(id)
      )`);
    // The municipality number changes in reforms: it is an attribute, the key is a surrogate.
    await q.query(`
      CREATE TABLE app.municipality (
        id smallint PRIMARY KEY,
        number char(4) NOT NULL,
        name text NOT NULL,
        county_number char(2) NOT NULL REFERENCES app.county(number),
        valid_from date NOT NULL,
        valid_to date,
        UNIQUE (number, valid_from)
      )`);
    for (const [id, name] of STATSFORVALTER_AREAS) {
      await q.query(`INSERT INTO app.statsforvalter_area (id, name) VALUES ($1, $2)`, [id, name]);
    }
    for (const [number, name, sf] of COUNTIES) {
      await q.query(`INSERT INTO app.county (number, name, statsforvalter_id) VALUES ($1, $2, $3)`, [number, name, sf]);
    }
    await q.query(
      `INSERT INTO app.municipality (id, number, name, county_number, valid_from)
       SELECT ord::smallint, m.number, m.name, m.county, date '2024-01-01'
       FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS m(number, name, county, ord)`,
      [MUNICIPALITIES.map((m) => m[0]), MUNICIPALITIES.map((m) => m[1]), MUNICIPALITIES.map((m) => m[2])],
    );
    await q.query(`GRANT SELECT ON app.statsforvalter_area, app.county, app.municipality TO introsak_api`);

    // The participant register: the first tenant table. The municipality key leads every key.
    await q.query(`
      CREATE TABLE app.participant (
        municipality_id smallint NOT NULL REFERENCES app.municipality(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        version integer NOT NULL DEFAULT 1,
        full_name text NOT NULL,
        identity_number char(11) NOT NULL,
        birth_date date NOT NULL,
        permit_category text NOT NULL,
        permit_grant_date date NOT NULL,
        arrival_date date NOT NULL,
        settlement_date date,
        settled_by_agreement boolean NOT NULL DEFAULT false,
        request_date date,
        family_reference_years numeric(5,2),
        highest_education text,
        has_upper_secondary boolean NOT NULL DEFAULT false,
        weekly_work_hours numeric(4,1),
        children_birth_dates date[] NOT NULL DEFAULT '{}',
        lives_with_parent boolean NOT NULL DEFAULT false,
        languages text[] NOT NULL DEFAULT '{}',
        start_deadline date,
        status text NOT NULL DEFAULT 'REGISTERED',
        assigned_to_sub text,
        assigned_to_name text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (municipality_id, id),
        UNIQUE (municipality_id, identity_number)
      )`);
    // The case list's order, tie-breaker included, so the planner can stop after one page.
    await q.query(`CREATE INDEX participant_start_deadline ON app.participant (municipality_id, start_deadline, id)`);
    await q.query(`CREATE INDEX participant_name ON app.participant (municipality_id, full_name, id)`);
    await q.query(`CREATE INDEX participant_settlement ON app.participant (municipality_id, settlement_date, id)`);

    // Change log: append-only, one hash chain per municipality.
    await q.query(`
      CREATE TABLE app.audit_chain_head (
        municipality_id smallint NOT NULL REFERENCES app.municipality(id),
        last_seq bigint NOT NULL,
        last_hash text,
        PRIMARY KEY (municipality_id)
      )`);
    await q.query(`
      CREATE TABLE app.audit_event (
        municipality_id smallint NOT NULL REFERENCES app.municipality(id),
        seq bigint NOT NULL,
        occurred_at timestamptz NOT NULL,
        request_id text NOT NULL,
        actor_sub text NOT NULL,
        actor_role text NOT NULL,
        actor_org text NOT NULL,
        operation text NOT NULL,
        participant_id uuid,
        entity text,
        entity_id uuid,
        changes jsonb NOT NULL,
        prev_hash text,
        hash text NOT NULL,
        PRIMARY KEY (municipality_id, seq)
      )`);
    await q.query(`CREATE INDEX audit_event_participant ON app.audit_event (municipality_id, participant_id, seq)`);

    // Idempotency keys for creating mutations: a retry returns the first answer.
    await q.query(`
      CREATE TABLE app.idempotency_key (
        municipality_id smallint NOT NULL REFERENCES app.municipality(id),
        key text NOT NULL,
        actor_org text NOT NULL,
        operation text NOT NULL,
        request_hash text NOT NULL,
        result_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (municipality_id, actor_org, key)
      )`);

    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON app.participant TO introsak_api`);
    await q.query(`GRANT SELECT, INSERT ON app.audit_event TO introsak_api`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON app.audit_chain_head TO introsak_api`);
    await q.query(`GRANT SELECT, INSERT, UPDATE (result_id) ON app.idempotency_key TO introsak_api`);

    for (const t of ['participant', 'audit_event', 'audit_chain_head', 'idempotency_key']) {
      await q.query(`ALTER TABLE app.${t} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE app.${t} FORCE ROW LEVEL SECURITY`);
    }
    // A municipality user reaches its own municipality's participants. County and Statsforvalter
    // users get narrower SELECT policies through referrals and forwarded appeals (later migrations).
    await q.query(`
      CREATE POLICY participant_own_municipality ON app.participant
        USING (municipality_id = app.current_municipality_id())
        WITH CHECK (municipality_id = app.current_municipality_id())`);
    // The change log is written by whoever acts on a municipality's case (also a county or a
    // Statsforvalter), and read back only by that municipality.
    await q.query(`
      CREATE POLICY audit_event_read ON app.audit_event FOR SELECT
        USING (municipality_id = app.current_municipality_id())`);
    await q.query(`
      CREATE POLICY audit_event_append ON app.audit_event FOR INSERT
        WITH CHECK (municipality_id = ANY (app.reachable_municipality_ids()))`);
    await q.query(`
      CREATE POLICY audit_chain_head_reachable ON app.audit_chain_head
        USING (municipality_id = ANY (app.reachable_municipality_ids()))
        WITH CHECK (municipality_id = ANY (app.reachable_municipality_ids()))`);
    await q.query(`
      CREATE POLICY idempotency_key_reachable ON app.idempotency_key
        USING (municipality_id = ANY (app.reachable_municipality_ids()) AND actor_org = app.current_org())
        WITH CHECK (municipality_id = ANY (app.reachable_municipality_ids()) AND actor_org = app.current_org())`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SCHEMA app CASCADE`);
    // The introsak_api role is shared by every database of the cluster; it is left in place.
  }
}
