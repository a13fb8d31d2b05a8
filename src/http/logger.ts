import { AsyncLocalStorage } from 'node:async_hooks';
import pino from 'pino';

/** The request id of the request being served, so every log line of it carries the id. */
export const requestScope = new AsyncLocalStorage<{ requestId: string }>();

/** Structured JSON logs. Personal data (names, identity numbers) never goes into a log line. */
export function createLogger(level: string) {
  return pino({
    level,
    base: { service: 'introsak' },
    mixin: () => requestScope.getStore() ?? {},
    redact: { paths: ['*.identityNumber', '*.name', 'req.headers.authorization', '*.authorization'], censor: '[redacted]' },
    serializers: { err: pino.stdSerializers.err },
  });
}
export type AppLogger = ReturnType<typeof createLogger>;
