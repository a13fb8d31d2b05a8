/**
 * The introduction programme: the one door other modules use.
 *
 * The resolver (programme.resolver.ts) is not exported here: it asks the decision module whether
 * participation was granted (the START guard), and the decision module calls the programme through
 * this door, so exporting it would close an import cycle. src/graphql/schema.ts registers it from its
 * file, as it does every resolver that is not in a module's index.
 */
export { programmeTable } from './programme.table';
export type { ProgrammeRecord } from './programme.table';
export { ProgrammeService, toProgramme } from './programme.service';
export type { ProgrammeChanges, ProgrammeStepEvent } from './programme.service';
export { EndProgrammeInput, Programme, ProgrammeEventEnum, ProgrammeStateEnum, StartProgrammeInput } from './programme.types';
/** Transitional (rows with SQL names), until absence and transfer call ProgrammeService. */
export { findProgramme, recomputedEnd, updateProgramme } from './programme.service';
export type { ProgrammeRow } from './programme.service';
/** What the transfer reads of the programme. */
export { programmeForTransfer } from './programme.for-transfer';
export type { ProgrammeTransferRow } from './programme.for-transfer';
