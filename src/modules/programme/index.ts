/**
 * The introduction programme. Minimal door, until the module is converted: only what other modules
 * call today.
 */
export { programmeTable } from './programme.table';
export type { ProgrammeRecord } from './programme.table';
export { findProgramme, updateProgramme } from './programme.service';
export type { ProgrammeRow } from './programme.service';
export { programmeForTransfer } from './programme.for-transfer';
export type { ProgrammeTransferRow } from './programme.for-transfer';
