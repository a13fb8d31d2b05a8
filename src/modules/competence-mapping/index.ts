/** The competence mapping (kompetansekartlegging, R-2): the one door other modules use. */
export { competenceMappingTable } from './competence-mapping.table';
export type { CompetenceMappingRecord } from './competence-mapping.table';
export { CompetenceMappingService, toMapping } from './competence-mapping.service';
export { CompetenceMapping, CompetenceMappingInput } from './competence-mapping.types';
/** What career guidance, the decision module and the transfer ask of the mapping. */
export { guidanceMappings, guidanceMappingStatus } from './competence-mapping.for-career-guidance';
export { mappingStatus } from './competence-mapping.for-decision';
export { competenceMappingForTransfer } from './competence-mapping.for-transfer';
export type { CompetenceMappingTransferRow } from './competence-mapping.for-transfer';
/** The dashboard's predicate on the mapping (src/modules/caseload). */
export { mappingCompletedSql } from './competence-mapping.caseload';
/** What the worklist reads of the mapping. */
export { mappedParticipants } from './competence-mapping.for-worklist';
