import { Arg, Authorized, Ctx, Field, FieldResolver, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { buildCertificate, CERTIFICATE_LANGUAGES, CertificateInput, CertificateLanguage } from '../../domain/certificate';
import { enumFrom } from '../../graphql/enums';
import { GraphQLContext } from '../../graphql/context';
import { notFound } from '../../graphql/errors';
import { LocalDateScalar, UUIDScalar } from '../../graphql/scalars';
import { ParticipantService } from '../participant/participant.service';
import { Participant } from '../participant/participant.types';

export const CertificateLanguageEnum = enumFrom(CERTIFICATE_LANGUAGES, 'CertificateLanguage', 'NB: bokmål, NN: nynorsk.');

@ObjectType() export class CertificateLine {
  @Field() label: string;
  @Field() value: string;
}

@ObjectType({ description: 'The participation certificate (deltakerbevis), R-10.' })
export class ParticipationCertificate {
  /** Not fields: where the access log finds whose data was read. */
  participantId?: string;
  municipalityId?: number;
  @Field(() => LocalDateScalar) issuedAt: string;
  @Field(() => CertificateLanguageEnum) language: CertificateLanguage;
  @Field() title: string;
  @Field(() => [CertificateLine]) lines: CertificateLine[];
  @Field() text: string;
}

async function certificateOf(ctx: GraphQLContext, participantId: string, language: CertificateLanguage): Promise<ParticipationCertificate | null> {
  const [row] = await ctx.loaders.caseRows.load({ table: 'certificate', participantId });
  if (!row) return null;
  const c = buildCertificate(row.content as CertificateInput, language);
  return { participantId, municipalityId: Number(row.municipality_id), issuedAt: row.issued_at as string, language, title: c.title, lines: c.lines, text: c.text };
}

@Authorized('MUNICIPALITY')
@Resolver(() => Participant)
export class CertificateResolver {
  @Authorized('MUNICIPALITY')
  @Query(() => ParticipationCertificate, { description: 'The participation certificate of a completed or interrupted programme, in bokmål or nynorsk.' })
  async participationCertificate(
    @Arg('participantId', () => UUIDScalar) participantId: string,
    @Arg('language', () => CertificateLanguageEnum, { defaultValue: 'NB' }) language: CertificateLanguage,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ParticipationCertificate> {
    await ParticipantService.get(ctx, participantId);
    const c = await certificateOf(ctx, participantId, language);
    if (!c) throw notFound('Participation certificate');
    return c;
  }

  @FieldResolver(() => ParticipationCertificate, { nullable: true })
  certificate(@Root() p: Participant, @Arg('language', () => CertificateLanguageEnum, { defaultValue: 'NB' }) language: CertificateLanguage, @Ctx() ctx: GraphQLContext): Promise<ParticipationCertificate | null> {
    return certificateOf(ctx, p.id, language);
  }
}
