import { Arg, Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { decodeCursor, encodeCursor, PageArgs, pageInfoOf } from '../../graphql/pagination';
import { UUIDScalar } from '../../graphql/scalars';
import { RequestContext } from '../shared';
import { AccessLogService } from './access-log.service';
import { AccessLogConnection } from './access-log.types';

@Authorized('MUNICIPALITY')
@Resolver()
export class AccessLogResolver {
  @Authorized('MUNICIPALITY')
  @Query(() => AccessLogConnection, { description: "Who read this participant's personal data, newest first." })
  async participantAccessLog(
    @Arg('participantId', () => UUIDScalar) participantId: string,
    @Args() page: PageArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<AccessLogConnection> {
    const after = page.after ? decodeCursor(page.after, 2) : null;
    const { entries, hasNextPage, totalCount, cursorValues } = await AccessLogService.forParticipant(ctx, participantId, { first: page.first, after });
    const edges = entries.map((e) => ({
      cursor: encodeCursor(cursorValues(e)),
      node: {
        at: e.at,
        role: e.actorRole,
        org: e.actorOrg,
        orgName: ctx.directory.orgName(e.actorRole, e.actorOrg) ?? e.actorOrg,
        purpose: e.purpose,
        fields: e.fields,
      },
    }));
    return { edges, totalCount, pageInfo: pageInfoOf(edges, hasNextPage, page.after) };
  }
}
