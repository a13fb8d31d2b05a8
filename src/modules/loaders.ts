import DataLoader from 'dataloader';
import { RequestTransaction } from '../db/request-transaction';

/** The case-file tables a participant's rows are loaded from, with their order. */
const CASE_TABLES = {
  competence_mapping: 'id',
  programme: 'id',
  decision: 'decided_at DESC, created_at DESC',
  absence: 'from_date, id',
  certificate: 'id',
} as const;
export type CaseTable = keyof typeof CASE_TABLES;

/**
 * Per-request DataLoaders on the request's transaction. Never shared between requests: a shared
 * loader would serve one tenant's cached rows to another.
 */
export interface Loaders {
  /** All rows of one case-file table for a participant; one query per table per request, whatever the page size. */
  caseRows: DataLoader<{ table: CaseTable; participantId: string }, Record<string, unknown>[], string>;
  /** Loaders a module makes for itself on first use in the request (see loaderFor). */
  extra: Map<string, unknown>;
}

/**
 * A module's own per-request loader, made on first use: `loaderFor(ctx.loaders, 'appealsByDecision', () => new DataLoader(...))`.
 * The factory gets the request's transaction, so the loader runs on it.
 */
export function loaderFor<T>(loaders: Loaders, name: string, make: (tx: RequestTransaction) => T): T {
  let loader = loaders.extra.get(name) as T | undefined;
  if (!loader) {
    loader = make(txOf.get(loaders)!);
    loaders.extra.set(name, loader);
  }
  return loader;
}

const txOf = new WeakMap<Loaders, RequestTransaction>();

export function createLoaders(tx: RequestTransaction): Loaders {
  const loaders: Loaders = {
    extra: new Map(),
    caseRows: new DataLoader(
      async (keys) => {
        const byTable = new Map<CaseTable, string[]>();
        for (const k of keys) byTable.set(k.table, [...(byTable.get(k.table) ?? []), k.participantId]);
        const results = new Map<string, Record<string, unknown>[]>();
        await Promise.all(
          [...byTable].map(async ([table, ids]) => {
            const rows = await tx.query<Record<string, unknown>>(
              `SELECT * FROM app.${table} WHERE municipality_id = ANY($2::smallint[]) AND participant_id = ANY($1::uuid[]) ORDER BY participant_id, ${CASE_TABLES[table]}`,
              [ids, tx.municipalityIds],
            );
            for (const r of rows) {
              const key = `${table}:${r.participant_id}`;
              results.set(key, [...(results.get(key) ?? []), r]);
            }
          }),
        );
        return keys.map((k) => results.get(`${k.table}:${k.participantId}`) ?? []);
      },
      { cacheKeyFn: (k) => `${k.table}:${k.participantId}` },
    ),
  };
  txOf.set(loaders, tx);
  return loaders;
}
