import { Field, ObjectType } from 'type-graphql';
import { CERTIFICATE_LANGUAGES, CertificateLanguage } from '../../domain/certificate';
import { enumFrom } from '../../graphql/enums';
import { LocalDateScalar } from '../../graphql/scalars';

export const CertificateLanguageEnum = enumFrom(CERTIFICATE_LANGUAGES, 'CertificateLanguage', 'NB: bokmål, NN: nynorsk.');

@ObjectType({ simpleResolvers: true })
export class CertificateLine {
  @Field() label: string;
  @Field() value: string;
}

@ObjectType({ simpleResolvers: true, description: 'The participation certificate (deltakerbevis), R-10.' })
export class ParticipationCertificate {
  /** Not fields: where the access log finds whose data was read. */
  participantId?: string;
  municipalityId?: number;
  @Field(() => LocalDateScalar) issuedAt: string;
  @Field(() => CertificateLanguageEnum) language: CertificateLanguage;
  @Field() title: string;
  @Field(() => [CertificateLine]) lines: CertificateLine[];
  @Field({ description: 'Under the element lines: their hours and completion are as the municipality recorded attendance (R-13.11).' })
  elementsNote: string;
  @Field() text: string;
}
