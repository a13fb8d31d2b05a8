/**
 * OpenTelemetry (issue 17 item 8): with an OTLP endpoint configured, a request continues the caller's
 * W3C trace (traceparent) and exports spans for the HTTP request, the GraphQL operation, the request
 * transaction and each SQL statement, with no personal data in any attribute. The endpoint here is a
 * real HTTP server speaking the OTLP/HTTP JSON protocol the exporter sends; off by default.
 */
import http from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { loadConfig } from '../../src/config';
import { participantInput, REGISTER } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/app';

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: { key: string; value: Record<string, unknown> }[];
}

describe('tracing with OpenTelemetry', () => {
  let collector: http.Server;
  let endpoint: string;
  const spans: OtlpSpan[] = [];
  const bodies: string[] = [];
  let t: TestApp;

  beforeAll(async () => {
    collector = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        bodies.push(body);
        const parsed = JSON.parse(body) as { resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[] };
        for (const rs of parsed.resourceSpans) for (const ss of rs.scopeSpans) spans.push(...ss.spans);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((r) => collector.listen(0, '127.0.0.1', r));
    endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
    t = await startTestApp({ env: { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_BSP_SCHEDULE_DELAY: '50' } });
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await new Promise<void>((r) => collector.close(() => r()));
  });

  /** A GraphQL request with a W3C traceparent header. */
  const traced = (tok: string, traceparent: string, query: string, variables?: Record<string, unknown>) =>
    request(t.server)
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('authorization', `Bearer ${tok}`)
      .set('traceparent', traceparent)
      .send({ query, variables });

  async function spansOf(traceId: string, atLeast: number): Promise<OtlpSpan[]> {
    for (let i = 0; i < 100; i++) {
      const found = spans.filter((s) => s.traceId === traceId);
      if (found.length >= atLeast) return found;
      await new Promise((r) => setTimeout(r, 50));
    }
    return spans.filter((s) => s.traceId === traceId);
  }

  it("continues the caller's trace: HTTP request, operation, transaction and every statement, nested", async () => {
    const tok = await t.token('MUNICIPALITY', '4601');
    const input = participantInput({ name: 'Åse Sporløs' });
    const reg = await t.gql(tok, REGISTER, { input });
    expect(reg.body.errors).toBeUndefined();

    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const parentId = '00f067aa0ba902b7';
    const res = await traced(
      tok,
      `00-${traceId}-${parentId}-01`,
      'query CaseList { participants(first: 10, orderBy: NAME) { totalCount edges { node { id name maskedIdentityNumber } } } }',
    );
    expect(res.body.errors).toBeUndefined();
    const statements = Number(res.headers['x-sql-statements']);
    expect(statements).toBeGreaterThan(2);

    // The HTTP span, the operation, the transaction, and one span per statement (BEGIN with its settings counts as 2).
    const found = await spansOf(traceId, 3 + statements - 1);
    const byName = (n: string) => found.filter((s) => s.name === n);
    const [root] = byName('POST /graphql');
    expect(root.parentSpanId).toBe(parentId);
    expect(root.kind).toBe(2); // SERVER
    const [op] = byName('query CaseList');
    expect(op.parentSpanId).toBe(root.spanId);
    const [txSpan] = byName('request transaction');
    expect(txSpan.parentSpanId).toBe(op.spanId);
    const sqlSpans = found.filter((s) => s.parentSpanId === txSpan.spanId);
    expect(sqlSpans.length).toBe(statements - 1);
    expect(sqlSpans.every((s) => s.kind === 3)).toBe(true); // CLIENT
    expect(sqlSpans.map((s) => s.name)).toEqual(expect.arrayContaining(['BEGIN', 'SELECT', 'INSERT', 'COMMIT']));
    const attr = (s: OtlpSpan, key: string) => s.attributes.find((a) => a.key === key)?.value;
    expect(attr(op, 'graphql.operation.type')).toEqual({ stringValue: 'query' });
    expect(attr(root, 'http.response.status_code')).toEqual({ intValue: 200 });
  });

  it("puts no personal data in any span: no name, identity number, or the caller's subject and name", async () => {
    const tok = await t.token('MUNICIPALITY', '4601', 'kari-subject-123', 'Kari Saksbehandler');
    const input = participantInput({ name: 'Øystein Sporfri' });
    const traceId = 'aaf92f3577b34da6a3ce929d0e0e4736';
    const reg = await traced(tok, `00-${traceId}-00f067aa0ba902b7-01`, REGISTER, { input });
    expect(reg.body.errors).toBeUndefined();
    await traced(tok, `00-${traceId}-00f067aa0ba902b8-01`, `query { participant(id: "${reg.body.data.registerParticipant.id}") { id name identityNumber } }`);
    await spansOf(traceId, 10);
    const exported = bodies.join('\n');
    expect(exported).toContain(traceId);
    for (const secret of ['Øystein Sporfri', String(input.identityNumber), 'kari-subject-123', 'Kari Saksbehandler']) expect(exported).not.toContain(secret);
  });

  it('is off by default: no endpoint, no tracer', () => {
    expect(loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'x'.repeat(40) }).tracing.tracesEndpoint).toBeNull();
    expect(loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'x'.repeat(40), OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }).tracing.tracesEndpoint).toBe(
      'http://collector:4318/v1/traces',
    );
    expect(() => loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'x'.repeat(40), OTEL_EXPORTER_OTLP_ENDPOINT: 'collector' })).toThrow(/http\(s\) URL/);
  });
});
