/**
 * The municipality's side of an appeal (R-9.1–R-9.5): intake with the computed timeliness, the review
 * and its outcomes (reverse, partly reverse and forward, dismiss, forward), reassignment, the follow-up
 * after Statsforvalteren's decision, and closing. Every state change goes through appealTransition.
 */
import { appealTransition, AppealEvent, AppealState, outcomeNeedsMunicipalFollowUp, statsforvalterFor } from '../../domain/appeal';
import { appealDateProblems, assertAppealMayBeConsidered, assessAppealTimeliness } from '../../domain/appeal-timeliness';
import { compareDates } from '../../domain/calendar';
import { isAppealable } from '../../domain/decision-types';
import { canConsiderLateAppeal, LateAppealGround } from '../../domain/deadlines';
import { LAW } from '../../domain/law-references';
import { RuleViolation } from '../../domain/rule-violation';
import { GraphQLContext } from '../../graphql/context';
import { badInput, conflict, notFound } from '../../graphql/errors';
import { recordChange } from '../audit/change-log';
import { idempotentCreate } from '../audit/idempotency';
import { lockCase } from '../case/case-access';
import { DecisionService } from '../decision/decision.service';
import { DecisionInput } from '../decision/decision.types';
import { ownMunicipality } from '../participant/participant.service';
import { forgetAppeals } from './appeal.loaders';
import { AppealChanges, AppealRow, followUpNeeded, toAppeal } from './appeal.rows';
import { appendEvent, applyStep, expectVersion } from './appeal.steps';
import { Appeal, RegisterAppealInput } from './appeal.types';

type Row = Record<string, unknown>;

export interface StepArgs {
  appealId: string;
  expectedVersion: number;
}

/** Text a caseworker must give (a reason, a statement): not blank. */
function required(value: string | null | undefined, field: string): string {
  const v = value?.trim();
  if (!v) throw badInput(field, `${field} must not be blank`);
  return v;
}

async function ownDecision(ctx: GraphQLContext, decisionId: string): Promise<Row | undefined> {
  const [d] = await ctx.tx.query(`SELECT * FROM app.decision WHERE municipality_id = $1 AND id = $2`, [ownMunicipality(ctx), decisionId]);
  return d;
}

/**
 * The appeal a step works on, locked after its case (participant, then appeal: the order every
 * municipality write takes), so concurrent steps on one appeal run one after the other. A missing id and
 * another municipality's id answer the same NOT_FOUND.
 */
async function lockAppeal(ctx: GraphQLContext, appealId: string): Promise<AppealRow> {
  const municipalityId = ownMunicipality(ctx);
  const [peek] = await ctx.tx.query<{ participant_id: string }>(`SELECT participant_id FROM app.appeal WHERE municipality_id = $1 AND id = $2`, [municipalityId, appealId]);
  if (!peek) throw notFound('Appeal');
  await lockCase(ctx, peek.participant_id);
  const [row] = await ctx.tx.query<AppealRow>(`SELECT * FROM app.appeal WHERE municipality_id = $1 AND id = $2 FOR UPDATE`, [municipalityId, appealId]);
  if (!row) throw notFound('Appeal');
  return row;
}

/** R-9.3: a late appeal is considered on its merits only with a recorded ground, and never after the 1-year bar. */
function assertConsiderable(row: AppealRow, decision: Row): void {
  assertAppealMayBeConsidered({ filedInTime: row.filed_in_time, decidedAt: decision.decided_at as string, receivedAt: row.received_at, lateGround: row.late_ground });
}

/** R-9.5: forwarding records the statement, when it was copied to the participant, and the competent office. */
function forwarding(ctx: GraphQLContext, row: AppealRow, statement: string, copiedToParticipantAt: string): AppealChanges {
  if (compareDates(copiedToParticipantAt, row.received_at) < 0) throw badInput('copiedToParticipantAt', 'The statement was copied to the participant before the appeal was received');
  if (compareDates(copiedToParticipantAt, ctx.today) > 0) throw badInput('copiedToParticipantAt', 'copiedToParticipantAt is in the future');
  const municipality = ctx.directory.municipalityById(Number(row.municipality_id))!;
  const office = statsforvalterFor(municipality.countyNumber, ctx.directory.areaList());
  return {
    statsforvalter_id: office.id,
    municipality_statement: required(statement, 'statement'),
    statement_copied_to_participant_at: copiedToParticipantAt,
    forwarded_at: new Date().toISOString(),
  };
}

export class AppealService {
  static async get(ctx: GraphQLContext, appealId: string): Promise<Appeal> {
    const [row] = await ctx.tx.query<AppealRow>(`SELECT * FROM app.appeal WHERE municipality_id = $1 AND id = $2`, [ownMunicipality(ctx), appealId]);
    if (!row) throw notFound('Appeal');
    return toAppeal(row, ctx.directory);
  }

  /** R-9.1 / R-9.2 / R-9.3: registers an appeal of an appealable, notified decision, with its deadline and timeliness. */
  static async register(ctx: GraphQLContext, input: RegisterAppealInput): Promise<Appeal> {
    const municipalityId = ownMunicipality(ctx);
    const { idempotencyKey, ...payload } = input;
    const { id } = await idempotentCreate(ctx, { municipalityId, key: idempotencyKey, operation: 'registerAppeal', payload }, async () => {
      const decision = await ownDecision(ctx, input.decisionId);
      if (!decision) throw notFound('Decision');
      const p = await lockCase(ctx, decision.participant_id as string);
      if (!isAppealable(decision.type as string)) {
        throw new RuleViolation('R-8.1', LAW['R-8.1'], `A ${String(decision.type)} decision cannot be appealed.`, { type: decision.type });
      }
      if (!decision.notified_at) {
        throw new RuleViolation('R-9.2', LAW['R-9.2'], 'Record when the notice of the decision reached the participant first: the appeal deadline runs from it.', {});
      }
      const dates = {
        decidedAt: decision.decided_at as string,
        notifiedAt: decision.notified_at as string,
        sentAt: input.sentAt,
        receivedAt: input.receivedAt,
        reasonsRequestedAt: input.reasonsRequestedAt ?? null,
        reasonsReceivedAt: input.reasonsReceivedAt ?? null,
        extendedDeadline: input.extendedDeadline ?? null,
      };
      const [problem] = appealDateProblems(dates, ctx.today);
      if (problem) throw badInput(problem.field, problem.message);

      // One appeal per decision: a withdrawn one may be followed by a new one, a decided one is final.
      const [earlier] = await ctx.tx.query<{ state: AppealState; closed_from: AppealState | null }>(
        `SELECT state, closed_from FROM app.appeal WHERE municipality_id = $1 AND decision_id = $2
           AND NOT (state = 'CLOSED' AND closed_from IN ('RECEIVED', 'UNDER_REVIEW')) LIMIT 1`,
        [municipalityId, input.decisionId],
      );
      if (earlier?.state === 'DECIDED_BY_STATSFORVALTER' || earlier?.closed_from === 'DECIDED_BY_STATSFORVALTER') {
        throw new RuleViolation('R-9.6', LAW['R-9.6'], "Statsforvalteren has decided an appeal of this decision; its decision is final.", {});
      }
      if (earlier) throw conflict(`This decision already has an appeal (${earlier.state}); continue with that one`);

      const t = assessAppealTimeliness(dates);
      const lateGround: LateAppealGround | null = input.lateGround ?? null;
      if (lateGround) {
        if (t.filedInTime) throw badInput('lateGround', 'The appeal is in time: there is no late ground to record');
        assertAppealMayBeConsidered({ filedInTime: false, decidedAt: dates.decidedAt, receivedAt: dates.receivedAt, lateGround });
      }
      const [row] = await ctx.tx.query<AppealRow>(
        `INSERT INTO app.appeal (municipality_id, decision_id, participant_id, received_at, sent_at, grounds, change_wanted,
           reasons_requested_at, reasons_received_at, extended_deadline, deadline, deadline_basis, filed_in_time, late_ground, late_appeal_last_day, created_by_sub)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING *`,
        [municipalityId, input.decisionId, p.id, input.receivedAt, input.sentAt, input.grounds, input.changeWanted, dates.reasonsRequestedAt, dates.reasonsReceivedAt,
          dates.extendedDeadline, t.deadline, t.basis, t.filedInTime, lateGround, t.lateAppealLastDay, ctx.actor.sub],
      );
      const note = t.filedInTime ? null : `Late: the deadline was ${t.deadline}${lateGround ? `; considered on the ground ${lateGround}` : t.pastAbsoluteBar ? '; more than 1 year after the decision' : ''}`;
      await appendEvent(ctx, row, 'REGISTER', null, row.state, note);
      await recordChange(ctx, {
        municipalityId, operation: 'registerAppeal', participantId: p.id, entity: 'appeal', entityId: row.id,
        changes: { decisionId: { from: null, to: row.decision_id }, receivedAt: { from: null, to: row.received_at }, deadline: { from: null, to: row.deadline }, filedInTime: { from: null, to: row.filed_in_time }, lateGround: { from: null, to: row.late_ground } },
      });
      forgetAppeals(ctx);
      return row.id;
    });
    return AppealService.get(ctx, id);
  }

  /** R-9.3: records the ground on which a late appeal is considered; refused after the 1-year bar. */
  static async acceptLate(ctx: GraphQLContext, args: StepArgs, ground: LateAppealGround): Promise<Appeal> {
    const row = await lockAppeal(ctx, args.appealId);
    expectVersion(row, args.expectedVersion);
    if (row.filed_in_time) throw badInput('ground', 'The appeal is in time: there is no late ground to record');
    if (row.state !== 'RECEIVED' && row.state !== 'UNDER_REVIEW') {
      throw new RuleViolation('R-9.3', LAW['R-9.3'], `A late appeal is accepted for consideration while it is reviewed, not when it is ${row.state}.`, { state: row.state });
    }
    const decision = (await ownDecision(ctx, row.decision_id))!;
    canConsiderLateAppeal({ decidedAt: decision.decided_at as string, receivedAt: row.received_at, ground });
    return AppealService.step(ctx, row, args, { operation: 'acceptLateAppeal', event: 'ACCEPT_LATE', set: { late_ground: ground } });
  }

  static async startReview(ctx: GraphQLContext, args: StepArgs): Promise<Appeal> {
    return AppealService.transition(ctx, args, 'START_REVIEW', 'startAppealReview', () => ({}));
  }

  /** R-9.4: the appeal is fully allowed: a new decision of the same type replaces the appealed one; itself appealable. */
  static async reverse(ctx: GraphQLContext, args: StepArgs, decision: DecisionInput): Promise<Appeal> {
    const row = await lockAppeal(ctx, args.appealId);
    expectVersion(row, args.expectedVersion);
    const to = appealTransition(row.state, 'REVERSE');
    const newDecisionId = await AppealService.newDecision(ctx, row, decision);
    return AppealService.step(ctx, row, args, { operation: 'reverseAppeal', event: 'REVERSE', to, set: { reversal_decision_id: newDecisionId } });
  }

  /** R-9.4: the part allowed is a new decision (itself appealable); the rest goes to Statsforvalteren with the statement. */
  static async partlyReverseAndForward(ctx: GraphQLContext, args: StepArgs, decision: DecisionInput, statement: string, copiedToParticipantAt: string): Promise<Appeal> {
    const row = await lockAppeal(ctx, args.appealId);
    expectVersion(row, args.expectedVersion);
    const to = appealTransition(row.state, 'PARTLY_REVERSE_AND_FORWARD');
    const forward = forwarding(ctx, row, statement, copiedToParticipantAt);
    const newDecisionId = await AppealService.newDecision(ctx, row, decision);
    return AppealService.step(ctx, row, args, {
      operation: 'partlyReverseAndForward', event: 'PARTLY_REVERSE_AND_FORWARD', to, set: { reversal_decision_id: newDecisionId, ...forward },
    });
  }

  /** R-9.4 (avvisning): the conditions for an appeal are not met, e.g. late without a ground. */
  static async dismiss(ctx: GraphQLContext, args: StepArgs, reasons: string): Promise<Appeal> {
    const text = required(reasons, 'reasons');
    return AppealService.transition(ctx, args, 'DISMISS', 'dismissAppeal', () => ({ dismissal_reasons: text }), text);
  }

  /** R-9.4 / R-9.5: upheld and sent to the competent Statsforvalter with the municipality's statement. */
  static async forward(ctx: GraphQLContext, args: StepArgs, statement: string, copiedToParticipantAt: string): Promise<Appeal> {
    return AppealService.transition(ctx, args, 'FORWARD', 'forwardAppeal', (row) => forwarding(ctx, row, statement, copiedToParticipantAt), null, true);
  }

  /** R-9.5: another office takes over a forwarded, undecided appeal when the competent one is disqualified. */
  static async reassign(ctx: GraphQLContext, args: StepArgs, statsforvalterId: string, reason: string): Promise<Appeal> {
    const row = await lockAppeal(ctx, args.appealId);
    expectVersion(row, args.expectedVersion);
    const text = required(reason, 'reason');
    if (row.state !== 'FORWARDED' && row.state !== 'PARTLY_REVERSED_AND_FORWARDED') {
      throw new RuleViolation('R-9.5', LAW['R-9.5'], `Only a forwarded appeal that Statsforvalteren has not decided can be reassigned; this one is ${row.state}.`, { state: row.state });
    }
    if (!ctx.directory.area(statsforvalterId)) throw badInput('statsforvalterId', 'Unknown Statsforvalter office');
    if (statsforvalterId === row.statsforvalter_id) throw badInput('statsforvalterId', 'The appeal is already with this office');
    return AppealService.step(ctx, row, args, {
      operation: 'reassignAppeal', event: 'REASSIGN', note: text,
      set: { statsforvalter_id: statsforvalterId, reassigned_at: new Date().toISOString(), reassignment_reason: text },
    });
  }

  /** R-9.6: after CHANGED or QUASHED_AND_RETURNED, the municipality's new decision on the same matter. */
  static async recordFollowUp(ctx: GraphQLContext, args: StepArgs, decisionId: string): Promise<Appeal> {
    const row = await lockAppeal(ctx, args.appealId);
    expectVersion(row, args.expectedVersion);
    if (row.state !== 'DECIDED_BY_STATSFORVALTER' || !row.outcome || !outcomeNeedsMunicipalFollowUp(row.outcome)) {
      throw new RuleViolation('R-9.6', LAW['R-9.6'], 'A follow-up decision is recorded only after Statsforvalteren changed or quashed the decision.', { state: row.state, outcome: row.outcome });
    }
    if (row.follow_up_decision_id) throw new RuleViolation('R-9.6', LAW['R-9.6'], 'The follow-up decision is already recorded.', {});
    const [appealed, followUp] = [await ownDecision(ctx, row.decision_id), await ownDecision(ctx, decisionId)];
    if (!followUp) throw notFound('Decision');
    if (followUp.id === row.decision_id || followUp.id === row.reversal_decision_id) throw badInput('decisionId', 'The follow-up is a new decision, not the appealed one');
    if (followUp.participant_id !== row.participant_id) throw badInput('decisionId', "The follow-up decision must be on the appellant's case");
    if (followUp.type !== appealed!.type) throw badInput('decisionId', `The follow-up decision must be a ${String(appealed!.type)} decision, like the appealed one`);
    if (compareDates(followUp.decided_at as string, row.outcome_decided_at!) < 0) throw badInput('decisionId', "The follow-up decision was made before Statsforvalteren's decision");
    return AppealService.step(ctx, row, args, { operation: 'recordAppealFollowUp', event: 'RECORD_FOLLOW_UP', set: { follow_up_decision_id: decisionId } });
  }

  /** Closes a finished appeal; closing one under review means the appellant withdrew it (give the reason). */
  static async close(ctx: GraphQLContext, args: StepArgs, note: string | null | undefined): Promise<Appeal> {
    return AppealService.transition(
      ctx,
      args,
      'CLOSE',
      'closeAppeal',
      (row) => {
        if (followUpNeeded(row)) {
          throw new RuleViolation('R-9.6', LAW['R-9.6'], `Statsforvalteren's outcome ${row.outcome} needs the municipality's follow-up decision before the appeal is closed.`, { outcome: row.outcome });
        }
        if ((row.state === 'RECEIVED' || row.state === 'UNDER_REVIEW') && !note?.trim()) throw badInput('note', 'Closing an appeal under review means it was withdrawn: say so in the note');
        return { closed_from: row.state };
      },
      note?.trim() || null,
    );
  }

  /** A plain state-machine step: the transition from the table, extra columns, the guarded update. */
  private static async transition(
    ctx: GraphQLContext,
    args: StepArgs,
    event: AppealEvent,
    operation: string,
    changes: (row: AppealRow) => AppealChanges,
    note: string | null = null,
    considerable = false,
  ): Promise<Appeal> {
    const row = await lockAppeal(ctx, args.appealId);
    expectVersion(row, args.expectedVersion);
    const to = appealTransition(row.state, event);
    if (considerable) assertConsiderable(row, (await ownDecision(ctx, row.decision_id))!);
    return AppealService.step(ctx, row, args, { operation, event, to, set: changes(row), note });
  }

  private static async step(ctx: GraphQLContext, row: AppealRow, args: StepArgs, step: Parameters<typeof applyStep>[3]): Promise<Appeal> {
    return toAppeal(await applyStep(ctx, row, args.expectedVersion, step), ctx.directory);
  }

  /** A reversal's new decision, made the ordinary way (rules, effects, change log) so it is appealable like any other. */
  private static async newDecision(ctx: GraphQLContext, row: AppealRow, input: DecisionInput): Promise<string> {
    const appealed = (await ownDecision(ctx, row.decision_id))!;
    assertConsiderable(row, appealed);
    if (input.type !== appealed.type) throw badInput('decision.type', `A reversal is a new ${String(appealed.type)} decision, like the appealed one`);
    if (compareDates(input.decidedAt, row.received_at) < 0) throw badInput('decision.decidedAt', 'The new decision is dated before the appeal was received');
    return DecisionService.make(ctx, row.participant_id, input);
  }
}
