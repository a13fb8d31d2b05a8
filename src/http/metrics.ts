import { ApolloServerPlugin } from '@apollo/server';
import client from 'prom-client';
import { DataSource } from 'typeorm';
import { GraphQLContext } from '../graphql/context';

/**
 * Prometheus metrics at /metrics: request duration by operation and outcome, the pool (in use,
 * idle, waiting) and database errors. Operation names are the client's; the number of distinct
 * names is capped so a client cannot grow the label set without bound.
 */
export class Metrics {
  readonly registry = new client.Registry();
  private readonly duration = new client.Histogram({
    name: 'introsak_graphql_request_duration_seconds',
    help: 'GraphQL request duration by operation name and outcome',
    labelNames: ['operation', 'outcome'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  readonly dbErrors = new client.Counter({
    name: 'introsak_database_errors_total',
    help: 'Database errors seen by requests, by SQLSTATE class',
    labelNames: ['class'],
    registers: [this.registry],
  });
  private readonly operations = new Set<string>();

  constructor(api: DataSource) {
    client.collectDefaultMetrics({ register: this.registry, prefix: 'introsak_' });
    const pool = () => (api.driver as unknown as { master?: { totalCount: number; idleCount: number; waitingCount: number } }).master;
    new client.Gauge({
      name: 'introsak_db_pool_in_use',
      help: 'Pooled connections in use',
      registers: [this.registry],
      collect() {
        const p = pool();
        this.set(p ? p.totalCount - p.idleCount : 0);
      },
    });
    new client.Gauge({
      name: 'introsak_db_pool_idle',
      help: 'Idle pooled connections',
      registers: [this.registry],
      collect() {
        this.set(pool()?.idleCount ?? 0);
      },
    });
    new client.Gauge({
      name: 'introsak_db_pool_waiting',
      help: 'Requests waiting for a pooled connection',
      registers: [this.registry],
      collect() {
        this.set(pool()?.waitingCount ?? 0);
      },
    });
  }

  private label(name: string | undefined | null): string {
    const op = name && /^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name) ? name : 'anonymous';
    if (this.operations.has(op) || this.operations.size < 200) {
      this.operations.add(op);
      return op;
    }
    return 'other';
  }

  plugin(): ApolloServerPlugin<GraphQLContext> {
    const duration = this.duration;
    const dbErrors = this.dbErrors;
    const label = (operationName: string | null | undefined) => this.label(operationName);
    return {
      async requestDidStart() {
        const end = duration.startTimer();
        return {
          async willSendResponse({ operationName, response, errors }) {
            const failed = response.body.kind === 'single' && (response.body.singleResult.errors?.length ?? 0) > 0;
            end({ operation: label(operationName), outcome: failed ? 'error' : 'ok' });
            for (const e of errors ?? []) {
              const code = (e.originalError as { code?: unknown } | undefined)?.code;
              if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) dbErrors.inc({ class: code.slice(0, 2) });
            }
          },
        };
      },
    };
  }
}
