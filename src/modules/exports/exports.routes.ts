/**
 * The exports' HTTP routes (served by src/http/documents-route.ts with the caller's token and transaction):
 *   GET /exports/participants.csv?filter={ParticipantFilter as JSON}&orderBy=START_DEADLINE|SETTLEMENT_DATE|NAME
 *   GET /exports/appeals.csv?filter={AppealFilter as JSON}
 * The filter is checked exactly as GraphQL checks the same input type. Column headings follow Accept-Language
 * (nb, nn, en; bokmål by default).
 */
import { InvalidInputError } from '../../domain/errors';
import type { HttpRoute } from '../../graphql/http-route';
import { graphqlInput } from '../../graphql/http-input';
import { AppealFilter } from '../appeal';
import { PARTICIPANT_ORDERS, ParticipantFilter, ParticipantOrderValue } from '../caseload';
import { csvLanguage } from './csv';
import { ExportsService } from './exports.service';

const CSV = 'text/csv; charset=utf-8';

export const EXPORT_ROUTES: HttpRoute[] = [
  {
    method: 'GET',
    pattern: /^\/exports\/participants\.csv$/,
    roles: ['MUNICIPALITY'],
    async handle(ctx, req, reply) {
      const filter = await graphqlInput('ParticipantFilter', ParticipantFilter, req.query.get('filter'), 'filter');
      const orderBy = (req.query.get('orderBy') ?? 'START_DEADLINE') as ParticipantOrderValue;
      if (!PARTICIPANT_ORDERS.includes(orderBy)) throw new InvalidInputError('orderBy', `orderBy must be one of ${PARTICIPANT_ORDERS.join(', ')}`);
      const out = reply.stream({ contentType: CSV, filename: `deltakere-${ctx.today}.csv` });
      await ExportsService.caseList(ctx, out, { filter, orderBy, language: csvLanguage(req.headers['accept-language']) });
    },
  },
  {
    method: 'GET',
    pattern: /^\/exports\/appeals\.csv$/,
    roles: ['MUNICIPALITY', 'STATSFORVALTER'],
    async handle(ctx, req, reply) {
      const filter = await graphqlInput('AppealFilter', AppealFilter, req.query.get('filter'), 'filter');
      const out = reply.stream({ contentType: CSV, filename: `klager-${ctx.today}.csv` });
      await ExportsService.appealList(ctx, out, { filter, language: csvLanguage(req.headers['accept-language']) });
    },
  },
];
