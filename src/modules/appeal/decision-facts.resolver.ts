/**
 * The facts of a decision that move its appeal deadline: the notice date, a request for
 * reasons and an extension. They are the decision's (the decision module records them), and each change
 * re-judges every appeal against the decision, which is why these mutations live with the appeals.
 */
import { Arg, Authorized, Ctx, Int, Mutation, Resolver } from 'type-graphql';
import { LocalDateScalar, UUIDScalar } from '../../graphql/scalars';
import { Decision, DecisionService, decisionView } from '../decision';
import { RequestContext } from '../shared';
import { AppealService } from './appeal.service';

@Authorized('MUNICIPALITY')
@Resolver(() => Decision)
export class DecisionAppealFactsResolver {
  @Authorized('MUNICIPALITY')
  @Mutation(() => Decision, {
    nullable: true,
    description:
      'Records (or corrects) when the notice reached the participant: this starts the appeal deadline (R-9.2). Never before the decision nor after today (R-13.7); every appeal against the decision is re-judged on it (R-13.8).',
  })
  async recordDecisionNotice(
    @Arg('decisionId', () => UUIDScalar, { description: 'The decision.' }) decisionId: string,
    @Arg('notifiedAt', () => LocalDateScalar, { description: 'The day the notice reached the participant.' }) notifiedAt: string,
    @Arg('expectedVersion', () => Int, { description: "The decision's version the caller last saw: a changed decision answers CONFLICT." })
    expectedVersion: number,
    @Ctx() ctx: RequestContext,
  ): Promise<Decision> {
    return decisionView(
      await AppealService.changeDecisionFacts(ctx, decisionId, () => DecisionService.recordNotice(ctx, decisionId, notifiedAt, expectedVersion)),
    );
  }

  @Authorized('MUNICIPALITY')
  @Mutation(() => Decision, {
    nullable: true,
    description:
      'Records that the participant asked for reasons (forvaltningsloven § 24) and, once known, when they were received: asked before the deadline expired, a new 3 weeks run from receipt (R-9.2). Every appeal against the decision is re-judged (R-13.8).',
  })
  async recordReasonsRequest(
    @Arg('decisionId', () => UUIDScalar, { description: 'The decision.' }) decisionId: string,
    @Arg('requestedAt', () => LocalDateScalar, { description: 'The day the participant asked for reasons; never after today (R-13.7).' }) requestedAt: string,
    @Arg('receivedAt', () => LocalDateScalar, { nullable: true, description: 'The day the participant received the reasons; null while awaited.' })
    receivedAt: string | null,
    @Arg('expectedVersion', () => Int, { description: "The decision's version the caller last saw: a changed decision answers CONFLICT." })
    expectedVersion: number,
    @Ctx() ctx: RequestContext,
  ): Promise<Decision> {
    return decisionView(
      await AppealService.changeDecisionFacts(ctx, decisionId, () =>
        DecisionService.recordReasonsRequest(ctx, decisionId, { requestedAt, receivedAt, expectedVersion }),
      ),
    );
  }

  @Authorized('MUNICIPALITY')
  @Mutation(() => Decision, {
    nullable: true,
    description:
      'Records an extension of the appeal deadline (forvaltningsloven § 29 fourth para): granted on grantedOn, before the deadline expired, to extendedTo (R-9.2). Every appeal against the decision is re-judged (R-13.8).',
  })
  async recordAppealDeadlineExtension(
    @Arg('decisionId', () => UUIDScalar, { description: 'The decision.' }) decisionId: string,
    @Arg('extendedTo', () => LocalDateScalar, { description: 'The new last day of the appeal deadline.' }) extendedTo: string,
    @Arg('grantedOn', () => LocalDateScalar, { description: 'The day the extension was granted: before the deadline expired (R-9.2).' }) grantedOn: string,
    @Arg('expectedVersion', () => Int, { description: "The decision's version the caller last saw: a changed decision answers CONFLICT." })
    expectedVersion: number,
    @Ctx() ctx: RequestContext,
  ): Promise<Decision> {
    return decisionView(
      await AppealService.changeDecisionFacts(ctx, decisionId, () =>
        DecisionService.recordAppealDeadlineExtension(ctx, decisionId, { extendedTo, grantedOn, expectedVersion }),
      ),
    );
  }
}
