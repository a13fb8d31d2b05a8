import crypto from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { DatabaseUnavailableError, isConnectionError } from './connection-errors';
import { signedContext } from './tenant-context';
import { writerLaneOf } from './writer-lane';

/**
 * Named (prepared) statements: PostgreSQL parses and plans a hot query once per connection, not per
 * request. PostgreSQL keeps every one a connection prepares for the connection's life, and list filters
 * make many distinct texts, so each connection prepares at most MAX_PREPARED_PER_CONNECTION of them
 * (the first it meets, which are the hot ones: they run on every request); any other text runs unnamed.
 */
export const MAX_PREPARED_PER_CONNECTION = 200;
const statementNames = new Map<string, string>();
function statementName(sql: string): string {
  let name = statementNames.get(sql);
  if (!name) {
    name = 'introsak_' + crypto.createHash('sha1').update(sql).digest('hex').slice(0, 20);
    if (statementNames.size < 5000) statementNames.set(sql, name);
  }
  return name;
}
const preparedOn = new WeakMap<object, Set<string>>();
/** The statement's name on this connection, or undefined when it runs unnamed (the connection's set is full). */
function preparedName(client: object, sql: string): string | undefined {
  let prepared = preparedOn.get(client);
  if (!prepared) preparedOn.set(client, (prepared = new Set()));
  const name = statementName(sql);
  if (prepared.has(name)) return name;
  if (prepared.size >= MAX_PREPARED_PER_CONNECTION) return undefined;
  prepared.add(name);
  return name;
}

/** The request ran past its time budget (RequestTransaction.deadline): answered TIMEOUT, retryable. */
export class RequestBudgetExceededError extends Error {
  constructor() {
    super('The request ran past its time budget');
    this.name = 'RequestBudgetExceededError';
  }
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

/** A hook for the benchmark's query-plan capture (scripts/explain.ts); unset in the server. */
export const queryObservers: ((sql: string, params: unknown[], settings: TenantSettings) => void)[] = [];

type Client = PoolClient & { getTransactionStatus?: () => string | null };

/**
 * One GraphQL request = one transaction on one pooled connection of the API login's pool. BEGIN and
 * the caller's identity (SET LOCAL: transaction-local, and propagated to Citus workers) go in one round trip; every resolver
 * and DataLoader runs its SQL here; the settings vanish at COMMIT or ROLLBACK, so a pooled connection
 * never carries a caller over to the next request. A connection whose transaction could not be ended
 * is destroyed, not pooled.
 *
 * When the connection dies while the request holds it (the database restarts, the backend is
 * terminated, the network is cut, idle_in_transaction_session_timeout, a FATAL error), only this
 * request fails: pg-pool takes its own 'error' listener off a checked-out client, so this class
 * listens for as long as it holds the client (an 'error' event without a listener would end the
 * process), remembers the failure (`unavailable`), answers every later statement with
 * DatabaseUnavailableError, and destroys the connection at release. Mutations take a writer slot
 * first (src/db/writer-lane.ts), so writers waiting on locks never hold every connection.
 */
/** What a tracer (src/telemetry) hears of a request transaction: its start, each statement, its end. */
export interface SqlTrace {
  begin(): void;
  /** Called as a statement is sent; the function it returns when its answer (or error) arrives. */
  statement(sql: string): (err?: unknown) => void;
  end(outcome: 'commit' | 'rollback' | 'lost'): void;
}

/** Runs one statement, telling the tracer (when there is one) when it went and how it ended. */
function traced<T>(trace: SqlTrace | null, sql: string, run: () => Promise<T>): Promise<T> {
  if (!trace) return run();
  const done = trace.statement(sql);
  return run().then(
    (r) => {
      done();
      return r;
    },
    (err) => {
      done(err);
      throw err;
    },
  );
}

export class RequestTransaction {
  /** The request's spans (OpenTelemetry), when tracing is on. */
  trace: SqlTrace | null = null;
  private client: Client | null = null;
  private finished = false;
  private savepoints = 0;
  readonly data = { statements: 0 };
  private queue: Promise<void> = Promise.resolve();
  private readonly pool: Pool;
  private releaseSlot: (() => void) | null = null;
  /** Why the connection (or the database) is gone; null while the transaction is healthy. */
  private lostError: Error | null = null;
  private readonly onClientError = (err: Error) => {
    this.lostError ??= err;
  };

  /**
   * The request's time budget (Date.now() milliseconds; null: none): a statement asked for after it is
   * refused with RequestBudgetExceededError (answered TIMEOUT), so no request holds its connection for
   * long however many statements its fields ask for. Each statement is bounded by statement_timeout.
   */
  deadline: number | null = null;

  constructor(
    dataSource: DataSource,
    private readonly settings: TenantSettings,
  ) {
    this.pool = (dataSource.driver as unknown as { master: Pool }).master;
  }

  /**
   * @param readOnlyOperation a GraphQL query: its only writes are access-log rows, which need not wait
   *   for the WAL to reach disk before the answer goes out (synchronous_commit = off for this
   *   transaction only; a database crash could lose the last fraction of a second of access-log rows,
   *   never a business write: mutations always commit synchronously).
   */
  async begin(readOnlyOperation = false): Promise<void> {
    if (this.client || this.lostError) return;
    if (!readOnlyOperation) {
      try {
        this.releaseSlot = await writerLaneOf(this.pool).acquire();
      } catch (err) {
        throw this.lose(err);
      }
    }
    let client: Client;
    try {
      client = (await this.pool.connect()) as Client;
    } catch (err) {
      this.freeSlot();
      throw this.lose(err);
    }
    client.on('error', this.onClientError);
    const s = this.settings;
    const lit = (v: string) => client.escapeLiteral(v);
    try {
      // A simple-protocol query: BEGIN and the settings, one round trip. SET LOCAL, not set_config(…, true):
      // Citus propagates SET LOCAL to the workers a distributed transaction touches (with
      // citus.propagate_set_commands = 'local', set first), set_config it does not (issue 14); on a single
      // node both are the same. SET takes no bind parameters: every value is quoted by pg's escapeLiteral.
      const set = (name: string, value: string) => `SET LOCAL ${name} = ${lit(value)}`;
      this.trace?.begin();
      const endBegin = this.trace?.statement('BEGIN');
      // The settings are signed for this backend (app.context_signature, src/db/tenant-context.ts): the
      // policies open no tenant row unless the signature verifies, so the API password alone opens nothing.
      await client.query(
        [
          'BEGIN',
          set('citus.propagate_set_commands', 'local'),
          ...signedContext(s, (client as Client & { processID: number }).processID).map(([name, value]) => set(name, value)),
          set('synchronous_commit', readOnlyOperation ? 'off' : 'on'),
        ].join('; '),
      );
      endBegin?.();
      this.data.statements += 2;
      this.client = client;
    } catch (err) {
      this.trace?.end('lost');
      // The transaction may be open (and failed) on this connection: destroy it rather than pool it.
      client.removeListener('error', this.onClientError);
      client.release(err instanceof Error ? err : new Error(String(err)));
      this.freeSlot();
      if (this.lostError || isConnectionError(err)) throw this.lose(err);
      throw err;
    }
  }

  /** The database or the connection is gone: this request cannot be served (answered UNAVAILABLE, 503). */
  get unavailable(): Error | null {
    return this.lostError;
  }

  private lose(err: unknown): DatabaseUnavailableError {
    const cause = err instanceof Error ? err : new Error(String(err));
    this.lostError ??= cause;
    return err instanceof DatabaseUnavailableError ? err : new DatabaseUnavailableError('the database connection was lost', cause);
  }

  private freeSlot(): void {
    const release = this.releaseSlot;
    this.releaseSlot = null;
    release?.();
  }

  private open(): Client {
    if (this.lostError) throw this.lose(this.lostError);
    if (this.deadline !== null && Date.now() > this.deadline) throw new RequestBudgetExceededError();
    if (!this.client || this.finished) throw new Error('request transaction is not open');
    return this.client;
  }

  /** A statement's failure: a lost connection becomes DatabaseUnavailableError; anything else stays as it is. */
  private failed(err: unknown): unknown {
    if (this.lostError || isConnectionError(err)) return this.lose(err);
    return err;
  }

  /** The municipalities the caller may reach: loaders bind them so the planner can use the tenant indexes. */
  get municipalityIds(): number[] {
    return this.settings.municipalityIds;
  }

  /**
   * SQL on the request's transaction, always with bound parameters, as a named prepared statement.
   * One connection runs one statement at a time: loaders that fire together are queued here, not
   * handed to pg concurrently.
   */
  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    const client = this.open();
    for (const observe of queryObservers) observe(sql, params, this.settings);
    const run = this.queue.then(() => {
      if (this.lostError) throw this.lose(this.lostError);
      this.data.statements += 1;
      return traced(this.trace, sql, () => client.query({ name: preparedName(client, sql), text: sql, values: params }));
    });
    this.queue = run.then(
      () => undefined,
      () => undefined,
    );
    try {
      const result = await run;
      return (result.rows ?? []) as T[];
    } catch (err) {
      throw this.failed(err);
    }
  }

  /**
   * Streams a query's rows `batchSize` at a time through a server-side cursor on the request's transaction
   * (DECLARE … NO SCROLL CURSOR, FETCH): memory stays bounded by one batch however many rows match, and the
   * rows are read under the caller's settings (row-level security) like every other statement. Other
   * statements (the access log) may run between batches. The cursor is closed when the loop ends or breaks.
   */
  async *cursor<T = Record<string, unknown>>(sql: string, params: unknown[], batchSize: number): AsyncGenerator<T[], void, undefined> {
    const name = `introsak_cursor_${++this.cursors}`;
    // Not a named prepared statement: each cursor's text is used once.
    await this.unnamed(`DECLARE ${name} NO SCROLL CURSOR FOR ${sql}`, params);
    let open = true;
    try {
      for (;;) {
        const rows = await this.unnamed<T>(`FETCH FORWARD ${Math.max(1, Math.floor(batchSize))} FROM ${name}`, []);
        if (!rows.length) break;
        yield rows;
        if (rows.length < batchSize) break;
      }
      await this.unnamed(`CLOSE ${name}`, []);
      open = false;
    } finally {
      // Broken off (the client left, an error): close it if the transaction can still run statements.
      if (open && this.isOpen) await this.unnamed(`CLOSE ${name}`, []).catch(() => undefined);
    }
  }

  private cursors = 0;

  private async unnamed<T>(sql: string, params: unknown[]): Promise<T[]> {
    const client = this.open();
    const run = this.queue.then(() => {
      if (this.lostError) throw this.lose(this.lostError);
      this.data.statements += 1;
      return traced(this.trace, sql, () => client.query({ text: sql, values: params }));
    });
    this.queue = run.then(
      () => undefined,
      () => undefined,
    );
    try {
      return ((await run).rows ?? []) as T[];
    } catch (err) {
      throw this.failed(err);
    }
  }

  /** A statement without parameters or result (savepoints, commit), in the queue's order. */
  private async exec(sql: string): Promise<void> {
    const client = this.open();
    const run = this.queue.then(() => {
      if (this.lostError) throw this.lose(this.lostError);
      this.data.statements += 1;
      return traced(this.trace, sql, () => client.query(sql));
    });
    this.queue = run.then(
      () => undefined,
      () => undefined,
    );
    try {
      await run;
    } catch (err) {
      throw this.failed(err);
    }
  }

  /** Runs fn inside a savepoint: a failing mutation field leaves nothing behind, earlier fields keep theirs. */
  async savepoint<T>(fn: () => Promise<T>): Promise<T> {
    const name = `introsak_sp_${++this.savepoints}`;
    await this.exec(`SAVEPOINT ${name}`);
    let result: T;
    try {
      result = await fn();
    } catch (err) {
      // With the connection gone there is nothing to roll back to: the whole transaction is lost.
      if (this.lostError) throw this.lose(err);
      await this.exec(`ROLLBACK TO SAVEPOINT ${name}`);
      throw err;
    }
    await this.exec(`RELEASE SAVEPOINT ${name}`);
    return result;
  }

  get isOpen(): boolean {
    return this.client !== null && !this.finished && !this.lostError;
  }

  async commit(): Promise<void> {
    if (this.lostError) throw this.lose(this.lostError);
    if (!this.client || this.finished) return;
    // PostgreSQL answers COMMIT of a failed transaction with ROLLBACK, without an error: never report
    // a write as saved when the transaction had already failed.
    await this.queue;
    if (this.client.getTransactionStatus?.() === 'E') throw new Error('the request transaction failed before COMMIT');
    await this.exec('COMMIT');
    this.finished = true;
    this.trace?.end('commit');
  }

  /** Never throws: a connection whose ROLLBACK failed is destroyed at release. */
  async rollback(): Promise<void> {
    if (!this.client || this.finished || this.lostError) return;
    try {
      await this.exec('ROLLBACK');
      this.finished = true;
      this.trace?.end('rollback');
    } catch (err) {
      this.lostError ??= err instanceof Error ? err : new Error(String(err));
    }
  }

  /** Always called in finally: a connection whose transaction failed to end is destroyed, not reused. */
  async release(): Promise<void> {
    const client = this.client;
    if (!client) {
      this.freeSlot();
      return;
    }
    let broken: Error | undefined = this.lostError ?? undefined;
    if (!this.finished && !broken) {
      this.finished = true;
      try {
        await this.queue;
        await client.query('ROLLBACK');
      } catch (err) {
        broken = err instanceof Error ? err : new Error(String(err));
      }
    }
    this.finished = true;
    this.client = null;
    broken ??= this.lostError ?? undefined;
    this.trace?.end(broken ? 'lost' : 'rollback');
    client.removeListener('error', this.onClientError);
    client.release(broken);
    this.freeSlot();
  }
}
