/** Decisions (enkeltvedtak, R-8): the one door other modules use. */

export { decisionTable } from './decision.table';
export type { DecisionDetails, DecisionOutcome, DecisionRecord } from './decision.table';
export { DecisionService, decisionView, toDecision } from './decision.service';
export type { DecisionFields } from './decision.service';
/** The case list reads each row's newest decision in its own SQL, with these columns. */
export { DECISION_ROW_COLUMNS, prefixedDecisionColumns, unprefixedDecisionRow } from './decision-row';
export type { DecisionRow } from './decision-row';
export {
  AppealInformationType,
  BenefitDecisionInput,
  BenefitDetails,
  Decision,
  DecisionInput,
  DecisionOutcomeEnum,
  DecisionTypeEnum,
  ExemptionDetails,
  ExemptionGroundEnum,
  ExemptionSubjectEnum,
  ExtensionDetails,
  HaltDetails,
  HaltKindEnum,
  LeaveDecisionInput,
  LeaveDetails,
  LeaveKindEnum,
  ParticipationDecisionInput,
} from './decision.types';

/** What the appeal module reads of the decision under appeal. */
export { decisionFactsForAppeal, decisionForAppealView, forgetDecisionForAppeal } from './decision.for-appeal';
export type { AppealedDecisionFacts, DecisionKey } from './decision.for-appeal';

/** What career guidance, the integration plan and the transfer read of decisions. */
export { firstParticipationGrantDate } from './decision.for-career-guidance';
export { hasGrantedDecision } from './decision.for-integration-plan';
export { decisionsForTransfer } from './decision.for-transfer';
export type { DecisionTransferRow } from './decision.for-transfer';
/** The dashboard's parts on decisions (src/modules/caseload). */
export { decisionsAwaitingNoticeCountSql, latestDecisionLateralSql } from './decision.caseload';
export { appealedDecisions } from './decision.for-appeal-list';
/** What the worklist reads of decisions. */
export { careLeavesNotEnded, decisionsAwaitingNotice, participationOutcomes } from './decision.for-worklist';
export type { CareLeaveRecord, DecisionAwaitingNoticeRecord } from './decision.for-worklist';
/** What the decision letter reads of a decision. */
export { decisionForLetter } from './decision.for-documents';
export type { DecisionForLetter } from './decision.for-documents';
