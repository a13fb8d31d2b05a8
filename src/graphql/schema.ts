import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { AuthChecker, buildSchemaSync, MiddlewareFn, NonEmptyArray } from 'type-graphql';
import { AbsenceResolver } from '../modules/absence/absence';
import { APPEAL_RESOLVERS } from '../modules/appeal';
import { CAREER_GUIDANCE_RESOLVERS } from '../modules/career-guidance';
import { CertificateResolver } from '../modules/certificate/certificate';
import { CompetenceMappingResolver } from '../modules/competence-mapping/competence-mapping';
import { DecisionResolver, ParticipantDecisionsResolver } from '../modules/decision/decision.resolver';
import { IntegrationPlanResolver } from '../modules/integration-plan/integration-plan';
import { ParticipantResolver } from '../modules/participant/participant.resolver';
import { ProgrammeResolver } from '../modules/programme/programme.resolver';
import { ReferenceResolver } from '../modules/reference/reference.resolver';
import { GraphQLContext } from './context';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const RESOLVERS: NonEmptyArray<Function> = [
  ReferenceResolver,
  ParticipantResolver,
  CompetenceMappingResolver,
  IntegrationPlanResolver,
  ProgrammeResolver,
  DecisionResolver,
  ParticipantDecisionsResolver,
  AbsenceResolver,
  CertificateResolver,
  ...APPEAL_RESOLVERS,
  ...CAREER_GUIDANCE_RESOLVERS,
];

/** Roles come from the verified token; an empty list means any authenticated caller. */
export const authChecker: AuthChecker<GraphQLContext> = ({ context }, roles) => {
  if (!context.actor) return false;
  return roles.length === 0 || roles.includes(context.actor.role);
};

/**
 * Each top-level mutation field runs in its own savepoint: a field that fails leaves nothing behind,
 * while the fields before it keep their results (GraphQL's serial mutation semantics).
 */
const mutationSavepoint: MiddlewareFn<GraphQLContext> = ({ info, context }, next) => {
  if (info.parentType.name === 'Mutation' && context.tx) return context.tx.savepoint(() => next());
  return next();
};

let cached: GraphQLSchema | null = null;

export function buildAppSchema(): GraphQLSchema {
  if (!cached) {
    cached = buildSchemaSync({
      resolvers: RESOLVERS,
      authChecker,
      authMode: 'error',
      validate: { forbidUnknownValues: false, whitelist: false },
      globalMiddlewares: [mutationSavepoint],
    });
  }
  return cached;
}

export function printAppSchema(): string {
  return printSchema(lexicographicSortSchema(buildAppSchema())) + '\n';
}
