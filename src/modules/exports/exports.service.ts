/**
 * The exports (issue 18 item 4): the case list with the filters of `participants`, and the appeal list, as CSV
 * streamed from a cursor on the request's transaction: one batch of rows in memory at a time, however many
 * rows match, each batch noted in the access log (the filter as its purpose) and written to the log before
 * the batch leaves for the client.
 */
import { appealListExportQuery, AppealFilter } from '../appeal';
import { caseListExportQuery, ParticipantFilter, ParticipantOrderValue } from '../caseload';
import { flushAccessLog, noteDocumentRead } from '../access-log';
import { RequestContext } from '../shared';
import type { StreamWriter } from '../../graphql/http-route';
import { BOM, CsvLanguage, csvLine, YES_NO } from './csv';
import { APPEAL_COLUMNS, CASE_COLUMNS, Column } from './exports.columns';

/** Rows fetched per round trip (and written per access-log row). */
export const EXPORT_BATCH_ROWS = 500;

/** What the purpose of an export's access-log rows says: the export and its filter as JSON. */
export function exportPurpose(kind: 'CASE_LIST_EXPORT' | 'APPEAL_LIST_EXPORT', filter: object | null, extra: Record<string, unknown> = {}): string {
  const f = Object.fromEntries(Object.entries({ ...(filter ?? {}), ...extra }).filter(([, v]) => v !== undefined && v !== null));
  return `${kind} ${JSON.stringify(f)}`;
}

async function streamCsv<R>(
  ctx: RequestContext,
  out: StreamWriter,
  language: CsvLanguage,
  columns: Column<R>[],
  query: { sql: string; params: unknown[] },
  toRow: (raw: Record<string, unknown>) => R | null,
  access: (row: R) => { participantId: string; municipalityId: number },
  purpose: string,
): Promise<number> {
  const words = YES_NO[language];
  const fields = columns.map((c) => `Export.${c.key}`);
  await out.write(
    BOM +
      csvLine(
        columns.map((c) => c.title[language]),
        words,
      ),
  );
  let count = 0;
  for await (const batch of ctx.tx.cursor<Record<string, unknown>>(query.sql, query.params, EXPORT_BATCH_ROWS)) {
    let text = '';
    for (const raw of batch) {
      const row = toRow(raw);
      if (!row) continue;
      noteDocumentRead(ctx, { ...access(row), purpose, fields });
      text += csvLine(
        columns.map((c) => c.value(row)),
        words,
      );
      count++;
    }
    // The batch's reads are logged (in the request's transaction) before the batch leaves.
    await flushAccessLog(ctx);
    if (text) await out.write(text);
  }
  return count;
}

export const ExportsService = {
  /** The municipality's case list as CSV, with the filter and order of `participants`. */
  caseList(
    ctx: RequestContext,
    out: StreamWriter,
    opts: { filter: ParticipantFilter | null; orderBy: ParticipantOrderValue; language: CsvLanguage },
  ): Promise<number> {
    const q = caseListExportQuery(ctx, opts.filter, opts.orderBy);
    return streamCsv(
      ctx,
      out,
      opts.language,
      CASE_COLUMNS,
      q,
      (raw) => q.row(raw),
      (r) => ({ participantId: r.participant.id, municipalityId: r.participant.municipalityId }),
      exportPurpose('CASE_LIST_EXPORT', opts.filter, { orderBy: opts.orderBy }),
    );
  },

  /** The appeal list as CSV: a municipality's own appeals, or a Statsforvalter office's forwarded ones. */
  appealList(ctx: RequestContext, out: StreamWriter, opts: { filter: AppealFilter | null; language: CsvLanguage }): Promise<number> {
    const q = appealListExportQuery(ctx, opts.filter);
    return streamCsv(
      ctx,
      out,
      opts.language,
      APPEAL_COLUMNS,
      q,
      (raw) => {
        const r = q.row(raw);
        const m = ctx.directory.municipalityById(r.municipalityId);
        const area = r.statsforvalterId ? ctx.directory.area(r.statsforvalterId) : undefined;
        return { ...r, municipalityNumber: m?.number ?? '', municipalityName: m?.name ?? '', statsforvalterName: area?.name ?? null };
      },
      (r) => ({ participantId: r.participantId, municipalityId: r.municipalityId }),
      exportPurpose('APPEAL_LIST_EXPORT', opts.filter),
    );
  },
};
