import { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ageOn, daysBetween } from '../../domain/calendar';
import { evaluateEligibility } from '../../domain/eligibility';
import { maskIdentityNumber } from '../../domain/identity-number';
import { UUIDScalar } from '../../graphql/scalars';
import { Municipality, toMunicipality } from '../reference';
import { RequestContext } from '../shared';
import { ParticipantService, toParticipant } from './participant.service';
import { EligibilityType, Participant, ReassignParticipantArgs, RegisterParticipantInput, UpdateParticipantInput } from './participant.types';
import { allowedEndGoals, EndGoal } from '../../domain/end-goal';
import { EndGoalEnum } from '../../graphql/enums';

/** True when the field is reached from the single-participant view (Query.participant), not a list. */
function onSingleView(info: GraphQLResolveInfo): boolean {
  let path = info.path;
  while (path.prev) path = path.prev;
  const root = info.operation.selectionSet.selections.find((s) => s.kind === 'Field' && (s.alias?.value ?? s.name.value) === path.key);
  return root?.kind === 'Field' && SINGLE_VIEWS.has(root.name.value);
}

/** The root fields that show one participant's case file: the identity number in full only there. */
const SINGLE_VIEWS = new Set(['participant', 'participantByIdentityNumber']);

/** A reduced end goal of a plan comes with its recorded reason: the goals open to the participant, reasons given where needed. */
const WITH_REASON = 'given in the plan';

@Authorized('MUNICIPALITY')
@Resolver(() => Participant)
export class ParticipantResolver {
  @Authorized('MUNICIPALITY')
  @Mutation(() => Participant, { nullable: true, description: "Registers a person in the municipality's register." })
  async registerParticipant(
    @Arg('input', { description: 'The new participant.' }) input: RegisterParticipantInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Participant> {
    return toParticipant(await ParticipantService.register(ctx, input));
  }

  @Authorized('MUNICIPALITY')
  @Mutation(() => Participant, {
    nullable: true,
    description: 'Corrects or adds facts about a participant; a D-number may be replaced by the fødselsnummer (R-11.2).',
  })
  async updateParticipant(
    @Arg('id', () => UUIDScalar, { description: 'The participant.' }) id: string,
    @Arg('input', { description: 'Only the facts that change, with expectedVersion.' }) input: UpdateParticipantInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Participant> {
    return toParticipant(await ParticipantService.update(ctx, id, input));
  }

  @Authorized('MUNICIPALITY')
  @Query(() => Participant, { description: "One participant's case file." })
  async participant(
    @Arg('id', () => UUIDScalar, { description: "The participant; another municipality's id answers NOT_FOUND like a missing one." }) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Participant> {
    return toParticipant(await ParticipantService.require(ctx, id));
  }

  @Authorized('MUNICIPALITY')
  @Mutation(() => Participant, {
    nullable: true,
    description: 'Hands the case to another caseworker. CONFLICT when the participant changed since expectedVersion.',
  })
  async reassignParticipant(@Args() args: ReassignParticipantArgs, @Ctx() ctx: RequestContext): Promise<Participant> {
    return toParticipant(await ParticipantService.reassign(ctx, args));
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Fødselsnummer or D-number in full: only on the single-participant view (Query.participant), null in lists.',
  })
  identityNumber(@Root() p: Participant, @Info() info: GraphQLResolveInfo): string | null {
    return onSingleView(info) ? (p.identityNumber ?? null) : null;
  }

  @FieldResolver(() => String, { description: 'The identity number with the personal number hidden (birth date part only).' })
  maskedIdentityNumber(@Root() p: Participant): string {
    return p.identityNumber ? maskIdentityNumber(p.identityNumber) : '';
  }

  @FieldResolver(() => Municipality, { description: 'The municipality that holds the case.' })
  municipality(@Root() p: Participant, @Ctx() ctx: RequestContext): Municipality {
    return toMunicipality(ctx.directory.municipalityById(p.municipalityId)!);
  }

  @FieldResolver(() => Int, { description: 'Age today (Europe/Oslo).' })
  age(@Root() p: Participant, @Ctx() ctx: RequestContext): number {
    return ageOn(p.birthDate, ctx.today);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Days from today to the start deadline; negative when overdue.' })
  daysToStartDeadline(@Root() p: Participant, @Ctx() ctx: RequestContext): number | null {
    return p.startDeadline ? daysBetween(ctx.today, p.startDeadline) : null;
  }

  @FieldResolver(() => [EndGoalEnum], {
    description:
      'The end goals (sluttmål) a plan can name for this participant today (R-5.2, integreringsloven §§ 13–14), from upper-secondary education and age; under 25 without upper-secondary, UPPER_SECONDARY_PARTIAL and WORK_QUALIFYING need a recorded reason in the plan.',
  })
  allowedEndGoals(@Root() p: Participant, @Ctx() ctx: RequestContext): EndGoal[] {
    return allowedEndGoals({ hasUpperSecondary: p.hasUpperSecondary, ageOnDate: ageOn(p.birthDate, ctx.today), reducedGoalReason: WITH_REASON });
  }

  @FieldResolver(() => EligibilityType, { description: 'Right and duty (R-1.8), evaluated today.' })
  eligibility(@Root() p: Participant, @Ctx() ctx: RequestContext): EligibilityType {
    return evaluateEligibility({
      birthDate: p.birthDate,
      permitCategory: p.permitCategory,
      permitGrantDate: p.permitGrantDate,
      arrivalDate: p.arrivalDate,
      settlementDate: p.settlementDate,
      settledByAgreementWithImdi: p.settledByAgreementWithImdi,
      familyReferenceYearsInMunicipality: p.familyReferenceYearsInMunicipality,
      weeklyWorkHours: p.weeklyWorkHours,
      evaluationDate: ctx.today,
      requestDate: p.requestDate,
    });
  }
}
