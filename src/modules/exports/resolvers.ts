/** The exports module's routes, for src/graphql/http-routes.ts (the HTTP layer's door into the module). */
import type { HttpRoute } from '../../graphql/http-route';

export const EXPORT_ROUTES: HttpRoute[] = [];
