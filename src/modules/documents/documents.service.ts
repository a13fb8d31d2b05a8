/**
 * The documents a case produces (issue 18 items 2–3): the decision letter of every decision
 * and the participation certificate, as PDFs in bokmål or nynorsk, rendered when asked for from
 * the case data (nothing is stored), each read noted in the access log.
 */
import { buildDecisionLetter, LetterLanguage, municipalityTitle } from '../../domain/decision-letter';
import { NotFoundError } from '../../domain/errors';
import { noteDocumentRead } from '../access-log';
import { CertificateService, toCertificate } from '../certificate';
import { decisionForLetter } from '../decision';
import { ParticipantService } from '../participant';
import { ownMunicipality, RequestContext } from '../shared';
import { certificatePdf, decisionLetterPdf } from './documents.pdf';

export interface RenderedDocument {
  body: Buffer;
  /** ASCII, without personal data. */
  filename: string;
}

export const DocumentsService = {
  /** The decision letter (vedtaksbrev). A decision of another municipality answers as a random id: NOT_FOUND. */
  async decisionLetter(ctx: RequestContext, decisionId: string, language: LetterLanguage): Promise<RenderedDocument> {
    ownMunicipality(ctx);
    const d = await decisionForLetter(ctx, decisionId);
    if (!d) throw new NotFoundError('Decision');
    const p = await ParticipantService.require(ctx, d.participantId);
    const municipality = ctx.directory.municipalityById(d.municipalityId);
    const area = ctx.directory.areaOfMunicipality(d.municipalityId);
    const letter = buildDecisionLetter(
      {
        reference: `V-${d.id.slice(0, 8)}`,
        municipalityName: municipality?.name ?? '',
        caseworkerName: d.decidedByName,
        participantName: p.fullName,
        statsforvalterName: area?.name ?? 'Statsforvalteren',
        type: d.type,
        outcome: d.outcome,
        basis: d.basis,
        reasons: d.reasons,
        legalBasis: d.legalBasis,
        decidedAt: d.decidedAt,
        advanceNoticeAt: d.advanceNoticeAt,
        appealDeadline: d.appealDeadline,
        details: d.details ?? {},
        letterDate: ctx.today,
      },
      language,
    );
    noteDocumentRead(ctx, { participantId: p.id, municipalityId: p.municipalityId, purpose: 'DECISION_LETTER', fields: ['DecisionLetter.pdf'] });
    return { body: await decisionLetterPdf(letter, ctx.now), filename: `vedtak-${d.id}-${language.toLowerCase()}.pdf` };
  },

  /** The participation certificate (deltakerbevis / deltakarbevis): NOT_FOUND while the programme runs. */
  async certificate(ctx: RequestContext, participantId: string, language: LetterLanguage): Promise<RenderedDocument> {
    ownMunicipality(ctx);
    const record = await CertificateService.require(ctx, participantId);
    const c = toCertificate(record, language);
    noteDocumentRead(ctx, {
      participantId: record.participantId,
      municipalityId: record.municipalityId,
      purpose: 'CERTIFICATE',
      fields: ['ParticipationCertificate.pdf'],
    });
    const municipalityName = municipalityTitle(ctx.directory.municipalityById(record.municipalityId)?.name ?? '');
    const body = await certificatePdf(
      { title: c.title, language, lines: c.lines, elementsNote: c.elementsNote, text: c.text, municipalityName, issuedAt: c.issuedAt },
      ctx.now,
    );
    return { body, filename: `deltakerbevis-${participantId}-${language.toLowerCase()}.pdf` };
  },
};
