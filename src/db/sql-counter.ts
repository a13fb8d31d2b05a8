import { AbstractLogger, LogLevel, LogMessage, QueryRunner } from 'typeorm';

/**
 * Counts the SQL statements each request transaction sends (the query runner carries the counter),
 * so tests and the benchmark can prove there is no N+1. Logs nothing itself.
 */
export class SqlCountingLogger extends AbstractLogger {
  override logQuery(query: string, parameters?: unknown[], queryRunner?: QueryRunner): void {
    const data = queryRunner?.data as { statements?: number } | undefined;
    if (data && typeof data.statements === 'number') data.statements += 1;
    if (process.env.SQL_TRACE) console.log('SQL', query.slice(0, 120));
  }
  protected writeLog(_level: LogLevel, _message: LogMessage | LogMessage[]): void {
    /* errors are logged where they are handled, with the request id */
  }
}
