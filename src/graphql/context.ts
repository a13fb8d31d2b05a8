import type { RequestContext } from '../modules/shared';

export type { Logger } from '../modules/shared';

/** Everything a resolver gets: the request context (who calls, the transaction, the clock, the loaders). */
export type GraphQLContext = RequestContext;
