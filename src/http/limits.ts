import { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { DocumentNode, GraphQLError, GraphQLSchema, ValidationContext, ValidationRule } from 'graphql';
import { ComplexityEstimator, fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { GraphQLContext } from '../graphql/context';
import { DEFAULT_PAGE_SIZE } from '../graphql/pagination';

/** Bounds checked before any SQL runs. Documented in SECURITY.md. */
export const LIMITS = {
  maxTokens: 5000,
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 10,
  maxCost: 20_000,
};

// Report through the validation context (a 400 GRAPHQL_VALIDATION_FAILED); armor's default is to
// throw from inside validation, which Apollo turns into a 500.
const report = {
  exposeLimits: true,
  propagateOnRejection: false,
  onReject: [(ctx: ValidationContext | null, err: GraphQLError) => ctx?.reportError(err)],
};

export const validationRules: ValidationRule[] = [
  maxDepthRule({ n: LIMITS.maxDepth, ...report }) as unknown as ValidationRule,
  maxAliasesRule({ n: LIMITS.maxAliases, ...report }) as unknown as ValidationRule,
  maxDirectivesRule({ n: LIMITS.maxDirectives, ...report }) as unknown as ValidationRule,
];

/** A page of `first` (or `last`) rows costs its children that many times over; a page field given neither, the default page. */
const pageEstimator: ComplexityEstimator = ({ args, childComplexity, field }) => {
  const size = typeof args.first === 'number' ? args.first : typeof args.last === 'number' ? args.last : undefined;
  const paged = size ?? (field.args.some((a) => a.name === 'first') ? DEFAULT_PAGE_SIZE : undefined);
  return paged === undefined ? undefined : 1 + childComplexity * Math.max(1, paged);
};

/** The cost of an operation with its variables; a variable getComplexity cannot coerce is the client's error. */
function costOf(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, operationName: string | undefined): number {
  try {
    return getComplexity({
      schema,
      query: document,
      variables,
      operationName,
      estimators: [pageEstimator, fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
    });
  } catch (err) {
    throw new GraphQLError(err instanceof Error ? err.message : 'Invalid variables', {
      extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
    });
  }
}

/**
 * Query cost with the request's variables (graphql-armor's cost limit reads literals only), refused
 * in didResolveOperation: before the request transaction begins, so no SQL runs. Apollo hands the same
 * parsed document to every request with the same text, so a cost is remembered per document,
 * operation and (small) variables: a dashboard asking the same thing all day walks its query once.
 */
export function costLimitPlugin(schema: GraphQLSchema): ApolloServerPlugin<GraphQLContext> {
  const remembered = new WeakMap<DocumentNode, Map<string, number>>();
  const MAX_KEY_LENGTH = 512;
  const MAX_PER_DOCUMENT = 64;
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operationName }) {
          const variables = request.variables ?? {};
          const vars = Object.keys(variables).length ? JSON.stringify(variables) : '';
          const key = vars.length <= MAX_KEY_LENGTH ? `${operationName ?? ''}\u0000${vars}` : null;
          let byKey = remembered.get(document);
          let cost = key === null ? undefined : byKey?.get(key);
          if (cost === undefined) {
            cost = costOf(schema, document, variables, operationName ?? undefined);
            if (key !== null) {
              if (!byKey) remembered.set(document, (byKey = new Map()));
              if (byKey.size >= MAX_PER_DOCUMENT) byKey.clear();
              byKey.set(key, cost);
            }
          }
          if (cost > LIMITS.maxCost) {
            throw new GraphQLError(`The query is too costly (${cost} > ${LIMITS.maxCost}); ask for smaller pages or fewer fields`, {
              extensions: { code: 'QUERY_TOO_COMPLEX', cost, maxCost: LIMITS.maxCost, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
