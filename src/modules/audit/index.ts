/** The change log (what changed, hash-chained per municipality) and idempotency keys. */
export { auditChainHeadTable, auditEventTable, idempotencyKeyTable } from './audit.table';
export { canonicalJson, chainHash, diff, recordChange } from './change-log';
export type { ChangeEntry, HashedFields } from './change-log';
export { idempotentCreate } from './idempotency';
export { verifyAuditChains } from './verify';
export type { ChainReport, VerifyOptions } from './verify';
export { CheckpointError, keyId, latestCheckpoint, signCheckpoint } from './checkpoint';
export type { ChainHead, Checkpoint } from './checkpoint';
export { auditChainHeads } from './audit.repository';
