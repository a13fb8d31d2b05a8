/**
 * Decisions (enkeltvedtak, R-8) and their effect on the case: a granted decision changes the programme
 * (through the programme module) and, for leave, the absence record (through the absence module), in
 * the same transaction as the decision itself. Raises domain errors (src/domain/errors.ts) and
 * RuleViolations; src/graphql/errors.ts maps them.
 */
import { benefitByPeriod } from '../../domain/benefit';
import { compareDates } from '../../domain/calendar';
import { assertLateDecisionReason, startDeadline } from '../../domain/deadlines';
import { isAppealable, legalBasisFor } from '../../domain/decision-types';
import { appealDeadline, validateAppealDeadlineExtension } from '../../domain/deadlines';
import { evaluateEligibility } from '../../domain/eligibility';
import { validateIdentityNumber } from '../../domain/identity-number';
import { durationNotice, validateExtension } from '../../domain/end-goal';
import { ConflictError, InvalidInputError, NotFoundError } from '../../domain/errors';
import { LAW } from '../../domain/law-references';
import { careLeaveFollowUpFrom, validateHalt, validateLeave } from '../../domain/leave';
import { assertHaltAdvanceNotice, assertMappingComplete, participationBasis } from '../../domain/participation';
import { assertPlausibleNoticeDate, assertPlausibleReasonsRequest, requiredContent } from '../../domain/plausibility';
import { transition } from '../../domain/programme';
import { assertAutomatedRegimeFor, offerDateFor } from '../../domain/regime';
import { RuleViolation } from '../../domain/rule-violation';
import { identityKey } from '../../auth/identity-key';
import { Camel, toRecord } from '../../db/table';
import { recordGrantedLeave } from '../absence';
import { idempotentCreate, recordChange } from '../audit';
import { mappingStatus } from '../competence-mapping';
import { ParticipantRecord, ParticipantService } from '../participant';
import { ProgrammeService } from '../programme';
import { ownMunicipality, RequestContext } from '../shared';
import { DecisionRow } from './decision-row';
import { firstParticipationGrantDate } from './decision.for-career-guidance';
import { decisionRepository } from './decision.repository';
import { DecisionDetails, DecisionRecord } from './decision.table';
import { Decision, DecisionInput, LeaveDecisionInput } from './decision.types';

export type { DecisionRecord };

/** The fields of a decision the API shows: a whole record, or the columns another module's SQL selected (decision-row.ts). */
export type DecisionFields = Camel<DecisionRow>;

/** The GraphQL view of a decision. */
export function decisionView(r: DecisionFields): Decision {
  const d = r.details ?? {};
  return {
    id: r.id,
    participantId: r.participantId,
    municipalityId: r.municipalityId,
    version: r.version,
    type: r.type,
    outcome: r.outcome,
    basis: r.basis ?? null,
    reasons: r.reasons,
    legalBasis: r.legalBasis,
    decidedAt: r.decidedAt,
    decidedBy: r.decidedByName,
    advanceNoticeAt: r.advanceNoticeAt ?? null,
    notifiedAt: r.notifiedAt ?? null,
    reasonsRequestedAt: r.reasonsRequestedAt ?? null,
    reasonsReceivedAt: r.reasonsReceivedAt ?? null,
    appealDeadlineExtendedTo: r.appealDeadlineExtendedTo ?? null,
    appealDeadlineExtendedOn: r.appealDeadlineExtendedOn ?? null,
    appealable: isAppealable(r.type),
    lateDecisionReason: d.lateDecisionReason ?? null,
    ruleNotices: d.ruleNotices ?? [],
    benefit: d.benefit ? { ...d.benefit, parts: d.benefit.parts ?? [], totalAmount: d.benefit.totalAmount ?? null } : null,
    halt: d.halt ?? null,
    extension: d.extension ?? null,
    // the month-4 follow-up duty, from the leave as granted (the worklist's CARE_LEAVE_FOLLOW_UP is due that day).
    leave: d.leave ? { ...d.leave, followUpFrom: careLeaveFollowUpFrom(d.leave) } : null,
    exemption: d.exemption ?? null,
  };
}

/**
 * The GraphQL view of a decision row as SQL returns it (SQL names): the case list's prefetched latest
 * decision (decision-row.ts), and transitionally the rows other modules still select themselves.
 */
export function toDecision(row: Record<string, unknown>): Decision {
  // The row's columns are app.decision's (DECISION_ROW_COLUMNS at least), as pg returns them.
  return decisionView(toRecord(row as DecisionRow));
}

function need<T>(value: T | null | undefined, field: string, type: string): T {
  if (value === null || value === undefined) throw new InvalidInputError(field, `A ${type} decision needs the ${field} block`);
  return value;
}

/**
 * care leave belongs to the child. The child and the parent are matched across cases and
 * municipalities only by keyed hashes of their identity numbers (src/auth/identity-key.ts); the database
 * answers the days this parent and the child's other parents have used, in any municipality, and nothing else.
 */
async function careLeaveShare(
  ctx: RequestContext,
  p: ParticipantRecord,
  l: LeaveDecisionInput,
): Promise<{ childKey: string; parentKey: string; used: { thisParent: number; otherParents: number } }> {
  const child = l.childIdentityNumber ?? null;
  if (!child)
    throw new InvalidInputError('input.leave.childIdentityNumber', "Care leave needs the child's identity number (R-13.6: the leave belongs to the child)");
  const valid = validateIdentityNumber(child);
  if (!valid.valid)
    throw new InvalidInputError('input.leave.childIdentityNumber', `childIdentityNumber is not a valid fødselsnummer or D-number: ${valid.reason}`);
  if (child === p.identityNumber) throw new InvalidInputError('input.leave.childIdentityNumber', "childIdentityNumber is the participant's own number");
  const childKey = identityKey('child', child);
  const parentKey = identityKey('parent', p.identityNumber);
  return { childKey, parentKey, used: await decisionRepository.careLeaveDaysUsed(ctx, childKey, parentKey) };
}

/** Type-specific rules and the effect of a granted decision on the programme, in the same transaction. */
async function applyDecision(
  ctx: RequestContext,
  p: ParticipantRecord,
  input: DecisionInput,
  made: DecisionOrigin,
): Promise<{ basis: string | null; details: DecisionDetails; afterInsert?: (decisionId: string) => Promise<void> }> {
  const granted = input.outcome === 'GRANTED';
  switch (input.type) {
    case 'PARTICIPATION': {
      if (!granted) return { basis: null, details: {} };
      assertMappingComplete(await mappingStatus(ctx, p));
      const e = evaluateEligibility({
        birthDate: p.birthDate,
        permitCategory: p.permitCategory as never,
        permitGrantDate: p.permitGrantDate,
        arrivalDate: p.arrivalDate,
        settlementDate: p.settlementDate,
        settledByAgreementWithImdi: p.settledByAgreement,
        familyReferenceYearsInMunicipality: p.familyReferenceYears,
        weeklyWorkHours: p.weeklyWorkHours,
        evaluationDate: input.decidedAt,
        requestDate: p.requestDate,
      });
      const basis = participationBasis(e, Boolean(input.participation?.discretionary));
      await ProgrammeService.ensurePlanned(ctx, p);
      return { basis, details: { eligibility: e } };
    }
    case 'BENEFIT': {
      const b = need(input.benefit, 'benefit', 'BENEFIT');
      if (b.periodTo && compareDates(b.periodTo, b.periodFrom) < 0) {
        throw new InvalidInputError('input.benefit.periodTo', 'The benefit period ends before it starts: periodTo must be on or after periodFrom');
      }
      if (!granted) return { basis: null, details: {} };
      assertAutomatedRegimeFor(p, 'The benefit rate'); // not the new Act's rates for an old-regime case
      // G and age follow each day of the period, not the decision date.
      const { parts, totalAmount } = benefitByPeriod({
        birthDate: p.birthDate,
        livingWithParent: p.livesWithParent,
        periodFrom: b.periodFrom,
        periodTo: b.periodTo ?? null,
      });
      const firstPart = parts[0];
      return {
        basis: null,
        details: {
          benefit: {
            gAmount: firstPart.gAmount,
            gDate: firstPart.gDate,
            fractionOfG: firstPart.fraction,
            annualAmount: firstPart.annualAmount,
            monthlyAmount: firstPart.monthlyAmount,
            age: firstPart.age,
            periodFrom: b.periodFrom,
            periodTo: b.periodTo ?? null,
            parts: parts.map(({ gMayBeOutdated: _outdated, ...part }) => part),
            totalAmount,
          },
        },
      };
    }
    case 'HALT': {
      const h = need(input.halt, 'halt', 'HALT');
      const halt = validateHalt({ kind: h.kind, fromDate: h.fromDate, toDate: h.toDate ?? null });
      assertHaltAdvanceNotice(input.advanceNoticeAt);
      if (!granted) return { basis: null, details: { halt } };
      if (halt.kind === 'PERMANENT') {
        await ProgrammeService.end(ctx, p, 'INTERRUPT', {
          endDate: halt.fromDate,
          endGoalReached: false,
          reason: 'Halted permanently (integreringsloven § 18)',
          expectedVersion: null,
          byDecision: true,
        });
      } else {
        const prog = await ProgrammeService.require(ctx, p);
        await ProgrammeService.apply(ctx, p, prog, 'HALT', 'decision:HALT', { haltedUntil: halt.toDate });
      }
      return { basis: null, details: { halt: { kind: halt.kind, fromDate: halt.fromDate, toDate: halt.toDate } } };
    }
    case 'EXTENSION': {
      const x = need(input.extension, 'extension', 'EXTENSION');
      if (!granted) return { basis: null, details: { extension: x } };
      const prog = await ProgrammeService.require(ctx, p);
      if (!prog.endGoal || !prog.startDate) throw new RuleViolation('R-5.7', LAW['R-5.7'], 'Only a started programme can be extended.', {});
      assertAutomatedRegimeFor(p, 'The extension');
      // the offer date, not the start date, selects the duration rules; a skipped check is said on the decision.
      const offer = offerDateFor({
        recordedOfferDate: p.offerDate,
        participationGrantedAt: await firstParticipationGrantDate(ctx, p.id),
        today: ctx.today,
      });
      const notice = durationNotice(
        validateExtension({ endGoal: prog.endGoal, currentExtensionMonths: prog.extensionMonths, requestedMonths: x.months, offerDate: offer.date }),
      );
      const extensionMonths = prog.extensionMonths + x.months;
      await ProgrammeService.change(ctx, p, prog, 'decision:EXTENSION', {
        extensionMonths,
        plannedEndDate: await ProgrammeService.recomputedEnd(ctx, p, prog, extensionMonths),
      });
      return { basis: null, details: { extension: { months: x.months }, ...(notice ? { ruleNotices: [notice] } : {}) } };
    }
    case 'LEAVE': {
      const l = need(input.leave, 'leave', 'LEAVE');
      const taken = await decisionRepository.grantedLeaveDays(ctx, p);
      const care = l.kind === 'CARE_LEAVE' ? await careLeaveShare(ctx, p, l) : null;
      const leave = validateLeave({
        kind: l.kind,
        fromDate: l.fromDate,
        toDate: l.toDate,
        childBirthDate: l.childBirthDate ?? null,
        adoptionDate: l.adoptionDate ?? null,
        // days the other parent used anywhere show that parent is a participant, whatever the input says.
        otherParentIsParticipant: l.otherParentIsParticipant || (care?.used.otherParents ?? 0) > 0,
        careLeaveAlreadyTakenWorkingDays: care ? care.used.thisParent : 0,
        otherParentCareLeaveTakenWorkingDays: care?.used.otherParents ?? 0,
        pregnancyLeaveAlreadyTakenWorkingDays: taken.get('PREGNANCY') ?? 0,
        fatherLeaveAlreadyTakenWorkingDays: taken.get('FATHER_AT_BIRTH') ?? 0,
      });
      const details = {
        leave: {
          kind: l.kind,
          fromDate: l.fromDate,
          toDate: l.toDate,
          workingDays: leave.workingDays,
          withBenefit: leave.withBenefit,
          ...(l.kind === 'CARE_LEAVE' ? { childBirthDate: l.childBirthDate ?? null, adoptionDate: l.adoptionDate ?? null } : {}),
        },
      };
      if (!granted) return { basis: null, details };
      const prog = await ProgrammeService.require(ctx, p);
      transition(prog.state, 'LEAVE_START'); // refused by the table before anything is written
      // leave days count toward moving the end date.
      await recordGrantedLeave(ctx, p, { fromDate: l.fromDate, toDate: l.toDate, workingDays: leave.workingDays, note: `Leave: ${l.kind}` });
      await ProgrammeService.apply(ctx, p, prog, 'LEAVE_START', 'decision:LEAVE', {
        leaveUntil: l.toDate,
        plannedEndDate: await ProgrammeService.recomputedEnd(ctx, p, prog),
      });
      // the child's share, written with the decision's id once the decision row exists.
      const afterInsert = care
        ? (decisionId: string) =>
            decisionRepository.insertCareLeave(ctx, {
              municipalityId: p.municipalityId,
              participantId: p.id,
              decisionId,
              childKey: care.childKey,
              parentKey: care.parentKey,
              fromDate: l.fromDate,
              toDate: l.toDate,
              workingDays: leave.workingDays,
            })
        : undefined;
      return { basis: null, details, afterInsert };
    }
    case 'EXEMPTION':
      return { basis: null, details: { exemption: need(input.exemption, 'exemption', 'EXEMPTION') } };
    case 'PLAN_SIGNIFICANT_CHANGE':
      return { basis: null, details: {} };
    case 'APPEAL_DISMISSAL':
      // made by dismissing an appeal (the appeal module), never on its own.
      if (made !== 'APPEAL_DISMISSAL')
        throw new InvalidInputError('input.type', 'An APPEAL_DISMISSAL decision is made by dismissing the appeal (dismissAppeal)');
      return { basis: null, details: {} };
  }
}

/**
 * the first participation decision after the deadline needs a recorded reason; returns the reason to
 * store with it (trimmed), or null when none is needed.
 */
async function lateDecision(ctx: RequestContext, p: ParticipantRecord, input: DecisionInput): Promise<string | null> {
  if (input.type !== 'PARTICIPATION' || !p.settlementDate) return null;
  const deadline = startDeadline({ settlementDate: p.settlementDate, requestDate: p.requestDate });
  if (compareDates(input.decidedAt, deadline) <= 0 || (await decisionRepository.hasAny(ctx, p, 'PARTICIPATION'))) return null;
  assertLateDecisionReason({ decidedAt: input.decidedAt, deadline, reason: input.lateDecisionReason });
  return input.lateDecisionReason?.trim() ?? null;
}

/** the decision's facts that move its appeal deadline, as the deadline rule takes them. */
export function deadlineFactsOf(
  d: Pick<DecisionRecord, 'notifiedAt' | 'reasonsRequestedAt' | 'reasonsReceivedAt' | 'appealDeadlineExtendedTo'> & { notifiedAt: string | null },
) {
  return {
    notifiedAt: d.notifiedAt!,
    reasonsRequestedAt: d.reasonsRequestedAt ?? null,
    reasonsReceivedAt: d.reasonsReceivedAt ?? null,
    extendedDeadline: d.appealDeadlineExtendedTo ?? null,
  };
}

type AppealFactChanges = Parameters<typeof decisionRepository.setAppealFacts>[4];

async function changeFacts(
  ctx: RequestContext,
  current: DecisionRecord,
  expectedVersion: number,
  operation: string,
  facts: AppealFactChanges,
): Promise<DecisionRecord> {
  const updated = await decisionRepository.setAppealFacts(ctx, current.municipalityId, current.id, expectedVersion, facts);
  if (!updated) throw new ConflictError();
  const keys = Object.keys(facts) as (keyof AppealFactChanges)[];
  await recordChange(ctx, {
    municipalityId: current.municipalityId,
    operation,
    participantId: updated.participantId,
    entity: 'decision',
    entityId: current.id,
    changes: Object.fromEntries(keys.map((k) => [k, { from: current[k] ?? null, to: updated[k] ?? null }])),
  });
  return updated;
}

/** Where a decision comes from: the caseworker's makeDecision, or the dismissal of an appeal. */
export type DecisionOrigin = 'CASEWORKER' | 'APPEAL_DISMISSAL';

export const DecisionService = {
  /** Makes a decision and applies its effect to the case; returns its id (the first one's, on an idempotent retry). */
  async make(ctx: RequestContext, participantId: string, input: DecisionInput, made: DecisionOrigin = 'CASEWORKER'): Promise<string> {
    const municipalityId = ownMunicipality(ctx);
    if (input.notifiedAt && compareDates(input.notifiedAt, input.decidedAt) < 0) throw new InvalidInputError('notifiedAt', 'notifiedAt is before decidedAt');
    if (compareDates(input.decidedAt, ctx.today) > 0) throw new InvalidInputError('decidedAt', 'decidedAt is in the future');
    // the reasons carry content; a notice date is never after today.
    const reasons = requiredContent(input.reasons, 'reasons');
    if (input.notifiedAt) assertPlausibleNoticeDate({ decidedAt: input.decidedAt, notifiedAt: input.notifiedAt, today: ctx.today });
    const { idempotencyKey, ...payload } = input;
    const { id } = await idempotentCreate(
      ctx,
      { municipalityId, key: idempotencyKey, operation: 'makeDecision', payload: { participantId, ...payload } },
      async () => {
        const p = await ParticipantService.lockCase(ctx, participantId);
        const late = await lateDecision(ctx, p, input);
        const applied = await applyDecision(ctx, p, input, made);
        const { basis, afterInsert } = applied;
        const details = late ? { ...applied.details, lateDecisionReason: late } : applied.details;
        const d = await decisionRepository.insert(ctx, {
          municipalityId: p.municipalityId,
          participantId: p.id,
          type: input.type,
          outcome: input.outcome,
          basis,
          reasons,
          legalBasis: [...legalBasisFor(input.type)],
          decidedAt: input.decidedAt,
          decidedBySub: ctx.actor.sub,
          decidedByName: ctx.actor.name,
          advanceNoticeAt: input.advanceNoticeAt ?? null,
          notifiedAt: input.notifiedAt ?? null,
          details,
        });
        await afterInsert?.(d.id);
        await recordChange(ctx, {
          municipalityId: p.municipalityId,
          operation: 'makeDecision',
          participantId: p.id,
          entity: 'decision',
          entityId: d.id,
          changes: {
            type: { from: null, to: d.type },
            outcome: { from: null, to: d.outcome },
            decidedAt: { from: null, to: d.decidedAt },
            notifiedAt: { from: null, to: d.notifiedAt },
          },
        });
        return d.id;
      },
    );
    return id;
  },

  /** when the notice reached the participant (this starts the appeal deadline), at the version the caller saw. */
  async recordNotice(ctx: RequestContext, decisionId: string, notifiedAt: string, expectedVersion: number): Promise<DecisionRecord> {
    const municipalityId = ownMunicipality(ctx);
    const current = await decisionRepository.current(ctx, municipalityId, decisionId);
    if (!current) throw new NotFoundError('Decision');
    if (compareDates(notifiedAt, current.decidedAt) < 0) throw new InvalidInputError('notifiedAt', 'notifiedAt is before the decision was made');
    assertPlausibleNoticeDate({ decidedAt: current.decidedAt, notifiedAt, today: ctx.today }); // not in the future
    const updated = await decisionRepository.setNotified(ctx, municipalityId, decisionId, expectedVersion, notifiedAt);
    if (!updated) throw new ConflictError();
    await recordChange(ctx, {
      municipalityId,
      operation: 'recordDecisionNotice',
      participantId: updated.participantId,
      entity: 'decision',
      entityId: decisionId,
      changes: { notifiedAt: { from: current.notifiedAt ?? null, to: notifiedAt } },
    });
    return updated;
  },

  /**
   * an extension of the appeal deadline, granted on `grantedOn` before the deadline expired, to
   * `extendedTo`. A fact of the decision: its appealDeadline shows it, and the appeal module re-judges its appeals.
   */
  async recordAppealDeadlineExtension(
    ctx: RequestContext,
    decisionId: string,
    args: { extendedTo: string; grantedOn: string; expectedVersion: number },
  ): Promise<DecisionRecord> {
    const municipalityId = ownMunicipality(ctx);
    const current = await decisionRepository.current(ctx, municipalityId, decisionId);
    if (!current) throw new NotFoundError('Decision');
    // The deadline as it stood on the day the extension was granted: without this extension, with the other facts.
    const standing = current.notifiedAt ? appealDeadline({ ...deadlineFactsOf(current), extendedDeadline: null }) : null;
    validateAppealDeadlineExtension({
      decidedAt: current.decidedAt,
      current: standing,
      grantedOn: args.grantedOn,
      extendedTo: args.extendedTo,
      today: ctx.today,
    });
    const facts = { appealDeadlineExtendedTo: args.extendedTo, appealDeadlineExtendedOn: args.grantedOn };
    return changeFacts(ctx, current, args.expectedVersion, 'recordAppealDeadlineExtension', facts);
  },

  /** the participant asked for reasons (forvaltningsloven § 24) and, once known, when they were received. */
  async recordReasonsRequest(
    ctx: RequestContext,
    decisionId: string,
    args: { requestedAt: string; receivedAt?: string | null; expectedVersion: number },
  ): Promise<DecisionRecord> {
    const municipalityId = ownMunicipality(ctx);
    const current = await decisionRepository.current(ctx, municipalityId, decisionId);
    if (!current) throw new NotFoundError('Decision');
    const receivedAt = args.receivedAt ?? null;
    assertPlausibleReasonsRequest({ decidedAt: current.decidedAt, requestedAt: args.requestedAt, receivedAt, today: ctx.today });
    return changeFacts(ctx, current, args.expectedVersion, 'recordReasonsRequest', { reasonsRequestedAt: args.requestedAt, reasonsReceivedAt: receivedAt });
  },

  /** The case's decisions, newest first (one statement per request, whatever the number of cases). */
  forCase(ctx: RequestContext, participantId: string): Promise<DecisionRecord[]> {
    return decisionRepository.forCase(ctx, participantId);
  },

  /** The case's newest decision, or null. */
  async latest(ctx: RequestContext, participantId: string): Promise<DecisionRecord | null> {
    return (await decisionRepository.forCase(ctx, participantId))[0] ?? null;
  },

  /** A decision the caller's transaction can see, or null (a missing id and another tenant's alike). */
  find(ctx: RequestContext, id: string): Promise<DecisionRecord | null> {
    return decisionRepository.find(ctx, id);
  },

  /** whether participation has been granted (a guard of the programme's start). */
  participationGranted(ctx: RequestContext, p: Pick<ParticipantRecord, 'municipalityId' | 'id'>): Promise<boolean> {
    return decisionRepository.hasGranted(ctx, p, 'PARTICIPATION');
  },
};
