/**
 * The appeal module's per-request DataLoaders, on the request's transaction: one SQL statement per
 * loader per request, whatever the number of appeals on the page. Keys carry the municipality, so every
 * look-up uses a (municipality_id, …) index also for Statsforvalteren, whose settings name no single
 * municipality. Row-level security decides what each caller gets back.
 */
import DataLoader from 'dataloader';
import { RequestTransaction } from '../../db/request-transaction';
import { GraphQLContext } from '../../graphql/context';
import { loaderFor } from '../loaders';
import { AppealEventRow, AppealRow } from './appeal.rows';

type Row = Record<string, unknown>;

/** A row of a tenant table is found by its municipality and an id. */
export interface TenantKey {
  municipalityId: number;
  id: string;
}
const keyOf = (k: TenantKey) => `${k.municipalityId}:${k.id}`;

/** The rows of `table` whose (municipality_id, column) is one of the keys, grouped by key, in `order` (alias t). */
function rowsLoader<R>(tx: RequestTransaction, table: string, column: string, order: string): DataLoader<TenantKey, R[], string> {
  return new DataLoader<TenantKey, R[], string>(
    async (keys) => {
      const rows = await tx.query<Row>(
        `SELECT t.* FROM app.${table} t JOIN unnest($1::smallint[], $2::uuid[]) AS k(m, id) ON t.municipality_id = k.m AND t.${column} = k.id
         ORDER BY t.municipality_id, t.${column}, ${order}`,
        [keys.map((k) => k.municipalityId), keys.map((k) => k.id)],
      );
      const groups = new Map<string, R[]>();
      for (const r of rows) {
        const k = keyOf({ municipalityId: Number(r.municipality_id), id: r[column] as string });
        groups.set(k, [...(groups.get(k) ?? []), r as R]);
      }
      return keys.map((k) => groups.get(keyOf(k)) ?? []);
    },
    { cacheKeyFn: keyOf },
  );
}

const NAMES = ['appeal.byParticipant', 'appeal.byDecision', 'appeal.history', 'appeal.decision', 'appeal.planVersions'] as const;

export const appealLoaders = {
  /** A participant's appeals, newest first. */
  byParticipant: (ctx: GraphQLContext) =>
    loaderFor(ctx.loaders, NAMES[0], (tx) => rowsLoader<AppealRow>(tx, 'appeal', 'participant_id', 't.received_at DESC, t.created_at DESC, t.id')),
  /** The appeals of a decision, newest first. */
  byDecision: (ctx: GraphQLContext) =>
    loaderFor(ctx.loaders, NAMES[1], (tx) => rowsLoader<AppealRow>(tx, 'appeal', 'decision_id', 't.received_at DESC, t.created_at DESC, t.id')),
  /** An appeal's history, oldest first. */
  history: (ctx: GraphQLContext) => loaderFor(ctx.loaders, NAMES[2], (tx) => rowsLoader<AppealEventRow>(tx, 'appeal_event', 'appeal_id', 't.at, t.id')),
  /** Decisions by id (the appealed decision, a reversal, a follow-up). */
  decision: (ctx: GraphQLContext) =>
    loaderFor(ctx.loaders, NAMES[3], (tx) => {
      const rows = rowsLoader<Row>(tx, 'decision', 'id', 't.id');
      return { load: async (k: TenantKey): Promise<Row | null> => (await rows.load(k))[0] ?? null, clearAll: () => rows.clearAll() };
    }),
  /** A participant's plan and contract versions, newest first. */
  planVersions: (ctx: GraphQLContext) => loaderFor(ctx.loaders, NAMES[4], (tx) => rowsLoader<Row>(tx, 'plan_version', 'participant_id', 't.version_no DESC')),
};

/** After a write, the request's appeal loaders must not answer from what they read before it. */
export function forgetAppeals(ctx: GraphQLContext): void {
  for (const name of NAMES) (ctx.loaders.extra.get(name) as { clearAll(): unknown } | undefined)?.clearAll();
}
