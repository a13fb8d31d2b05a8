/** The access log module's resolvers, for src/graphql/schema.ts (the schema's door into the module). */
import { AccessLogResolver } from './access-log.resolver';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const ACCESS_LOG_RESOLVERS: Function[] = [AccessLogResolver];
