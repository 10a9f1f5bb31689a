import path from 'node:path';
import { DEFAULT_PORTS, envBool, envInt, envString, subgraphUrls, type SubgraphName } from '../shared/config';
import { readInternalSecret } from '../shared/subgraph-config';

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
  };
}
