/**
 * The municipality's side of an appeal (R-9.1–R-9.5): intake with the computed timeliness, the review
 * and its outcomes (reverse, partly reverse and forward, dismiss, forward), reassignment, the follow-up
 * after Statsforvalteren's decision, and closing. Every state an appeal takes comes from the domain's
 * tables (src/domain/appeal.ts): APPEAL_INITIAL_STATE, APPEAL_TRANSITIONS and APPEAL_RECORDINGS.
 * Raises domain errors (src/domain/errors.ts, RuleViolation); src/graphql/errors.ts maps them.
 */
import {
  APPEAL_INITIAL_STATE,
  appealRecording,
  appealRecordingAllowed,
  appealTransition,
  AppealEvent,
  followUpNeeded,
  statsforvalterFor,
  WITHDRAWABLE_STATES,
} from '../../domain/appeal';
import { appealDateProblems, appealDatesOf, assertAppealMayBeConsidered, assessAppealTimeliness } from '../../domain/appeal-timeliness';
import { compareDates } from '../../domain/calendar';
import { isAppealable } from '../../domain/decision-types';
import { canConsiderLateAppeal, LateAppealGround } from '../../domain/deadlines';
import { ConflictError, InvalidInputError, NotFoundError } from '../../domain/errors';
import { LAW } from '../../domain/law-references';
import { assertReportedDateNotFuture, requiredContent } from '../../domain/plausibility';
import { RuleViolation } from '../../domain/rule-violation';
import { idempotentCreate, recordChange } from '../audit';
import { AppealedDecisionFacts, decisionFactsForAppeal, DecisionInput, DecisionRecord, DecisionService, forgetDecisionForAppeal } from '../decision';
import { ParticipantService } from '../participant';
import { ownMunicipality, RequestContext } from '../shared';
import { appealRepository } from './appeal.repository';
import { AppealChanges, appendEvent, applyStep, expectVersion } from './appeal.steps';
import { AppealEventRecord, AppealRecord } from './appeal.table';
import { RegisterAppealInput } from './appeal.types';

export interface StepArgs {
  appealId: string;
  expectedVersion: number;
}

const APPEAL_NOT_FOUND = () => new NotFoundError('Appeal');
const DECISION_NOT_FOUND = () => new NotFoundError('Decision');

/**
 * The appeal a step works on, locked after its case (participant, then appeal: the order every
 * municipality write takes), so concurrent steps on one appeal run one after the other. A missing id and
 * another municipality's id answer the same NOT_FOUND.
 */
async function lockAppeal(ctx: RequestContext, appealId: string): Promise<AppealRecord> {
  const municipalityId = ownMunicipality(ctx);
  const participantId = await appealRepository.participantOf(ctx, municipalityId, appealId);
  if (!participantId) throw APPEAL_NOT_FOUND();
  await ParticipantService.lockCase(ctx, participantId);
  const appeal = await appealRepository.lock(ctx, municipalityId, appealId);
  if (!appeal) throw APPEAL_NOT_FOUND();
  return appeal;
}

/** The appealed decision (the foreign key keeps it there). */
async function appealedDecision(ctx: RequestContext, appeal: AppealRecord): Promise<AppealedDecisionFacts> {
  const decision = await decisionFactsForAppeal(ctx, appeal.municipalityId, appeal.decisionId);
  if (!decision) throw DECISION_NOT_FOUND();
  return decision;
}

/** R-9.3: a late appeal is considered on its merits only with a recorded ground, and never after the 1-year bar. */
function assertConsiderable(appeal: AppealRecord, decision: AppealedDecisionFacts): void {
  assertAppealMayBeConsidered({ filedInTime: appeal.filedInTime, decidedAt: decision.decidedAt, receivedAt: appeal.receivedAt, lateGround: appeal.lateGround });
}

/** R-9.5: forwarding records the statement, when it was copied to the participant, and the competent office. */
function forwarding(ctx: RequestContext, appeal: AppealRecord, statement: string, copiedToParticipantAt: string): AppealChanges {
  if (compareDates(copiedToParticipantAt, appeal.receivedAt) < 0) {
    throw new InvalidInputError('copiedToParticipantAt', 'The statement was copied to the participant before the appeal was received');
  }
  if (compareDates(copiedToParticipantAt, ctx.today) > 0) throw new InvalidInputError('copiedToParticipantAt', 'copiedToParticipantAt is in the future');
  const municipality = ctx.directory.municipalityById(appeal.municipalityId)!;
  const office = statsforvalterFor(municipality.countyNumber, ctx.directory.areaList());
  return {
    statsforvalterId: office.id,
    municipalityStatement: requiredContent(statement, 'statement'),
    statementCopiedToParticipantAt: copiedToParticipantAt,
    forwardedAt: ctx.now,
  };
}

/**
 * A move of the state machine: refused first if the table has no such move from the appeal's state, then
 * the step's own checks (`changes`), then the guarded update.
 */
async function move(
  ctx: RequestContext,
  args: StepArgs,
  event: AppealEvent,
  operation: string,
  changes: (appeal: AppealRecord) => AppealChanges,
  note: string | null = null,
  considerable = false,
): Promise<AppealRecord> {
  const appeal = await lockAppeal(ctx, args.appealId);
  expectVersion(appeal, args.expectedVersion);
  appealTransition(appeal.state, event);
  if (considerable) assertConsiderable(appeal, await appealedDecision(ctx, appeal));
  return applyStep(ctx, appeal, args.expectedVersion, { operation, step: event, set: changes(appeal), note });
}

/** A reversal's new decision, made the ordinary way (rules, effects, change log) so it is appealable like any other. */
async function newDecision(ctx: RequestContext, appeal: AppealRecord, input: DecisionInput): Promise<string> {
  const appealed = await appealedDecision(ctx, appeal);
  assertConsiderable(appeal, appealed);
  if (input.type !== appealed.type) throw new InvalidInputError('decision.type', `A reversal is a new ${appealed.type} decision, like the appealed one`);
  if (compareDates(input.decidedAt, appeal.receivedAt) < 0)
    throw new InvalidInputError('decision.decidedAt', 'The new decision is dated before the appeal was received');
  return DecisionService.make(ctx, appeal.participantId, input);
}

/**
 * R-13.8: re-judges the appeals of a decision whose notice date, request for reasons or extension changed, on
 * the decision's facts: each appeal the tables allow (not yet decided by Statsforvalteren, not closed) gets its
 * deadline and timeliness again, as a REJUDGE_TIMELINESS step in its history when something moved.
 */
async function rejudgeAppealsOf(ctx: RequestContext, decision: AppealedDecisionFacts): Promise<void> {
  if (!decision.notifiedAt) return;
  const facts = { ...decision, notifiedAt: decision.notifiedAt };
  for (const { id } of await appealRepository.ofDecision(ctx, { municipalityId: decision.municipalityId, id: decision.id })) {
    const appeal = await appealRepository.lock(ctx, decision.municipalityId, id);
    if (!appeal || !appealRecordingAllowed(appeal.state, 'REJUDGE_TIMELINESS')) continue;
    const dates = appealDatesOf(facts, appeal);
    const t = assessAppealTimeliness(dates);
    const set = {
      reasonsRequestedAt: dates.reasonsRequestedAt ?? null,
      reasonsReceivedAt: dates.reasonsReceivedAt ?? null,
      extendedDeadline: dates.extendedDeadline ?? null,
      deadline: t.deadline,
      deadlineBasis: t.basis,
      filedInTime: t.filedInTime,
    };
    const moved = (Object.keys(set) as (keyof typeof set)[]).some((k) => set[k] !== appeal[k]);
    if (!moved) continue;
    const note = `Re-judged on the decision's facts: deadline ${appeal.deadline} → ${t.deadline} (${t.basis}); ${t.filedInTime ? 'in time' : 'late'}`;
    await applyStep(ctx, appeal, appeal.version, { operation: 'rejudgeAppealTimeliness', step: 'REJUDGE_TIMELINESS', set, note });
  }
}

export const AppealService = {
  /**
   * R-9.2 / R-13.8: a change to a fact of the decision that moves its appeal deadline (`write`, the decision
   * module's), then every appeal against it re-judged on the new facts, in the same transaction and under the
   * case's lock (participant, then appeal). A decision of another municipality is NOT_FOUND.
   */
  async changeDecisionFacts(ctx: RequestContext, decisionId: string, write: () => Promise<DecisionRecord>): Promise<DecisionRecord> {
    const municipalityId = ownMunicipality(ctx);
    const before = await decisionFactsForAppeal(ctx, municipalityId, decisionId);
    if (!before) throw DECISION_NOT_FOUND();
    await ParticipantService.lockCase(ctx, before.participantId);
    const updated = await write();
    forgetDecisionForAppeal(ctx, { municipalityId, id: decisionId });
    await rejudgeAppealsOf(ctx, updated);
    return updated;
  },

  /** An appeal of the caller's municipality; any other id is NOT_FOUND. */
  async get(ctx: RequestContext, appealId: string): Promise<AppealRecord> {
    const appeal = await appealRepository.find(ctx, ownMunicipality(ctx), appealId);
    if (!appeal) throw APPEAL_NOT_FOUND();
    return appeal;
  },

  /** R-9.1 / R-9.2 / R-9.3: registers an appeal of an appealable, notified decision, with its deadline and timeliness. */
  async register(ctx: RequestContext, input: RegisterAppealInput): Promise<AppealRecord> {
    const municipalityId = ownMunicipality(ctx);
    const { idempotencyKey, ...payload } = input;
    const { id } = await idempotentCreate(ctx, { municipalityId, key: idempotencyKey, operation: 'registerAppeal', payload }, async () => {
      const decision = await decisionFactsForAppeal(ctx, municipalityId, input.decisionId);
      if (!decision) throw DECISION_NOT_FOUND();
      const p = await ParticipantService.lockCase(ctx, decision.participantId);
      if (!isAppealable(decision.type)) {
        throw new RuleViolation('R-8.1', LAW['R-8.1'], `A ${decision.type} decision cannot be appealed.`, { type: decision.type });
      }
      if (!decision.notifiedAt) {
        throw new RuleViolation(
          'R-9.2',
          LAW['R-9.2'],
          'Record when the notice of the decision reached the participant first: the appeal deadline runs from it.',
          {},
        );
      }
      // R-13.8: the decision's own facts (reasons, extension) hold; what the appeal brings counts where it has none.
      const dates = appealDatesOf({ ...decision, notifiedAt: decision.notifiedAt }, input);
      const [problem] = appealDateProblems(dates, ctx.today);
      if (problem) throw new InvalidInputError(problem.field, problem.message);
      // R-13.7: the appeal names the change wanted and why; a date the participant reports is never after today.
      const grounds = requiredContent(input.grounds, 'grounds');
      const changeWanted = requiredContent(input.changeWanted, 'changeWanted');
      if (dates.reasonsRequestedAt) assertReportedDateNotFuture(dates.reasonsRequestedAt, ctx.today, 'reasonsRequestedAt');

      // One appeal per decision: a withdrawn one may be followed by a new one, a decided one is final.
      const earlier = await appealRepository.standingAppealOf(ctx, municipalityId, input.decisionId);
      if (earlier?.state === 'DECIDED_BY_STATSFORVALTER' || earlier?.closedFrom === 'DECIDED_BY_STATSFORVALTER') {
        throw new RuleViolation('R-9.6', LAW['R-9.6'], 'Statsforvalteren has decided an appeal of this decision; its decision is final.', {});
      }
      if (earlier) throw new ConflictError(`This decision already has an appeal (${earlier.state}); continue with that one`);

      const t = assessAppealTimeliness(dates);
      const lateGround: LateAppealGround | null = input.lateGround ?? null;
      if (lateGround) {
        if (t.filedInTime) throw new InvalidInputError('lateGround', 'The appeal is in time: there is no late ground to record');
        assertAppealMayBeConsidered({ filedInTime: false, decidedAt: dates.decidedAt, receivedAt: dates.receivedAt, lateGround });
      }
      const appeal = await appealRepository.insert(ctx, {
        municipalityId,
        decisionId: input.decisionId,
        participantId: p.id,
        state: APPEAL_INITIAL_STATE,
        receivedAt: input.receivedAt,
        sentAt: input.sentAt,
        grounds,
        changeWanted,
        reasonsRequestedAt: dates.reasonsRequestedAt ?? null,
        reasonsReceivedAt: dates.reasonsReceivedAt ?? null,
        extendedDeadline: dates.extendedDeadline ?? null,
        deadline: t.deadline,
        deadlineBasis: t.basis,
        filedInTime: t.filedInTime,
        lateGround,
        lateAppealLastDay: t.lateAppealLastDay,
        createdBySub: ctx.actor.sub,
      });
      const note = t.filedInTime
        ? null
        : `Late: the deadline was ${t.deadline}${lateGround ? `; considered on the ground ${lateGround}` : t.pastAbsoluteBar ? '; more than 1 year after the decision' : ''}`;
      await appendEvent(ctx, appeal, 'REGISTER', null, appeal.state, note);
      await recordChange(ctx, {
        municipalityId,
        operation: 'registerAppeal',
        participantId: p.id,
        entity: 'appeal',
        entityId: appeal.id,
        changes: {
          decisionId: { from: null, to: appeal.decisionId },
          receivedAt: { from: null, to: appeal.receivedAt },
          deadline: { from: null, to: appeal.deadline },
          filedInTime: { from: null, to: appeal.filedInTime },
          lateGround: { from: null, to: appeal.lateGround },
        },
      });
      return appeal.id;
    });
    return AppealService.get(ctx, id);
  },

  /** R-9.3: records the ground on which a late appeal is considered; refused after the 1-year bar. */
  async acceptLate(ctx: RequestContext, args: StepArgs, ground: LateAppealGround): Promise<AppealRecord> {
    const appeal = await lockAppeal(ctx, args.appealId);
    expectVersion(appeal, args.expectedVersion);
    if (appeal.filedInTime) throw new InvalidInputError('ground', 'The appeal is in time: there is no late ground to record');
    appealRecording(appeal.state, 'ACCEPT_LATE');
    const decision = await appealedDecision(ctx, appeal);
    canConsiderLateAppeal({ decidedAt: decision.decidedAt, receivedAt: appeal.receivedAt, ground });
    return applyStep(ctx, appeal, args.expectedVersion, { operation: 'acceptLateAppeal', step: 'ACCEPT_LATE', set: { lateGround: ground } });
  },

  startReview(ctx: RequestContext, args: StepArgs): Promise<AppealRecord> {
    return move(ctx, args, 'START_REVIEW', 'startAppealReview', () => ({}));
  },

  /** R-9.4: the appeal is fully allowed: a new decision of the same type replaces the appealed one; itself appealable. */
  async reverse(ctx: RequestContext, args: StepArgs, decision: DecisionInput): Promise<AppealRecord> {
    const appeal = await lockAppeal(ctx, args.appealId);
    expectVersion(appeal, args.expectedVersion);
    appealTransition(appeal.state, 'REVERSE');
    const reversalDecisionId = await newDecision(ctx, appeal, decision);
    return applyStep(ctx, appeal, args.expectedVersion, { operation: 'reverseAppeal', step: 'REVERSE', set: { reversalDecisionId } });
  },

  /** R-9.4: the part allowed is a new decision (itself appealable); the rest goes to Statsforvalteren with the statement. */
  async partlyReverseAndForward(
    ctx: RequestContext,
    args: StepArgs,
    decision: DecisionInput,
    statement: string,
    copiedToParticipantAt: string,
  ): Promise<AppealRecord> {
    const appeal = await lockAppeal(ctx, args.appealId);
    expectVersion(appeal, args.expectedVersion);
    appealTransition(appeal.state, 'PARTLY_REVERSE_AND_FORWARD');
    const forward = forwarding(ctx, appeal, statement, copiedToParticipantAt);
    const reversalDecisionId = await newDecision(ctx, appeal, decision);
    return applyStep(ctx, appeal, args.expectedVersion, {
      operation: 'partlyReverseAndForward',
      step: 'PARTLY_REVERSE_AND_FORWARD',
      set: { reversalDecisionId, ...forward },
    });
  },

  /** R-9.4 (avvisning): the conditions for an appeal are not met, e.g. late without a ground. */
  // R-13.10: the dismissal is itself a decision (APPEAL_DISMISSAL, dated today), with its own notice and appeal.
  async dismiss(ctx: RequestContext, args: StepArgs, reasons: string): Promise<AppealRecord> {
    const text = requiredContent(reasons, 'reasons');
    const appeal = await lockAppeal(ctx, args.appealId);
    expectVersion(appeal, args.expectedVersion);
    appealTransition(appeal.state, 'DISMISS');
    const dismissalDecisionId = await DecisionService.make(
      ctx,
      appeal.participantId,
      { type: 'APPEAL_DISMISSAL', outcome: 'REFUSED', reasons: text, decidedAt: ctx.today },
      'APPEAL_DISMISSAL',
    );
    return applyStep(ctx, appeal, args.expectedVersion, {
      operation: 'dismissAppeal',
      step: 'DISMISS',
      set: { dismissalReasons: text, dismissalDecisionId },
      note: text,
    });
  },

  /** R-9.4 / R-9.5: upheld and sent to the competent Statsforvalter with the municipality's statement. */
  forward(ctx: RequestContext, args: StepArgs, statement: string, copiedToParticipantAt: string): Promise<AppealRecord> {
    return move(ctx, args, 'FORWARD', 'forwardAppeal', (appeal) => forwarding(ctx, appeal, statement, copiedToParticipantAt), null, true);
  },

  /** R-9.5: another office takes over a forwarded, undecided appeal when the competent one is disqualified. */
  async reassign(ctx: RequestContext, args: StepArgs, statsforvalterId: string, reason: string): Promise<AppealRecord> {
    const appeal = await lockAppeal(ctx, args.appealId);
    expectVersion(appeal, args.expectedVersion);
    const text = requiredContent(reason, 'reason');
    appealRecording(appeal.state, 'REASSIGN');
    if (!ctx.directory.area(statsforvalterId)) throw new InvalidInputError('statsforvalterId', 'Unknown Statsforvalter office');
    if (statsforvalterId === appeal.statsforvalterId) throw new InvalidInputError('statsforvalterId', 'The appeal is already with this office');
    return applyStep(ctx, appeal, args.expectedVersion, {
      operation: 'reassignAppeal',
      step: 'REASSIGN',
      note: text,
      set: { statsforvalterId, reassignedAt: ctx.now, reassignmentReason: text },
    });
  },

  /** R-9.6: after CHANGED or QUASHED_AND_RETURNED, the municipality's new decision on the same matter. */
  async recordFollowUp(ctx: RequestContext, args: StepArgs, decisionId: string): Promise<AppealRecord> {
    const appeal = await lockAppeal(ctx, args.appealId);
    expectVersion(appeal, args.expectedVersion);
    appealRecording(appeal.state, 'RECORD_FOLLOW_UP', { outcome: appeal.outcome });
    if (appeal.followUpDecisionId) throw new RuleViolation('R-9.6', LAW['R-9.6'], 'The follow-up decision is already recorded.', {});
    const appealed = await appealedDecision(ctx, appeal);
    const followUp = await decisionFactsForAppeal(ctx, appeal.municipalityId, decisionId);
    if (!followUp) throw DECISION_NOT_FOUND();
    if (followUp.id === appeal.decisionId || followUp.id === appeal.reversalDecisionId)
      throw new InvalidInputError('decisionId', 'The follow-up is a new decision, not the appealed one');
    if (followUp.participantId !== appeal.participantId) throw new InvalidInputError('decisionId', "The follow-up decision must be on the appellant's case");
    if (followUp.type !== appealed.type)
      throw new InvalidInputError('decisionId', `The follow-up decision must be a ${appealed.type} decision, like the appealed one`);
    if (appeal.outcomeDecidedAt && compareDates(followUp.decidedAt, appeal.outcomeDecidedAt) < 0) {
      throw new InvalidInputError('decisionId', "The follow-up decision was made before Statsforvalteren's decision");
    }
    return applyStep(ctx, appeal, args.expectedVersion, {
      operation: 'recordAppealFollowUp',
      step: 'RECORD_FOLLOW_UP',
      set: { followUpDecisionId: decisionId },
    });
  },

  /**
   * Closes a finished appeal; closing one not yet decided means the appellant withdrew it (give the reason), also
   * after forwarding, until Statsforvalteren decides (R-13.10).
   */
  close(ctx: RequestContext, args: StepArgs, note: string | null | undefined): Promise<AppealRecord> {
    return move(
      ctx,
      args,
      'CLOSE',
      'closeAppeal',
      (appeal) => {
        if (followUpNeeded(appeal)) {
          throw new RuleViolation(
            'R-9.6',
            LAW['R-9.6'],
            `Statsforvalteren's outcome ${appeal.outcome} needs the municipality's follow-up decision before the appeal is closed.`,
            {
              outcome: appeal.outcome,
            },
          );
        }
        if (WITHDRAWABLE_STATES.includes(appeal.state) && !note?.trim()) {
          throw new InvalidInputError('note', 'Closing an appeal before it was decided means it was withdrawn: say so in the note');
        }
        // The state it was closed from: CLOSED keeps whether it was withdrawn, reversed, dismissed or decided.
        return { closedFrom: appeal.state };
      },
      note?.trim() || null,
    );
  },

  /** A participant's appeals, newest first. */
  ofParticipant(ctx: RequestContext, p: { municipalityId: number; id: string }): Promise<AppealRecord[]> {
    return appealRepository.ofParticipant(ctx, { municipalityId: p.municipalityId, id: p.id });
  },

  /** The appeals of a decision, newest first. */
  ofDecision(ctx: RequestContext, d: { municipalityId: number; id: string }): Promise<AppealRecord[]> {
    return appealRepository.ofDecision(ctx, { municipalityId: d.municipalityId, id: d.id });
  },

  /** Whether the participant has an appeal that is not closed. */
  hasOpenAppeal(ctx: RequestContext, participantId: string): Promise<boolean> {
    return appealRepository.hasOpenAppeal(ctx, participantId);
  },

  /** An appeal's history, oldest first (either side). */
  history(ctx: RequestContext, appeal: { municipalityId: number; id: string }): Promise<AppealEventRecord[]> {
    return appealRepository.history(ctx, { municipalityId: appeal.municipalityId, id: appeal.id });
  },
};
