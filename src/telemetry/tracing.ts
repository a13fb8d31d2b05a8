/**
 * OpenTelemetry traces (issue 17 item 8), off unless an OTLP endpoint is configured
 * (OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, or OTEL_EXPORTER_OTLP_ENDPOINT + /v1/traces).
 *
 * Spans, each a child of the one before: the HTTP request (SERVER; its parent is the caller's W3C
 * `traceparent` when one is sent), the GraphQL operation, the request transaction, and every SQL
 * statement on it (CLIENT). Parents are passed explicitly, never through async context, so a request
 * without tracing pays one null check per place and nothing else.
 *
 * No personal data in attributes: the operation's type and name (chosen by the client's developer),
 * the statement's SQL text with its placeholders (never a bound value; the BEGIN statement, which
 * carries the caller's organisation and subject, is recorded as `BEGIN; SET LOCAL …`), HTTP method,
 * route and status, and the statement count.
 */
import { context, defaultTextMapGetter, ROOT_CONTEXT, Span, SpanKind, SpanStatusCode, trace, Tracer } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { SqlTrace } from '../db/request-transaction';
import { OtlpJsonSpanExporter } from './otlp-exporter';

export interface TracingConfig {
  /** Where spans are POSTed (OTLP/HTTP JSON); null: tracing off. */
  tracesEndpoint: string | null;
  serviceName: string;
  /** How long spans wait in the batch before they are sent (OTEL_BSP_SCHEDULE_DELAY, ms). */
  batchDelayMs: number;
}

const propagator = new W3CTraceContextPropagator();
const MAX_STATEMENT_TEXT = 2000;

/** The SQL text as a span may show it: placeholders only; the settings of BEGIN are the caller's identity. */
function statementText(sql: string): string {
  if (sql.startsWith('BEGIN')) return 'BEGIN; SET LOCAL …';
  return sql.length > MAX_STATEMENT_TEXT ? `${sql.slice(0, MAX_STATEMENT_TEXT)}…` : sql;
}

function operationName(sql: string): string {
  const m = /^\s*(?:WITH\b[\s\S]*?\)\s*)?([A-Za-z]+)/.exec(sql);
  return (m?.[1] ?? 'SQL').toUpperCase();
}

/** One HTTP request's spans. */
export class RequestTrace implements SqlTrace {
  private operation: Span | null = null;
  private operationEnded = false;
  private transaction: Span | null = null;
  private statements = 0;
  private finished = false;

  constructor(
    private readonly tracer: Tracer,
    private readonly root: Span,
  ) {}

  get traceId(): string {
    return this.root.spanContext().traceId;
  }

  /** The GraphQL operation began executing (after parse, validation and the cost check). */
  startOperation(type: string, name: string | null): void {
    if (this.operation) return;
    this.operation = this.tracer.startSpan(
      name ? `${type} ${name}` : type,
      { kind: SpanKind.INTERNAL, attributes: { 'graphql.operation.type': type, ...(name ? { 'graphql.operation.name': name } : {}) } },
      trace.setSpan(ROOT_CONTEXT, this.root),
    );
  }

  endOperation(ok: boolean): void {
    if (!this.operation || this.operationEnded) return;
    if (!ok) this.operation.setStatus({ code: SpanStatusCode.ERROR });
    this.operation.end();
    this.operationEnded = true;
  }

  // SqlTrace: the request transaction reports its life and its statements.
  begin(): void {
    if (this.transaction) return;
    this.transaction = this.tracer.startSpan(
      'request transaction',
      { kind: SpanKind.INTERNAL, attributes: { 'db.system.name': 'postgresql' } },
      trace.setSpan(ROOT_CONTEXT, this.operation ?? this.root),
    );
  }

  statement(sql: string): (err?: unknown) => void {
    this.statements++;
    const op = operationName(sql);
    const span = this.tracer.startSpan(
      op,
      { kind: SpanKind.CLIENT, attributes: { 'db.system.name': 'postgresql', 'db.operation.name': op, 'db.query.text': statementText(sql) } },
      trace.setSpan(ROOT_CONTEXT, this.transaction ?? this.operation ?? this.root),
    );
    return (err?: unknown) => {
      if (err) span.setStatus({ code: SpanStatusCode.ERROR, message: (err as { code?: string }).code ?? 'error' });
      span.end();
    };
  }

  end(outcome: 'commit' | 'rollback' | 'lost'): void {
    if (!this.transaction) return;
    this.transaction.setAttribute('introsak.transaction.outcome', outcome);
    this.transaction.setAttribute('introsak.sql.statements', this.statements);
    if (outcome === 'lost') this.transaction.setStatus({ code: SpanStatusCode.ERROR });
    this.transaction.end();
    this.transaction = null;
  }

  /** The response went out. */
  finish(status: number): void {
    if (this.finished) return;
    this.finished = true;
    this.endOperation(status < 400);
    this.end('rollback');
    this.root.setAttribute('http.response.status_code', status);
    if (status >= 500) this.root.setStatus({ code: SpanStatusCode.ERROR });
    this.root.end();
  }
}

export class Tracing {
  private constructor(
    private readonly provider: BasicTracerProvider,
    private readonly tracer: Tracer,
  ) {}

  /** Null (nothing started, nothing to pay) unless an endpoint is configured. */
  static start(config: TracingConfig): Tracing | null {
    if (!config.tracesEndpoint) return null;
    const provider = new BasicTracerProvider({
      resource: resourceFromAttributes({ 'service.name': config.serviceName }),
      spanProcessors: [new BatchSpanProcessor(new OtlpJsonSpanExporter(new URL(config.tracesEndpoint)), { scheduledDelayMillis: config.batchDelayMs })],
    });
    return new Tracing(provider, provider.getTracer('introsak'));
  }

  /** The request's root span, continuing the caller's trace when it sent a valid `traceparent`. */
  request(method: string, route: string, headers: Record<string, string | string[] | undefined>): RequestTrace {
    const parent = propagator.extract(ROOT_CONTEXT, headers, defaultTextMapGetter);
    const root = this.tracer.startSpan(
      `${method} ${route}`,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': method, 'http.route': route } },
      parent ?? context.active(),
    );
    return new RequestTrace(this.tracer, root);
  }

  async flush(): Promise<void> {
    await this.provider.forceFlush();
  }

  async shutdown(): Promise<void> {
    await this.provider.shutdown();
  }
}
