/** Every route outside GraphQL, from the modules' doors (src/http/documents-route.ts serves them). */
import { DOCUMENT_ROUTES } from '../modules/documents/resolvers';
import { EXPORT_ROUTES } from '../modules/exports/resolvers';
import type { HttpRoute } from './http-route';

export const HTTP_ROUTES: readonly HttpRoute[] = [...DOCUMENT_ROUTES, ...EXPORT_ROUTES];

/** The route for a request and its captures, or null. */
export function matchHttpRoute(method: string | undefined, pathname: string): { route: HttpRoute; params: string[] } | null {
  for (const route of HTTP_ROUTES) {
    const m = route.pattern.exec(pathname);
    if (m && (method === route.method || method === 'HEAD')) return { route, params: m.slice(1) };
  }
  return null;
}

/** Whether a path belongs to a route at all (a wrong method then answers 405, not 404). */
export function isHttpRoutePath(pathname: string): boolean {
  return HTTP_ROUTES.some((r) => r.pattern.test(pathname));
}
