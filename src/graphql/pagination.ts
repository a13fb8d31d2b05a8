import crypto from 'node:crypto';
import { ArgsType, ClassType, Field, Int, ObjectType } from 'type-graphql';
import { IsInt, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { badInput } from './errors';

export const MAX_PAGE_SIZE = 100;

/** Relay-style page arguments. Page size is capped with an error, never silently clamped. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: 'Page size, 1 to 100.' })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  @IsOptional()
  @MaxLength(200)
  after?: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'Where a page stands in its list (Relay cursor connections).' })
export class PageInfo {
  @Field({ description: 'More rows follow this page (ask with after: endCursor).' })
  hasNextPage: boolean;

  @Field({ description: 'Rows come before this page: the page was asked for after a cursor.' })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: "The first row's cursor; null on an empty page." })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: "The last row's cursor (the next page's after); null on an empty page." })
  endCursor: string | null;
}

/** The page info of a forward page: rows before it exist when it was asked for after a cursor (a cursor names a row the server gave). */
export function pageInfoOf(edges: readonly { cursor: string }[], hasNextPage: boolean, after: string | null | undefined): PageInfo {
  return { hasNextPage, hasPreviousPage: Boolean(after), startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null };
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

export function encodeCursor(values: unknown[]): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', cursorKey, iv);
  cipher.setAAD(CURSOR_AAD);
  const body = Buffer.concat([cipher.update(JSON.stringify(values), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
}

export function decodeCursor(cursor: string, arity: number, field = 'after'): unknown[] {
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
  @ObjectType(`${name}Edge`, { simpleResolvers: true })
  class Edge {
    @Field()
    cursor: string;

    @Field(() => node)
    node: T;
  }

  @ObjectType(`${name}Connection`, { simpleResolvers: true })
  class ConnectionType {
    @Field(() => [Edge])
    edges: Edge[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'All matching rows, not only this page.' })
    totalCount: number;
  }
  return ConnectionType;
}
