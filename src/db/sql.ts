/**
 * The typed SQL builder every repository uses. It only builds and compiles queries: they run on the
 * request's transaction (RequestTransaction.run) or, in scripts, on a client the script holds, so the
 * request transaction, its tenant settings and its statement counting stay exactly as they are.
 */
import { Compilable, DummyDriver, InferResult, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, RawBuilder, sql } from 'kysely';
import './pg-types';

/**
 * Every table by its SQL name (`app.participant`). Each module adds its own tables to this interface
 * from its `*.table.ts` (declaration merging), so src/db knows the tables without importing a module.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Tables {}

export const db = new Kysely<Tables>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

/** Whatever can run a statement with bound parameters: the request transaction, or a script's pg client. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export type Result<Q> = Q extends Compilable<infer O> ? (InferResult<Q> extends (infer R)[] ? R : O) : never;

/** Runs a built query and returns its rows, typed from the table descriptions. */
export async function run<Q extends Compilable>(on: Queryable, query: Q): Promise<InferResult<Q>> {
  const compiled = query.compile();
  return (await on.query(compiled.sql, compiled.parameters as unknown[])) as InferResult<Q>;
}

/** The first row, or undefined. */
export async function first<Q extends Compilable>(on: Queryable, query: Q): Promise<InferResult<Q>[number] | undefined> {
  return (await run(on, query))[0];
}

/** `= any($n::type[])`: a column in a bound list, one parameter whatever its length. */
export function anyOf<T>(values: readonly T[], type: 'uuid' | 'smallint' | 'text' | 'int' | 'date') {
  return sql<T>`any(${values}::${sql.raw(type)}[])`;
}

/**
 * A row held as JSON (a transfer's snapshot) as the values of an INSERT … VALUES: each column read by
 * PostgreSQL with the table's own type (`(json_populate_record(null::app.t, $1::json)).column`). Not
 * INSERT … SELECT FROM json_populate_record: Citus runs that through the coordinator as a COPY into the
 * shards, which row-level security refuses (measured: every acceptTransfer failed); VALUES whose
 * distribution column is a parameter is routed to its shard, and is the same statement on one node.
 */
export function columnsFromJson(table: `app.${string}`, json: object, columns: readonly string[]): Record<string, RawBuilder<unknown>> {
  if (!/^app\.[a-z_]+$/.test(table)) throw new Error(`columnsFromJson: not a table name: ${table}`);
  const text = JSON.stringify(json);
  return Object.fromEntries(columns.map((c) => [c, sql`(json_populate_record(null::${sql.raw(table)}, ${text}::json)).${sql.ref(c)}`]));
}

export { sql };

/** A pg Client or Pool as a Queryable (scripts and maintenance run on these, not on a request transaction). */
export function queryableOf(client: { query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }> }): Queryable {
  return { query: async <T>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as T[] };
}
