import path from 'node:path';
import { DEFAULT_PORTS, envBool, envInt, envString, subgraphUrls, type SubgraphName } from '../shared/runtime/config';
import { readInternalSecret } from '../shared/auth/internal-token';
import { DEFAULT_ACCESS_TOKEN_SETTINGS, type AccessTokenSettings } from '../shared/auth/access-token';
import { loadOperationLimits, type OperationLimits } from './operation-limits';

export interface GatewayConfig {
  host: string;
  port: number;
  dataDir: string;
  subgraphs: Record<SubgraphName, string>;
  internalTokenSecret: string;
  introspection: boolean;
  /** Allowed browser origins (comma-separated CORS_ORIGINS); empty allows none. */
  corsOrigins: string[];
  /** Stop waiting for a subgraph after this long. */
  subgraphTimeoutMs: number;
  /** Issuer and audience access tokens must carry (identity signs with the same settings). */
  accessTokens: AccessTokenSettings;
  /** Reject a whole operation that asks for a field the caller may not see, instead of nulling the field. */
  rejectUnauthorizedOperations: boolean;
  /** Hops of X-Forwarded-For to trust for the client address (0: use the socket address). */
  trustProxyHops: number;
  /** Limits every operation must stay within (unset: DEFAULT_OPERATION_LIMITS). */
  operationLimits?: OperationLimits;
  /** Whether errors may suggest names ("Did you mean ...?"); unset: not when NODE_ENV=production. */
  suggestions?: boolean;
}

/** Reads the gateway's configuration; each variable is documented in README.md ("Configuration"). */
export function loadGatewayConfig(env: Record<string, string | undefined> = process.env): GatewayConfig {
  const dataDir = path.resolve(envString(env, 'DATA_DIR', 'data'));
  return {
    host: envString(env, 'HOST', '127.0.0.1'),
    port: envInt(env, 'PORT', DEFAULT_PORTS.gateway, { max: 65535 }),
    dataDir,
    subgraphs: subgraphUrls(env),
    internalTokenSecret: readInternalSecret(env, dataDir),
    introspection: envBool(env, 'GRAPHQL_INTROSPECTION', env.NODE_ENV !== 'production'),
    corsOrigins: envString(env, 'CORS_ORIGINS', '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    subgraphTimeoutMs: envInt(env, 'SUBGRAPH_TIMEOUT_MS', 10_000, { min: 100, max: 120_000 }),
    accessTokens: {
      issuer: envString(env, 'JWT_ISSUER', DEFAULT_ACCESS_TOKEN_SETTINGS.issuer),
      audience: envString(env, 'JWT_AUDIENCE', DEFAULT_ACCESS_TOKEN_SETTINGS.audience),
    },
    rejectUnauthorizedOperations: envBool(env, 'REJECT_UNAUTHORIZED_OPERATIONS', false),
    trustProxyHops: envInt(env, 'TRUST_PROXY_HOPS', 0, { max: 10 }),
    operationLimits: loadOperationLimits(env),
    suggestions: envBool(env, 'GRAPHQL_SUGGESTIONS', env.NODE_ENV !== 'production'),
  };
}
