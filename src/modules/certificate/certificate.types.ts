import { Field, ObjectType } from 'type-graphql';
import { CERTIFICATE_LANGUAGES, CertificateLanguage } from '../../domain/certificate';
import { enumFrom } from '../../graphql/enums';
import { LocalDateScalar } from '../../graphql/scalars';

export const CertificateLanguageEnum = enumFrom(CERTIFICATE_LANGUAGES, 'CertificateLanguage', 'NB: bokmål, NN: nynorsk.', {
  NB: 'Bokmål.',
  NN: 'Nynorsk.',
});

@ObjectType({
  simpleResolvers: true,
  description: "One line of the participation certificate (deltakerbevis): a label and its value, in the certificate's language.",
})
export class CertificateLine {
  @Field({ description: 'What the line states, e.g. "Periode" (in the certificate\'s language).' }) label: string;
  @Field({ description: "The value, formatted for reading (dates, hours, yes/no in the certificate's language)." }) value: string;
}

@ObjectType({ simpleResolvers: true, description: 'The participation certificate (deltakerbevis), R-10.' })
export class ParticipationCertificate {
  /** Not fields: where the access log finds whose data was read. */
  participantId?: string;
  municipalityId?: number;
  @Field(() => LocalDateScalar, { description: 'The date the certificate was issued (when the programme ended as COMPLETED or INTERRUPTED, R-10.1).' })
  issuedAt: string;
  @Field(() => CertificateLanguageEnum, { description: 'The language the certificate is written in (as asked for).' }) language: CertificateLanguage;
  @Field({ description: 'The heading, e.g. "Deltakerbevis for introduksjonsprogrammet".' }) title: string;
  @Field(() => [CertificateLine], {
    description:
      'The content of R-10.1 line by line: participant, municipality, period, end reason, end goal and whether reached, elements with hours and completion, share completed.',
  })
  lines: CertificateLine[];
  @Field({ description: 'Under the element lines: their hours and completion are as the municipality recorded attendance (R-13.11).' })
  elementsNote: string;
  @Field({ description: 'The whole certificate as plain text: title, lines ("label: value") and the elements note.' }) text: string;
}
