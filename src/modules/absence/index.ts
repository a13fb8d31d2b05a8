/**
 * Absence, free days and leave. Minimal for now: what the decision and programme modules need
 * (absence.for-decision.ts, absence.for-programme.ts); the module's owner adds the rest.
 */
export { recordGrantedLeave } from './absence.for-decision';
export { countableWorkingDays } from './absence.for-programme';
