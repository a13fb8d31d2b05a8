/** The municipality's dashboard: the case list and the caseload summary, across every part of the case. */
export { CaseloadService } from './caseload.service';
/** The case list for the CSV export (same filter and order as `participants`). */
export { caseListExportQuery } from './caseload.for-exports';
export type { CaseExportQuery, CaseExportRow } from './caseload.for-exports';
export { ParticipantFilter, ParticipantOrderEnum, PARTICIPANT_ORDERS } from './caseload.types';
export type { ParticipantOrderValue } from './caseload.types';
