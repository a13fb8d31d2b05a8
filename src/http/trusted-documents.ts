/**
 * Trusted documents (an option for production, TRUSTED_DOCUMENTS=<manifest file>): the API runs only
 * the operations the clients' build registered, and refuses every other document before parsing it.
 * An attacker with a stolen token can then send no query of their own making (no aliasing attack, no
 * probing of fields a client never asks for).
 *
 * The manifest is Apollo's persisted-query manifest, which the client build writes
 * (`{"format":"apollo-persisted-query-manifest","version":1,"operations":[{"id":"<sha256 of body>","name","type","body"}]}`);
 * a plain `{"<sha256>": "<document>"}` map is accepted too. A request names its operation by
 * `extensions.persistedQuery.sha256Hash` (the body is then taken from the manifest), or sends the full
 * `query` text, which must hash to an id of the manifest.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';

export interface TrustedDocuments {
  size: number;
  /** The request's body with its query taken from the manifest, or the reason it is refused. */
  resolve(body: Record<string, unknown>): { body: Record<string, unknown> } | { refused: string };
}

export function sha256(text: string): string {
  return crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}

export function parseManifest(text: string): Map<string, string> {
  const json = JSON.parse(text) as unknown;
  const out = new Map<string, string>();
  const add = (id: unknown, body: unknown) => {
    if (typeof id !== 'string' || typeof body !== 'string') throw new Error('every trusted document needs an id and a body');
    if (sha256(body) !== id) throw new Error(`trusted document ${id.slice(0, 12)}… does not hash to its id`);
    out.set(id, body);
  };
  if (json && typeof json === 'object' && Array.isArray((json as { operations?: unknown }).operations)) {
    for (const op of (json as { operations: { id?: unknown; body?: unknown }[] }).operations) add(op.id, op.body);
  } else if (json && typeof json === 'object') {
    for (const [id, body] of Object.entries(json)) add(id, body);
  } else throw new Error('the trusted-documents manifest is not a JSON object');
  return out;
}

export function loadTrustedDocuments(file: string): TrustedDocuments {
  const documents = parseManifest(fs.readFileSync(file, 'utf8'));
  return {
    size: documents.size,
    resolve(body) {
      const ext = body.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined;
      const hash = ext?.persistedQuery?.sha256Hash;
      if (typeof hash === 'string') {
        const query = documents.get(hash);
        if (!query) return { refused: 'This operation is not one of the trusted documents' };
        if (typeof body.query === 'string' && body.query !== query) return { refused: 'The query does not match its trusted document' };
        const { extensions: _e, ...rest } = body;
        return { body: { ...rest, query } };
      }
      if (typeof body.query === 'string' && documents.has(sha256(body.query))) return { body };
      return { refused: 'Only trusted documents are accepted: send a registered operation (extensions.persistedQuery.sha256Hash)' };
    },
  };
}

/** The 400 answer to a document that is not trusted. */
export function untrustedAnswer(message: string): { errors: { message: string; extensions: Record<string, unknown> }[] } {
  return { errors: [{ message, extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] };
}
