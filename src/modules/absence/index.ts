/**
 * Absence, free days and leave (forskrift chapters 3–4): the one door other modules use. The resolver
 * is registered from resolvers.ts (it orchestrates the programme and decision modules, which read this
 * module through this door).
 */
export { absenceTable } from './absence.table';
export type { AbsenceRecord } from './absence.table';
export { AbsenceService, toAbsence } from './absence.service';
export type { FollowEndDate } from './absence.service';
export { Absence, AbsenceCorrectionInput, AbsenceInput, AbsenceKindEnum, AbsenceSummary } from './absence.types';
/** What the decision module writes (granted leave) and the programme module reads (the days that move the end date). */
export { recordGrantedLeave } from './absence.for-decision';
export { countableWorkingDays } from './absence.for-programme';
