import { c, defineTable, KyselyTable } from '../../db/table';

const municipalityFk = () => ({ columns: ['municipality_id' as const], references: { table: 'municipality', columns: ['id'] } });

/** The head of each municipality's change-log hash chain. */
export const auditChainHeadTable = defineTable(
  'audit_chain_head',
  { municipality_id: c.smallint(), last_seq: c.bigint(), last_hash: c.text().nullable() },
  { primaryKey: ['municipality_id'], foreignKeys: [municipalityFk()] },
);

/** The change log: append-only, one hash chain per municipality, never an identity number. */
export const auditEventTable = defineTable(
  'audit_event',
  {
    municipality_id: c.smallint(),
    seq: c.bigint(),
    occurred_at: c.timestamptz(),
    request_id: c.text(),
    actor_sub: c.text(),
    actor_role: c.text(),
    actor_org: c.text(),
    operation: c.text(),
    participant_id: c.uuid().nullable(),
    entity: c.text().nullable(),
    entity_id: c.uuid().nullable(),
    changes: c.jsonb<Record<string, unknown>>(),
    prev_hash: c.text().nullable(),
    hash: c.text(),
    /** 1: hashed in TypeScript over canonical JSON (rows before the append function); 2: hashed by app.audit_append. */
    hash_version: c.smallint().default(1),
  },
  {
    primaryKey: ['municipality_id', 'seq'],
    indexes: [{ name: 'audit_event_participant', columns: ['municipality_id', 'participant_id', 'seq'] }],
    foreignKeys: [municipalityFk()],
    checks: [{ name: 'audit_event_hash_version', expression: 'hash_version IN (1, 2)' }],
  },
);

/** Idempotency keys of creating mutations: a retry returns the first answer. */
export const idempotencyKeyTable = defineTable(
  'idempotency_key',
  {
    municipality_id: c.smallint(),
    key: c.text(),
    actor_org: c.text(),
    operation: c.text(),
    request_hash: c.text(),
    result_id: c.uuid().nullable(),
    created_at: c.timestamptz().defaultSql('now()'),
  },
  { primaryKey: ['municipality_id', 'actor_org', 'key'], foreignKeys: [municipalityFk()] },
);

declare module '../../db/sql' {
  interface Tables {
    'app.audit_chain_head': KyselyTable<typeof auditChainHeadTable>;
    'app.audit_event': KyselyTable<typeof auditEventTable>;
    'app.idempotency_key': KyselyTable<typeof idempotencyKeyTable>;
  }
}
