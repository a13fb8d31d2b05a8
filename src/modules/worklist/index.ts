/**
 * The worklist (R-2.2, R-3.2, R-3.3, R-5.1, R-5.10, R-6.2, R-8.2, R-9.4, R-9.6, R-9.7): each role's duties with
 * their due dates, computed from the other modules' data on every request. It owns no table.
 */
export { KINDS_BY_ROLE, WorklistService } from './worklist.service';
export type { WorklistPage } from './worklist.service';
export { WorklistConnection, WorklistItem, WorklistKindEnum, WorklistParticipant } from './worklist.types';
