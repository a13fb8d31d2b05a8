/**
 * Career guidance (karriereveiledning, integreringsloven §§ 4 and 11; R-3): the municipality refers and
 * withdraws, the county starts and submits. Which guidance a plan built on is the plan's record (the
 * integration-plan module), not this module's.
 *
 * A missing id and another tenant's id answer the same NOT_FOUND. Every change goes through the referral's
 * transition table (src/domain/career-guidance.ts), checks the version it was made from in the UPDATE
 * itself and writes the referring municipality's change log in the same transaction. Raises domain errors
 * (src/domain/errors.ts); src/graphql/errors.ts maps them.
 */
import { ageOn, compareDates, IsoDate } from '../../domain/calendar';
import {
  assertMappingCompleteAtSubmission,
  assertMappingCompleteForGuidance,
  guidanceCountyOf,
  ReferralState,
  referralTransition,
  validateRecommendation,
} from '../../domain/career-guidance';
import { ConflictError, InvalidInputError, NotFoundError } from '../../domain/errors';
import { diff, idempotentCreate, recordChange } from '../audit';
import { guidanceMappingStatus } from '../competence-mapping';
import { ParticipantService } from '../participant';
import { ownMunicipality, RequestContext } from '../shared';
import { pageOf, PageWindow, readingDirection } from '../../graphql/pagination';
import { careerGuidanceRepository, CountyKeyset, CountyReferralRecord, ReferralRecord } from './career-guidance.repository';
import { CareerGuidanceRecord, SubmitCareerGuidanceInput } from './career-guidance.types';

export type { CountyKeyset, CountyReferralRecord, ReferralRecord };

const REFERRAL = 'Career guidance referral';
const NOT_FOUND = () => new NotFoundError(REFERRAL);

/** The guidance and recommendation of a COMPLETED referral (the table's check guarantees them); null before. */
export function guidanceOf(r: ReferralRecord): CareerGuidanceRecord | null {
  if (r.state !== 'COMPLETED') return null;
  const { heldAt, adviser, summary, recommendationKind, recommendedEndGoal, submittedOn } = r;
  if (heldAt === null || adviser === null || summary === null || recommendationKind === null || recommendedEndGoal === null || submittedOn === null) {
    throw new Error(`completed referral ${r.id} lacks its guidance`);
  }
  return {
    heldAt,
    adviser,
    summary,
    recommendationKind,
    recommendedEndGoal,
    reducedGoalReason: r.reducedGoalReason ?? null,
    suggestedElements: r.suggestedElements,
    submittedAt: submittedOn,
  };
}

/** The audited fields of a referral (the change log gets their before/after). */
function auditView(r: ReferralRecord): Record<string, unknown> {
  return { state: r.state, countyNumber: r.countyNumber, note: r.note, adviser: r.adviser, guidance: guidanceOf(r), version: r.version };
}

async function writeLog(ctx: RequestContext, operation: string, before: ReferralRecord | null, after: ReferralRecord): Promise<void> {
  await recordChange(ctx, {
    municipalityId: after.municipalityId,
    operation,
    participantId: after.participantId,
    entity: 'career_guidance_referral',
    entityId: after.id,
    changes: diff(before ? auditView(before) : null, auditView(after)),
  });
}

/** The changes an event makes: the state the transition table gives, and the day it happened. */
function stateChange(from: ReferralState, event: 'START' | 'SUBMIT' | 'WITHDRAW', now: Date) {
  const state = referralTransition(from, event);
  if (event === 'START') return { state, startedAt: now };
  if (event === 'SUBMIT') return { state, submittedAt: now };
  return { state, withdrawnAt: now };
}

export const CareerGuidanceService = {
  // -------------------------------------------------------------- the municipality

  /**
   * refers the participant to the county of the participant's municipality (Oslo: county 03),
   * once the competence mapping is complete; one running referral per participant.
   */
  async refer(ctx: RequestContext, args: { participantId: string; note: string; idempotencyKey?: string | null }): Promise<ReferralRecord> {
    const municipalityId = ownMunicipality(ctx);
    const { idempotencyKey, ...payload } = args;
    const { id } = await idempotentCreate(ctx, { municipalityId, key: idempotencyKey, operation: 'referToCareerGuidance', payload }, async () => {
      const p = await ParticipantService.lockCase(ctx, args.participantId);
      assertMappingCompleteForGuidance(await guidanceMappingStatus(ctx, p.municipalityId, p.id));
      const running = await careerGuidanceRepository.running(ctx, p.municipalityId, p.id);
      if (running)
        throw new ConflictError(`The participant already has a career-guidance referral that is ${running.state}: withdraw it or wait for the guidance`);
      const municipality = ctx.directory.municipalityById(p.municipalityId)!;
      const countyNumber = guidanceCountyOf(municipality.number);
      if (!ctx.directory.county(countyNumber)) throw new Error(`no county ${countyNumber} for municipality ${municipality.number}`);
      const created = await careerGuidanceRepository.insert(ctx, {
        municipalityId: p.municipalityId,
        participantId: p.id,
        countyNumber,
        note: args.note.trim(),
        referredAt: ctx.now,
        referredBy: ctx.actor.name,
      });
      await writeLog(ctx, 'referToCareerGuidance', null, created);
      return created.id;
    });
    return CareerGuidanceService.municipalityReferral(ctx, id);
  },

  /** Takes an OPEN referral back (nobody has started on it yet). */
  async withdraw(ctx: RequestContext, args: { referralId: string; expectedVersion: number }): Promise<ReferralRecord> {
    const municipalityId = ownMunicipality(ctx);
    const before = await CareerGuidanceService.municipalityReferral(ctx, args.referralId);
    if (before.version !== args.expectedVersion) throw new ConflictError();
    const after = await careerGuidanceRepository.update(
      ctx,
      { municipalityId, id: before.id, expectedVersion: args.expectedVersion },
      stateChange(before.state, 'WITHDRAW', ctx.now),
    );
    if (!after) throw new ConflictError();
    await writeLog(ctx, 'withdrawCareerGuidanceReferral', before, after);
    return after;
  },

  /** One of the own municipality's referrals, or NOT_FOUND. */
  async municipalityReferral(ctx: RequestContext, referralId: string): Promise<ReferralRecord> {
    ownMunicipality(ctx);
    const r = await careerGuidanceRepository.get(ctx, referralId);
    if (!r) throw NOT_FOUND();
    return r;
  },

  /** The participant's referrals in the own municipality, newest first (batched per request). */
  referralsOf(ctx: RequestContext, participantId: string): Promise<ReferralRecord[]> {
    return careerGuidanceRepository.ofParticipant(ctx, participantId);
  },

  // -------------------------------------------------------------- the county

  /** The county's work list, a page at a time by programme-decision deadline: one SQL statement per page. */
  async countyList(
    ctx: RequestContext,
    args: {
      window: PageWindow;
      beyond: CountyKeyset | null;
      direction: 'ASC' | 'DESC';
      state?: ReferralState | null;
      municipalityNumber?: string | null;
    },
  ): Promise<{ rows: CountyReferralRecord[]; hasNextPage: boolean; hasPreviousPage: boolean; totalCount: number }> {
    // An unknown number, or one outside the county, matches nothing (like any other filter).
    const municipalityId = args.municipalityNumber ? (ctx.directory.municipalityByNumber(args.municipalityNumber)?.id ?? -1) : null;
    const { totalCount, rows } = await careerGuidanceRepository.countyPage(
      ctx,
      { state: args.state, municipalityId },
      args.beyond,
      args.window.size + 1,
      readingDirection(args.direction, args.window),
    );
    return { ...pageOf(rows, args.window), totalCount };
  },

  /** One referral to the caller's county; another county's, a withdrawn or a random id: the same NOT_FOUND. */
  async countyReferral(ctx: RequestContext, referralId: string): Promise<CountyReferralRecord> {
    const r = await careerGuidanceRepository.countyOne(ctx, referralId);
    if (!r) throw NOT_FOUND();
    return r;
  },

  /** The county takes an OPEN referral on. */
  async start(ctx: RequestContext, args: { referralId: string; expectedVersion: number; adviser?: string | null }): Promise<CountyReferralRecord> {
    const before = await CareerGuidanceService.countyReferral(ctx, args.referralId);
    if (before.version !== args.expectedVersion) throw new ConflictError();
    const change = stateChange(before.state, 'START', ctx.now);
    const adviser = args.adviser?.trim() || ctx.actor.name;
    const after = await careerGuidanceRepository.update(
      ctx,
      { municipalityId: before.municipalityId, id: before.id, expectedVersion: args.expectedVersion },
      { ...change, adviser },
    );
    if (!after) throw new ConflictError();
    await writeLog(ctx, 'startCareerGuidance', before, after);
    return CareerGuidanceService.countyReferral(ctx, before.id);
  },

  /**
   * submits the guidance with its recommendation of work or education within §§ 13–14, checked
   * against the participant's upper-secondary status and age on the day it was held. Submitted
   * once: a retry with the same idempotency key gets the submitted referral back and changes nothing.
   */
  async submit(ctx: RequestContext, referralId: string, input: SubmitCareerGuidanceInput): Promise<CountyReferralRecord> {
    if (!input.idempotencyKey) return submitOnce(ctx, referralId, input);
    const municipalityId = await careerGuidanceRepository.municipalityOf(ctx, referralId);
    if (municipalityId === undefined) throw NOT_FOUND();
    const { idempotencyKey, ...payload } = input;
    await idempotentCreate(ctx, { municipalityId, key: idempotencyKey, operation: 'submitCareerGuidance', payload: { referralId, ...payload } }, async () => {
      await submitOnce(ctx, referralId, input);
      return referralId;
    });
    return CareerGuidanceService.countyReferral(ctx, referralId);
  },
};

async function submitOnce(ctx: RequestContext, referralId: string, input: SubmitCareerGuidanceInput): Promise<CountyReferralRecord> {
  const before = await CareerGuidanceService.countyReferral(ctx, referralId);
  if (before.version !== input.expectedVersion) throw new ConflictError();
  const change = stateChange(before.state, 'SUBMIT', ctx.now);
  assertMappingCompleteAtSubmission(before.mappingCompletedAt);
  const heldAt: IsoDate = input.heldAt;
  if (compareDates(heldAt, ctx.today) > 0) throw new InvalidInputError('heldAt', 'heldAt is in the future');
  if (compareDates(heldAt, before.referredOn) < 0) throw new InvalidInputError('heldAt', 'heldAt is before the referral was made');
  const reducedGoalReason = input.reducedGoalReason?.trim() || null;
  validateRecommendation({
    kind: input.recommendationKind,
    endGoal: input.recommendedEndGoal,
    hasUpperSecondary: before.hasUpperSecondary,
    ageOnDate: ageOn(before.birthDate, heldAt),
    reducedGoalReason,
  });
  const after = await careerGuidanceRepository.update(
    ctx,
    { municipalityId: before.municipalityId, id: before.id, expectedVersion: input.expectedVersion },
    {
      ...change,
      heldAt,
      adviser: input.adviser.trim(),
      summary: input.summary.trim(),
      recommendationKind: input.recommendationKind,
      recommendedEndGoal: input.recommendedEndGoal,
      reducedGoalReason,
      suggestedElements: input.suggestedElements.map((e) => e.trim()),
    },
  );
  if (!after) throw new ConflictError();
  await writeLog(ctx, 'submitCareerGuidance', before, after);
  return CareerGuidanceService.countyReferral(ctx, before.id);
}
