import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from 'pino';

/** Every error a client can see carries one of these codes in `extensions.code` (README, "Using the graph"). */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  UNAUTHORIZED_FIELD_OR_TYPE: 'UNAUTHORIZED_FIELD_OR_TYPE',
  NOT_FOUND: 'NOT_FOUND',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  CONFLICT: 'CONFLICT',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** An expected failure: its message is written for the caller and reaches them unchanged. */
export class CodedError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

export const notFound = (what: string, id: string): CodedError =>
  new CodedError(ErrorCode.NOT_FOUND, `${what} ${id} was not found`, { id });
export const badInput = (message: string, field?: string): CodedError =>
  new CodedError(ErrorCode.BAD_USER_INPUT, message, field ? { field } : {});
export const forbidden = (message = 'You are not allowed to do this'): CodedError =>
  new CodedError(ErrorCode.FORBIDDEN, message);
export const conflict = (message: string): CodedError => new CodedError(ErrorCode.CONFLICT, message);
export const unauthenticated = (message = 'Sign in to do this'): CodedError =>
  new CodedError(ErrorCode.UNAUTHENTICATED, message);

/** Codes produced by graphql-js/Apollo for malformed operations; safe to show as they are. */
const PASS_THROUGH_CODES = new Set<string>([
  ...Object.values(ErrorCode),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * Builds Apollo's `formatError`: coded errors pass through; anything else is logged with its detail
 * and replaced by a masked INTERNAL_SERVER_ERROR, so SQL, stack traces and hostnames never leave.
 */
export function maskUnexpectedErrors(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const code = formatted.extensions?.code;
    if (
      original instanceof CodedError ||
      (typeof code === 'string' && PASS_THROUGH_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR)
    ) {
      // Drop the stack trace Apollo may attach in development and the name of the subgraph the
      // gateway adds: callers see one graph, not its internal layout.
      const { stacktrace: _stacktrace, serviceName: _serviceName, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error while serving a request');
    return {
      message: 'Internal server error',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
