/** Transitional: the record type under its old name, until every module reads ParticipantRecord. */
export type { ParticipantRecord as ParticipantEntity } from './participant.table';
