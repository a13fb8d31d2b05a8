import { c, defineTable, KyselyTable, RecordOf } from '../../db/table';

/** every version of the integration plan is kept; the contract is signed with (and belongs to) one version. */
export const planVersionTable = defineTable(
  'plan_version',
  {
    municipality_id: c.smallint(),
    id: c.uuid().defaultSql('gen_random_uuid()'),
    participant_id: c.uuid(),
    version_no: c.integer(),
    content: c.jsonb<Record<string, unknown>>(),
    end_goal: c.text(),
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

declare module '../../db/sql' {
  interface Tables {
    'app.plan_version': KyselyTable<typeof planVersionTable>;
  }
}
