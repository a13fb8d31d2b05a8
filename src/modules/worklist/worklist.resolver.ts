import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { decodeCursor, edgesOf, pageInfoFor, pageWindow } from '../../graphql/pagination';
import { RequestContext } from '../shared';
import { WorklistService } from './worklist.service';
import { WorklistArgs, WorklistConnection } from './worklist.types';

@Authorized('MUNICIPALITY', 'COUNTY', 'STATSFORVALTER')
@Resolver()
export class WorklistResolver {
  @Authorized('MUNICIPALITY', 'COUNTY', 'STATSFORVALTER')
  @Query(() => WorklistConnection, {
    description:
      "What the caller must do and by when, by due date: a caseworker's duties on the cases assigned to them (scope MUNICIPALITY: the whole " +
      "municipality's), a county's open referrals, a Statsforvalter office's forwarded appeals. Computed from the case data; a fixed number " +
      'of SQL statements whatever the page size.',
  })
  async worklist(@Args() args: WorklistArgs, @Ctx() ctx: RequestContext): Promise<WorklistConnection> {
    const window = pageWindow(args);
    const cursor = window.cursor ? decodeCursor(window.cursor, 4, window.cursorArg) : null;
    const page = await WorklistService.page(ctx, { window, cursor, direction: args.direction, filter: args.filter });
    const edges = edgesOf(page.items, page.cursorValues);
    return { edges, totalCount: page.totalCount, counts: page.counts, pageInfo: pageInfoFor(edges, page) };
  }
}
