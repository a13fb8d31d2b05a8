/**
 * The decision module's door, minimal for now: what the appeal module uses. (The decision module's owner
 * replaces this with the module's real index; keep the decision.for-appeal export.)
 */
export { DecisionService, toDecision } from './decision.service';
export { BenefitDetails, Decision, DecisionInput, DecisionOutcomeEnum, DecisionTypeEnum, ExemptionDetails, ExtensionDetails, HaltDetails, LeaveDetails } from './decision.types';
export { DECISION_ROW_COLUMNS, unprefixedDecisionRow } from './decision-row';
export { decisionFactsForAppeal, decisionForAppealView, forgetDecisionForAppeal } from './decision.for-appeal';
export type { AppealedDecisionFacts, DecisionKey } from './decision.for-appeal';
