import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, OperationTypeNode, type GraphQLFormattedError } from 'graphql';

/**
 * Client mistakes that Apollo Server leaves to the executor, where @apollo/gateway throws and the
 * caller gets a 500: the operation to run cannot be chosen, or it is a subscription, which the
 * graph does not offer over HTTP. Refused here with 400 and a code, before anything is planned.
 */
export function operationChoicePlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  const refuse = (message: string, code: string): GraphQLError =>
    new GraphQLError(message, { extensions: { code, http: { status: 400 } } });
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request }) {
          if (!operation) {
            const named = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
            if (request.operationName)
              throw refuse(`Unknown operation named "${request.operationName}"`, 'OPERATION_RESOLUTION_FAILURE');
            if (named.length > 1)
              throw refuse(
                'The document holds several operations: name the one to run in operationName',
                'OPERATION_RESOLUTION_FAILURE',
              );
            throw refuse('The document holds no operation to run', 'OPERATION_RESOLUTION_FAILURE');
          }
          if (operation.operation === OperationTypeNode.SUBSCRIPTION)
            throw refuse('Subscriptions are not supported over HTTP', 'BAD_REQUEST');
        },
      };
    },
  };
}

/** "Did you mean ...?" with everything up to its question mark; graphql-js writes names between quotes, and names hold no "?". */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

export const withoutSuggestions = (message: string): string => message.replace(SUGGESTION, '');

/**
 * Wraps Apollo Server's `formatError` so that no error names a field, argument, type or enum value
 * the caller did not write. Apollo Server's hideSchemaDetailsFromClientErrors covers validation
 * errors ("Cannot query field ... Did you mean ...?") but not variable coercion errors ("Value ...
 * does not exist in ... enum. Did you mean the enum value ...?"); every error of a response passes here.
 */
export function hideSuggestions<TError>(
  formatError: (formatted: GraphQLFormattedError, error: TError) => GraphQLFormattedError,
): (formatted: GraphQLFormattedError, error: TError) => GraphQLFormattedError {
  return (formatted, error) => {
    const result = formatError(formatted, error);
    return result.message.includes('Did you mean')
      ? { ...result, message: withoutSuggestions(result.message) }
      : result;
  };
}
