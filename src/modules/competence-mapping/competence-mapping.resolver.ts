import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { mappingDeadline } from '../../domain/deadlines';
import { LocalDateScalar, UUIDScalar } from '../../graphql/scalars';
import { Participant, ParticipantService } from '../participant';
import { RequestContext } from '../shared';
import { CompetenceMappingService, toMapping } from './competence-mapping.service';
import { CompetenceMapping, CompetenceMappingInput } from './competence-mapping.types';

@Authorized('MUNICIPALITY')
@Resolver(() => Participant)
export class CompetenceMappingResolver {
  @Authorized('MUNICIPALITY')
  @Mutation(() => Participant, { nullable: true, description: 'Records or updates the competence mapping (R-2).' })
  async recordCompetenceMapping(
    @Arg('participantId', () => UUIDScalar, { description: 'The participant.' }) participantId: string,
    @Arg('input', { description: 'The mapping, with expectedVersion when updating.' }) input: CompetenceMappingInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Participant> {
    await CompetenceMappingService.record(ctx, participantId, input);
    return ParticipantService.view(ctx, participantId);
  }

  @FieldResolver(() => CompetenceMapping, {
    nullable: true,
    description: 'The competence mapping (kartlegging av kompetanse, R-2); null before one is recorded.',
  })
  async competenceMapping(@Root() p: Participant, @Ctx() ctx: RequestContext): Promise<CompetenceMapping | null> {
    const m = await CompetenceMappingService.forCase(ctx, p.id);
    return m ? toMapping(m) : null;
  }

  @FieldResolver(() => LocalDateScalar, { nullable: true, description: 'Mapping complete at the latest (R-2.2): the start deadline, not moved.' })
  mappingDeadline(@Root() p: Participant): string | null {
    return p.settlementDate ? mappingDeadline({ settlementDate: p.settlementDate, requestDate: p.requestDate }) : null;
  }
}
