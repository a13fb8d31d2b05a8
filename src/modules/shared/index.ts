/** What every module may use: the request context and its helpers, and shared input rules. */
export { ownMunicipality, requestLoader } from './context';
export type { Logger, RequestContext } from './context';
export { PLAIN_TEXT } from './text';
