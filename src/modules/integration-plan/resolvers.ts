/** The integration plan module's resolvers, for src/graphql/schema.ts (the schema's door into the module). */
export { INTEGRATION_PLAN_RESOLVERS } from './integration-plan.resolver';
