/**
 * The access log (who read which participant's personal data, GDPR art. 5(2) and 15): noted as GraphQL
 * resolves personal-data types (src/graphql/schema.ts), written once per request before the commit
 * (src/http/server.ts), read per participant.
 */
export { accessLogTable } from './access-log.table';
export type { AccessLogRecord } from './access-log.table';
export { accessLabel, declarePurpose, noteAccess, noteBulkRead, noteRead, PERSONAL_DATA_TYPES } from './access-log.capture';
export type { AccessRecord, AccessState } from './access-log.capture';
export { AccessLogService, flushAccessLog } from './access-log.service';
export { AccessLogConnection, AccessLogEntry } from './access-log.types';
export { noteDocumentRead } from './access-log.for-documents';
export type { DocumentRead } from './access-log.for-documents';
