/**
 * Reads of personal data outside GraphQL (the documents and exports of src/modules/documents and
 * src/modules/exports): noted like a GraphQL field read, written by flushAccessLog before the commit (or
 * earlier, a chunk at a time, by an export that streams).
 */
import { RequestContext } from '../shared';
import { stateOf } from './access-log.capture';

export interface DocumentRead {
  participantId: string;
  municipalityId: number;
  /** Why: DECISION_LETTER, CERTIFICATE, or an export with its filter. */
  purpose: string;
  /** What was read, as logged (e.g. DecisionLetter.pdf, or the export's columns). */
  fields: readonly string[];
}

/** Notes a read of one participant's data by a document or an export (one row per purpose and fields at flush). */
export function noteDocumentRead(ctx: RequestContext, read: DocumentRead): void {
  const state = stateOf(ctx);
  const key = `${read.participantId}:${read.purpose}`;
  let rec = state.records.get(key);
  if (!rec)
    state.records.set(
      key,
      (rec = { participantId: read.participantId, municipalityId: read.municipalityId, purpose: read.purpose, fields: new Set<string>() }),
    );
  for (const f of read.fields) rec.fields.add(f);
}
