import { c, defineTable, KyselyTable, RecordOf } from '../../db/table';

/**
 * granted care leave by child, for the share between two participant parents in any
 * municipality. The child and the parent are kept only as keyed hashes of their identity numbers
 * (src/auth/identity-key.ts); no municipality reads another's rows (RLS), and the one way across is
 * app.care_leave_days_used(child_key, parent_key), which answers two numbers of days and nothing else.
 */
export const careLeaveTable = defineTable(
  'care_leave',
  {
    municipality_id: c.smallint(),
    id: c.uuid().defaultSql('gen_random_uuid()'),
    participant_id: c.uuid(),
    /** The LEAVE decision that granted it. */
    decision_id: c.uuid(),
    /** HMAC-SHA256 (hex) of the child's identity number under the server's identity key ('child'). */
    child_key: c.text(),
    /** HMAC-SHA256 (hex) of the parent's (the participant's) identity number ('parent'). */
    parent_key: c.text(),
    from_date: c.date(),
    to_date: c.date(),
    working_days: c.integer(),
    created_at: c.timestamptz().defaultSql('now()'),
  },
  {
    primaryKey: ['municipality_id', 'id'],
    // The shared count's probe: by child across every municipality (inside the SECURITY DEFINER function only).
    indexes: [{ name: 'care_leave_child', columns: ['child_key'] }],
    foreignKeys: [
      { columns: ['municipality_id', 'participant_id'], references: { table: 'participant', columns: ['municipality_id', 'id'] } },
      { columns: ['municipality_id', 'decision_id'], references: { table: 'decision', columns: ['municipality_id', 'id'] } },
    ],
    checks: [
      { name: 'care_leave_period_check', expression: 'to_date >= from_date' },
      { name: 'care_leave_working_days_check', expression: 'working_days > 0' },
      { name: 'care_leave_keys_check', expression: `child_key ~ '^[0-9a-f]{64}$' AND parent_key ~ '^[0-9a-f]{64}$'` },
    ],
  },
);
export type CareLeaveRecord = RecordOf<typeof careLeaveTable>;

declare module '../../db/sql' {
  interface Tables {
    'app.care_leave': KyselyTable<typeof careLeaveTable>;
  }
}
