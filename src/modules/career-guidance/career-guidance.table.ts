import type { RecommendationKind, ReferralState } from '../../domain/career-guidance';
import type { EndGoal } from '../../domain/end-goal';
import { c, defineTable, KyselyTable, RecordOf } from '../../db/table';

/** a referral to the county's career guidance, and the guidance the county submits on it. */
export const careerGuidanceReferralTable = defineTable(
  'career_guidance_referral',
  {
    municipality_id: c.smallint(),
    id: c.uuid().defaultSql('gen_random_uuid()'),
    participant_id: c.uuid(),
    county_number: c.char(2),
    note: c.text().default(''),
    state: c.text<ReferralState>().default('OPEN'),
    referred_at: c.timestamptz().defaultSql('now()'),
    referred_by: c.text(),
    started_at: c.timestamptz().nullable(),
    adviser: c.text().nullable(),
    held_at: c.date().nullable(),
    summary: c.text().nullable(),
    recommendation_kind: c.text<RecommendationKind>().nullable(),
    recommended_end_goal: c.text<EndGoal>().nullable(),
    reduced_goal_reason: c.text().nullable(),
    suggested_elements: c.text().array().defaultSql("'{}'"),
    submitted_at: c.timestamptz().nullable(),
    withdrawn_at: c.timestamptz().nullable(),
    version: c.integer().default(1),
    created_at: c.timestamptz().defaultSql('now()'),
  },
  {
    primaryKey: ['municipality_id', 'id'],
    indexes: [
      { name: 'career_guidance_referral_one_running', columns: ['municipality_id', 'participant_id'], unique: true, where: `state IN ('OPEN', 'IN_PROGRESS')` },
      { name: 'career_guidance_referral_participant', columns: ['municipality_id', 'participant_id', 'county_number', 'state'] },
      { name: 'career_guidance_referral_county', columns: ['county_number', 'state', 'municipality_id'] },
    ],
    foreignKeys: [
      { columns: ['county_number'], references: { table: 'county', columns: ['number'] } },
      { columns: ['municipality_id', 'participant_id'], references: { table: 'participant', columns: ['municipality_id', 'id'] } },
    ],
    checks: [
      { name: 'career_guidance_referral_check', expression: `state IN ('OPEN', 'WITHDRAWN') OR started_at IS NOT NULL` },
      {
        name: 'career_guidance_referral_check1',
        expression: `state <> 'COMPLETED' OR (submitted_at IS NOT NULL AND held_at IS NOT NULL AND adviser IS NOT NULL AND summary IS NOT NULL AND recommendation_kind IS NOT NULL AND recommended_end_goal IS NOT NULL)`,
      },
      { name: 'career_guidance_referral_recommendation_kind_check', expression: `recommendation_kind IN ('WORK', 'EDUCATION')` },
      { name: 'career_guidance_referral_state_check', expression: `state IN ('OPEN', 'IN_PROGRESS', 'COMPLETED', 'WITHDRAWN')` },
    ],
  },
);
export type CareerGuidanceReferralRecord = RecordOf<typeof careerGuidanceReferralTable>;

declare module '../../db/sql' {
  interface Tables {
    'app.career_guidance_referral': KyselyTable<typeof careerGuidanceReferralTable>;
  }
}
