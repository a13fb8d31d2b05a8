/**
 * The documents' HTTP routes (served by src/http/documents-route.ts with the caller's token and transaction):
 *   GET /documents/decision/{decisionId}.pdf?lang=nb|nn       the decision letter
 *   GET /documents/certificate/{participantId}.pdf?lang=nb|nn the participation certificate
 * Without `lang`, the first of nb/nn in Accept-Language, else bokmål.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { LetterLanguage } from '../../domain/decision-letter';
import { InvalidInputError } from '../../domain/errors';
import type { HttpRoute } from '../../graphql/http-route';
import { DocumentsService } from './documents.service';

const UUID = '([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})';

/** `lang` (nb, nn; no, nob, nno), or the first of them in Accept-Language by quality; bokmål by default. */
export function letterLanguage(lang: string | null, headers: IncomingHttpHeaders): LetterLanguage {
  const named = (tag: string): LetterLanguage | null => {
    const t = tag.trim().toLowerCase();
    if (/^(nn|nno)(-|$)/.test(t)) return 'NN';
    if (/^(nb|nob|no)(-|$)/.test(t)) return 'NB';
    return null;
  };
  if (lang !== null) {
    const l = named(lang);
    if (!l) throw new InvalidInputError('lang', 'lang must be nb (bokmål) or nn (nynorsk)');
    return l;
  }
  const accepted = String(headers['accept-language'] ?? '')
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.split(';');
      const q = Number(
        params
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { tag, q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const a of accepted) {
    const l = named(a.tag);
    if (l) return l;
  }
  return 'NB';
}

export const DOCUMENT_ROUTES: HttpRoute[] = [
  {
    method: 'GET',
    pattern: new RegExp(`^/documents/decision/${UUID}\\.pdf$`),
    roles: ['MUNICIPALITY'],
    async handle(ctx, req, reply) {
      const doc = await DocumentsService.decisionLetter(ctx, req.params[0].toLowerCase(), letterLanguage(req.query.get('lang'), req.headers));
      reply.send({ contentType: 'application/pdf', filename: doc.filename, body: doc.body });
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`^/documents/certificate/${UUID}\\.pdf$`),
    roles: ['MUNICIPALITY'],
    async handle(ctx, req, reply) {
      const doc = await DocumentsService.certificate(ctx, req.params[0].toLowerCase(), letterLanguage(req.query.get('lang'), req.headers));
      reply.send({ contentType: 'application/pdf', filename: doc.filename, body: doc.body });
    },
  },
];
