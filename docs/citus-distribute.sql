-- KNOWN TO FAIL on Citus 13.2 at its first statement (ERROR: cannot create policy): see docs/SCALING.md,
-- "Status: not yet runnable on Citus", for what was measured and the planned fix. Kept for review.
-- Distribute introsak's tenant tables by the municipality key with Citus (run as the owner, once,
-- on a Citus coordinator after `npm run migration:run`). Reference tables become Citus reference
-- tables (copied to every node); every tenant table is distributed by municipality_id and colocated,
-- so a municipality's rows live together and every join between them stays on one node.
-- Preconditions (checked by test/integration/catalogue.test.ts on the real schema):
--   * every tenant table's primary key and unique keys lead with municipality_id;
--   * every foreign key between tenant tables includes municipality_id;
--   * no reference table points into a tenant table.
CREATE EXTENSION IF NOT EXISTS citus;

SELECT create_reference_table('app.statsforvalter_area');
SELECT create_reference_table('app.county');
SELECT create_reference_table('app.municipality');

-- The anchor of the colocation group, then every other tenant table colocated with it (parents first).
SELECT create_distributed_table('app.participant', 'municipality_id');
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY[
    'competence_mapping', 'plan_version', 'programme', 'decision', 'absence', 'certificate',
    'appeal', 'appeal_event', 'career_guidance_referral', 'plan_guidance_link',
    'audit_chain_head', 'audit_event', 'idempotency_key', 'access_log', 'case_transfer'
  ] LOOP
    PERFORM create_distributed_table('app.' || t, 'municipality_id', colocate_with => 'app.participant');
  END LOOP;
END $$;

-- Row-level security policies and grants are propagated by Citus to the shards; check with
--   SELECT * FROM run_command_on_shards('app.participant', $$SELECT relrowsecurity FROM pg_class WHERE oid = '%s'::regclass$$);
