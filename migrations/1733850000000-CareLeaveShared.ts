import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Care leave belongs to the child: when both parents are participants, in any municipality,
 * the 10 months are one pool with 75 days reserved for each. Each municipality must therefore learn how many
 * days the child's other parent has used, and nothing else about that parent's case.
 *
 * - app.care_leave: one row per granted care leave, a tenant table like every other (RLS enabled and forced,
 *   the municipality's own rows only). The child and the parent are stored only as keyed hashes
 *   (HMAC-SHA256 under the server's identity key, src/auth/identity-key.ts): no identity number, no name.
 * - app.care_leave_days_used(child_key, parent_key): the one way across municipalities. SECURITY DEFINER,
 *   owned by introsak_care_leave (NOLOGIN, NOSUPERUSER, NOBYPASSRLS), whose only grant is SELECT on the five
 *   columns the count needs and whose only policy lets it read them in every municipality. It answers two
 *   numbers: the working days this parent and the other parents have used for the child (a copy of a case
 *   moved between municipalities counts once: rows are taken distinct by parent and period). Which
 *   municipality, which case, which dates, or whether anything exists at all beyond a count of days: nothing.
 *   The API login may execute it; PUBLIC may not.
 */
const SIGNATURE = 'app.care_leave_days_used(text, text)';

export class CareLeaveShared1733850000000 implements MigrationInterface {
  name = 'CareLeaveShared1733850000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE app.care_leave (
        municipality_id smallint NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        participant_id uuid NOT NULL,
        decision_id uuid NOT NULL,
        child_key text NOT NULL,
        parent_key text NOT NULL,
        from_date date NOT NULL,
        to_date date NOT NULL,
        working_days integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (municipality_id, id),
        FOREIGN KEY (municipality_id, participant_id) REFERENCES app.participant (municipality_id, id),
        FOREIGN KEY (municipality_id, decision_id) REFERENCES app.decision (municipality_id, id),
        CONSTRAINT care_leave_period_check CHECK (to_date >= from_date),
        CONSTRAINT care_leave_working_days_check CHECK (working_days > 0),
        CONSTRAINT care_leave_keys_check CHECK (child_key ~ '^[0-9a-f]{64}$' AND parent_key ~ '^[0-9a-f]{64}$')
      )`);
    await q.query(`CREATE INDEX care_leave_child ON app.care_leave (child_key)`);
    await q.query(`GRANT SELECT, INSERT ON app.care_leave TO introsak_api`);
    await q.query(`ALTER TABLE app.care_leave ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE app.care_leave FORCE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY care_leave_own_municipality ON app.care_leave
        USING (municipality_id = app.current_municipality_id())
        WITH CHECK (municipality_id = app.current_municipality_id())`);

    await q.query(`
      DO $$ BEGIN
        CREATE ROLE introsak_care_leave NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
      EXCEPTION WHEN duplicate_object THEN NULL; END $$`);
    // The migrating owner must be able to hand the function to introsak_care_leave (a superuser always can).
    await q.query(`
      DO $$ BEGIN
        IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
          EXECUTE format('GRANT introsak_care_leave TO %I', current_user);
        END IF;
      END $$`);
    await q.query(`GRANT USAGE ON SCHEMA app TO introsak_care_leave`);
    await q.query(`GRANT SELECT (child_key, parent_key, from_date, to_date, working_days) ON app.care_leave TO introsak_care_leave`);
    await q.query(`CREATE POLICY care_leave_shared_count ON app.care_leave FOR SELECT TO introsak_care_leave USING (true)`);
    await q.query(`
      CREATE FUNCTION ${SIGNATURE.replace('(text, text)', '(p_child_key text, p_parent_key text)')}
      RETURNS TABLE (this_parent_days integer, other_parents_days integer)
      LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
      BEGIN
        IF p_child_key !~ '^[0-9a-f]{64}$' OR p_parent_key !~ '^[0-9a-f]{64}$' THEN
          RAISE EXCEPTION 'care_leave_days_used takes two keyed hashes (64 hex digits)' USING ERRCODE = '22023';
        END IF;
        RETURN QUERY
          SELECT coalesce(sum(l.working_days) FILTER (WHERE l.parent_key = p_parent_key), 0)::integer,
                 coalesce(sum(l.working_days) FILTER (WHERE l.parent_key <> p_parent_key), 0)::integer
          FROM (SELECT DISTINCT c.parent_key, c.from_date, c.to_date, c.working_days
                FROM app.care_leave c WHERE c.child_key = p_child_key) l;
      END $$`);
    await q.query(`ALTER FUNCTION ${SIGNATURE} OWNER TO introsak_care_leave`);
    await q.query(`REVOKE ALL ON FUNCTION ${SIGNATURE} FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION ${SIGNATURE} TO introsak_api`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION ${SIGNATURE}`);
    await q.query(`DROP TABLE app.care_leave`);
    await q.query(`REVOKE USAGE ON SCHEMA app FROM introsak_care_leave`);
    // introsak_care_leave is shared by every database of the cluster (like introsak_api); it is left in place.
  }
}
