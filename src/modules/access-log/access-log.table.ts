import type { Role } from '../../auth/roles';
import { c, defineTable, KyselyTable, RecordOf } from '../../db/table';

/** Who read which person's data, one row per request and municipality (personopplysningsloven, GDPR art. 5(2)). */
export const accessLogTable = defineTable(
  'access_log',
  {
    municipality_id: c.smallint(),
    id: c.uuid().defaultSql('gen_random_uuid()'),
    at: c.timestamptz().defaultSql('now()'),
    request_id: c.text(),
    actor_sub: c.text(),
    actor_role: c.text<Role>(),
    actor_org: c.text(),
    purpose: c.text(),
    fields: c.text().array(),
    participant_ids: c.uuid().array(),
  },
  {
    primaryKey: ['municipality_id', 'id'],
    // A GIN index (participant_ids @> ARRAY[id]): TypeORM cannot describe its method.
    indexes: [{ name: 'access_log_participants', columns: ['participant_ids'], managedByMigration: true }],
    foreignKeys: [{ columns: ['municipality_id'], references: { table: 'municipality', columns: ['id'] } }],
    checks: [{ name: 'access_log_names_participants', expression: 'cardinality(participant_ids) >= 1' }],
  },
);

export type AccessLogRecord = RecordOf<typeof accessLogTable>;

declare module '../../db/sql' {
  interface Tables {
    'app.access_log': KyselyTable<typeof accessLogTable>;
  }
}
