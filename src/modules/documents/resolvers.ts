/** The documents module's routes, for src/graphql/http-routes.ts (the HTTP layer's door into the module). */
export { DOCUMENT_ROUTES } from './documents.routes';
