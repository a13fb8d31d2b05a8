/**
 * One description per table, read three ways:
 * - TypeORM reads it as an EntitySchema: `npm run db:drift` (CI) fails when it differs from the migrated
 *   schema, and `npm run migration:generate` drafts a new migration from it;
 * - Kysely reads its column types: every query a repository builds is checked by the compiler;
 * - repositories map rows to records with `toRecord`, one generic mapping (snake_case → camelCase).
 *
 * Columns are keyed by their SQL names, so a query reads like the database. The record a repository
 * returns has the same fields in camelCase (`full_name` → `fullName`), typed from the same description.
 */
import type { ColumnType, Insertable, Updateable } from 'kysely';
import { EntitySchema, EntitySchemaColumnOptions } from 'typeorm';

type SqlType =
  'smallint' | 'integer' | 'bigint' | 'numeric' | 'text' | 'character' | 'boolean' | 'date' | 'timestamp with time zone' | 'uuid' | 'jsonb' | 'datemultirange';

interface ColumnSpec {
  type: SqlType;
  nullable: boolean;
  /** A literal (string, number, boolean) or an SQL expression ({ sql }). */
  default?: string | number | boolean | { sql: string };
  array: boolean;
  length?: number;
  precision?: number;
  scale?: number;
  collation?: string;
}

/**
 * A column: S is what a SELECT returns (after the pg type parsers in src/db/pg-types.ts), N whether it
 * may be NULL, D whether the database fills it when an INSERT leaves it out.
 */
export class Column<S, N extends boolean = false, D extends boolean = false> {
  declare readonly __select: S;
  declare readonly __nullable: N;
  declare readonly __default: D;
  constructor(readonly spec: ColumnSpec) {}

  nullable(): Column<S, true, D> {
    return new Column({ ...this.spec, nullable: true });
  }
  /** A literal default value. */
  default(value: string | number | boolean): Column<S, N, true> {
    return new Column({ ...this.spec, default: value });
  }
  /** A default computed by SQL, e.g. `gen_random_uuid()` or `now()`. */
  defaultSql(sql: string): Column<S, N, true> {
    return new Column({ ...this.spec, default: { sql } });
  }
  array(): Column<S[], N, D> {
    return new Column({ ...this.spec, array: true });
  }
  collation(name: string): Column<S, N, D> {
    return new Column({ ...this.spec, collation: name });
  }
}

const col = <S>(type: SqlType, extra: Partial<ColumnSpec> = {}) => new Column<S>({ type, nullable: false, array: false, ...extra });

/** Column types. Dates are 'YYYY-MM-DD' strings; numeric and bigint are parsed to numbers (src/db/pg-types.ts). */
export const c = {
  smallint: () => col<number>('smallint'),
  integer: () => col<number>('integer'),
  bigint: () => col<number>('bigint'),
  numeric: (precision: number, scale: number) => col<number>('numeric', { precision, scale }),
  text: <T extends string = string>() => col<T>('text'),
  char: (length: number) => col<string>('character', { length }),
  boolean: () => col<boolean>('boolean'),
  date: () => col<string>('date'),
  timestamptz: () => col<Date>('timestamp with time zone'),
  uuid: () => col<string>('uuid'),
  jsonb: <T = unknown>() => col<T>('jsonb'),
  /** A set of date ranges, as PostgreSQL's text ('{[2024-01-01,2026-01-01)}'); for range tests in SQL. */
  datemultirange: () => col<string>('datemultirange'),
};

type AnyColumn = Column<unknown, boolean, boolean>;
export type Columns = Record<string, AnyColumn>;

export interface ForeignKey<C> {
  /** Defaults to PostgreSQL's own name, `<table>_<columns>_fkey`. */
  name?: string;
  columns: (keyof C & string)[];
  references: { table: string; columns: string[] };
}
export interface Index<C> {
  name: string;
  columns: (keyof C & string)[];
  unique?: boolean;
  where?: string;
  /**
   * An index TypeORM cannot describe (GIN, DESC keys, expressions): declared by name so the drift check
   * knows it and leaves it to its migration.
   */
  managedByMigration?: true;
}

export interface TableOptions<C extends Columns> {
  primaryKey: (keyof C & string)[];
  /** Names default to PostgreSQL's own, `<table>_<columns>_key`. */
  uniques?: { name?: string; columns: (keyof C & string)[] }[];
  indexes?: Index<C>[];
  foreignKeys?: ForeignKey<C>[];
  /** Check constraints by name; their expressions live in the migrations (the drift check compares names). */
  checks?: { name: string; expression: string }[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface Table<C extends Columns = any> {
  /** `app.<name>`, as Kysely and SQL name it. */
  readonly sqlName: `app.${string}`;
  readonly name: string;
  readonly columns: C;
  readonly options: TableOptions<C>;
  /** The same description for TypeORM (drift check, migration:generate). */
  readonly entity: EntitySchema;
  readonly columnNames: (keyof C & string)[];
}

/**
 * The options every TypeORM DataSource that reads these descriptions needs: gen_random_uuid() is
 * PostgreSQL's own (no extension to install).
 */
export const TYPEORM_POSTGRES = { uuidExtension: 'pgcrypto', installExtensions: false } as const;

/** PostgreSQL's default constraint name: table, columns and suffix, cut to 63 bytes as it does. */
function pgName(table: string, columns: string[], suffix: string): string {
  const name = `${table}_${columns.join('_')}_${suffix}`;
  return name.length <= 63 ? name : name.slice(0, 63 - suffix.length - 1) + '_' + suffix;
}

export function defineTable<const N extends string, C extends Columns>(name: N, columns: C, options: TableOptions<C>): Table<C> & { sqlName: `app.${N}` } {
  const entityColumns: Record<string, EntitySchemaColumnOptions> = {};
  for (const [column, { spec }] of Object.entries(columns)) {
    const entityColumn: EntitySchemaColumnOptions = {
      type: spec.type,
      name: column,
      nullable: spec.nullable,
      primary: (options.primaryKey as string[]).includes(column),
      array: spec.array,
      ...(spec.length !== undefined ? { length: spec.length } : {}),
      ...(spec.precision !== undefined ? { precision: spec.precision, scale: spec.scale } : {}),
      ...(spec.collation ? { collation: spec.collation } : {}),
    };
    if (spec.default !== undefined) {
      const d = spec.default;
      // TypeORM reads gen_random_uuid() as a generated uuid (with uuidExtension: 'pgcrypto', see TYPEORM_POSTGRES).
      if (typeof d === 'object' && d.sql === 'gen_random_uuid()') entityColumn.generated = 'uuid';
      else entityColumn.default = typeof d === 'object' ? () => d.sql : d;
    }
    entityColumns[column] = entityColumn;
  }
  const entity = new EntitySchema({
    name,
    tableName: name,
    schema: 'app',
    columns: entityColumns,
    uniques: (options.uniques ?? []).map((u) => ({ name: u.name ?? pgName(name, u.columns, 'key'), columns: u.columns })),
    indices: (options.indexes ?? []).map((i) => ({
      name: i.name,
      columns: i.columns,
      unique: i.unique ?? false,
      ...(i.where ? { where: i.where } : {}),
      ...(i.managedByMigration ? { synchronize: false } : {}),
    })),
    foreignKeys: (options.foreignKeys ?? []).map((f) => ({
      name: f.name ?? pgName(name, f.columns, 'fkey'),
      target: f.references.table,
      columnNames: f.columns,
      referencedColumnNames: f.references.columns,
    })),
    checks: (options.checks ?? []).map((ch) => ({ name: ch.name, expression: ch.expression })),
  });
  const sqlName = `app.${name}` as const;
  return { sqlName, name, columns, options, entity, columnNames: Object.keys(columns) as (keyof C & string)[] };
}

// ---------------------------------------------------------------------------------------------------
// Types read off a table description.

type Nullish<S, N> = N extends true ? S | null : S;

/** The Kysely table interface: select, insert and update types per column. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type KyselyTable<T extends Table<any>> = {
  [K in keyof T['columns']]: T['columns'][K] extends Column<infer S, infer N, infer D>
    ? ColumnType<Nullish<S, N>, N extends true ? Nullish<S, N> | undefined : D extends true ? S | undefined : S, Nullish<S, N>>
    : never;
};

/** A row as SELECT * returns it, with SQL names. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Row<T extends Table<any>> = {
  [K in keyof T['columns']]: T['columns'][K] extends Column<infer S, infer N, boolean> ? Nullish<S, N> : never;
};

type CamelCase<S extends string> = S extends `${infer H}_${infer R}` ? `${H}${Capitalize<CamelCase<R>>}` : S;
export type Camel<R> = { [K in keyof R as K extends string ? CamelCase<K> : K]: R[K] };

/** A row as a module's record: the same fields, camelCase. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type RecordOf<T extends Table<any>> = Camel<Row<T>>;

const camelCache = new Map<string, string>();
export function camelName(snake: string): string {
  let out = camelCache.get(snake);
  if (out === undefined) {
    out = snake.replace(/_([a-z0-9])/g, (_, ch: string) => ch.toUpperCase());
    camelCache.set(snake, out);
  }
  return out;
}
const snakeCache = new Map<string, string>();
export function snakeName(camel: string): string {
  let out = snakeCache.get(camel);
  if (out === undefined) {
    out = camel.replace(/[A-Z]/g, (ch) => '_' + ch.toLowerCase());
    snakeCache.set(camel, out);
  }
  return out;
}

/** Maps a row's SQL names to camelCase: the one mapping every repository uses. */
export function toRecord<R extends object>(row: R): Camel<R> {
  const out: Record<string, unknown> = {};
  for (const key in row) out[camelName(key)] = (row as Record<string, unknown>)[key];
  return out as Camel<R>;
}

type SnakeCase<S extends string> = S extends `${infer C}${infer R}` ? `${C extends Lowercase<C> ? C : `_${Lowercase<C>}`}${SnakeCase<R>}` : S;
export type Snake<R> = { [K in keyof R as K extends string ? SnakeCase<K> : K]: R[K] };

/** What an INSERT takes, in camelCase: columns with a default or NULL may be left out. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type InsertRecord<T extends Table<any>> = Camel<Insertable<KyselyTable<T>>>;
/** What an UPDATE may set, in camelCase. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type UpdateRecord<T extends Table<any>> = Camel<Updateable<KyselyTable<T>>>;

/**
 * A record's fields as the table's columns (camelCase → snake_case), keeping only fields that are
 * columns: an input object can be handed over as it is, and a field added to the table and to the
 * input flows through without another edit.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function toRow<T extends Table<any>, R extends object>(table: T, record: R): Snake<R> {
  const out: Record<string, unknown> = {};
  const columns = table.columns as Record<string, unknown>;
  for (const key in record) {
    const value = (record as Record<string, unknown>)[key];
    if (value === undefined) continue;
    const column = snakeName(key);
    if (!(column in columns)) continue;
    // pg sends a JavaScript array as a PostgreSQL array literal: a JSON array for a jsonb column must go as JSON text.
    const spec = (columns[column] as { spec?: ColumnSpec }).spec;
    out[column] = spec?.type === 'jsonb' && !spec.array && Array.isArray(value) ? JSON.stringify(value) : value;
  }
  return out as Snake<R>;
}

/**
 * The table's columns as SQL references under an alias, for the few statements kept as hand-written SQL
 * (the case list, whose plans were measured statement by statement): `${P.start_deadline}` is
 * `p.start_deadline`, and a column that is not in the description does not compile.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function columnsOf<T extends Table<any>, A extends string>(table: T, alias: A): { readonly [K in keyof T['columns'] & string]: `${A}.${K}` } {
  return Object.fromEntries(table.columnNames.map((c) => [c, `${alias}.${c}`])) as never;
}

/** A column reference of the row a fragment is correlated with (what columnsOf gives). */
export interface CaseRowRef {
  municipality_id: string;
  id: string;
}

const SQL_ALIAS = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** A case row's key columns under an alias of the caller's SQL; the alias must be a plain SQL identifier. */
export function caseRowRef(alias: string | CaseRowRef): CaseRowRef {
  if (typeof alias !== 'string') return alias;
  if (!SQL_ALIAS.test(alias)) throw new Error(`not an SQL alias: ${alias}`);
  return { municipality_id: `${alias}.municipality_id`, id: `${alias}.id` };
}

/** A constant as an SQL literal, its value checked against the column's type: `${lit<AppealState>('CLOSED')}`. */
export function lit<T extends string | number>(value: T): string {
  return typeof value === 'number' ? String(value) : `'${String(value).replace(/'/g, "''")}'`;
}
/** Constants as an SQL list: `IN (${litList(RUNNING)})`. */
export function litList<T extends string>(values: readonly T[]): string {
  return values.map((v) => lit(v)).join(', ');
}
