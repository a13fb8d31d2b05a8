/**
 * Spans to an OTLP/HTTP collector as JSON (the protocol's JSON encoding, from @opentelemetry/otlp-transformer),
 * over node:http(s) directly. OpenTelemetry's own HTTP exporter loads node:http with a dynamic import(),
 * which fails inside jest's module sandbox; this one is plain require, and small: one POST per batch,
 * a timeout, no retries (a lost batch of spans is a gap in a trace, never a failed request).
 */
import http from 'node:http';
import https from 'node:https';
import { ExportResult, ExportResultCode } from '@opentelemetry/core';
import { JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';

export class OtlpJsonSpanExporter implements SpanExporter {
  private readonly agent: http.Agent;
  private pending = new Set<Promise<void>>();

  constructor(
    private readonly url: URL,
    private readonly timeoutMs = 10_000,
  ) {
    this.agent = url.protocol === 'https:' ? new https.Agent({ keepAlive: true }) : new http.Agent({ keepAlive: true });
  }

  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    const body = JsonTraceSerializer.serializeRequest(spans);
    if (!body) return done({ code: ExportResultCode.FAILED, error: new Error('spans could not be serialised') });
    const send = (this.url.protocol === 'https:' ? https : http).request;
    const sent = new Promise<void>((resolve) => {
      const req = send(
        this.url,
        {
          method: 'POST',
          agent: this.agent,
          timeout: this.timeoutMs,
          headers: { 'content-type': 'application/json', 'content-length': body.byteLength },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            const ok = (res.statusCode ?? 0) >= 200 && (res.statusCode ?? 0) < 300;
            done(ok ? { code: ExportResultCode.SUCCESS } : { code: ExportResultCode.FAILED, error: new Error(`collector answered ${res.statusCode}`) });
            resolve();
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error('collector timed out')));
      req.on('error', (error) => {
        done({ code: ExportResultCode.FAILED, error });
        resolve();
      });
      req.end(body);
    });
    this.pending.add(sent);
    void sent.then(() => this.pending.delete(sent));
  }

  async forceFlush(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  async shutdown(): Promise<void> {
    await this.forceFlush();
    this.agent.destroy();
  }
}
