/**
 * Career guidance (karriereveiledning, integreringsloven §§ 4 and 11; R-3): the municipality refers and
 * withdraws, the county starts and submits, the municipality's plan records the guidance it built on.
 *
 * Every query names its scope explicitly (the own municipality, or the caller's county and reachable
 * municipalities) on top of row-level security, so a missing id and another tenant's id answer the same
 * NOT_FOUND. Every change checks the version it was made from in the UPDATE itself and writes the
 * referring municipality's change log in the same transaction.
 */
import { ageOn, compareDates, daysBetween } from '../../domain/calendar';
import {
  ACTIVE_STATES,
  COUNTY_VISIBLE_STATES,
  RecommendationKind,
  ReferralState,
  assertMappingCompleteForGuidance,
  guidanceCountyOf,
  openMoreThan14Days,
  referralDaysOpen,
  referralTransition,
  validateRecommendation,
} from '../../domain/career-guidance';
import { allowedEndGoals, EndGoal } from '../../domain/end-goal';
import { GraphQLContext } from '../../graphql/context';
import { badInput, conflict, notFound } from '../../graphql/errors';
import { diff, recordChange } from '../audit/change-log';
import { idempotentCreate } from '../audit/idempotency';
import { lockCase } from '../case/case-access';
import { ownMunicipality } from '../participant/participant.service';
import { toMunicipality } from '../reference/reference.resolver';
import { forgetGuidance } from './career-guidance.loaders';
import { linkPlanVersionToGuidance } from './plan-link';
import { countyCursor, countyKeyset, countyOneSql, countyPageSql, Params, referralColumns } from './career-guidance.sql';
import {
  CareerGuidanceRecord,
  CareerGuidanceReferral,
  CareerGuidanceReferralsArgs,
  CountyGuidanceReferral,
  ReferralCore,
  SubmitCareerGuidanceInput,
} from './career-guidance.types';

type Row = Record<string, unknown>;

const REFERRAL = 'Career guidance referral';
const WITH_REASON = 'given with the recommendation';

function guidanceOf(r: Row): CareerGuidanceRecord | null {
  if (r.state !== 'COMPLETED') return null;
  return {
    heldAt: r.held_at as string,
    adviser: r.adviser as string,
    summary: r.summary as string,
    recommendationKind: r.recommendation_kind as RecommendationKind,
    recommendedEndGoal: r.recommended_end_goal as EndGoal,
    reducedGoalReason: (r.reduced_goal_reason as string | null) ?? null,
    suggestedElements: (r.suggested_elements as string[]) ?? [],
    submittedAt: r.submitted_on as string,
  };
}

function toCore(r: Row, today: string): ReferralCore {
  const state = r.state as ReferralState;
  const referredAt = r.referred_on as string;
  const submittedAt = (r.submitted_on as string | null) ?? null;
  const withdrawnAt = (r.withdrawn_on as string | null) ?? null;
  return {
    id: r.id as string,
    municipalityId: Number(r.municipality_id),
    participantId: r.participant_id as string,
    countyNumber: r.county_number as string,
    version: Number(r.version),
    state,
    note: r.note as string,
    referredAt,
    referredBy: r.referred_by as string,
    startedAt: (r.started_on as string | null) ?? null,
    submittedAt,
    withdrawnAt,
    adviser: (r.adviser as string | null) ?? null,
    guidance: guidanceOf(r),
    daysOpen: referralDaysOpen(referredAt, submittedAt ?? withdrawnAt, today),
    openMoreThan14Days: openMoreThan14Days(state, referredAt, today),
  };
}

/** The municipality's view of a referral row. */
export function toMunicipalityReferral(ctx: GraphQLContext, r: Row): CareerGuidanceReferral {
  const core = toCore(r, ctx.today);
  const county = ctx.directory.county(core.countyNumber);
  return { ...core, county: county ?? { number: core.countyNumber, name: core.countyNumber, statsforvalterId: '' } };
}

/** The county's projection of a referral row joined with the participant and the mapping. */
function toCountyReferral(ctx: GraphQLContext, r: Row): CountyGuidanceReferral {
  const core = toCore(r, ctx.today);
  const birthDate = r.birth_date as string;
  const hasUpperSecondary = r.has_upper_secondary as boolean;
  const deadline = (r.start_deadline as string | null) ?? null;
  return {
    ...core,
    municipality: toMunicipality(ctx.directory.municipalityById(core.municipalityId)!),
    participant: {
      participantId: core.participantId,
      municipalityId: core.municipalityId,
      name: r.full_name as string,
      birthYear: Number(birthDate.slice(0, 4)),
      languages: (r.languages as string[]) ?? [],
      languageSkills: (r.language_skills as string | null) ?? '',
      education: (r.education as string | null) ?? '',
      countsAsUpperSecondary: (r.counts_as_upper_secondary as boolean | null) ?? hasUpperSecondary,
      workExperience: (r.work_experience as string | null) ?? '',
      otherCompetence: (r.other_competence as string | null) ?? '',
      mappingCompletedAt: (r.mapping_completed_at as string | null) ?? null,
      // Reduced goals under 25 are possible with a reason, which the adviser gives with the recommendation.
      allowedEndGoals: allowedEndGoals({ hasUpperSecondary, ageOnDate: ageOn(birthDate, ctx.today), reducedGoalReason: WITH_REASON }),
    },
    programmeDecisionDeadline: deadline,
    daysToProgrammeDecisionDeadline: deadline ? daysBetween(ctx.today, deadline) : null,
  };
}

/** The audited fields of a referral (the change log gets their before/after). */
function auditView(c: ReferralCore): Record<string, unknown> {
  return { state: c.state, countyNumber: c.countyNumber, note: c.note, adviser: c.adviser, guidance: c.guidance, version: c.version };
}

async function writeLog(ctx: GraphQLContext, operation: string, before: ReferralCore | null, after: ReferralCore): Promise<void> {
  await recordChange(ctx, {
    municipalityId: after.municipalityId,
    operation,
    participantId: after.participantId,
    entity: 'career_guidance_referral',
    entityId: after.id,
    changes: diff(before ? auditView(before) : null, auditView(after)),
  });
}

// ---------------------------------------------------------------- the municipality

/** One of the own municipality's referrals, or NOT_FOUND. */
export async function municipalityReferral(ctx: GraphQLContext, referralId: string): Promise<CareerGuidanceReferral> {
  const [row] = await ctx.tx.query(`SELECT ${referralColumns('r')} FROM app.career_guidance_referral r WHERE r.municipality_id = $1 AND r.id = $2`, [
    ownMunicipality(ctx),
    referralId,
  ]);
  if (!row) throw notFound(REFERRAL);
  return toMunicipalityReferral(ctx, row);
}

export class CareerGuidanceService {
  /**
   * refers the participant to the county of the participant's municipality (Oslo: county 03),
   * once the competence mapping is complete; one running referral per participant.
   */
  static async refer(ctx: GraphQLContext, args: { participantId: string; note: string; idempotencyKey?: string | null }): Promise<CareerGuidanceReferral> {
    const municipalityId = ownMunicipality(ctx);
    const { idempotencyKey, ...payload } = args;
    const { id } = await idempotentCreate(ctx, { municipalityId, key: idempotencyKey, operation: 'referToCareerGuidance', payload }, async () => {
      const p = await lockCase(ctx, args.participantId);
      const [mapping] = await ctx.tx.query(`SELECT status FROM app.competence_mapping WHERE municipality_id = $1 AND participant_id = $2`, [p.municipalityId, p.id]);
      assertMappingCompleteForGuidance(mapping?.status as string | undefined);
      const [running] = await ctx.tx.query(
        `SELECT state FROM app.career_guidance_referral WHERE municipality_id = $1 AND participant_id = $2 AND state = ANY($3::text[])`,
        [p.municipalityId, p.id, ACTIVE_STATES],
      );
      if (running) throw conflict(`The participant already has a career-guidance referral that is ${running.state}: withdraw it or wait for the guidance`);
      const municipality = ctx.directory.municipalityById(p.municipalityId)!;
      const countyNumber = guidanceCountyOf(municipality.number);
      if (!ctx.directory.county(countyNumber)) throw new Error(`no county ${countyNumber} for municipality ${municipality.number}`);
      const [row] = await ctx.tx.query(
        `INSERT INTO app.career_guidance_referral AS r (municipality_id, participant_id, county_number, note, referred_by)
         VALUES ($1, $2, $3, $4, $5) RETURNING ${referralColumns('r')}`,
        [p.municipalityId, p.id, countyNumber, args.note.trim(), ctx.actor.name],
      );
      await writeLog(ctx, 'referToCareerGuidance', null, toCore(row, ctx.today));
      forgetGuidance(ctx, p.id);
      return row.id as string;
    });
    return municipalityReferral(ctx, id);
  }

  /** Takes an OPEN referral back (nobody has started on it yet). */
  static async withdraw(ctx: GraphQLContext, args: { referralId: string; expectedVersion: number }): Promise<CareerGuidanceReferral> {
    const municipalityId = ownMunicipality(ctx);
    const before = await municipalityReferral(ctx, args.referralId);
    if (before.version !== args.expectedVersion) throw conflict();
    referralTransition(before.state, 'WITHDRAW');
    const [row] = await ctx.tx.query(
      `UPDATE app.career_guidance_referral r SET state = 'WITHDRAWN', withdrawn_at = now(), version = r.version + 1
       WHERE r.municipality_id = $1 AND r.id = $2 AND r.version = $3 RETURNING ${referralColumns('r')}`,
      [municipalityId, args.referralId, args.expectedVersion],
    );
    if (!row) throw conflict();
    const after = toMunicipalityReferral(ctx, row);
    await writeLog(ctx, 'withdrawCareerGuidanceReferral', before, after);
    forgetGuidance(ctx, after.participantId);
    return after;
  }

  /** linkPlanToGuidance: the plan version of the own municipality, then the link (see linkPlanVersionToGuidance). */
  static async linkPlan(ctx: GraphQLContext, args: { planVersionId: string; referralId: string }): Promise<CareerGuidanceReferral> {
    const municipalityId = ownMunicipality(ctx);
    const [pv] = await ctx.tx.query(`SELECT participant_id FROM app.plan_version WHERE municipality_id = $1 AND id = $2`, [municipalityId, args.planVersionId]);
    if (!pv) throw notFound('Plan version');
    const p = await lockCase(ctx, pv.participant_id as string);
    await linkPlanVersionToGuidance(ctx, p, args.planVersionId, args.referralId);
    return municipalityReferral(ctx, args.referralId);
  }

  // -------------------------------------------------------------- the county

  /** The scope of every county statement: referrals addressed to the caller's county from its municipalities. */
  private static countyScope(ctx: GraphQLContext, params: Params): string {
    if (ctx.actor.role !== 'COUNTY') throw new Error('county role expected');
    return `r.county_number = ${params.add(ctx.actor.org)} AND r.municipality_id = ANY(${params.add(ctx.actor.reachableMunicipalityIds, 'smallint[]')})
      AND r.state = ANY(${params.add(COUNTY_VISIBLE_STATES, 'text[]')})`;
  }

  /** The county's work list, a page at a time by programme-decision deadline: one SQL statement per page. */
  static async countyList(
    ctx: GraphQLContext,
    args: CareerGuidanceReferralsArgs,
  ): Promise<{ rows: CountyGuidanceReferral[]; hasNextPage: boolean; totalCount: number; cursor: (r: CountyGuidanceReferral) => string }> {
    const params = new Params();
    const where = [CareerGuidanceService.countyScope(ctx, params)];
    if (args.filter?.state) where.push(`r.state = ${params.add(args.filter.state)}`);
    if (args.filter?.municipalityNumber) {
      // An unknown number, or one outside the county, matches nothing (like any other filter).
      const m = ctx.directory.municipalityByNumber(args.filter.municipalityNumber);
      where.push(`r.municipality_id = ${params.add(m?.id ?? -1, 'smallint')}`);
    }
    const keyset = countyKeyset(args.after, params);
    const limit = params.add(args.first + 1, 'int');
    const raw = await ctx.tx.query(countyPageSql(where.join(' AND '), keyset, limit), params.values);
    const totalCount = Number(raw[0]?.total_count ?? 0);
    const found = raw.filter((r) => r.id !== null);
    return {
      rows: found.slice(0, args.first).map((r) => toCountyReferral(ctx, r)),
      hasNextPage: found.length > args.first,
      totalCount,
      cursor: (r) => countyCursor(r.programmeDecisionDeadline, r.id),
    };
  }

  /** One referral to the caller's county; another county's, a withdrawn or a random id: the same NOT_FOUND. */
  static async countyReferral(ctx: GraphQLContext, referralId: string): Promise<CountyGuidanceReferral> {
    const params = new Params();
    const where = `${CareerGuidanceService.countyScope(ctx, params)} AND r.id = ${params.add(referralId, 'uuid')}`;
    const [row] = await ctx.tx.query(countyOneSql(where), params.values);
    if (!row) throw notFound(REFERRAL);
    return toCountyReferral(ctx, row);
  }

  /** The county takes an OPEN referral on. */
  static async start(ctx: GraphQLContext, args: { referralId: string; expectedVersion: number; adviser?: string | null }): Promise<CountyGuidanceReferral> {
    const before = await CareerGuidanceService.countyReferral(ctx, args.referralId);
    if (before.version !== args.expectedVersion) throw conflict();
    referralTransition(before.state, 'START');
    const adviser = args.adviser?.trim() || ctx.actor.name;
    const [row] = await ctx.tx.query(
      `UPDATE app.career_guidance_referral r SET state = 'IN_PROGRESS', started_at = now(), adviser = $4, version = r.version + 1
       WHERE r.municipality_id = $1 AND r.id = $2 AND r.version = $3 RETURNING ${referralColumns('r')}`,
      [before.municipalityId, before.id, args.expectedVersion, adviser],
    );
    if (!row) throw conflict();
    await writeLog(ctx, 'startCareerGuidance', before, toCore(row, ctx.today));
    return CareerGuidanceService.countyReferral(ctx, before.id);
  }

  /**
   * submits the guidance with its recommendation of work or education within §§ 13–14, checked against
   * the participant's upper-secondary status and age on the day it was held.
   */
  /** Submits guidance once: a retry with the same idempotency key gets the submitted referral back and changes nothing. */
  static async submit(ctx: GraphQLContext, referralId: string, input: SubmitCareerGuidanceInput): Promise<CountyGuidanceReferral> {
    if (!input.idempotencyKey) return CareerGuidanceService.submitOnce(ctx, referralId, input);
    const [ref] = await ctx.tx.query<{ municipality_id: number }>(`SELECT municipality_id FROM app.career_guidance_referral WHERE id = $1 AND municipality_id = ANY($2::smallint[])`, [referralId, ctx.actor.reachableMunicipalityIds]);
    if (!ref) throw notFound(REFERRAL);
    const { idempotencyKey, ...payload } = input;
    await idempotentCreate(ctx, { municipalityId: Number(ref.municipality_id), key: idempotencyKey, operation: 'submitCareerGuidance', payload: { referralId, ...payload } }, async () => {
      await CareerGuidanceService.submitOnce(ctx, referralId, input);
      return referralId;
    });
    return CareerGuidanceService.countyReferral(ctx, referralId);
  }

  private static async submitOnce(ctx: GraphQLContext, referralId: string, input: SubmitCareerGuidanceInput): Promise<CountyGuidanceReferral> {
    const params = new Params();
    const [current] = await ctx.tx.query(
      `SELECT ${referralColumns('r')}, p.birth_date, p.has_upper_secondary
       FROM app.career_guidance_referral r JOIN app.participant p ON p.municipality_id = r.municipality_id AND p.id = r.participant_id
       WHERE ${CareerGuidanceService.countyScope(ctx, params)} AND r.id = ${params.add(referralId, 'uuid')}`,
      params.values,
    );
    if (!current) throw notFound(REFERRAL);
    const before = toCore(current, ctx.today);
    if (before.version !== input.expectedVersion) throw conflict();
    referralTransition(before.state, 'SUBMIT');
    if (compareDates(input.heldAt, ctx.today) > 0) throw badInput('heldAt', 'heldAt is in the future');
    if (compareDates(input.heldAt, before.referredAt) < 0) throw badInput('heldAt', 'heldAt is before the referral was made');
    const reducedGoalReason = input.reducedGoalReason?.trim() || null;
    validateRecommendation({
      kind: input.recommendationKind,
      endGoal: input.recommendedEndGoal,
      hasUpperSecondary: current.has_upper_secondary as boolean,
      ageOnDate: ageOn(current.birth_date as string, input.heldAt),
      reducedGoalReason,
    });
    const [row] = await ctx.tx.query(
      `UPDATE app.career_guidance_referral r
          SET state = 'COMPLETED', held_at = $4, adviser = $5, summary = $6, recommendation_kind = $7, recommended_end_goal = $8,
              reduced_goal_reason = $9, suggested_elements = $10, submitted_at = now(), version = r.version + 1
        WHERE r.municipality_id = $1 AND r.id = $2 AND r.version = $3 RETURNING ${referralColumns('r')}`,
      [before.municipalityId, before.id, input.expectedVersion, input.heldAt, input.adviser.trim(), input.summary.trim(), input.recommendationKind,
        input.recommendedEndGoal, reducedGoalReason, input.suggestedElements.map((e) => e.trim())],
    );
    if (!row) throw conflict();
    await writeLog(ctx, 'submitCareerGuidance', before, toCore(row, ctx.today));
    return CareerGuidanceService.countyReferral(ctx, before.id);
  }
}
