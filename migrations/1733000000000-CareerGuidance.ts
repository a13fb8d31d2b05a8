import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Career guidance (karriereveiledning, integreringsloven §§ 4 and 11; RULES.md R-3): the municipality refers a
 * participant to the county of its municipality (Oslo: county 03, which Oslo itself serves), the county gives
 * the guidance and submits a recommendation, and the municipality's plan records which guidance it built on.
 *
 * Both tables belong to the referring municipality (the municipality key leads every key and foreign key).
 * The county's narrow window is a set of policies that all require app.current_actor_role() = 'COUNTY':
 * - career_guidance_referral: the rows addressed to the caller's county (app.current_org()) from its reachable
 *   municipalities, except withdrawn ones; it may update only those, and only into IN_PROGRESS or COMPLETED;
 * - participant and competence_mapping: SELECT only, the rows of participants with such a referral;
 * - nothing else: no decision, programme, plan, absence, certificate or appeal row; of the change log only the
 *   none (a county appends to it but cannot read it back).
 * Row-level security cannot hide columns: the participant row a county may read still has identity_number;
 * the API never selects it for a county (the GraphQL projection types have no such field).
 */
const COUNTY_SCOPE = `app.current_actor_role() = 'COUNTY'
          AND county_number = app.current_org()
          AND municipality_id = ANY (app.reachable_municipality_ids())`;

/** A referral to the caller's county that lets it read the participant's identity and mapping. */
const REFERRED_TO_CALLER = (alias: string, participantColumn: string) => `app.current_actor_role() = 'COUNTY'
          AND ${alias}.municipality_id = ANY (app.reachable_municipality_ids())
          AND EXISTS (SELECT 1 FROM app.career_guidance_referral r
                      WHERE r.municipality_id = ${alias}.municipality_id AND r.participant_id = ${alias}.${participantColumn}
                        AND r.county_number = app.current_org() AND r.state IN ('OPEN', 'IN_PROGRESS', 'COMPLETED'))`;

export class CareerGuidance1733000000000 implements MigrationInterface {
  name = 'CareerGuidance1733000000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE app.career_guidance_referral (
        municipality_id smallint NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        participant_id uuid NOT NULL,
        county_number char(2) NOT NULL REFERENCES app.county(number),
        note text NOT NULL DEFAULT '',
        state text NOT NULL DEFAULT 'OPEN' CHECK (state IN ('OPEN', 'IN_PROGRESS', 'COMPLETED', 'WITHDRAWN')),
        referred_at timestamptz NOT NULL DEFAULT now(),
        referred_by text NOT NULL,
        started_at timestamptz,
        adviser text,
        held_at date,
        summary text,
        recommendation_kind text CHECK (recommendation_kind IN ('WORK', 'EDUCATION')),
        recommended_end_goal text,
        reduced_goal_reason text,
        suggested_elements text[] NOT NULL DEFAULT '{}',
        submitted_at timestamptz,
        withdrawn_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (municipality_id, id),
        FOREIGN KEY (municipality_id, participant_id) REFERENCES app.participant (municipality_id, id),
        CHECK (state IN ('OPEN', 'WITHDRAWN') OR started_at IS NOT NULL),
        CHECK (state <> 'COMPLETED' OR (submitted_at IS NOT NULL AND held_at IS NOT NULL AND adviser IS NOT NULL
               AND summary IS NOT NULL AND recommendation_kind IS NOT NULL AND recommended_end_goal IS NOT NULL))
      )`);
    // One running referral per participant at a time.
    await q.query(`
      CREATE UNIQUE INDEX career_guidance_referral_one_running ON app.career_guidance_referral (municipality_id, participant_id)
        WHERE state IN ('OPEN', 'IN_PROGRESS')`);
    // The policies' EXISTS on participant and competence_mapping, and the municipality's look-up by participant.
    await q.query(`CREATE INDEX career_guidance_referral_participant ON app.career_guidance_referral (municipality_id, participant_id, county_number, state)`);
    // The county's work list.
    await q.query(`CREATE INDEX career_guidance_referral_county ON app.career_guidance_referral (county_number, state, municipality_id)`);

    // Who a referral is about and whom it is addressed to never change (a county that could repoint
    // participant_id would gain a window on another participant). The county writes guidance, not the note.
    await q.query(`
      CREATE FUNCTION app.career_guidance_referral_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.municipality_id IS DISTINCT FROM OLD.municipality_id OR NEW.id IS DISTINCT FROM OLD.id
           OR NEW.participant_id IS DISTINCT FROM OLD.participant_id OR NEW.county_number IS DISTINCT FROM OLD.county_number
           OR NEW.referred_at IS DISTINCT FROM OLD.referred_at OR NEW.referred_by IS DISTINCT FROM OLD.referred_by
           OR NEW.created_at IS DISTINCT FROM OLD.created_at THEN
          RAISE EXCEPTION 'a career-guidance referral keeps its participant, municipality and county' USING ERRCODE = '42501';
        END IF;
        IF app.current_actor_role() = 'COUNTY' AND NEW.note IS DISTINCT FROM OLD.note THEN
          RAISE EXCEPTION 'the county does not change the referral note' USING ERRCODE = '42501';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER career_guidance_referral_guard BEFORE UPDATE ON app.career_guidance_referral
        FOR EACH ROW EXECUTE FUNCTION app.career_guidance_referral_guard()`);

    // The plan version and the submitted guidance it built on. Plan versions are history: a link is
    // written once and never changed, so the API gets no UPDATE on it.
    await q.query(`
      CREATE TABLE app.plan_guidance_link (
        municipality_id smallint NOT NULL,
        plan_version_id uuid NOT NULL,
        referral_id uuid NOT NULL,
        linked_by text NOT NULL,
        linked_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (municipality_id, plan_version_id),
        FOREIGN KEY (municipality_id, plan_version_id) REFERENCES app.plan_version (municipality_id, id),
        FOREIGN KEY (municipality_id, referral_id) REFERENCES app.career_guidance_referral (municipality_id, id)
      )`);
    await q.query(`CREATE INDEX plan_guidance_link_referral ON app.plan_guidance_link (municipality_id, referral_id)`);

    await q.query(`GRANT SELECT, INSERT, UPDATE ON app.career_guidance_referral TO introsak_api`);
    await q.query(`GRANT SELECT, INSERT ON app.plan_guidance_link TO introsak_api`);
    for (const t of ['career_guidance_referral', 'plan_guidance_link']) {
      await q.query(`ALTER TABLE app.${t} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE app.${t} FORCE ROW LEVEL SECURITY`);
      await q.query(`
        CREATE POLICY ${t}_own_municipality ON app.${t}
          USING (municipality_id = app.current_municipality_id())
          WITH CHECK (municipality_id = app.current_municipality_id())`);
    }

    await q.query(`
      CREATE POLICY career_guidance_referral_county_read ON app.career_guidance_referral FOR SELECT
        USING (${COUNTY_SCOPE} AND state IN ('OPEN', 'IN_PROGRESS', 'COMPLETED'))`);
    await q.query(`
      CREATE POLICY career_guidance_referral_county_work ON app.career_guidance_referral FOR UPDATE
        USING (${COUNTY_SCOPE} AND state IN ('OPEN', 'IN_PROGRESS'))
        WITH CHECK (${COUNTY_SCOPE} AND state IN ('IN_PROGRESS', 'COMPLETED'))`);
    await q.query(`
      CREATE POLICY participant_county_guidance ON app.participant FOR SELECT
        USING (${REFERRED_TO_CALLER('participant', 'id')})`);
    await q.query(`
      CREATE POLICY competence_mapping_county_guidance ON app.competence_mapping FOR SELECT
        USING (${REFERRED_TO_CALLER('competence_mapping', 'participant_id')})`);
    // The county's start and submit write the municipality's change log. recordChange appends with
    // INSERT … RETURNING, and PostgreSQL checks a RETURNING row against the SELECT policies: without this the
    // county's append fails. It reads back only what its own organisation wrote, never the municipality's log.
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP POLICY competence_mapping_county_guidance ON app.competence_mapping`);
    await q.query(`DROP POLICY participant_county_guidance ON app.participant`);
    await q.query(`DROP TABLE app.plan_guidance_link`);
    await q.query(`DROP TABLE app.career_guidance_referral`);
    await q.query(`DROP FUNCTION app.career_guidance_referral_guard()`);
  }
}
