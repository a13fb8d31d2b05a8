import DataLoader from 'dataloader';
import { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ageOn, daysBetween } from '../../domain/calendar';
import { evaluateEligibility } from '../../domain/eligibility';
import { maskIdentityNumber } from '../../domain/identity-number';
import { GraphQLContext } from '../../graphql/context';
import { loaderFor } from '../loaders';
import { UUIDScalar } from '../../graphql/scalars';
import { Municipality } from '../reference/reference.types';
import { toMunicipality } from '../reference/reference.resolver';
import { selectsField } from './caseload';
import { ParticipantService } from './participant.service';
import { CaseloadSummary, EligibilityType, Participant, ParticipantConnection, ParticipantsArgs, ReassignParticipantArgs, RegisterParticipantInput, UpdateParticipantInput } from './participant.types';

/** True when the field is reached from the single-participant view (Query.participant), not a list. */
function onSingleView(info: GraphQLResolveInfo): boolean {
  let path = info.path;
  while (path.prev) path = path.prev;
  const root = info.operation.selectionSet.selections.find(
    (s) => s.kind === 'Field' && (s.alias?.value ?? s.name.value) === path.key,
  );
  return root?.kind === 'Field' && root.name.value === 'participant';
}

@Authorized('MUNICIPALITY')
@Resolver(() => Participant)
export class ParticipantResolver {
  @Authorized('MUNICIPALITY')
  @Mutation(() => Participant, { nullable: true, description: 'Registers a person in the municipality\'s register.' })
  registerParticipant(@Arg('input') input: RegisterParticipantInput, @Ctx() ctx: GraphQLContext): Promise<Participant> {
    return ParticipantService.register(ctx, input);
  }

  @Authorized('MUNICIPALITY')
  @Mutation(() => Participant, { nullable: true, description: 'Corrects or adds facts about a participant; a D-number may be replaced by the fødselsnummer (R-11.2).' })
  updateParticipant(
    @Arg('id', () => UUIDScalar) id: string,
    @Arg('input') input: UpdateParticipantInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Participant> {
    return ParticipantService.update(ctx, id, input);
  }

  @Authorized('MUNICIPALITY')
  @Query(() => Participant, { description: 'One participant\'s case file.' })
  participant(@Arg('id', () => UUIDScalar) id: string, @Ctx() ctx: GraphQLContext): Promise<Participant> {
    return ParticipantService.get(ctx, id);
  }

  @Authorized('MUNICIPALITY')
  @Query(() => ParticipantConnection, {
    description: 'The municipality\'s case list, filtered, a page at a time (default order: start deadline). One SQL statement per page, whatever its size.',
  })
  async participants(@Args() args: ParticipantsArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo): Promise<ParticipantConnection> {
    const { rows, hasNextPage, totalCount, cursor } = await ParticipantService.list(ctx, args, { withCount: selectsField(info, 'totalCount') });
    const edges = rows.map((node) => ({ node, cursor: cursor(node) }));
    return { edges, totalCount, pageInfo: { hasNextPage, endCursor: edges.length ? edges[edges.length - 1].cursor : null } };
  }

  @Authorized('MUNICIPALITY')
  @Query(() => CaseloadSummary, { description: 'Counts for the dashboard: statuses, overdue starts, missing mappings and plans, decisions awaiting notice.' })
  caseloadSummary(@Ctx() ctx: GraphQLContext): Promise<CaseloadSummary> {
    return ParticipantService.caseloadSummary(ctx);
  }

  @Authorized('MUNICIPALITY')
  @Mutation(() => Participant, {
    nullable: true,
    description: 'Hands the case to another caseworker. CONFLICT when the participant changed since expectedVersion.',
  })
  reassignParticipant(@Args() args: ReassignParticipantArgs, @Ctx() ctx: GraphQLContext): Promise<Participant> {
    return ParticipantService.reassign(ctx, args);
  }

  @FieldResolver(() => Boolean, { description: 'The participant has an appeal that is not closed; the case list fetches it in its own SQL.' })
  hasOpenAppeal(@Root() p: Participant, @Ctx() ctx: GraphQLContext): boolean | Promise<boolean> {
    // A value, not a promise, when the list fetched it: 50 rows are 50 promises fewer.
    if (p.hasOpenAppeal !== undefined) return p.hasOpenAppeal;
    const loader = loaderFor(ctx.loaders, 'openAppealByParticipant', (tx) => new DataLoader<string, boolean>(async (ids) => {
      const rows = await tx.query<{ participant_id: string }>(
        `SELECT DISTINCT participant_id FROM app.appeal WHERE municipality_id = ANY($2::smallint[]) AND participant_id = ANY($1::uuid[]) AND state <> 'CLOSED'`,
        [ids, tx.municipalityIds],
      );
      const open = new Set(rows.map((x) => x.participant_id));
      return ids.map((id) => open.has(id));
    }));
    return loader.load(p.id);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The end goal of the latest integration plan version; null without a plan.' })
  currentEndGoal(@Root() p: Participant, @Ctx() ctx: GraphQLContext): string | null | Promise<string | null> {
    if (p.currentEndGoal !== undefined) return p.currentEndGoal;
    // Outside the list (which fills it in its SQL): the request's batched case-file loader, newest version first.
    return ctx.loaders.caseRows.load({ table: 'plan_version', participantId: p.id }).then((versions) => (versions[0]?.end_goal as string | undefined) ?? null);
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

  @FieldResolver(() => Municipality)
  municipality(@Root() p: Participant, @Ctx() ctx: GraphQLContext): Municipality {
    return toMunicipality(ctx.directory.municipalityById(p.municipalityId)!);
  }

  @FieldResolver(() => Int, { description: 'Age today (Europe/Oslo).' })
  age(@Root() p: Participant, @Ctx() ctx: GraphQLContext): number {
    return ageOn(p.birthDate, ctx.today);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Days from today to the start deadline; negative when overdue.' })
  daysToStartDeadline(@Root() p: Participant, @Ctx() ctx: GraphQLContext): number | null {
    return p.startDeadline ? daysBetween(ctx.today, p.startDeadline) : null;
  }

  @FieldResolver(() => EligibilityType, { description: 'Right and duty (R-1.8), evaluated today.' })
  eligibility(@Root() p: Participant, @Ctx() ctx: GraphQLContext): EligibilityType {
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
