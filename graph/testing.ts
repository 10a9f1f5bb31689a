import { generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { createGateway, type Gateway } from '../gateway/server';
import type { GatewayConfig } from '../gateway/config';
import { SUBGRAPH_NAMES, type SubgraphName } from '../shared/runtime/config';
import { DEMO_PASSWORD, type DemoDataset } from './demo-data';
import { createLogger } from '../shared/runtime/logger';
import type { SubgraphConfig } from '../shared/subgraph/config';
import { createSubgraph, type RunningSubgraph } from '../shared/subgraph/definition';
import { DEFINITIONS } from './definitions';
import { createTestDatabases, type TestDatabases } from '../shared/testing/databases';
import { DEFAULT_ACCESS_TOKEN_SETTINGS } from '../shared/auth/access-token';
import { startTestMailbox, type TestMailbox } from '../shared/testing/mail';
import { systemClock, type Clock } from '../shared/runtime/clock';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: Array<{
    message: string;
    path?: Array<string | number>;
    extensions?: { code?: string } & Record<string, unknown>;
  }>;
}

export interface TestGraph {
  gatewayUrl: string;
  /** The clock every service of this graph reads (a FakeClock when the test passed one). */
  clock: Clock;
  subgraphs: Record<SubgraphName, RunningSubgraph>;
  configs: Record<SubgraphName, SubgraphConfig>;
  secret: string;
  /** The key identity signs access tokens with, so tests can mint expired or misaddressed ones. */
  signingKey: KeyObject;
  /** The loopback SMTP server identity sends mail to (SMTP_URL): every message it received. */
  mail: TestMailbox;
  /** Posts an operation to the gateway. */
  query<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  /** Signs in through the gateway and returns the access token (throws on failure). */
  login(email: string, password?: string): Promise<string>;
  /** A query function that sends the given access token. */
  as(
    accessToken: string,
  ): <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>) => Promise<GraphQLResponse<T>>;
  /** Writes each subgraph's share of a dataset, as `npm start` does on first start. */
  seed(dataset: DemoDataset): Promise<void>;
  /** Delivers every pending outbox event of every subgraph. */
  drainEvents(): Promise<void>;
  /** SQL statements run so far, per subgraph. */
  sqlCounts(): Record<SubgraphName, number>;
  stop(): Promise<void>;
}

export interface TestGraphOptions {
  /** Settings that differ from the test defaults, e.g. rejectUnauthorizedOperations. */
  gateway?: Partial<GatewayConfig>;
  /** The clock of every service; a FakeClock lets the test move time. Default: the system clock. */
  clock?: Clock;
}

/**
 * Starts the four real subgraphs and the gateway on port 0 over fresh databases (SQLite, or MySQL
 * with TEST_DATABASE=mysql). Outbox relays do not poll: tests deliver events with drainEvents().
 */
export async function startTestGraph(options: TestGraphOptions = {}): Promise<TestGraph> {
  const clock = options.clock ?? systemClock;
  const secret = randomBytes(32).toString('hex');
  const signingKey = generateKeyPairSync('ed25519').privateKey;
  const mail = await startTestMailbox();
  const identityEnv = {
    IDENTITY_SIGNING_KEY: signingKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    SMTP_URL: mail.url,
  };
  const databases: TestDatabases = await createTestDatabases(SUBGRAPH_NAMES);
  const peers = {} as Record<SubgraphName, string>;
  const configs = {} as Record<SubgraphName, SubgraphConfig>;
  const subgraphs = {} as Record<SubgraphName, RunningSubgraph>;
  let gateway: Gateway | null = null;
  try {
    for (const name of SUBGRAPH_NAMES) {
      configs[name] = {
        name,
        host: '127.0.0.1',
        port: 0,
        dataDir: '',
        database: databases.settings(name),
        internalTokenSecret: secret,
        peers,
        seedDemoData: false,
        relayIntervalMs: 60_000,
        env: name === 'identity' ? identityEnv : {},
      };
      subgraphs[name] = await createSubgraph(DEFINITIONS[name], configs[name], { logger: createLogger(name), clock });
      const server = await subgraphs[name].service.start(0, '127.0.0.1');
      subgraphs[name].server = server;
      peers[name] = server.url;
    }
    const gatewayConfig: GatewayConfig = {
      host: '127.0.0.1',
      port: 0,
      dataDir: '',
      subgraphs: peers,
      internalTokenSecret: secret,
      introspection: true,
      corsOrigins: [],
      subgraphTimeoutMs: 10_000,
      accessTokens: DEFAULT_ACCESS_TOKEN_SETTINGS,
      rejectUnauthorizedOperations: false,
      trustProxyHops: 0,
      ...options.gateway,
    };
    gateway = await createGateway(gatewayConfig, { logger: createLogger('gateway'), clock });
    const running = await gateway.start(0, '127.0.0.1');
    const gatewayUrl = `${running.url}/graphql`;
    const startedGateway = gateway;
    const graph: TestGraph = {
      gatewayUrl,
      clock,
      subgraphs,
      configs,
      secret,
      signingKey,
      mail,
      async query(query, variables, headers) {
        const response = await fetch(gatewayUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ query, variables }),
        });
        return (await response.json()) as GraphQLResponse<never>;
      },
      async login(email, password = DEMO_PASSWORD) {
        const result = await graph.query<{ login: { accessToken: string } }>(
          'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }',
          { email, password },
        );
        if (!result.data?.login) throw new Error(`login as ${email} failed: ${JSON.stringify(result.errors)}`);
        return result.data.login.accessToken;
      },
      as(accessToken) {
        return (query, variables) => graph.query(query, variables, { authorization: `Bearer ${accessToken}` });
      },
      async seed(dataset) {
        for (const name of SUBGRAPH_NAMES)
          await DEFINITIONS[name].seed?.(subgraphs[name].database.dataSource, dataset, clock.now());
      },
      async drainEvents() {
        // Delivery can cause further events; loop until a full round delivers nothing.
        for (let round = 0; round < 10; round += 1) {
          let delivered = 0;
          for (const name of SUBGRAPH_NAMES) delivered += await subgraphs[name].relay.drain();
          if (delivered === 0) return;
        }
      },
      sqlCounts() {
        return Object.fromEntries(
          SUBGRAPH_NAMES.map((name) => [name, subgraphs[name].database.queries.count]),
        ) as Record<SubgraphName, number>;
      },
      async stop() {
        await startedGateway.stop();
        for (const name of SUBGRAPH_NAMES) await subgraphs[name].stop();
        await databases.dispose();
        await mail.stop();
      },
    };
    return graph;
  } catch (error) {
    await gateway?.stop().catch(() => undefined);
    for (const subgraph of Object.values(subgraphs)) await subgraph.stop().catch(() => undefined);
    await databases.dispose().catch(() => undefined);
    await mail.stop().catch(() => undefined);
    throw error;
  }
}
