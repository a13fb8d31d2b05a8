import type { Actor } from '../../auth/actor';
import type { OrgDirectory } from '../../auth/org-directory';
import type { RequestTransaction } from '../../db/request-transaction';
import type { IsoDate } from '../../domain/calendar';

export interface Logger {
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
}

/**
 * What every service call gets first: who calls, the request's one transaction, the request's clock
 * and its per-request caches. Made once per request by the HTTP layer; the GraphQL context is this.
 */
export interface RequestContext {
  requestId: string;
  actor: Actor;
  tx: RequestTransaction;
  directory: OrgDirectory;
  log: Logger;
  /** Today's calendar date in Europe/Oslo, fixed for the request (and settable for a whole server outside production). */
  today: IsoDate;
  /** The request's instant, for timestamps the application writes. */
  now: Date;
  /** Per-request loaders and caches, made on first use by the module that owns them (see requestLoader). */
  loaders: Map<string, unknown>;
  /**
   * Per-request state shared with the response plugins: whether the operation produced data (commit) or
   * failed (roll back), and what modules note along the way. An object, because Apollo hands plugins a
   * shallow copy of the context.
   */
  state: { outcome?: 'ok' | 'failed'; [key: string]: unknown };
}

/**
 * A module's per-request loader, made on first use: never shared between requests (a shared loader would
 * serve one tenant's cached rows to another). The owning repository clears or primes it when it writes.
 */
export function requestLoader<T>(ctx: Pick<RequestContext, 'loaders'>, name: string, make: () => T): T {
  let loader = ctx.loaders.get(name) as T | undefined;
  if (loader === undefined) {
    loader = make();
    ctx.loaders.set(name, loader);
  }
  return loader;
}

/** The caller's own municipality: only municipality users register and run cases. */
export function ownMunicipality(ctx: Pick<RequestContext, 'actor'>): number {
  if (ctx.actor.municipalityId === null) throw new Error('municipality role expected');
  return ctx.actor.municipalityId;
}
