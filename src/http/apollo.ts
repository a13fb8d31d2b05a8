import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLSchema } from 'graphql';
import { GraphQLContext, Logger } from '../graphql/context';
import { toClientError } from '../graphql/errors';
import { costLimitPlugin, LIMITS, validationRules } from './limits';

/** Records whether the operation produced data, so the request transaction commits or rolls back. */
const outcomePlugin: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      // The transaction begins only once the operation is parsed, validated and within its cost:
      // a refused request runs no SQL at all.
      async executionDidStart({ contextValue }) {
        await contextValue.tx.begin();
      },
      async willSendResponse({ contextValue, response }) {
        const ok = response.body.kind === 'single' && response.body.singleResult.data != null;
        contextValue.state.outcome = ok ? 'ok' : 'failed';
      },
    };
  },
};

export function createApollo(schema: GraphQLSchema, opts: { production: boolean; log: Logger; plugins?: ApolloServerPlugin<GraphQLContext>[] }): ApolloServer<GraphQLContext> {
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
    plugins: [ApolloServerPluginLandingPageDisabled(), costLimitPlugin(schema), outcomePlugin, ...(opts.plugins ?? [])],
    formatError: (formatted, error) =>
      toClientError(formatted, error, (err, code) => {
        opts.log.error({ err, code, path: formatted.path }, 'graphql error');
      }),
  });
}
