/** The appeal (klage) module's resolvers, registered in src/graphql/schema.ts. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const APPEAL_RESOLVERS: Function[] = [];
