import { Arg, Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { decodeCursor, edgesOf, pageInfoFor, pageWindow } from '../../graphql/pagination';
import { UUIDScalar } from '../../graphql/scalars';
import { RequestContext } from '../shared';
import { AccessLogService } from './access-log.service';
import { AccessLogArgs, AccessLogConnection } from './access-log.types';

@Authorized('MUNICIPALITY')
@Resolver()
export class AccessLogResolver {
  @Authorized('MUNICIPALITY')
  @Query(() => AccessLogConnection, {
    description: "Who read this participant's personal data (innsyn, GDPR art. 15), newest first (direction: ASC for oldest first).",
  })
  async participantAccessLog(
    @Arg('participantId', () => UUIDScalar, { description: 'The participant whose reads are listed.' }) participantId: string,
    @Args() page: AccessLogArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<AccessLogConnection> {
    const window = pageWindow(page);
    const cursor = window.cursor ? decodeCursor(window.cursor, 3, window.cursorArg) : null;
    const found = await AccessLogService.forParticipant(ctx, participantId, { window, cursor, direction: page.direction });
    const { entries, totalCount, cursorValues } = found;
    const edges = edgesOf(entries, cursorValues, (e) => ({
      at: e.at,
      role: e.actorRole,
      org: e.actorOrg,
      orgName: ctx.directory.orgName(e.actorRole, e.actorOrg) ?? e.actorOrg,
      purpose: e.purpose,
      fields: e.fields,
    }));
    return { edges, totalCount, pageInfo: pageInfoFor(edges, found) };
  }
}
