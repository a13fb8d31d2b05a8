import { Arg, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { CertificateLanguage } from '../../domain/certificate';
import { UUIDScalar } from '../../graphql/scalars';
import { Participant } from '../participant';
import { RequestContext } from '../shared';
import { CertificateService, toCertificate } from './certificate.service';
import { CertificateLanguageEnum, ParticipationCertificate } from './certificate.types';

@Authorized('MUNICIPALITY')
@Resolver(() => Participant)
export class CertificateResolver {
  @Authorized('MUNICIPALITY')
  @Query(() => ParticipationCertificate, { description: 'The participation certificate of a completed or interrupted programme, in bokmål or nynorsk.' })
  async participationCertificate(
    @Arg('participantId', () => UUIDScalar, { description: 'The participant; NOT_FOUND while no certificate has been issued.' }) participantId: string,
    @Arg('language', () => CertificateLanguageEnum, { defaultValue: 'NB', description: 'Bokmål (NB, default) or nynorsk (NN).' }) language: CertificateLanguage,
    @Ctx() ctx: RequestContext,
  ): Promise<ParticipationCertificate> {
    return toCertificate(await CertificateService.require(ctx, participantId), language);
  }

  @FieldResolver(() => ParticipationCertificate, {
    nullable: true,
    description: 'The participation certificate (deltakerbevis, R-10.1); null until the programme has ended as COMPLETED or INTERRUPTED.',
  })
  async certificate(
    @Root() p: Participant,
    @Arg('language', () => CertificateLanguageEnum, { defaultValue: 'NB', description: 'Bokmål (NB, default) or nynorsk (NN).' }) language: CertificateLanguage,
    @Ctx() ctx: RequestContext,
  ): Promise<ParticipationCertificate | null> {
    const c = await CertificateService.forCase(ctx, p.id);
    return c ? toCertificate(c, language) : null;
  }
}
