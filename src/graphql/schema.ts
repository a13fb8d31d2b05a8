import { defaultFieldResolver, GraphQLObjectType, GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { BuildSchemaOptions, buildSchemaSync, NonEmptyArray } from 'type-graphql';
import { accessLabel, flushAccessLog, noteAccess, PERSONAL_DATA_TYPES } from '../modules/access-log';
import { REFERENCE_RESOLVERS } from '../modules/reference/resolvers';
import { PARTICIPANT_RESOLVERS } from '../modules/participant/resolvers';
import { CASELOAD_RESOLVERS } from '../modules/caseload/resolvers';
import { COMPETENCE_MAPPING_RESOLVERS } from '../modules/competence-mapping/resolvers';
import { INTEGRATION_PLAN_RESOLVERS } from '../modules/integration-plan/resolvers';
import { PROGRAMME_RESOLVERS } from '../modules/programme/resolvers';
import { DECISION_RESOLVERS } from '../modules/decision/resolvers';
import { ABSENCE_RESOLVERS } from '../modules/absence/resolvers';
import { CERTIFICATE_RESOLVERS } from '../modules/certificate/resolvers';
import { ACCESS_LOG_RESOLVERS } from '../modules/access-log/resolvers';
import { TRANSFER_RESOLVERS } from '../modules/transfer/resolvers';
import { APPEAL_RESOLVERS } from '../modules/appeal/resolvers';
import { CAREER_GUIDANCE_RESOLVERS } from '../modules/career-guidance/resolvers';
import { WORKLIST_RESOLVERS } from '../modules/worklist/resolvers';
import { GraphQLContext } from './context';
import { FastFieldReport, installFastFieldResolvers } from './field-resolvers';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const RESOLVERS: NonEmptyArray<Function> = [
  ...REFERENCE_RESOLVERS,
  ...PARTICIPANT_RESOLVERS,
  ...CASELOAD_RESOLVERS,
  ...COMPETENCE_MAPPING_RESOLVERS,
  ...INTEGRATION_PLAN_RESOLVERS,
  ...PROGRAMME_RESOLVERS,
  ...DECISION_RESOLVERS,
  ...ABSENCE_RESOLVERS,
  ...CERTIFICATE_RESOLVERS,
  ...ACCESS_LOG_RESOLVERS,
  ...TRANSFER_RESOLVERS,
  ...APPEAL_RESOLVERS,
  ...CAREER_GUIDANCE_RESOLVERS,
  ...WORKLIST_RESOLVERS,
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
] as unknown as NonEmptyArray<Function>;

/** Roles come from the verified token; an empty list means any authenticated caller. */
export const authChecker = ({ context }: { context: GraphQLContext }, roles: string[]): boolean => {
  if (!context.actor) return false;
  return roles.length === 0 || roles.includes(context.actor.role);
};

/**
 * Wraps resolvers where the request needs them, directly on the built schema (a type-graphql global
 * middleware would make every field of every object asynchronous):
 * - each top-level mutation field runs in its own savepoint: a field that fails leaves nothing
 *   behind, while the fields before it keep their results (GraphQL's serial mutation semantics);
 * - every field read on a personal-data type is noted for the access log.
 */
function wrapResolvers(schema: GraphQLSchema): GraphQLSchema {
  const mutation = schema.getMutationType();
  for (const field of Object.values(mutation?.getFields() ?? {})) {
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = (source, args, context: GraphQLContext, info) =>
      context.tx ? context.tx.savepoint(async () => resolve(source, args, context, info)) : resolve(source, args, context, info);
  }
  for (const typeName of Object.keys(PERSONAL_DATA_TYPES)) {
    const type = schema.getType(typeName);
    if (!(type instanceof GraphQLObjectType)) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve ?? defaultFieldResolver;
      const label = accessLabel(type.name, field.name);
      field.resolve = (source, args, context: GraphQLContext, info) => {
        noteAccess(source, info, context, label);
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}

/** The request's per-request loaders and caches, made by the HTTP layer for each request's context. */
export function createRequestLoaders(): Map<string, unknown> {
  return new Map();
}

/** What the request writes just before it commits (the access log of what it read). */
export async function beforeCommit(ctx: GraphQLContext): Promise<void> {
  await flushAccessLog(ctx);
}

/** type-graphql names the root types but takes no description for them: they are described here, on the built schema. */
function describeRootTypes(schema: GraphQLSchema): void {
  const query = schema.getQueryType();
  if (query) {
    query.description =
      "What a caller may read, by role: a municipality (kommune) its own cases, caseload, worklist and appeals; a county (fylkeskommune) its career-guidance referrals; Statsforvalteren the appeals forwarded to it. Another organisation's id answers NOT_FOUND like a missing one.";
  }
  const mutation = schema.getMutationType();
  if (mutation) {
    mutation.description =
      'What a caller may change, by role. Each top-level field runs in its own savepoint of the request transaction: a field that fails leaves nothing behind, the fields before it keep their results. A refused rule answers RULE_VIOLATION, its extensions.violations carrying ruleId (R-x.y) and lawReference.';
  }
}

let cached: GraphQLSchema | null = null;
let fastFields: FastFieldReport | null = null;

export function buildAppSchema(): GraphQLSchema {
  if (!cached) {
    const options: BuildSchemaOptions = {
      resolvers: RESOLVERS,
      authChecker,
      authMode: 'error',
      validate: { forbidUnknownValues: false, whitelist: false },
    };
    const schema = buildSchemaSync(options);
    describeRootTypes(schema);
    fastFields = installFastFieldResolvers(schema, RESOLVERS, authChecker, options);
    cached = wrapResolvers(schema);
  }
  return cached;
}

/** Which object-type fields run without type-graphql's per-call machinery (src/graphql/field-resolvers.ts). */
export function fastFieldReport(): FastFieldReport {
  buildAppSchema();
  return fastFields!;
}

export function printAppSchema(): string {
  return printSchema(lexicographicSortSchema(buildAppSchema())) + '\n';
}
