/**
 * The integration plan (integreringsplan, § 15; R-4) and its contract (§ 16): every version is kept, a
 * significant change needs a decision, and a version records the career guidance it built on
 * . Raises domain errors (src/domain/errors.ts) and RuleViolations; src/graphql/errors.ts maps them.
 */
import { ageOn, type IsoDate } from '../../domain/calendar';
import { assertGuidanceSubmittedForPlan } from '../../domain/career-guidance';
import { durationNotice, validateDuration, validateEndGoal } from '../../domain/end-goal';
import { ConflictError, InvalidInputError, NotFoundError } from '../../domain/errors';
import { assertValidPlan, isSignificantChange } from '../../domain/integration-plan';
import { LAW } from '../../domain/law-references';
import { assertLifeSkillsHours, assertWorkOrientedHours, hasChildUnder18, missingRequiredElements } from '../../domain/programme-content';
import { assertAutomatedRegimeFor, offerDateFor, type RuleNotice } from '../../domain/regime';
import { RuleViolation } from '../../domain/rule-violation';
import { diff, recordChange } from '../audit';
import { CareerGuidanceService } from '../career-guidance';
import { ParticipantRecord, ParticipantService } from '../participant';
import { ownMunicipality, RequestContext } from '../shared';
import { integrationPlanRepository, PlanVersionTransferRow } from './integration-plan.repository';
import { PlanVersionRecord, StoredPlanContent } from './integration-plan.table';
import { IntegrationPlanInput, NorwegianGoal, PlanVersion } from './integration-plan.types';

export type { PlanVersionRecord, PlanVersionTransferRow };

/**
 * What the plan needs to know of the case's decisions, given by the caller (the resolver asks the decision
 * module): the decision module reaches this one through the programme, so this module does not import it.
 */
export interface PlanDecisions {
  /** Whether `decisionId` is a granted decision of `type` on this participant. */
  isGranted(p: Pick<ParticipantRecord, 'municipalityId' | 'id'>, decisionId: string, type: 'PLAN_SIGNIFICANT_CHANGE'): Promise<boolean>;
  /** The decided date of the first granted PARTICIPATION decision, or null (R-13.1: the offer date). */
  participationGrantedAt(p: Pick<ParticipantRecord, 'municipalityId' | 'id'>): Promise<IsoDate | null>;
}

/** The GraphQL view of a version: its content unfolded, with the columns kept beside it. */
export function toPlanVersion(r: PlanVersionRecord): PlanVersion {
  const c = r.content;
  return {
    participantId: r.participantId,
    municipalityId: r.municipalityId,
    id: r.id,
    versionNo: r.versionNo,
    endGoal: c.endGoal,
    reducedGoalReason: r.reducedGoalReason ?? null,
    // Stored only after the input's CEFR check (NorwegianGoalInput), so each value is a CefrLevel.
    norwegianGoal: c.norwegianGoal as NorwegianGoal,
    longTermGoal: c.longTermGoal,
    norwegianHoursPerWeek: c.norwegianHoursPerWeek,
    socialStudiesHours: c.socialStudiesHours,
    durationMonths: c.durationMonths,
    elements: c.elements,
    appealInformation: c.appealInformation,
    elementReasons: c.elementReasons,
    mainProgrammeType: c.mainProgrammeType,
    lifeSkillsHours: c.lifeSkillsHours ?? null,
    ruleNotices: c.ruleNotices ?? [],
    significantChange: r.significantChange,
    significantChangeDecisionId: r.significantChangeDecisionId ?? null,
    contractSignedAt: r.contractSignedAt,
    contractObligations: r.contractObligations,
    createdBy: r.createdBy,
  };
}

function contentOf(input: IntegrationPlanInput): StoredPlanContent & { lifeSkillsHours: StoredPlanContent['lifeSkillsHours'] } {
  return {
    lifeSkillsHours: input.lifeSkillsHours ? { ...input.lifeSkillsHours } : null,
    endGoal: input.endGoal,
    norwegianGoal: { ...input.norwegianGoal },
    longTermGoal: input.longTermGoal,
    norwegianHoursPerWeek: input.norwegianHoursPerWeek,
    socialStudiesHours: input.socialStudiesHours,
    durationMonths: input.durationMonths,
    elements: input.elements.map((e) => ({ kind: e.kind, description: e.description, hoursPerWeek: e.hoursPerWeek, isMain: e.isMain ?? false })),
    appealInformation: input.appealInformation,
    elementReasons: input.elementReasons,
    mainProgrammeType: input.mainProgrammeType,
  };
}

/**
 * what every plan version must satisfy. The programme rules that depend on
 * the regime take the offer date (R-13.1, `offerDate`), never the contract's; what the offer's regime leaves
 * unchecked comes back as notices. An old-regime case is refused.
 */
function checkPlan(p: ParticipantRecord, input: IntegrationPlanInput, content: StoredPlanContent, offerDate: IsoDate): RuleNotice[] {
  assertAutomatedRegimeFor(p, "The integration plan's end goal and duration");
  assertValidPlan(content);
  validateEndGoal({
    endGoal: input.endGoal,
    hasUpperSecondary: p.hasUpperSecondary,
    ageOnDate: ageOn(p.birthDate, input.contractSignedAt),
    reducedGoalReason: input.reducedGoalReason,
  });
  const notices: (RuleNotice | null)[] = [];
  notices.push(durationNotice(validateDuration({ endGoal: input.endGoal, durationMonths: input.durationMonths, offerDate })));
  const missing = missingRequiredElements(
    { hasChildUnder18: hasChildUnder18(p.childrenBirthDates, input.contractSignedAt), collectiveProtection: p.permitCategory === 'COLLECTIVE_PROTECTION' },
    content.elements,
  );
  if (missing.length) {
    throw new RuleViolation('R-5.3', LAW['R-5.3'], `The programme lacks required content: ${missing.join(', ')}.`, { missing });
  }
  notices.push(assertLifeSkillsHours({ hasUpperSecondary: p.hasUpperSecondary, decisionDate: offerDate, planned: input.lifeSkillsHours }));
  notices.push(
    assertWorkOrientedHours({
      workQualifying: input.endGoal === 'WORK_QUALIFYING' || input.mainProgrammeType === 'WORK_QUALIFYING',
      elements: content.elements,
      hasUpperSecondary: p.hasUpperSecondary,
      offerDate,
    }),
  );
  return notices.filter((n): n is RuleNotice => n !== null);
}

/**
 * records that a plan version built on this participant's submitted guidance (the case is locked).
 * A version records one guidance, once; recording the same guidance again changes nothing.
 */
async function linkToGuidance(
  ctx: RequestContext,
  p: Pick<ParticipantRecord, 'municipalityId' | 'id'>,
  planVersionId: string,
  referralId: string,
): Promise<void> {
  const referral = await CareerGuidanceService.municipalityReferral(ctx, referralId);
  if (referral.participantId !== p.id) throw new InvalidInputError('referralId', 'The career guidance is about another participant than the plan');
  assertGuidanceSubmittedForPlan(referral.state);
  const link = { municipalityId: p.municipalityId, planVersionId, referralId, linkedBy: ctx.actor.name };
  if (!(await integrationPlanRepository.link(ctx, link))) {
    if ((await integrationPlanRepository.linkedReferral(ctx, p.municipalityId, planVersionId)) === referralId) return;
    throw new ConflictError('This plan version already records the guidance it built on');
  }
  await recordChange(ctx, {
    municipalityId: p.municipalityId,
    operation: 'linkPlanToGuidance',
    participantId: p.id,
    entity: 'plan_version',
    entityId: planVersionId,
    changes: { guidanceReferralId: { from: null, to: referralId } },
  });
}

export const IntegrationPlanService = {
  /**
   * The first plan version, or a revision of the current one (`expectedVersionNo`, the version revised). A
   * significant change needs a granted PLAN_SIGNIFICANT_CHANGE decision; the version may name the
   * submitted guidance it builds on.
   */
  async save(
    ctx: RequestContext,
    args: {
      participantId: string;
      input: IntegrationPlanInput;
      expectedVersionNo: number | null;
      significantChangeDecisionId: string | null;
      guidanceReferralId: string | null;
    },
    decisions: PlanDecisions,
  ): Promise<ParticipantRecord> {
    const { input, significantChangeDecisionId } = args;
    const p = await ParticipantService.lockCase(ctx, args.participantId);
    const offer = offerDateFor({ recordedOfferDate: p.offerDate, participationGrantedAt: await decisions.participationGrantedAt(p), today: ctx.today });
    const base = contentOf(input);
    const ruleNotices = checkPlan(p, input, base, offer.date);
    const content: StoredPlanContent = ruleNotices.length ? { ...base, ruleNotices } : base;
    const current = await integrationPlanRepository.current(ctx, p.municipalityId, p.id);
    const currentNo = current?.versionNo ?? 0;
    if ((args.expectedVersionNo ?? 0) !== currentNo) throw new ConflictError('The plan was changed by someone else; reload and try again');
    let significant = false;
    if (current) {
      const change = isSignificantChange(current.content, content);
      significant = change.significant;
      if (significant && !(significantChangeDecisionId && (await decisions.isGranted(p, significantChangeDecisionId, 'PLAN_SIGNIFICANT_CHANGE')))) {
        throw new RuleViolation(
          'R-4.3',
          LAW['R-4.3'],
          `This is a significant change of the plan (${change.reasons.join('; ')}): it needs a granted PLAN_SIGNIFICANT_CHANGE decision.`,
          { reasons: change.reasons },
        );
      }
    }
    const saved = await integrationPlanRepository.insert(ctx, {
      municipalityId: p.municipalityId,
      participantId: p.id,
      versionNo: currentNo + 1,
      content,
      endGoal: input.endGoal,
      durationMonths: input.durationMonths,
      reducedGoalReason: input.reducedGoalReason ?? null,
      significantChange: significant,
      significantChangeDecisionId: significant ? significantChangeDecisionId : null,
      contractSignedAt: input.contractSignedAt,
      contractObligations: input.contractObligations,
      createdBy: ctx.actor.name,
    });
    await recordChange(ctx, {
      municipalityId: p.municipalityId,
      operation: 'saveIntegrationPlan',
      participantId: p.id,
      entity: 'plan_version',
      entityId: saved.id,
      changes: diff(current ? toPlanVersion(current) : null, toPlanVersion(saved), ['id', 'versionNo', 'participantId', 'municipalityId']),
    });
    if (args.guidanceReferralId) await linkToGuidance(ctx, p, saved.id, args.guidanceReferralId);
    return p;
  },

  /** linkPlanToGuidance: the own municipality's plan version, its case locked, then the link. */
  async linkPlanToGuidance(ctx: RequestContext, args: { planVersionId: string; referralId: string }): Promise<void> {
    const participantId = await integrationPlanRepository.participantOf(ctx, ownMunicipality(ctx), args.planVersionId);
    if (!participantId) throw new NotFoundError('Plan version');
    const p = await ParticipantService.lockCase(ctx, participantId);
    await linkToGuidance(ctx, p, args.planVersionId, args.referralId);
  },

  /** Every version of the participant's plan, newest first (batched per request). */
  versions(ctx: RequestContext, participantId: string): Promise<PlanVersionRecord[]> {
    return integrationPlanRepository.versions(ctx, participantId);
  },

  /** The own municipality's version numbers that built on a referral's guidance, ascending. */
  versionNosBuiltOn(ctx: RequestContext, referralId: string): Promise<number[]> {
    return integrationPlanRepository.versionNosBuiltOn(ctx, referralId);
  },
};

/**
 * The plan's part of a transfer between municipalities (src/modules/transfer): the sender's current
 * version (plan and contract) for the snapshot, and its copy as the receiver's first version.
 */
export const integrationPlanForTransfer = {
  row(ctx: RequestContext, p: Pick<ParticipantRecord, 'municipalityId' | 'id'>): Promise<PlanVersionTransferRow | null> {
    return integrationPlanRepository.currentRow(ctx, p.municipalityId, p.id);
  },
  copy(ctx: RequestContext, row: object, to: { municipalityId: number; participantId: string }): Promise<void> {
    return integrationPlanRepository.copy(ctx, row, to);
  },
};
