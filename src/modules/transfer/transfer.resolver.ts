import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { UUIDScalar } from '../../graphql/scalars';
import { Participant, ParticipantService } from '../participant';
import { Municipality, toMunicipality } from '../reference';
import { RequestContext } from '../shared';
import { CaseTransferRecord, TransferService } from './transfer.service';
import { IncomingTransfer, IncomingTransferConnection, IncomingTransfersArgs, RejectTransferArgs, TransferDecisionArgs } from './transfer.types';
import { decodeCursor, edgesOf, pageInfoFor, pageWindow } from '../../graphql/pagination';
import { noteRead } from '../access-log';

function toIncoming(ctx: RequestContext, r: CaseTransferRecord): IncomingTransfer {
  const p = r.snapshot.participant;
  return {
    id: r.id,
    version: r.version,
    from: toMunicipality(ctx.directory.municipalityById(r.fromMunicipalityId)!),
    sentAt: r.sentAt,
    state: r.state,
    name: p.full_name,
    birthDate: p.birth_date,
    timeAlreadyUsedDays: r.timeAlreadyUsedDays,
    acceptedParticipantId: r.acceptedParticipantId ?? null,
    fromParticipantId: r.fromParticipantId,
    municipalityId: r.municipalityId,
  };
}

@Authorized('MUNICIPALITY')
@Resolver(() => Participant)
export class TransferResolver {
  @Authorized('MUNICIPALITY')
  @Mutation(() => Participant, {
    nullable: true,
    description: "Sends the case to another municipality's inbox (with the programme time used) and closes it here as TRANSFERRED.",
  })
  async transferParticipant(
    @Arg('participantId', () => UUIDScalar, { description: 'The participant to send.' }) participantId: string,
    @Arg('toMunicipality', { description: "The receiving municipality's number." }) toMunicipality: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Participant> {
    await TransferService.send(ctx, participantId, toMunicipality);
    return ParticipantService.view(ctx, participantId);
  }

  @Authorized('MUNICIPALITY')
  @Query(() => [IncomingTransfer], {
    description: 'Cases other municipalities have sent here that are still waiting (at most 100, oldest first).',
    deprecationReason: 'Stops at 100 cases: use incomingTransfersConnection, which pages through all of them.',
  })
  async incomingTransfers(@Ctx() ctx: RequestContext): Promise<IncomingTransfer[]> {
    return (await TransferService.incoming(ctx)).map((r) => toIncoming(ctx, r));
  }

  @Authorized('MUNICIPALITY')
  @Query(() => IncomingTransferConnection, {
    description:
      'Cases other municipalities have sent here that are still waiting, a page at a time (Relay connection), sent earliest first (direction DESC: latest first). Two SQL statements per page, whatever its size.',
  })
  async incomingTransfersConnection(@Args() args: IncomingTransfersArgs, @Ctx() ctx: RequestContext): Promise<IncomingTransferConnection> {
    const window = pageWindow(args);
    const cursor = window.cursor ? decodeCursor(window.cursor, 3, window.cursorArg) : null;
    const page = await TransferService.incomingPage(ctx, { window, cursor, direction: args.direction });
    // The inbox names the sender's participants whatever fields are read.
    noteRead(
      ctx,
      page.rows.map((r) => ({ participantId: r.fromParticipantId, municipalityId: r.municipalityId })),
      'TRANSFER_INBOX',
      ['listed'],
    );
    const edges = edgesOf(page.rows, page.cursorValues, (r) => toIncoming(ctx, r));
    return { edges, totalCount: page.totalCount, pageInfo: pageInfoFor(edges, page) };
  }

  @Authorized('MUNICIPALITY')
  @Mutation(() => Participant, { nullable: true, description: "Takes a sent case into this municipality's register as a new case, linked to the old one." })
  async acceptTransfer(@Args() args: TransferDecisionArgs, @Ctx() ctx: RequestContext): Promise<Participant> {
    const id = await TransferService.accept(ctx, args.transferId, args.expectedVersion);
    return ParticipantService.view(ctx, id);
  }

  @Authorized('MUNICIPALITY')
  @Mutation(() => IncomingTransfer, { nullable: true, description: 'Refuses a sent case, with the reason.' })
  async rejectTransfer(@Args() args: RejectTransferArgs, @Ctx() ctx: RequestContext): Promise<IncomingTransfer> {
    return toIncoming(ctx, await TransferService.reject(ctx, args));
  }

  @FieldResolver(() => Municipality, { nullable: true, description: 'The municipality this case came from.' })
  transferredFrom(@Root() p: Participant, @Ctx() ctx: RequestContext): Municipality | null {
    const m = p.transferredFromMunicipalityId ? ctx.directory.municipalityById(p.transferredFromMunicipalityId) : undefined;
    return m ? toMunicipality(m) : null;
  }

  @FieldResolver(() => Municipality, { nullable: true, description: 'The municipality this case was moved to.' })
  transferredTo(@Root() p: Participant, @Ctx() ctx: RequestContext): Municipality | null {
    const m = p.transferredToMunicipalityId ? ctx.directory.municipalityById(p.transferredToMunicipalityId) : undefined;
    return m ? toMunicipality(m) : null;
  }
}
