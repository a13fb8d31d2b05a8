import { GraphQLResolveInfo } from 'graphql';
import { Args, Authorized, Ctx, Info, Query, Resolver } from 'type-graphql';
import { RequestContext } from '../shared';
import { selectsField } from './caseload.sql';
import { CaseloadService } from './caseload.service';
import { CaseloadSummary, ParticipantConnection, ParticipantsArgs } from './caseload.types';

@Authorized('MUNICIPALITY')
@Resolver()
export class CaseloadResolver {
  @Authorized('MUNICIPALITY')
  @Query(() => ParticipantConnection, {
    description: "The municipality's case list, filtered, a page at a time (default order: start deadline). One SQL statement per page, whatever its size.",
  })
  async participants(@Args() args: ParticipantsArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<ParticipantConnection> {
    const { rows, hasNextPage, totalCount, cursor } = await CaseloadService.list(ctx, args, { withCount: selectsField(info, 'totalCount') });
    const edges = rows.map((node) => ({ node, cursor: cursor(node) }));
    return { edges, totalCount, pageInfo: { hasNextPage, endCursor: edges.length ? edges[edges.length - 1].cursor : null } };
  }

  @Authorized('MUNICIPALITY')
  @Query(() => CaseloadSummary, { description: 'Counts for the dashboard: statuses, overdue starts, missing mappings and plans, decisions awaiting notice.' })
  caseloadSummary(@Ctx() ctx: RequestContext): Promise<CaseloadSummary> {
    return CaseloadService.summary(ctx);
  }
}
