import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ageOn, daysBetween, isIsoDate } from '../../domain/calendar';
import { openMoreThan14Days, referralDaysOpen } from '../../domain/career-guidance';
import { allowedEndGoals } from '../../domain/end-goal';
import { badInput } from '../../graphql/errors';
import { decodeCursor, encodeCursor } from '../../graphql/pagination';
import { UUIDScalar } from '../../graphql/scalars';
import { Participant } from '../participant';
import { toMunicipality } from '../reference';
import { RequestContext } from '../shared';
import { CareerGuidanceService, CountyKeyset, CountyReferralRecord, guidanceOf, ReferralRecord } from './career-guidance.service';
import {
  CareerGuidanceReferral,
  CareerGuidanceReferralsArgs,
  CountyGuidanceReferral,
  CountyGuidanceReferralConnection,
  ReferralCore,
  ReferralVersionArgs,
  ReferToCareerGuidanceArgs,
  StartCareerGuidanceArgs,
  SubmitCareerGuidanceInput,
} from './career-guidance.types';

/** Reduced goals under 25 are possible with a reason, which the adviser gives with the recommendation. */
const WITH_REASON = 'given with the recommendation';

function toCore(r: ReferralRecord, today: string): ReferralCore {
  return {
    id: r.id,
    municipalityId: r.municipalityId,
    participantId: r.participantId,
    countyNumber: r.countyNumber,
    version: r.version,
    state: r.state,
    note: r.note,
    referredAt: r.referredOn,
    referredBy: r.referredBy,
    startedAt: r.startedOn,
    submittedAt: r.submittedOn,
    withdrawnAt: r.withdrawnOn,
    adviser: r.adviser,
    guidance: guidanceOf(r),
    daysOpen: referralDaysOpen(r.referredOn, r.submittedOn ?? r.withdrawnOn, today),
    openMoreThan14Days: openMoreThan14Days(r.state, r.referredOn, today),
  };
}

/** The municipality's view of a referral. */
export function toMunicipalityReferral(ctx: RequestContext, r: ReferralRecord): CareerGuidanceReferral {
  const core = toCore(r, ctx.today);
  const county = ctx.directory.county(core.countyNumber);
  return { ...core, county: county ?? { number: core.countyNumber, name: core.countyNumber, statsforvalterId: '' } };
}

/** The county's projection of a referral, with the participant and the mapping. */
function toCountyReferral(ctx: RequestContext, r: CountyReferralRecord): CountyGuidanceReferral {
  const core = toCore(r, ctx.today);
  const deadline = r.startDeadline;
  return {
    ...core,
    municipality: toMunicipality(ctx.directory.municipalityById(core.municipalityId)!),
    participant: {
      participantId: core.participantId,
      municipalityId: core.municipalityId,
      name: r.fullName,
      birthYear: Number(r.birthDate.slice(0, 4)),
      languages: r.languages,
      languageSkills: r.languageSkills ?? '',
      education: r.education ?? '',
      countsAsUpperSecondary: r.countsAsUpperSecondary ?? r.hasUpperSecondary,
      workExperience: r.workExperience ?? '',
      otherCompetence: r.otherCompetence ?? '',
      mappingCompletedAt: r.mappingCompletedAt ?? null,
      allowedEndGoals: allowedEndGoals({ hasUpperSecondary: r.hasUpperSecondary, ageOnDate: ageOn(r.birthDate, ctx.today), reducedGoalReason: WITH_REASON }),
    },
    programmeDecisionDeadline: deadline,
    daysToProgrammeDecisionDeadline: deadline ? daysBetween(ctx.today, deadline) : null,
  };
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const BAD_CURSOR = () => badInput('after', 'Unknown cursor: use the endCursor of a previous page');

/** A cursor is [deadline or null, id]: where the county's list goes on from. */
function keysetOf(after: string | null | undefined): CountyKeyset | null {
  if (!after) return null;
  const [deadline, id] = decodeCursor(after, 2);
  if (typeof id !== 'string' || !UUID_RE.test(id)) throw BAD_CURSOR();
  if (deadline === null) return { deadline: null, id };
  if (typeof deadline !== 'string' || !isIsoDate(deadline)) throw BAD_CURSOR();
  return { deadline, id };
}

/** The municipality refers and withdraws. */
@Authorized('MUNICIPALITY')
@Resolver(() => CareerGuidanceReferral)
export class MunicipalityCareerGuidanceResolver {
  @Authorized('MUNICIPALITY')
  @Mutation(() => CareerGuidanceReferral, {
    nullable: true,
    description: 'Refers the participant to career guidance at the county of the municipality (R-3.1); only after the competence mapping is complete (R-3.2).',
  })
  async referToCareerGuidance(@Args() args: ReferToCareerGuidanceArgs, @Ctx() ctx: RequestContext): Promise<CareerGuidanceReferral> {
    return toMunicipalityReferral(ctx, await CareerGuidanceService.refer(ctx, args));
  }

  @Authorized('MUNICIPALITY')
  @Mutation(() => CareerGuidanceReferral, { nullable: true, description: 'Withdraws a referral the county has not started on (OPEN).' })
  async withdrawCareerGuidanceReferral(@Args() args: ReferralVersionArgs, @Ctx() ctx: RequestContext): Promise<CareerGuidanceReferral> {
    return toMunicipalityReferral(ctx, await CareerGuidanceService.withdraw(ctx, args));
  }

  @FieldResolver(() => Boolean, {
    description: 'Warning: the guidance was submitted on a later day than the first granted participation decision (allowed; guidance should come before it, R-3.2).',
  })
  guidanceAfterParticipationDecision(@Root() r: CareerGuidanceReferral, @Ctx() ctx: RequestContext): Promise<boolean> {
    return CareerGuidanceService.submittedAfterParticipationDecision(ctx, { participantId: r.participantId, submittedOn: r.submittedAt });
  }
}

/** Participant.careerGuidance: the case file shows the referrals and the submitted guidance. */
@Authorized('MUNICIPALITY')
@Resolver(() => Participant)
export class ParticipantCareerGuidanceResolver {
  @FieldResolver(() => [CareerGuidanceReferral], {
    description: "The participant's career-guidance referrals, newest first, each with its guidance once submitted: input to the plan (R-3.3, R-4.1).",
  })
  async careerGuidance(@Root() p: Participant, @Ctx() ctx: RequestContext): Promise<CareerGuidanceReferral[]> {
    return (await CareerGuidanceService.referralsOf(ctx, p.id)).map((r) => toMunicipalityReferral(ctx, r));
  }
}

/** The county's work: its list, one referral, start and submit. Only the county's projection types are reachable. */
@Authorized('COUNTY')
@Resolver(() => CountyGuidanceReferral)
export class CountyCareerGuidanceResolver {
  @Authorized('COUNTY')
  @Query(() => CountyGuidanceReferralConnection, {
    description: "Referrals to the caller's county from its municipalities (open, in progress, completed), by programme-decision deadline.",
  })
  async careerGuidanceReferrals(@Args() args: CareerGuidanceReferralsArgs, @Ctx() ctx: RequestContext): Promise<CountyGuidanceReferralConnection> {
    const { rows, hasNextPage, totalCount } = await CareerGuidanceService.countyList(ctx, {
      first: args.first,
      after: keysetOf(args.after),
      state: args.filter?.state,
      municipalityNumber: args.filter?.municipalityNumber,
    });
    const edges = rows.map((r) => ({ node: toCountyReferral(ctx, r), cursor: encodeCursor([r.startDeadline, r.id]) }));
    return { edges, totalCount, pageInfo: { hasNextPage, endCursor: edges.length ? edges[edges.length - 1].cursor : null } };
  }

  @Authorized('COUNTY')
  @Query(() => CountyGuidanceReferral, { description: "One referral to the caller's county." })
  async careerGuidanceReferral(@Arg('id', () => UUIDScalar) id: string, @Ctx() ctx: RequestContext): Promise<CountyGuidanceReferral> {
    return toCountyReferral(ctx, await CareerGuidanceService.countyReferral(ctx, id));
  }

  @Authorized('COUNTY')
  @Mutation(() => CountyGuidanceReferral, { nullable: true, description: 'The county takes an OPEN referral on.' })
  async startCareerGuidance(@Args() args: StartCareerGuidanceArgs, @Ctx() ctx: RequestContext): Promise<CountyGuidanceReferral> {
    return toCountyReferral(ctx, await CareerGuidanceService.start(ctx, args));
  }

  @Authorized('COUNTY')
  @Mutation(() => CountyGuidanceReferral, {
    nullable: true,
    description: 'Submits the guidance held and its recommendation of work or education within §§ 13–14 (R-3.3).',
  })
  async submitCareerGuidance(
    @Arg('referralId', () => UUIDScalar) referralId: string,
    @Arg('input') input: SubmitCareerGuidanceInput,
    @Ctx() ctx: RequestContext,
  ): Promise<CountyGuidanceReferral> {
    return toCountyReferral(ctx, await CareerGuidanceService.submit(ctx, referralId, input));
  }
}
