/** The change log (what changed, hash-chained per municipality) and idempotency keys. */
export { auditChainHeadTable, auditEventTable, idempotencyKeyTable } from './audit.table';
export { canonicalJson, chainHash, diff, recordChange } from './change-log';
export type { ChangeEntry, HashedFields } from './change-log';
export { idempotentCreate } from './idempotency';
export { verifyAuditChains } from './verify';
export type { ChainReport } from './verify';
