import crypto from 'node:crypto';
import { ConflictError } from '../../domain/errors';
import { RequestContext } from '../shared';
import { auditRepository } from './audit.repository';
import { canonicalJson } from './change-log';

/**
 * Idempotent creates: the first request with a key creates and records the new id; a retry with
 * the same key and the same payload gets that id back and creates nothing; the same key with a
 * different payload is refused. Concurrent retries wait on the key's unique index, so exactly one
 * creates.
 */
export async function idempotentCreate(
  ctx: RequestContext,
  args: { municipalityId: number; key: string | null | undefined; operation: string; payload: unknown },
  create: () => Promise<string>,
): Promise<{ id: string; replayed: boolean }> {
  if (!args.key) return { id: await create(), replayed: false };
  const requestHash = crypto.createHash('sha256').update(canonicalJson(args.payload)).digest('hex');
  if (await auditRepository.claimKey(ctx, { municipalityId: args.municipalityId, key: args.key, operation: args.operation, requestHash })) {
    const id = await create();
    await auditRepository.recordKeyResult(ctx, args.municipalityId, args.key, id);
    return { id, replayed: false };
  }
  const prior = await auditRepository.priorKey(ctx, args.municipalityId, args.key);
  if (!prior || prior.operation !== args.operation || prior.request_hash !== requestHash || !prior.result_id) {
    throw new ConflictError('This idempotency key was already used for a different request');
  }
  return { id: prior.result_id, replayed: true };
}
