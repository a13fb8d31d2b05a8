/** The participant register: the one door other modules use. */
export { participantTable } from './participant.table';
export type { ParticipantRecord } from './participant.table';
export { ParticipantService, toParticipant } from './participant.service';
export {
  Participant,
  PARTICIPANT_STATUSES,
  ParticipantStatusEnum,
  PermitCategoryEnum,
  EligibilityBasisEnum,
  EligibilityType,
  Caseworker,
  IdentityNumberSearchArgs,
} from './participant.types';
export type { ParticipantStatus } from './participant.types';
export { guidanceParticipants } from './participant.for-career-guidance';
export { participantForTransfer } from './participant.for-transfer';
export type { ParticipantTransferRow, ParticipantTransferTarget } from './participant.for-transfer';
export { appellantParticipants, participantsAssignedTo } from './participant.for-appeal';
/** What the worklist reads of the register. */
export { casesBeforeStart, worklistParticipants } from './participant.for-worklist';
export type { CaseBeforeStartRecord, WorklistParticipantRecord } from './participant.for-worklist';
