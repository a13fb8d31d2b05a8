/**
 * Decisions (enkeltvedtak, R-8). Minimal door, until the module is converted: only what other modules
 * call today.
 */
export { decisionTable } from './decision.table';
export type { DecisionRecord } from './decision.table';
export { firstParticipationGrantDate } from './decision.for-career-guidance';
export { hasGrantedDecision } from './decision.for-integration-plan';
export { decisionsForTransfer } from './decision.for-transfer';
export type { DecisionTransferRow } from './decision.for-transfer';
