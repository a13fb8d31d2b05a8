import { Actor } from '../auth/actor';
import { OrgDirectory } from '../auth/org-directory';
import { RequestTransaction } from '../db/request-transaction';
import type { Loaders } from '../modules/loaders';

export interface Logger {
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
}

/** Everything a resolver gets: who calls, the request's transaction, and the request's loaders. */
export interface GraphQLContext {
  requestId: string;
  actor: Actor;
  tx: RequestTransaction;
  loaders: Loaders;
  directory: OrgDirectory;
  log: Logger;
  /** Today's calendar date in Europe/Oslo, fixed for the request. */
  today: string;
  /**
   * Set by the response plugin: whether the operation produced data (commit) or failed as a whole
   * (roll back). An object, because Apollo hands plugins a shallow copy of the context.
   */
  state: { outcome?: 'ok' | 'failed'; access?: import('../modules/access-log/access-log').AccessState };
}
