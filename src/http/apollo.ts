import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLSchema } from 'graphql';
import { GraphQLContext, Logger } from '../graphql/context';
import { toClientError } from '../graphql/errors';

/** Records whether the operation produced data, so the request transaction commits or rolls back. */
const outcomePlugin: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        const ok = response.body.kind === 'single' && response.body.singleResult.data != null;
        contextValue.state.outcome = ok ? 'ok' : 'failed';
      },
    };
  },
};

export function createApollo(schema: GraphQLSchema, opts: { production: boolean; log: Logger }): ApolloServer<GraphQLContext> {
  return new ApolloServer<GraphQLContext>({
    schema,
    introspection: !opts.production,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: opts.production,
    allowBatchedHttpRequests: false,
    // main.ts owns SIGTERM/SIGINT: drain requests, then stop Apollo, the pool and the database.
    stopOnTerminationSignals: false,
    csrfPrevention: true,
    parseOptions: { maxTokens: 5000 },
    validationRules: [],
    plugins: [ApolloServerPluginLandingPageDisabled(), outcomePlugin],
    formatError: (formatted, error) =>
      toClientError(formatted, error, (err, code) => {
        opts.log.error({ err, code, path: formatted.path }, 'graphql error');
      }),
  });
}
