/**
 * The participation certificate: issued when the programme ends either way, rendered in bokmål
 * or nynorsk when read. Raises domain errors (src/domain/errors.ts).
 */
import { buildCertificate, CertificateInput, CertificateLanguage } from '../../domain/certificate';
import { NotFoundError } from '../../domain/errors';
import { ParticipantService } from '../participant';
import { RequestContext } from '../shared';
import { certificateRepository } from './certificate.repository';
import { CertificateRecord } from './certificate.table';
import { ParticipationCertificate } from './certificate.types';

/** The certificate as the API shows it, in the language asked for. */
export function toCertificate(r: CertificateRecord, language: CertificateLanguage): ParticipationCertificate {
  const c = buildCertificate(r.content, language);
  return {
    participantId: r.participantId,
    municipalityId: r.municipalityId,
    issuedAt: r.issuedAt,
    language,
    title: c.title,
    lines: c.lines,
    elementsNote: c.elementsNote,
    text: c.text,
  };
}

export const CertificateService = {
  /**
   * Issues (or issues again) the case's certificate, dated today. Refuses now, not when someone reads
   * it, if the content is incomplete.
   */
  async issue(ctx: RequestContext, p: { municipalityId: number; id: string }, content: CertificateInput): Promise<void> {
    buildCertificate(content, 'NB');
    await certificateRepository.upsert(ctx, { municipalityId: p.municipalityId, participantId: p.id, issuedAt: ctx.today, content });
  },

  /** The case's certificate, or null while the programme runs. */
  forCase(ctx: RequestContext, participantId: string): Promise<CertificateRecord | null> {
    return certificateRepository.forCase(ctx, participantId);
  },

  /** The certificate of a case the caller can see: NOT_FOUND for another's case, and while there is none. */
  async require(ctx: RequestContext, participantId: string): Promise<CertificateRecord> {
    await ParticipantService.require(ctx, participantId);
    const c = await certificateRepository.forCase(ctx, participantId);
    if (!c) throw new NotFoundError('Participation certificate');
    return c;
  },
};
