import type { Pool } from 'pg';
import { DatabaseUnavailableError } from './connection-errors';

/**
 * The lock-wait policy: mutations may hold only a bounded share of the API pool at once, so writers
 * that queue on one locked case (each waiting up to lock_timeout with a connection in hand) can never
 * take the connections that every other request needs. Reads (GraphQL queries) always have the rest.
 *
 * - Writer slots: the pool size minus a reserve of a quarter of it (at least one connection), so a
 *   pool of 4 lets 3 mutations hold connections and keeps 1 for reads; a pool of 10 keeps 3 (see
 *   writerSlots). A pool of 1 has no reserve.
 * - Writers beyond the share wait in arrival order (first come, first served) for up to the pool's
 *   connection timeout; a writer still waiting then gets DatabaseUnavailableError, which the client
 *   sees as UNAVAILABLE (HTTP 503, Retry-After, retryable).
 * - A writer in a slot that waits on a row lock waits at most the API role's lock_timeout (2 s), then
 *   gets a retryable TIMEOUT, and the slot is free again.
 */
export function writerSlots(poolSize: number): number {
  if (poolSize <= 1) return Math.max(1, poolSize);
  const reserve = Math.max(1, Math.round(poolSize / 4));
  return poolSize - reserve;
}

export class WriterLane {
  private inUse = 0;
  private readonly waiting: { grant: () => void; timer: NodeJS.Timeout }[] = [];

  constructor(
    readonly slots: number,
    private readonly waitMs: number,
  ) {}

  /** Resolves with a release function once a slot is free; rejects after waitMs in the queue. */
  acquire(): Promise<() => void> {
    if (this.inUse < this.slots && this.waiting.length === 0) {
      this.inUse += 1;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve, reject) => {
      const entry = {
        grant: () => {
          clearTimeout(entry.timer);
          this.inUse += 1;
          resolve(this.releaser());
        },
        timer: setTimeout(() => {
          const i = this.waiting.indexOf(entry);
          if (i >= 0) this.waiting.splice(i, 1);
          reject(new DatabaseUnavailableError('timed out waiting for a database connection for a mutation'));
        }, this.waitMs),
      };
      entry.timer.unref?.();
      this.waiting.push(entry);
    });
  }

  get active(): number {
    return this.inUse;
  }

  get queued(): number {
    return this.waiting.length;
  }

  private releaser(): () => void {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.inUse -= 1;
      const next = this.waiting.shift();
      if (next) next.grant();
    };
  }
}

const lanes = new WeakMap<Pool, WriterLane>();

/** The writer lane of a pool, made on first use from the pool's size and connection timeout. */
export function writerLaneOf(pool: Pool): WriterLane {
  let lane = lanes.get(pool);
  if (!lane) {
    const options = (pool as unknown as { options: { max?: number; connectionTimeoutMillis?: number } }).options;
    lane = new WriterLane(writerSlots(options.max ?? 10), options.connectionTimeoutMillis || 5000);
    lanes.set(pool, lane);
  }
  return lane;
}
