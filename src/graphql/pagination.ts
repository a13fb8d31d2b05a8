import crypto from 'node:crypto';
import { ArgsType, ClassType, Field, Int, ObjectType } from 'type-graphql';
import { IsInt, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { badInput } from './errors';
import { enumFrom } from './enums';

export const MAX_PAGE_SIZE = 100;

export const DEFAULT_PAGE_SIZE = 20;

export const SORT_DIRECTIONS = ['ASC', 'DESC'] as const;
export type SortDirectionValue = (typeof SORT_DIRECTIONS)[number];
export const SortDirectionEnum = enumFrom(
  SORT_DIRECTIONS,
  'SortDirection',
  "The direction of a list's order. ASC: smallest (earliest) first, rows without a value last. DESC: the exact reverse (largest first, rows without a value first, ties by id descending).",
  { ASC: 'Ascending: smallest or earliest first, rows without a value last.', DESC: 'Descending: the exact reverse of ASC.' },
);

/**
 * Relay-style page arguments: first/after pages forward, last/before backward (the rows just before
 * `before`, or the list's last rows), still in the list's order. Page size is capped with an error,
 * never silently clamped; without first and last a page is the first 20 rows.
 */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: 'Page size forward (after `after`, or from the start), 1 to 100; 20 when neither first nor last is given.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  @IsOptional()
  @MaxLength(200)
  after?: string | null;

  @Field(() => Int, { nullable: true, description: "Page size backward (the rows just before `before`, or the list's last rows), 1 to 100." })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'The startCursor of the following page: page backward from it (with last).' })
  @IsOptional()
  @MaxLength(200)
  before?: string | null;
}

/**
 * Which rows a page asks for: `size` rows read from `cursor` in the list's order (forward) or in its
 * reverse (backward). A backward page is read in the reverse order with LIMIT size + 1 and turned back
 * in Node (pageOf), so both directions read the same index, one statement each.
 */
export interface PageWindow {
  size: number;
  backward: boolean;
  cursor: string | null;
  /** The argument the cursor came in: what a refused cursor's error names. */
  cursorArg: 'after' | 'before';
}

export function pageWindow(args: { first?: number | null; after?: string | null; last?: number | null; before?: string | null }): PageWindow {
  const given = (v: unknown) => v !== null && v !== undefined;
  if (given(args.first) && given(args.last)) throw badInput('last', 'Give first (page forward) or last (page backward), not both');
  if (args.after && args.before) throw badInput('before', 'Give after (page forward) or before (page backward), not both');
  if (given(args.last) || args.before) {
    if (given(args.first)) throw badInput('first', 'before pages backward: give last with it, not first');
    if (args.after) throw badInput('after', 'last pages backward: give before with it, not after');
    return { size: args.last ?? DEFAULT_PAGE_SIZE, backward: true, cursor: args.before ?? null, cursorArg: 'before' };
  }
  return { size: args.first ?? DEFAULT_PAGE_SIZE, backward: false, cursor: args.after ?? null, cursorArg: 'after' };
}

/** The direction rows are read in for a window: the list's own, or its reverse for a backward page. */
export function readingDirection<D extends 'ASC' | 'DESC'>(direction: D, w: PageWindow): 'ASC' | 'DESC' {
  return w.backward ? (direction === 'ASC' ? 'DESC' : 'ASC') : direction;
}

/**
 * A page out of the rows read for a window (at most size + 1, in reading order): the page in the list's
 * order, and whether rows follow or come before it. A page asked for from a cursor has rows on the
 * cursor's side (a cursor names a row the server gave).
 */
export function pageOf<T>(read: readonly T[], w: PageWindow): { rows: T[]; hasNextPage: boolean; hasPreviousPage: boolean } {
  const more = read.length > w.size;
  const rows = read.slice(0, w.size);
  if (w.backward) return { rows: rows.reverse(), hasNextPage: Boolean(w.cursor), hasPreviousPage: more };
  return { rows, hasNextPage: more, hasPreviousPage: Boolean(w.cursor) };
}

@ObjectType({ simpleResolvers: true, description: 'Where a page stands in its list (Relay cursor connections).' })
export class PageInfo {
  @Field({ description: 'More rows follow this page (ask with first and after: endCursor).' })
  hasNextPage: boolean;

  @Field({ description: 'Rows come before this page (ask with last and before: startCursor).' })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: "The first row's cursor (the previous page's before); null on an empty page." })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: "The last row's cursor (the next page's after); null on an empty page." })
  endCursor: string | null;
}

/**
 * A page's edges whose cursors are sealed only when a client reads them (`edges { cursor }`,
 * `pageInfo { startCursor endCursor }`), once per edge: a page that asks for its nodes alone seals
 * nothing (sealing was 8.5 % of the API's CPU on the case list, where the dashboard reads no cursor).
 */
export function edgesOf<R, N = R>(rows: readonly R[], cursorOf: (row: R) => unknown[], toNode?: (row: R) => N): Edge<N>[] {
  const seal = (row: R) => encodeCursor(cursorOf(row));
  return rows.map((row) => new LazyEdge(row, toNode ? toNode(row) : (row as unknown as N), seal));
}

/** The same, for a list whose module seals its own cursors (the case list binds its order into them). */
export function edgesSealedBy<N>(nodes: readonly N[], seal: (node: N) => string): Edge<N>[] {
  return nodes.map((node) => new LazyEdge(node, node, seal));
}

export interface Edge<N> {
  readonly node: N;
  readonly cursor: string;
}

class LazyEdge<R, N> implements Edge<N> {
  #cursor: string | undefined;
  constructor(
    private readonly row: R,
    readonly node: N,
    private readonly seal: (row: R) => string,
  ) {}
  get cursor(): string {
    return (this.#cursor ??= this.seal(this.row));
  }
}

/** The page info of a page of edges (its cursors read from the edges when asked). */
export function pageInfoFor(edges: readonly { cursor: string }[], page: { hasNextPage: boolean; hasPreviousPage: boolean }): PageInfo {
  return {
    hasNextPage: page.hasNextPage,
    hasPreviousPage: page.hasPreviousPage,
    get startCursor() {
      return edges[0]?.cursor ?? null;
    },
    get endCursor() {
      return edges.at(-1)?.cursor ?? null;
    },
  };
}

/*
 * Cursors are opaque (issue 19): the sort key they carry (a name, a start deadline) is encrypted and
 * authenticated with a server key (AES-256-GCM), so a page of cursors tells a client nothing a page of
 * ids would not, and a cursor the server did not make, or one changed by a single bit, is refused as
 * BAD_USER_INPUT before its values are looked at. The key comes from configureCursorKey (CURSOR_SECRET,
 * else the token secret, else a random key per process: cursors then last as long as the process).
 */
const CURSOR_AAD = Buffer.from('introsak cursor v1');
let cursorKey: Buffer = crypto.randomBytes(32);

/** Derives the cursor key from secret material (HKDF-SHA256): every process with the same secret reads the others' cursors. */
export function configureCursorKey(secret: string | null | undefined): void {
  cursorKey = secret ? Buffer.from(crypto.hkdfSync('sha256', secret, 'introsak', 'cursor-key-v1', 32)) : crypto.randomBytes(32);
}

/**
 * GCM nonces: random, 12 bytes each, drawn from a buffer filled 512 nonces at a time (one call into
 * the system's generator instead of one per cursor). Every nonce is used once.
 */
const NONCES_PER_FILL = 512;
const nonces = Buffer.alloc(12 * NONCES_PER_FILL);
let nextNonce = NONCES_PER_FILL;
function freshNonce(): Buffer {
  if (nextNonce === NONCES_PER_FILL) {
    crypto.randomFillSync(nonces);
    nextNonce = 0;
  }
  // A copy: the pool is refilled in place.
  return Buffer.from(nonces.subarray(12 * nextNonce, 12 * ++nextNonce));
}

export function encodeCursor(values: unknown[]): string {
  const iv = freshNonce();
  const cipher = crypto.createCipheriv('aes-256-gcm', cursorKey, iv);
  cipher.setAAD(CURSOR_AAD);
  const body = Buffer.concat([cipher.update(JSON.stringify(values), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
}

export function decodeCursor(cursor: string, arity: number, field: string = 'after'): unknown[] {
  try {
    const raw = Buffer.from(cursor, 'base64url');
    if (raw.length >= 12 + 16 + 2 && raw.toString('base64url') === cursor) {
      const decipher = crypto.createDecipheriv('aes-256-gcm', cursorKey, raw.subarray(0, 12));
      decipher.setAAD(CURSOR_AAD);
      decipher.setAuthTag(raw.subarray(raw.length - 16));
      const text = Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString('utf8');
      const values = JSON.parse(text);
      if (Array.isArray(values) && values.length === arity) return values;
    }
  } catch {
    /* fall through: not ours, or changed */
  }
  throw badInput(field, 'Unknown cursor: use a cursor of a previous page');
}

/** A Relay connection type for T: edges with cursors, pageInfo and totalCount. */
export function Connection<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true, description: `One row of the ${name} list with its cursor.` })
  class Edge {
    @Field({ description: 'Where this row stands: after or before it pages on from here. Opaque and sealed; bound to the order it was read in.' })
    cursor: string;

    @Field(() => node, { description: 'The row.' })
    node: T;
  }

  @ObjectType(`${name}Connection`, { simpleResolvers: true, description: `A page of the ${name} list (Relay cursor connection).` })
  class ConnectionType {
    @Field(() => [Edge], { description: "The page's rows, in the list's order (also for a backward page)." })
    edges: Edge[];

    @Field(() => PageInfo, { description: 'Where the page stands in its list.' })
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'All matching rows, not only this page.' })
    totalCount: number;
  }
  return ConnectionType;
}
