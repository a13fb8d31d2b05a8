/** The career guidance module's resolvers, for src/graphql/schema.ts (the schema's door into the module). */
export { CAREER_GUIDANCE_RESOLVERS } from './career-guidance.resolver';
