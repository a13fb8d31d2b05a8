/**
 * The introduction programme: the one door other modules use.
 *
 * The resolver (programme.resolver.ts) is not exported here: it asks the decision module whether
 * participation was granted (the START guard), and the decision module calls the programme through
 * this door, so exporting it would close an import cycle. src/graphql/schema.ts registers it from its
 * file, as it does every resolver that is not in a module's index.
 */
export { elementAttendanceTable, programmeTable } from './programme.table';
export type { ElementAttendanceRecord, ProgrammeRecord } from './programme.table';
export { ProgrammeService, toElementAttendance, toProgramme } from './programme.service';
export type { ProgrammeChanges, ProgrammeStepEvent } from './programme.service';
export {
  ElementAttendance,
  ElementAttendanceInput,
  EndProgrammeInput,
  Programme,
  ProgrammeEventEnum,
  ProgrammeStateEnum,
  StartProgrammeInput,
} from './programme.types';
/** What the transfer reads of the programme. */
export { programmeForTransfer } from './programme.for-transfer';
export type { ProgrammeTransferRow } from './programme.for-transfer';
/** The dashboard's parts on programmes (src/modules/caseload). */
export { plannedEndDateSql, programmeEndingSql, programmesEndingCountSql } from './programme.caseload';
/** What the worklist reads of programmes. */
export { programmesEndingBy } from './programme.for-worklist';
export type { EndingProgrammeRecord } from './programme.for-worklist';
