import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { CodedError, ErrorCode } from '../runtime/errors';
import { INTERNAL_TOKEN_HEADER, type InternalTokens } from '../auth/internal-token';
import type { Principal } from '../auth/principal';

export interface SubgraphQuery<T, V extends Record<string, unknown>> {
  /** The subgraph's base URL (its <NAME>_URL). */
  url: string;
  /** The subgraph's name: the internal token is addressed to it alone. */
  audience: string;
  tokens: InternalTokens;
  /** Whom the call is made for; the subgraph takes the caller from the token only. */
  principal: Principal;
  /** The operation: a typed document (npm run codegen) types the result and the variables; text does not. */
  query: string | TypedDocumentNode<T, V>;
  variables: V;
  /** The request this call serves, for the subgraph's logs. */
  requestId?: string;
  timeoutMs?: number;
}

/**
 * Calls a subgraph directly (not through the gateway) with an internal token: the gateway loading
 * a caller's principal, or a subgraph orchestrating another. Failures surface as a masked error.
 */
export async function querySubgraph<T, V extends Record<string, unknown> = Record<string, unknown>>(
  options: SubgraphQuery<T, V>,
): Promise<T> {
  const { url, audience, tokens, principal, query, variables } = options;
  const token = await tokens.sign(principal, audience, options.requestId);
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: token },
    body: JSON.stringify({ query: typeof query === 'string' ? query : print(query), variables }),
    signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
  });
  const body = (await response.json().catch(() => ({}))) as { data?: T; errors?: Array<{ message: string }> };
  if (!response.ok || body.errors?.length || !body.data) {
    throw new CodedError(
      ErrorCode.INTERNAL_SERVER_ERROR,
      `${audience} did not answer: ${body.errors?.[0]?.message ?? `HTTP ${response.status}`}`,
    );
  }
  return body.data;
}
