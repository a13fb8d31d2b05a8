import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { noteRead } from '../access-log';
import { isIsoDate } from '../../domain/calendar';
import { guidanceAfterParticipationDecision } from '../../domain/career-guidance';
import { badInput } from '../../graphql/errors';
import { decodeCursor, edgesOf, pageInfoFor, PageWindow, pageWindow } from '../../graphql/pagination';
import { UUIDScalar } from '../../graphql/scalars';
import { Participant } from '../participant';
import { firstParticipationGrantDate } from '../decision';
import { RequestContext } from '../shared';
import { CareerGuidanceService, CountyKeyset } from './career-guidance.service';
import {
  CareerGuidanceReferral,
  CareerGuidanceReferralsArgs,
  CountyGuidanceReferral,
  CountyGuidanceReferralConnection,
  ReferralVersionArgs,
  ReferToCareerGuidanceArgs,
  StartCareerGuidanceArgs,
  SubmitCareerGuidanceInput,
} from './career-guidance.types';
import { toCountyReferral, toMunicipalityReferral } from './career-guidance.views';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const BAD_CURSOR = (arg: string) => badInput(arg, 'Unknown cursor: use a cursor of a previous page with the same direction');

/** A cursor is [direction, deadline or null, id]: where the county's list goes on from, in which direction. */
function keysetOf(w: PageWindow, direction: 'ASC' | 'DESC'): CountyKeyset | null {
  if (!w.cursor) return null;
  const [token, deadline, id] = decodeCursor(w.cursor, 3, w.cursorArg);
  const BAD = () => BAD_CURSOR(w.cursorArg);
  if (token !== direction || typeof id !== 'string' || !UUID_RE.test(id)) throw BAD();
  if (deadline === null) return { deadline: null, id };
  if (typeof deadline !== 'string' || !isIsoDate(deadline)) throw BAD();
  return { deadline, id };
}

/*
 * The resolvers are registered by src/graphql/schema.ts from this file, not through the module's index: they
 * ask the decision module (R-3.2's warning), which through the programme reaches the integration plan,
 * which reads this module; exporting them from the index would close that import cycle.
 */

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
    description:
      'Warning: the guidance was submitted on a later day than the first granted participation decision (allowed; guidance should come before it, R-3.2).',
  })
  async guidanceAfterParticipationDecision(@Root() r: CareerGuidanceReferral, @Ctx() ctx: RequestContext): Promise<boolean> {
    if (!r.submittedAt) return false;
    return guidanceAfterParticipationDecision(r.submittedAt, await firstParticipationGrantDate(ctx, r.participantId));
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
    description:
      "Referrals to the caller's county from its municipalities (open, in progress, completed), by programme-decision deadline (the start deadline, R-5.1; direction DESC for the latest first). One SQL statement per page, whatever its size.",
  })
  async careerGuidanceReferrals(@Args() args: CareerGuidanceReferralsArgs, @Ctx() ctx: RequestContext): Promise<CountyGuidanceReferralConnection> {
    const window = pageWindow(args);
    const page = await CareerGuidanceService.countyList(ctx, {
      window,
      beyond: keysetOf(window, args.direction),
      direction: args.direction,
      state: args.filter?.state,
      municipalityNumber: args.filter?.municipalityNumber,
    });
    const { rows, totalCount } = page;
    // A county's list names each referred person, whichever fields (or only cursors) it reads.
    noteRead(
      ctx,
      rows.map((r) => ({ participantId: r.participantId, municipalityId: r.municipalityId })),
      'REFERRAL_LIST',
      ['listed'],
    );
    const edges = edgesOf(
      rows,
      (r) => [args.direction, r.startDeadline, r.id],
      (r) => toCountyReferral(ctx, r),
    );
    return { edges, totalCount, pageInfo: pageInfoFor(edges, page) };
  }

  @Authorized('COUNTY')
  @Query(() => CountyGuidanceReferral, { description: "One referral to the caller's county." })
  async careerGuidanceReferral(
    @Arg('id', () => UUIDScalar, { description: 'The referral; one to another county answers NOT_FOUND like a missing one.' }) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<CountyGuidanceReferral> {
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
    @Arg('referralId', () => UUIDScalar, { description: 'The referral, IN_PROGRESS.' }) referralId: string,
    @Arg('input', { description: 'The guidance held and its recommendation.' }) input: SubmitCareerGuidanceInput,
    @Ctx() ctx: RequestContext,
  ): Promise<CountyGuidanceReferral> {
    return toCountyReferral(ctx, await CareerGuidanceService.submit(ctx, referralId, input));
  }
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const CAREER_GUIDANCE_RESOLVERS: Function[] = [MunicipalityCareerGuidanceResolver, ParticipantCareerGuidanceResolver, CountyCareerGuidanceResolver];
