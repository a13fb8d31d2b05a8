import pino from 'pino';

/** Structured JSON logs. Personal data (names, identity numbers) never goes into a log line. */
export function createLogger(level: string) {
  return pino({
    level,
    base: { service: 'introsak' },
    redact: { paths: ['*.identityNumber', '*.name', 'req.headers.authorization', '*.authorization'], censor: '[redacted]' },
    serializers: { err: pino.stdSerializers.err },
  });
}
export type AppLogger = ReturnType<typeof createLogger>;
