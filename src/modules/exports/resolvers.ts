/** The exports module's routes, for src/graphql/http-routes.ts (the HTTP layer's door into the module). */
export { EXPORT_ROUTES } from './exports.routes';
