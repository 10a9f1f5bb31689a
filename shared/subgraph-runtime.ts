import fs from 'node:fs';
import path from 'node:path';
import type { GraphQLResolverMap } from '@apollo/subgraph';
import type { DataSource, EntitySchema, MixedList } from 'typeorm';
import type { Logger } from 'pino';
import { openDatabase, type Database } from './database';
import { InternalTokens } from './internal-token';
import { OUTBOX_ENTITIES, OutboxRelay, type EventHandlers } from './outbox';
import { loadSubgraphConfig, type SubgraphConfig } from './subgraph-config';
import { createLogger } from './logger';
import { runMain } from './main';
import { createSubgraphService, type BaseContext, type SubgraphService } from './subgraph-server';
import type { RunningServer } from './http';
import { buildDataset, type DemoDataset } from './demo-data';

export interface SubgraphDefinition<C extends BaseContext> {
  /** Folder holding schema.graphql (the source folder, or its copy under dist/). */
  directory: string;
  resolvers: GraphQLResolverMap<C>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  buildContext(base: BaseContext, db: DataSource): C;
  eventHandlers?: EventHandlers;
  /** Writes this subgraph's share of a dataset; must do nothing if already seeded. */
  seed?(db: DataSource, dataset: DemoDataset): Promise<void>;
}

export interface RunningSubgraph {
  name: string;
  database: Database;
  relay: OutboxRelay;
  service: SubgraphService;
  server: RunningServer | null;
  start(port: number, host: string): Promise<RunningServer>;
  stop(): Promise<void>;
}

export const readSchema = (directory: string): string => fs.readFileSync(path.join(directory, 'schema.graphql'), 'utf8');

/**
 * Builds a subgraph from its definition and configuration: opens and migrates its database, seeds
 * demo data when asked, and prepares its HTTP service and outbox relay. Nothing listens until start().
 */
export async function createSubgraph<C extends BaseContext>(definition: SubgraphDefinition<C>, config: SubgraphConfig, logger: Logger): Promise<RunningSubgraph> {
  const database = await openDatabase({
    settings: config.database,
    entities: [...(definition.entities as unknown[]), ...OUTBOX_ENTITIES] as SubgraphDefinition<C>['entities'],
    migrations: definition.migrations,
    logger,
  });
  const { dataSource } = database;
  try {
    if (config.seedDemoData && definition.seed) await definition.seed(dataSource, buildDataset());
    const tokens = new InternalTokens(config.internalTokenSecret, config.name);
    const service = await createSubgraphService<C>({
      name: config.name,
      typeDefs: readSchema(definition.directory),
      resolvers: definition.resolvers,
      dataSource,
      tokens,
      logger,
      buildContext: (base) => definition.buildContext(base, dataSource),
      eventHandlers: definition.eventHandlers,
    });
    const relay = new OutboxRelay({ dataSource, source: config.name, destinations: config.peers, tokens, logger, intervalMs: config.relayIntervalMs });
    const subgraph: RunningSubgraph = {
      name: config.name,
      database,
      relay,
      service,
      server: null,
      async start(port, host) {
        subgraph.server = await service.start(port, host);
        relay.start();
        return subgraph.server;
      },
      async stop() {
        await relay.stop();
        await service.stop();
        if (dataSource.isInitialized) await dataSource.destroy();
      },
    };
    return subgraph;
  } catch (error) {
    await dataSource.destroy().catch(() => undefined);
    throw error;
  }
}

/** The whole main() of a subgraph: configuration from the environment, listen, stop on a signal. */
export function runSubgraphMain<C extends BaseContext>(name: SubgraphConfig['name'], definition: SubgraphDefinition<C>): void {
  const logger = createLogger(name);
  runMain(logger, async () => {
    const config = loadSubgraphConfig(name);
    const subgraph = await createSubgraph(definition, config, logger);
    await subgraph.start(config.port, config.host);
    return () => subgraph.stop();
  });
}
