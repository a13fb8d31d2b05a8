/**
 * Who may read /metrics. The metrics name operations, pool use and error classes: an attacker learns
 * from them when the service is busy and which operations exist, so they are not open on the API port.
 *
 * - METRICS_PORT set: metrics are served on that port only (METRICS_HOST, default 127.0.0.1), and
 *   /metrics on the API port answers 404.
 * - METRICS_TOKEN set: /metrics (on either port) needs `Authorization: Bearer <METRICS_TOKEN>`.
 * - Neither: open on the API port outside production (development), 404 in production.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import { Config } from '../config';
import { Metrics } from './metrics';

function tokenMatches(header: string | undefined, token: string): boolean {
  const sent = /^Bearer (.+)$/.exec(header ?? '')?.[1] ?? '';
  const a = crypto.createHash('sha256').update(sent).digest();
  const b = crypto.createHash('sha256').update(token).digest();
  return crypto.timingSafeEqual(a, b);
}

async function answer(req: http.IncomingMessage, res: http.ServerResponse, metrics: Metrics, token: string | null): Promise<void> {
  if (token && !tokenMatches(req.headers.authorization, token)) {
    res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8', 'www-authenticate': 'Bearer realm="introsak-metrics"' });
    res.end('metrics need the metrics token\n');
    return;
  }
  const text = await metrics.registry.metrics();
  res.writeHead(200, { 'content-type': metrics.registry.contentType, 'cache-control': 'no-store' });
  res.end(text);
}

function notFound(res: http.ServerResponse): void {
  const text = JSON.stringify({ error: 'not found' });
  res.writeHead(404, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** GET /metrics on the API's own port. */
export function serveMetricsOnApiPort(req: http.IncomingMessage, res: http.ServerResponse, metrics: Metrics, config: Config): Promise<void> | void {
  if (config.metricsPort !== null) return notFound(res);
  if (!config.metricsToken && config.production) return notFound(res);
  return answer(req, res, metrics, config.metricsToken);
}

/** The listener of the metrics port: /metrics, nothing else. */
export function metricsListener(metrics: Metrics, config: Config): http.RequestListener {
  return (req, res) => {
    if (new URL(req.url ?? '/', 'http://localhost').pathname !== '/metrics') return notFound(res);
    answer(req, res, metrics, config.metricsToken).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  };
}
