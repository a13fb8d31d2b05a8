/**
 * Rate limits per caller: per token subject (within its organisation) and per organisation, each a
 * number of GraphQL requests per minute. With REDIS_URL the counters live in Redis, so every API process
 * behind the load balancer counts against the same budget; without it, in memory (one process). When
 * Redis does not answer, each process falls back to its own in-memory counters rather than failing the
 * request. A caller over a limit gets HTTP 429 RATE_LIMITED with Retry-After (seconds).
 */
import Redis from 'ioredis';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { GraphQLError } from 'graphql';
import { Config } from '../config';

export interface RateLimits {
  /** Throws a 429 RATE_LIMITED GraphQLError when the caller or its organisation is over its limit. */
  check(caller: { sub: string; role: string; org: string }): Promise<void>;
  close(): Promise<void>;
}

function limiter(config: Config, redis: Redis | null, name: string, points: number): RateLimiterAbstract {
  const opts = { points, duration: 60, keyPrefix: `${config.rateLimit.prefix}:${name}` };
  if (!redis) return new RateLimiterMemory(opts);
  return new RateLimiterRedis({ ...opts, storeClient: redis, insuranceLimiter: new RateLimiterMemory(opts) });
}

export function rateLimited(retryAfterSeconds: number): GraphQLError {
  const seconds = String(Math.max(1, Math.ceil(retryAfterSeconds)));
  return new GraphQLError(`Too many requests; try again in ${seconds} s`, {
    extensions: { code: 'RATE_LIMITED', retryable: true, http: { status: 429, headers: new Map([['retry-after', seconds]]) } },
  });
}

export function createRateLimits(config: Config): RateLimits {
  const { perCallerPerMinute, perOrgPerMinute, redisUrl } = config.rateLimit;
  const redis = redisUrl ? new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false }) : null;
  // A lost Redis is not a failed request: the insurance limiter counts meanwhile.
  redis?.on('error', () => undefined);
  const perCaller = limiter(config, redis, 'sub', perCallerPerMinute);
  const perOrg = limiter(config, redis, 'org', perOrgPerMinute);
  return {
    async check(caller) {
      try {
        await perCaller.consume(`${caller.role}:${caller.org}:${caller.sub}`);
        await perOrg.consume(`${caller.role}:${caller.org}`);
      } catch (err) {
        if (err instanceof RateLimiterRes) throw rateLimited(err.msBeforeNext / 1000);
        throw err;
      }
    },
    async close() {
      if (redis) await redis.quit().catch(() => redis.disconnect());
    },
  };
}
