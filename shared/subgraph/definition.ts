import type { GraphQLResolverMap } from './resolver-map';
import type { Express } from 'express';
import type { DataSource, EntitySchema, MixedList } from 'typeorm';
import type { Logger } from 'pino';
import { openDatabase, type Database } from '../data/database';
import { InternalTokens } from '../auth/internal-token';
import { OUTBOX_ENTITIES, OutboxRelay, type EventHandlers } from '../events/outbox';
import { loadSubgraphConfig, type SubgraphConfig } from './config';
import { createLogger } from '../runtime/logger';
import { runMain } from '../runtime/main';
import { systemClock, type Clock } from '../runtime/clock';
import type { AccessFacts } from '../auth/access';
import type { BaseContext } from './context';
import { copiedFacts } from './facts';
import { createSubgraphService, type SubgraphService } from './service';
import type { RunningServer } from '../runtime/http';
import { loadSubgraphSchema } from './schema';

export interface SubgraphSetupArgs {
  config: SubgraphConfig;
  dataSource: DataSource;
  logger: Logger;
  /** The service's clock: requests take their `now` from it, and so should scheduled work. */
  clock: Clock;
}

/**
 * What a subgraph is made of. `C` is its resolver context, `S` what its setup() builds once per
 * process, `D` the data set its seed() writes (the graph's demo data; the runtime does not know it).
 */
export interface SubgraphDefinition<C extends BaseContext, S = unknown, D = unknown> {
  /** Folder holding schema.graphql (the source folder, or its copy under dist/). */
  directory: string;
  resolvers: GraphQLResolverMap<C>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  /** Builds what lives as long as the process (keys, clients), once, before the service listens. */
  setup?(args: SubgraphSetupArgs): Promise<S>;
  buildContext(base: BaseContext, db: DataSource, services: S): C;
  /**
   * The facts access decisions read (grants, accounts), for one request. Default: the copies kept in
   * this subgraph's access_* tables; the subgraph that owns a fact reads its own tables instead.
   */
  facts?(db: DataSource): AccessFacts;
  /** Starts scheduled work (e.g. the retention sweep) once the service listens; null for none. */
  background?(args: SubgraphSetupArgs & { services: S }): { stop(): Promise<void> } | null;
  /** Adds HTTP routes beside /graphql (e.g. the JWKS of identity). */
  routes?(app: Express, services: S): void;
  /** Handlers of delivered events; a function receives what setup() built (e.g. a mailer). */
  eventHandlers?: EventHandlers | ((services: S) => EventHandlers);
  /** Writes this subgraph's share of a dataset as of `now`; must do nothing if already seeded. */
  seed?(db: DataSource, dataset: D, now: Date): Promise<void>;
}

export interface CreateSubgraphOptions<D> {
  logger: Logger;
  /** Where the subgraph reads "now"; the system clock unless a test hands it a fake one. */
  clock?: Clock;
  /** The data set seed() writes on start when the configuration asks for it (SEED_DEMO_DATA). */
  demoData?: () => D;
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

/**
 * Builds a subgraph from its definition and configuration: opens and migrates its database, seeds
 * demo data when asked, and prepares its HTTP service and outbox relay. Nothing listens until start().
 */
export async function createSubgraph<C extends BaseContext, S, D>(
  definition: SubgraphDefinition<C, S, D>,
  config: SubgraphConfig,
  options: CreateSubgraphOptions<D>,
): Promise<RunningSubgraph> {
  const { logger, clock = systemClock } = options;
  const database = await openDatabase({
    settings: config.database,
    entities: [...(definition.entities as unknown[]), ...OUTBOX_ENTITIES] as SubgraphDefinition<C, S, D>['entities'],
    migrations: definition.migrations,
    logger,
  });
  const { dataSource } = database;
  try {
    if (config.seedDemoData && definition.seed) {
      if (!options.demoData)
        throw new Error(`SEED_DEMO_DATA is set, but ${config.name} was started without a data set to seed`);
      await definition.seed(dataSource, options.demoData(), clock.now());
    }
    const services = (
      definition.setup ? await definition.setup({ config, dataSource, logger, clock }) : undefined
    ) as S;
    const tokens = new InternalTokens(config.internalTokenSecret, config.name);
    const service = await createSubgraphService<C>({
      name: config.name,
      typeDefs: loadSubgraphSchema(definition.directory),
      resolvers: definition.resolvers,
      dataSource,
      tokens,
      logger,
      clock,
      buildContext: (base) => definition.buildContext(base, dataSource, services),
      facts: () => definition.facts?.(dataSource) ?? copiedFacts(dataSource),
      flushEvents: async () => {
        await relay
          .drain(3)
          .catch((error: unknown) => logger.warn({ err: error }, 'immediate event delivery failed; the relay retries'));
      },
      routes: definition.routes ? (app) => definition.routes?.(app, services) : undefined,
      eventHandlers:
        typeof definition.eventHandlers === 'function' ? definition.eventHandlers(services) : definition.eventHandlers,
    });
    let background: { stop(): Promise<void> } | null = null;
    const relay = new OutboxRelay({
      dataSource,
      source: config.name,
      destinations: config.peers,
      tokens,
      logger,
      intervalMs: config.relayIntervalMs,
    });
    const subgraph: RunningSubgraph = {
      name: config.name,
      database,
      relay,
      service,
      server: null,
      async start(port, host) {
        subgraph.server = await service.start(port, host);
        relay.start();
        background = definition.background?.({ config, dataSource, logger, clock, services }) ?? null;
        return subgraph.server;
      },
      async stop() {
        await background?.stop();
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
export function runSubgraphMain<C extends BaseContext, S, D>(
  name: SubgraphConfig['name'],
  definition: SubgraphDefinition<C, S, D>,
  options: Omit<CreateSubgraphOptions<D>, 'logger'> = {},
): void {
  const logger = createLogger(name);
  runMain(logger, async () => {
    const config = loadSubgraphConfig(name);
    const subgraph = await createSubgraph(definition, config, { ...options, logger });
    await subgraph.start(config.port, config.host);
    return () => subgraph.stop();
  });
}
