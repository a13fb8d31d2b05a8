import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The row-level policies that reach through another table (a Statsforvalter through the appeals it sees,
 * a county through its guidance referrals) call a function now instead of holding the sub-select inline.
 *
 * Why: PostgreSQL adds every permissive policy of every table a statement reads, ORed, to that statement,
 * and plans each inlined sub-select (and, inside it, the appeal table's own policies) on every custom plan,
 * whoever the caller is. A municipality caseworker's case list, which never takes those paths, spent 8–13 ms
 * planning them against 0.1–0.8 ms executing (EXPLAIN (ANALYZE, SUMMARY) as the API login, 8 500 rows); under
 * issue 19's alias attack that planning is what another municipality's p99 waited behind. A PL/pgSQL function
 * is opaque to the planner: the policy costs one function call, made only after the cheap role test passed
 * (`app.current_actor_role() = 'STATSFORVALTER' AND …` is evaluated left to right), so a municipality caller
 * never runs it and a Statsforvalter or county caller runs one indexed probe per candidate row.
 *
 * The functions run as the caller (SECURITY INVOKER): their reads of app.appeal and
 * app.career_guidance_referral are under those tables' own policies, exactly as the inlined sub-selects were.
 * Each says the same condition the policy said; the grants and who sees what do not change.
 */

const FORWARDED_STATES = `'FORWARDED', 'PARTLY_REVERSED_AND_FORWARDED', 'DECIDED_BY_STATSFORVALTER'`;
/** The Statsforvalter's view of one appeal row `a` (as migration 1732900000000 says it). */
const SEES = `app.current_actor_role() = 'STATSFORVALTER'
    AND a.statsforvalter_id = app.current_org()
    AND (a.state IN (${FORWARDED_STATES}) OR (a.state = 'CLOSED' AND a.closed_from = 'DECIDED_BY_STATSFORVALTER'))
    AND (a.municipality_id = ANY (app.reachable_municipality_ids()) OR a.reassigned_at IS NOT NULL)`;

function fn(signature: string, body: string): string {
  return `CREATE FUNCTION app.${signature} RETURNS boolean LANGUAGE plpgsql STABLE PARALLEL SAFE COST 1000 AS $$
    BEGIN
      RETURN ${body};
    END $$`;
}

const FUNCTIONS: { signature: string; body: string }[] = [
  {
    signature: 'statsforvalter_sees_participant(m smallint, participant uuid)',
    body: `EXISTS (SELECT 1 FROM app.appeal a WHERE a.municipality_id = m AND a.participant_id = participant AND ${SEES})`,
  },
  {
    signature: 'statsforvalter_sees_decision(m smallint, decision uuid)',
    body: `EXISTS (SELECT 1 FROM app.appeal a WHERE a.municipality_id = m AND (a.decision_id = decision OR a.reversal_decision_id = decision) AND ${SEES})`,
  },
  {
    signature: 'statsforvalter_sees_appeal(m smallint, appeal uuid)',
    body: `EXISTS (SELECT 1 FROM app.appeal a WHERE a.municipality_id = m AND a.id = appeal AND ${SEES})`,
  },
  {
    signature: 'statsforvalter_sees_municipality(m smallint)',
    body: `EXISTS (SELECT 1 FROM app.appeal a WHERE a.municipality_id = m AND ${SEES})`,
  },
  {
    signature: 'statsforvalter_may_log(m smallint, participants uuid[])',
    body: `NOT EXISTS (SELECT 1 FROM unnest(participants) AS x(participant_id)
        WHERE NOT EXISTS (SELECT 1 FROM app.appeal a WHERE a.municipality_id = m AND a.participant_id = x.participant_id AND a.statsforvalter_id = app.current_org()))`,
  },
  {
    signature: 'county_guides_participant(m smallint, participant uuid)',
    body: `EXISTS (SELECT 1 FROM app.career_guidance_referral r WHERE r.municipality_id = m AND r.participant_id = participant
        AND r.county_number::text = app.current_org() AND r.state IN ('OPEN', 'IN_PROGRESS', 'COMPLETED'))`,
  },
];

const SF = `app.current_actor_role() = 'STATSFORVALTER'`;
const COUNTY = `app.current_actor_role() = 'COUNTY' AND municipality_id = ANY (app.reachable_municipality_ids())`;

/** Each policy's new expressions (USING, WITH CHECK); null leaves that part out. */
const POLICIES: { table: string; name: string; using: string | null; check: string | null }[] = [
  {
    table: 'access_log',
    name: 'access_log_append_reassigned_appeal',
    using: null,
    check: `${SF} AND app.statsforvalter_may_log(municipality_id, participant_ids)`,
  },
  {
    table: 'appeal_event',
    name: 'appeal_event_statsforvalter_append',
    using: null,
    check: `${SF} AND app.statsforvalter_sees_appeal(municipality_id, appeal_id) AND actor_role = app.current_actor_role() AND actor_org = app.current_org()`,
  },
  {
    table: 'appeal_event',
    name: 'appeal_event_statsforvalter_read',
    using: `${SF} AND app.statsforvalter_sees_appeal(municipality_id, appeal_id)`,
    check: null,
  },
  {
    table: 'audit_chain_head',
    name: 'audit_chain_head_statsforvalter',
    using: `${SF} AND app.statsforvalter_sees_municipality(municipality_id)`,
    check: `${SF} AND app.statsforvalter_sees_municipality(municipality_id)`,
  },
  { table: 'audit_event', name: 'audit_event_statsforvalter_append', using: null, check: `${SF} AND app.statsforvalter_sees_municipality(municipality_id)` },
  {
    table: 'competence_mapping',
    name: 'competence_mapping_county_guidance',
    using: `${COUNTY} AND app.county_guides_participant(municipality_id, participant_id)`,
    check: null,
  },
  { table: 'decision', name: 'decision_statsforvalter_appealed', using: `${SF} AND app.statsforvalter_sees_decision(municipality_id, id)`, check: null },
  { table: 'participant', name: 'participant_county_guidance', using: `${COUNTY} AND app.county_guides_participant(municipality_id, id)`, check: null },
  {
    table: 'participant',
    name: 'participant_statsforvalter_appellant',
    using: `${SF} AND app.statsforvalter_sees_participant(municipality_id, id)`,
    check: null,
  },
  {
    table: 'plan_version',
    name: 'plan_version_statsforvalter_appellant',
    using: `${SF} AND app.statsforvalter_sees_participant(municipality_id, participant_id)`,
    check: null,
  },
];

/** The expressions as they were (pg_policies after migration 1733830000000), for down(). */
const BEFORE: { table: string; name: string; using: string | null; check: string | null }[] = [
  {
    table: 'access_log',
    name: 'access_log_append_reassigned_appeal',
    using: null,
    check:
      "((app.current_actor_role() = 'STATSFORVALTER'::text) AND (NOT (EXISTS ( SELECT 1 FROM unnest(access_log.participant_ids) x(participant_id) WHERE (NOT (EXISTS ( SELECT 1 FROM app.appeal a WHERE ((a.municipality_id = access_log.municipality_id) AND (a.participant_id = x.participant_id) AND (a.statsforvalter_id = app.current_org())))))))))",
  },
  {
    table: 'appeal_event',
    name: 'appeal_event_statsforvalter_append',
    using: null,
    check:
      "((app.current_actor_role() = 'STATSFORVALTER'::text) AND (EXISTS ( SELECT 1 FROM app.appeal a WHERE ((a.municipality_id = appeal_event.municipality_id) AND (a.id = appeal_event.appeal_id) AND ((app.current_actor_role() = 'STATSFORVALTER'::text) AND (a.statsforvalter_id = app.current_org()) AND ((a.state = ANY (ARRAY['FORWARDED'::text, 'PARTLY_REVERSED_AND_FORWARDED'::text, 'DECIDED_BY_STATSFORVALTER'::text])) OR ((a.state = 'CLOSED'::text) AND (a.closed_from = 'DECIDED_BY_STATSFORVALTER'::text))) AND ((a.municipality_id = ANY (app.reachable_municipality_ids())) OR (a.reassigned_at IS NOT NULL)))))) AND (actor_role = app.current_actor_role()) AND (actor_org = app.current_org()))",
  },
  {
    table: 'appeal_event',
    name: 'appeal_event_statsforvalter_read',
    using:
      "((app.current_actor_role() = 'STATSFORVALTER'::text) AND (EXISTS ( SELECT 1 FROM app.appeal a WHERE ((a.municipality_id = appeal_event.municipality_id) AND (a.id = appeal_event.appeal_id) AND ((app.current_actor_role() = 'STATSFORVALTER'::text) AND (a.statsforvalter_id = app.current_org()) AND ((a.state = ANY (ARRAY['FORWARDED'::text, 'PARTLY_REVERSED_AND_FORWARDED'::text, 'DECIDED_BY_STATSFORVALTER'::text])) OR ((a.state = 'CLOSED'::text) AND (a.closed_from = 'DECIDED_BY_STATSFORVALTER'::text))) AND ((a.municipality_id = ANY (app.reachable_municipality_ids())) OR (a.reassigned_at IS NOT NULL)))))))",
    check: null,
  },
  {
    table: 'audit_chain_head',
    name: 'audit_chain_head_statsforvalter',
    using:
      "((app.current_actor_role() = 'STATSFORVALTER'::text) AND (EXISTS ( SELECT 1 FROM app.appeal a WHERE ((a.municipality_id = audit_chain_head.municipality_id) AND true AND ((app.current_actor_role() = 'STATSFORVALTER'::text) AND (a.statsforvalter_id = app.current_org()) AND ((a.state = ANY (ARRAY['FORWARDED'::text, 'PARTLY_REVERSED_AND_FORWARDED'::text, 'DECIDED_BY_STATSFORVALTER'::text])) OR ((a.state = 'CLOSED'::text) AND (a.closed_from = 'DECIDED_BY_STATSFORVALTER'::text))) AND ((a.municipality_id = ANY (app.reachable_municipality_ids())) OR (a.reassigned_at IS NOT NULL)))))))",
    check:
      "((app.current_actor_role() = 'STATSFORVALTER'::text) AND (EXISTS ( SELECT 1 FROM app.appeal a WHERE ((a.municipality_id = audit_chain_head.municipality_id) AND true AND ((app.current_actor_role() = 'STATSFORVALTER'::text) AND (a.statsforvalter_id = app.current_org()) AND ((a.state = ANY (ARRAY['FORWARDED'::text, 'PARTLY_REVERSED_AND_FORWARDED'::text, 'DECIDED_BY_STATSFORVALTER'::text])) OR ((a.state = 'CLOSED'::text) AND (a.closed_from = 'DECIDED_BY_STATSFORVALTER'::text))) AND ((a.municipality_id = ANY (app.reachable_municipality_ids())) OR (a.reassigned_at IS NOT NULL)))))))",
  },
  {
    table: 'audit_event',
    name: 'audit_event_statsforvalter_append',
    using: null,
    check:
      "((app.current_actor_role() = 'STATSFORVALTER'::text) AND (EXISTS ( SELECT 1 FROM app.appeal a WHERE ((a.municipality_id = audit_event.municipality_id) AND true AND ((app.current_actor_role() = 'STATSFORVALTER'::text) AND (a.statsforvalter_id = app.current_org()) AND ((a.state = ANY (ARRAY['FORWARDED'::text, 'PARTLY_REVERSED_AND_FORWARDED'::text, 'DECIDED_BY_STATSFORVALTER'::text])) OR ((a.state = 'CLOSED'::text) AND (a.closed_from = 'DECIDED_BY_STATSFORVALTER'::text))) AND ((a.municipality_id = ANY (app.reachable_municipality_ids())) OR (a.reassigned_at IS NOT NULL)))))))",
  },
  {
    table: 'competence_mapping',
    name: 'competence_mapping_county_guidance',
    using:
      "((app.current_actor_role() = 'COUNTY'::text) AND (municipality_id = ANY (app.reachable_municipality_ids())) AND (EXISTS ( SELECT 1 FROM app.career_guidance_referral r WHERE ((r.municipality_id = competence_mapping.municipality_id) AND (r.participant_id = competence_mapping.participant_id) AND ((r.county_number)::text = app.current_org()) AND (r.state = ANY (ARRAY['OPEN'::text, 'IN_PROGRESS'::text, 'COMPLETED'::text]))))))",
    check: null,
  },
  {
    table: 'decision',
    name: 'decision_statsforvalter_appealed',
    using:
      "((app.current_actor_role() = 'STATSFORVALTER'::text) AND (EXISTS ( SELECT 1 FROM app.appeal a WHERE ((a.municipality_id = decision.municipality_id) AND ((a.decision_id = decision.id) OR (a.reversal_decision_id = decision.id)) AND ((app.current_actor_role() = 'STATSFORVALTER'::text) AND (a.statsforvalter_id = app.current_org()) AND ((a.state = ANY (ARRAY['FORWARDED'::text, 'PARTLY_REVERSED_AND_FORWARDED'::text, 'DECIDED_BY_STATSFORVALTER'::text])) OR ((a.state = 'CLOSED'::text) AND (a.closed_from = 'DECIDED_BY_STATSFORVALTER'::text))) AND ((a.municipality_id = ANY (app.reachable_municipality_ids())) OR (a.reassigned_at IS NOT NULL)))))))",
    check: null,
  },
  {
    table: 'participant',
    name: 'participant_county_guidance',
    using:
      "((app.current_actor_role() = 'COUNTY'::text) AND (municipality_id = ANY (app.reachable_municipality_ids())) AND (EXISTS ( SELECT 1 FROM app.career_guidance_referral r WHERE ((r.municipality_id = participant.municipality_id) AND (r.participant_id = participant.id) AND ((r.county_number)::text = app.current_org()) AND (r.state = ANY (ARRAY['OPEN'::text, 'IN_PROGRESS'::text, 'COMPLETED'::text]))))))",
    check: null,
  },
  {
    table: 'participant',
    name: 'participant_statsforvalter_appellant',
    using:
      "((app.current_actor_role() = 'STATSFORVALTER'::text) AND (EXISTS ( SELECT 1 FROM app.appeal a WHERE ((a.municipality_id = participant.municipality_id) AND (a.participant_id = participant.id) AND ((app.current_actor_role() = 'STATSFORVALTER'::text) AND (a.statsforvalter_id = app.current_org()) AND ((a.state = ANY (ARRAY['FORWARDED'::text, 'PARTLY_REVERSED_AND_FORWARDED'::text, 'DECIDED_BY_STATSFORVALTER'::text])) OR ((a.state = 'CLOSED'::text) AND (a.closed_from = 'DECIDED_BY_STATSFORVALTER'::text))) AND ((a.municipality_id = ANY (app.reachable_municipality_ids())) OR (a.reassigned_at IS NOT NULL)))))))",
    check: null,
  },
  {
    table: 'plan_version',
    name: 'plan_version_statsforvalter_appellant',
    using:
      "((app.current_actor_role() = 'STATSFORVALTER'::text) AND (EXISTS ( SELECT 1 FROM app.appeal a WHERE ((a.municipality_id = plan_version.municipality_id) AND (a.participant_id = plan_version.participant_id) AND ((app.current_actor_role() = 'STATSFORVALTER'::text) AND (a.statsforvalter_id = app.current_org()) AND ((a.state = ANY (ARRAY['FORWARDED'::text, 'PARTLY_REVERSED_AND_FORWARDED'::text, 'DECIDED_BY_STATSFORVALTER'::text])) OR ((a.state = 'CLOSED'::text) AND (a.closed_from = 'DECIDED_BY_STATSFORVALTER'::text))) AND ((a.municipality_id = ANY (app.reachable_municipality_ids())) OR (a.reassigned_at IS NOT NULL)))))))",
    check: null,
  },
];

function alter(p: { table: string; name: string; using: string | null; check: string | null }): string {
  return `ALTER POLICY ${p.name} ON app.${p.table}${p.using ? ` USING (${p.using})` : ''}${p.check ? ` WITH CHECK (${p.check})` : ''}`;
}

export class PolicyFunctions1733830000001 implements MigrationInterface {
  name = 'PolicyFunctions1733830000001';

  public async up(q: QueryRunner): Promise<void> {
    for (const f of FUNCTIONS) await q.query(fn(f.signature, f.body));
    await q.query(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA app TO introsak_api`);
    for (const p of POLICIES) await q.query(alter(p));
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const p of BEFORE) await q.query(alter(p));
    for (const f of FUNCTIONS) await q.query(`DROP FUNCTION app.${f.signature.replace(/\(.*\)/, '')}`);
  }
}
