import { GraphQLResolveInfo } from 'graphql';
import { Args, Authorized, Ctx, Info, Query, Resolver } from 'type-graphql';
import { declarePurpose, noteBulkRead, noteRead } from '../access-log';
import { IdentityNumberSearchArgs, Participant, ParticipantService, toParticipant } from '../participant';
import { ownMunicipality, RequestContext, requestLoader } from '../shared';
import { edgesSealedBy, pageInfoFor } from '../../graphql/pagination';
import { selectsField } from './caseload.sql';
import { CaseloadService, filterPurpose } from './caseload.service';
import { CaseloadSummary, ParticipantConnection, ParticipantsArgs } from './caseload.types';

/** The purpose an identity-number search is logged with. */
export const IDENTITY_NUMBER_SEARCH = 'IDENTITY_NUMBER_SEARCH';

@Authorized('MUNICIPALITY')
@Resolver()
export class CaseloadResolver {
  @Authorized('MUNICIPALITY')
  @Query(() => ParticipantConnection, {
    description: "The municipality's case list, filtered, a page at a time (default order: start deadline). One SQL statement per page, whatever its size.",
  })
  async participants(@Args() args: ParticipantsArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<ParticipantConnection> {
    const filter = filterPurpose(args.filter);
    const withCount = selectsField(info, 'totalCount');
    if (filter) declarePurpose(ctx, info, `CASE_LIST ${filter}`);
    const page = await CaseloadService.list(ctx, args, { withCount, withMatched: Boolean(filter) && withCount });
    const { rows, totalCount, cursor, matchedIds } = page;
    // A list the request already read (an alias of the same field) was logged with it.
    const logged = requestLoader(ctx, 'caseload.logged', () => new WeakSet<object>());
    if (filter && !logged.has(page)) {
      logged.add(page);
      // Under a filter the page names people whatever fields are read (a page of cursors under
      // hasOpenAppeal says who has an open appeal), and the count covers everyone it matched.
      const municipalityId = ownMunicipality(ctx);
      noteRead(
        ctx,
        rows.map((p) => ({ participantId: p.id, municipalityId })),
        `CASE_LIST ${filter}`,
        ['filter'],
      );
      if (withCount) noteBulkRead(ctx, { municipalityId, purpose: `CASE_COUNT ${filter}`, fields: ['totalCount'], joinedIds: matchedIds });
    }
    const edges = edgesSealedBy(rows, cursor);
    return { edges, totalCount, pageInfo: pageInfoFor(edges, page) };
  }

  @Authorized('MUNICIPALITY')
  @Query(() => Participant, {
    nullable: true,
    description:
      "The municipality's participant with exactly this fødselsnummer or D-number, or null: an exact search (never a part of the number), logged in the participant's access log with purpose IDENTITY_NUMBER_SEARCH whatever fields are read. One SQL statement.",
  })
  async participantByIdentityNumber(@Args() args: IdentityNumberSearchArgs, @Ctx() ctx: RequestContext): Promise<Participant | null> {
    const found = await ParticipantService.findByIdentityNumber(ctx, args.identityNumber);
    if (!found) return null;
    // The answer names the person (a search that finds someone says they are a participant here), whatever fields are read.
    noteRead(ctx, [{ participantId: found.id, municipalityId: found.municipalityId }], IDENTITY_NUMBER_SEARCH, ['identityNumber']);
    return toParticipant(found);
  }

  @Authorized('MUNICIPALITY')
  @Query(() => CaseloadSummary, { description: 'Counts for the dashboard: statuses, overdue starts, missing mappings and plans, decisions awaiting notice.' })
  caseloadSummary(@Ctx() ctx: RequestContext): Promise<CaseloadSummary> {
    return CaseloadService.summary(ctx);
  }
}
