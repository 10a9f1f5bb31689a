import path from 'node:path';
import {
  DEFAULT_PORTS,
  envBool,
  envInt,
  envOptional,
  envString,
  subgraphUrls,
  type SubgraphName,
} from '../runtime/config';
import { readInternalSecret } from '../auth/internal-token';
import { parseDatabaseUrl, type DatabaseSettings } from '../data/database';

export interface SubgraphConfig {
  name: SubgraphName;
  host: string;
  port: number;
  dataDir: string;
  database: DatabaseSettings;
  internalTokenSecret: string;
  peers: Record<SubgraphName, string>;
  seedDemoData: boolean;
  /** How often the outbox relay looks for undelivered events. */
  relayIntervalMs: number;
  /** The environment it was read from, for settings only one subgraph has (e.g. identity's keys). */
  env: Record<string, string | undefined>;
}

/** Reads a subgraph's configuration; each variable is documented in README.md ("Configuration"). */
export function loadSubgraphConfig(
  name: SubgraphName,
  env: Record<string, string | undefined> = process.env,
): SubgraphConfig {
  const dataDir = path.resolve(envString(env, 'DATA_DIR', 'data'));
  const variable = `${name.toUpperCase()}_DATABASE_URL`;
  return {
    name,
    host: envString(env, 'HOST', '127.0.0.1'),
    port: envInt(env, 'PORT', DEFAULT_PORTS[name], { max: 65535 }),
    dataDir,
    database: parseDatabaseUrl(variable, envOptional(env, variable), path.join(dataDir, `${name}.sqlite`)),
    internalTokenSecret: readInternalSecret(env, dataDir),
    peers: subgraphUrls(env),
    seedDemoData: envBool(env, 'SEED_DEMO_DATA', false),
    relayIntervalMs: envInt(env, 'OUTBOX_RELAY_INTERVAL_MS', 500, { min: 10, max: 600_000 }),
    env,
  };
}
