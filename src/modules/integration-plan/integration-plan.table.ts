import { c, defineTable, KyselyTable, RecordOf } from '../../db/table';
import type { EndGoal } from '../../domain/end-goal';
import type { PlanContent } from '../../domain/integration-plan';
import type { RuleNotice } from '../../domain/regime';

/** A version's content as stored: the plan and the life-skills hours it plans, absent in versions made before they were recorded. */
export type StoredPlanContent = PlanContent & {
  lifeSkillsHours?: { migrationHealthDiversity: number; careerCompetence: number } | null;
  /** the rules not enforced automatically when this version was saved (an offer before a rule's start); absent in older versions. */
  ruleNotices?: RuleNotice[];
};

/** every version of the integration plan is kept; the contract is signed with (and belongs to) one version. */
export const planVersionTable = defineTable(
  'plan_version',
  {
    municipality_id: c.smallint(),
    id: c.uuid().defaultSql('gen_random_uuid()'),
    participant_id: c.uuid(),
    version_no: c.integer(),
    content: c.jsonb<StoredPlanContent>(),
    end_goal: c.text<EndGoal>(),
    duration_months: c.integer(),
    reduced_goal_reason: c.text().nullable(),
    significant_change: c.boolean().default(false),
    significant_change_decision_id: c.uuid().nullable(),
    contract_signed_at: c.date(),
    contract_obligations: c.text(),
    created_by: c.text(),
    created_at: c.timestamptz().defaultSql('now()'),
  },
  {
    primaryKey: ['municipality_id', 'id'],
    uniques: [{ columns: ['municipality_id', 'participant_id', 'version_no'] }],
    foreignKeys: [{ columns: ['municipality_id', 'participant_id'], references: { table: 'participant', columns: ['municipality_id', 'id'] } }],
  },
);
export type PlanVersionRecord = RecordOf<typeof planVersionTable>;

/** the career guidance a plan version built on: part of the version's record, written once with it or after it. */
export const planGuidanceLinkTable = defineTable(
  'plan_guidance_link',
  {
    municipality_id: c.smallint(),
    plan_version_id: c.uuid(),
    referral_id: c.uuid(),
    linked_by: c.text(),
    linked_at: c.timestamptz().defaultSql('now()'),
  },
  {
    primaryKey: ['municipality_id', 'plan_version_id'],
    indexes: [{ name: 'plan_guidance_link_referral', columns: ['municipality_id', 'referral_id'] }],
    foreignKeys: [
      { columns: ['municipality_id', 'plan_version_id'], references: { table: 'plan_version', columns: ['municipality_id', 'id'] } },
      { columns: ['municipality_id', 'referral_id'], references: { table: 'career_guidance_referral', columns: ['municipality_id', 'id'] } },
    ],
  },
);

declare module '../../db/sql' {
  interface Tables {
    'app.plan_version': KyselyTable<typeof planVersionTable>;
    'app.plan_guidance_link': KyselyTable<typeof planGuidanceLinkTable>;
  }
}
