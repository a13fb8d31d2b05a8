import crypto from 'node:crypto';
import { conflict } from '../../graphql/errors';
import { GraphQLContext } from '../../graphql/context';
import { canonicalJson } from './change-log';

/**
 * Idempotent creates: the first request with a key creates and records the new id; a retry with
 * the same key and the same payload gets that id back and creates nothing; the same key with a
 * different payload is refused. Concurrent retries wait on the key's unique index, so exactly one
 * creates.
 */
export async function idempotentCreate(
  ctx: GraphQLContext,
  args: { municipalityId: number; key: string | null | undefined; operation: string; payload: unknown },
  create: () => Promise<string>,
): Promise<{ id: string; replayed: boolean }> {
  if (!args.key) return { id: await create(), replayed: false };
  const requestHash = crypto.createHash('sha256').update(canonicalJson(args.payload)).digest('hex');
  const inserted = await ctx.tx.query(
    `INSERT INTO app.idempotency_key (municipality_id, key, actor_org, operation, request_hash)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING key`,
    [args.municipalityId, args.key, ctx.actor.org, args.operation, requestHash],
  );
  if (inserted.length === 1) {
    const id = await create();
    await ctx.tx.query(
      `UPDATE app.idempotency_key SET result_id = $4 WHERE municipality_id = $1 AND actor_org = $2 AND key = $3`,
      [args.municipalityId, ctx.actor.org, args.key, id],
    );
    return { id, replayed: false };
  }
  const [prior] = await ctx.tx.query<{ operation: string; request_hash: string; result_id: string | null }>(
    `SELECT operation, request_hash, result_id FROM app.idempotency_key WHERE municipality_id = $1 AND actor_org = $2 AND key = $3`,
    [args.municipalityId, ctx.actor.org, args.key],
  );
  if (!prior || prior.operation !== args.operation || prior.request_hash !== requestHash || !prior.result_id) {
    throw conflict('This idempotency key was already used for a different request');
  }
  return { id: prior.result_id, replayed: true };
}
