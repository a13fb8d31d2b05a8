/**
 * The competence mapping (kompetansekartlegging, R-2). Minimal door, until the module is converted: only
 * what other modules call today.
 */
export { competenceMappingTable } from './competence-mapping.table';
export type { CompetenceMappingRecord } from './competence-mapping.table';
export { guidanceMappings, guidanceMappingStatus } from './competence-mapping.for-career-guidance';
export { competenceMappingForTransfer } from './competence-mapping.for-transfer';
export type { CompetenceMappingTransferRow } from './competence-mapping.for-transfer';
/** What the decision module asks of the mapping. */
export { mappingStatus } from './competence-mapping.for-decision';
