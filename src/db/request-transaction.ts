import crypto from 'node:crypto';
import type { PoolClient } from 'pg';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';

/** Named (prepared) statements: PostgreSQL parses and plans a hot query once per connection, not per request. */
const statementNames = new Map<string, string>();
function statementName(sql: string): string {
  let name = statementNames.get(sql);
  if (!name) {
    name = 'introsak_' + crypto.createHash('sha1').update(sql).digest('hex').slice(0, 20);
    if (statementNames.size < 5000) statementNames.set(sql, name);
  }
  return name;
}

/** What the row-level-security policies read, set transaction-locally. */
export interface TenantSettings {
  role: string;
  org: string;
  actor: string;
  /** The caller's own municipality (municipality users only). */
  municipalityId: number | null;
  /** Every municipality the caller may reach. */
  municipalityIds: number[];
}

/**
 * One GraphQL request = one transaction on one pooled connection, with the caller's identity set by
 * set_config(..., true) in a single round trip. Everything a request reads or writes goes through
 * this manager; the settings vanish at COMMIT or ROLLBACK, so a pooled connection never carries a
 * caller over to the next request.
 */
/** A hook for the benchmark's query-plan capture (scripts/explain.ts); unset in the server. */
export const queryObservers: ((sql: string, params: unknown[], settings: TenantSettings) => void)[] = [];

export class RequestTransaction {
  private runner: QueryRunner | null = null;
  private finished = false;
  readonly data = { statements: 0 };
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: TenantSettings,
  ) {}

  /**
   * @param readOnlyOperation a GraphQL query: its only writes are access-log rows, which need not wait
   *   for the WAL to reach disk before the answer goes out (synchronous_commit = off for this
   *   transaction only; a database crash could lose the last fraction of a second of access-log rows,
   *   never a business write: mutations always commit synchronously).
   */
  async begin(readOnlyOperation = false): Promise<void> {
    if (this.runner) return;
    const runner = this.dataSource.createQueryRunner();
    runner.data = this.data;
    try {
      await runner.connect();
      await runner.startTransaction();
      const s = this.settings;
      this.runner = runner;
      await this.query(
        `SELECT set_config('app.role', $1, true), set_config('app.org', $2, true), set_config('app.actor', $3, true),
                set_config('app.municipality_id', $4, true), set_config('app.municipality_ids', $5, true),
                set_config('synchronous_commit', $6, true)`,
        [s.role, s.org, s.actor, s.municipalityId === null ? '' : String(s.municipalityId), s.municipalityIds.join(','), readOnlyOperation ? 'off' : 'on'],
      );
    } catch (err) {
      this.runner = null;
      // The transaction may be open (and failed) on this connection: hand it back with the error so
      // pg-pool destroys it instead of giving the next request an aborted transaction.
      await (runner as unknown as { releasePostgresConnection(err?: Error): Promise<void> })
        .releasePostgresConnection(err instanceof Error ? err : new Error(String(err)))
        .catch(() => undefined);
      throw err;
    }
  }

  /** The municipalities the caller may reach: loaders bind them so the planner can use the tenant indexes. */
  get municipalityIds(): number[] {
    return this.settings.municipalityIds;
  }

  get manager(): EntityManager {
    if (!this.runner || this.finished) throw new Error('request transaction is not open');
    return this.runner.manager;
  }

  /**
   * Raw SQL on the request's transaction, always with bound parameters. Answers the rows, also for
   * UPDATE/DELETE … RETURNING (TypeORM's plain query() answers those with [rows, count]).
   */
  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    const runner = this.runner;
    if (!runner || this.finished) throw new Error('request transaction is not open');
    // One connection runs one statement at a time: loaders that fire together are queued here,
    // not handed to pg concurrently.
    const client = (runner as unknown as { databaseConnection: PoolClient }).databaseConnection;
    for (const observe of queryObservers) observe(sql, params, this.settings);
    const run = this.queue.then(() => {
      this.data.statements += 1;
      return client.query({ name: statementName(sql), text: sql, values: params });
    });
    this.queue = run.then(() => undefined, () => undefined);
    const result = await run;
    return (result.rows ?? []) as T[];
  }

  /** Runs fn inside a savepoint: a failing mutation field leaves nothing behind, earlier fields keep theirs. */
  async savepoint<T>(fn: () => Promise<T>): Promise<T> {
    const runner = this.runner;
    if (!runner) throw new Error('request transaction is not open');
    await runner.startTransaction();
    let result: T;
    try {
      result = await fn();
    } catch (err) {
      await runner.rollbackTransaction();
      throw err;
    }
    await runner.commitTransaction();
    return result;
  }

  get isOpen(): boolean {
    return this.runner !== null && !this.finished;
  }

  async commit(): Promise<void> {
    if (!this.runner || this.finished) return;
    // PostgreSQL answers COMMIT of a failed transaction with ROLLBACK, without an error: never report
    // a write as saved when the transaction had already failed.
    const client = (this.runner as unknown as { databaseConnection: PoolClient & { getTransactionStatus?: () => string | null } }).databaseConnection;
    if (client.getTransactionStatus?.() === 'E') throw new Error('the request transaction failed before COMMIT');
    await this.runner.commitTransaction();
    this.finished = true;
  }

  async rollback(): Promise<void> {
    if (!this.runner || this.finished) return;
    await this.runner.rollbackTransaction();
    this.finished = true;
  }

  /** Always called in finally: a connection whose transaction failed to end is destroyed, not reused. */
  async release(): Promise<void> {
    const runner = this.runner;
    if (!runner) return;
    this.runner = null;
    let broken: Error | undefined;
    if (!this.finished) {
      this.finished = true;
      try {
        await runner.rollbackTransaction();
      } catch (err) {
        broken = err instanceof Error ? err : new Error(String(err));
      }
    }
    // With an error, pg-pool destroys the client instead of handing it to the next request.
    await (runner as unknown as { releasePostgresConnection(err?: Error): Promise<void> }).releasePostgresConnection(broken);
  }
}
