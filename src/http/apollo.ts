import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLSchema } from 'graphql';
import { GraphQLContext, Logger } from '../graphql/context';
import { toClientError } from '../graphql/errors';
import type { RequestTrace } from '../telemetry/tracing';
import { errorLanguagePlugin } from './error-language';
import { costLimitPlugin, LIMITS, validationRules } from './limits';

/** Records whether the operation produced data, so the request transaction commits or rolls back. */
const outcomePlugin: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      // The transaction begins only once the operation is parsed, validated and within its cost:
      // a refused request runs no SQL at all.
      async executionDidStart({ contextValue, operation }) {
        const trace = contextValue.tx.trace as RequestTrace | null;
        trace?.startOperation(operation.operation, operation.name?.value ?? null);
        await contextValue.tx.begin(operation.operation === 'query');
      },
      // Unexpected errors are logged here, where the request id is known; formatError only masks them.
      async didEncounterErrors({ contextValue, errors }) {
        for (const error of errors) {
          toClientError({ message: error.message, path: error.path, extensions: error.extensions }, error, (err, code) => {
            contextValue.log.error({ err, code, path: error.path }, 'graphql error');
          });
        }
      },
      async willSendResponse({ contextValue, response }) {
        const ok = response.body.kind === 'single' && response.body.singleResult.data != null;
        contextValue.state.outcome = ok ? 'ok' : 'failed';
        (contextValue.tx.trace as RequestTrace | null)?.endOperation(ok);
      },
    };
  },
};

export function createApollo(
  schema: GraphQLSchema,
  opts: { production: boolean; log: Logger; plugins?: ApolloServerPlugin<GraphQLContext>[] },
): ApolloServer<GraphQLContext> {
  return new ApolloServer<GraphQLContext>({
    schema,
    logger: opts.log as never,
    introspection: !opts.production,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: opts.production,
    allowBatchedHttpRequests: false,
    // main.ts owns SIGTERM/SIGINT: drain requests, then stop Apollo, the pool and the database.
    stopOnTerminationSignals: false,
    csrfPrevention: true,
    parseOptions: { maxTokens: LIMITS.maxTokens },
    validationRules,
    // Cache-control hints are not used; its per-field instrumentation would wrap every resolver.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      costLimitPlugin(schema),
      outcomePlugin,
      errorLanguagePlugin,
      ...(opts.plugins ?? []),
    ],
    formatError: (formatted, error) => toClientError(formatted, error, () => undefined),
  });
}
