import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { ApolloServer, type ApolloServerOptionsWithGateway } from '@apollo/server';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express from 'express';
import type { Logger } from 'pino';
import { SUBGRAPH_NAMES, type SubgraphName } from '../shared/runtime/config';
import { maskUnexpectedErrors } from '../shared/runtime/errors';
import { jsonErrorHandler, listen, type RunningServer } from '../shared/runtime/http';
import { INTERNAL_TOKEN_HEADER, InternalTokens } from '../shared/auth/internal-token';
import { systemClock, type Clock } from '../shared/runtime/clock';
import { ANONYMOUS } from '../shared/auth/principal';
import { SUPERGRAPH_FILE } from './compose';
import { Authenticator } from './authentication';
import { authorizationPlugin, buildAuthorizationIndex } from './authorization';
import type { GatewayConfig } from './config';
import type { GatewayContext } from './context';
import { buildSubgraphIndex } from './operation-cost';
import { DEFAULT_OPERATION_LIMITS, OperationLimiter, operationLimitsMiddleware } from './operation-limits';
import { hideSuggestions, operationChoicePlugin } from './request-guards';

/**
 * Signs an internal token for every subgraph request, addressed to that subgraph. Nothing from the
 * client's request is forwarded but the request id.
 */
class InternalDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraph: SubgraphName,
    url: string,
    private readonly tokens: InternalTokens,
    timeoutMs: number,
  ) {
    // A subgraph that hangs must not hold the caller forever: the request is aborted and the field
    // comes back as a masked error after SUBGRAPH_TIMEOUT_MS.
    super({
      url,
      fetcher: ((input: string, init?: RequestInit) =>
        fetch(input, {
          ...init,
          signal: AbortSignal.timeout(timeoutMs),
        })) as unknown as RemoteGraphQLDataSource['fetcher'],
    });
  }

  override async willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    const { request } = options;
    // Only a client's operation has a caller; health checks and schema loading go out as anonymous.
    const context: Partial<GatewayContext> = 'incomingRequestContext' in options ? options.context : {};
    const principal = context.principal ?? ANONYMOUS;
    const requestId = context.requestId || randomUUID();
    const clientAddress = context.clientAddress || undefined;
    request.http?.headers.set(
      INTERNAL_TOKEN_HEADER,
      await this.tokens.sign(principal, this.subgraph, requestId, clientAddress),
    );
    request.http?.headers.set('x-request-id', requestId);
  }
}

export interface Gateway {
  app: express.Express;
  start(port: number, host: string): Promise<RunningServer>;
  stop(): Promise<void>;
}

export interface CreateGatewayOptions {
  logger: Logger;
  /** Where the gateway reads "now" to check access-token expiry; the system clock unless a test hands it a fake one. */
  clock?: Clock;
}

/** Builds the gateway over the checked-in supergraph; subgraph URLs come from configuration. */
export async function createGateway(config: GatewayConfig, options: CreateGatewayOptions): Promise<Gateway> {
  const { logger, clock = systemClock } = options;
  const tokens = new InternalTokens(config.internalTokenSecret, 'gateway');
  const authenticator = new Authenticator(config.subgraphs, config.accessTokens, tokens, clock);
  const supergraphSdl = fs.readFileSync(SUPERGRAPH_FILE, 'utf8');
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name }) => {
      if (!(SUBGRAPH_NAMES as readonly string[]).includes(name))
        throw new Error(`Unknown subgraph ${name} in supergraph`);
      const subgraph = name as SubgraphName;
      return new InternalDataSource(
        subgraph,
        `${config.subgraphs[subgraph]}/graphql`,
        tokens,
        config.subgraphTimeoutMs,
      );
    },
    logger,
  });
  // Operation limits are measured against the API schema, which the gateway derives when it loads.
  let limiter: OperationLimiter | null = null;
  const subgraphIndex = buildSubgraphIndex(supergraphSdl);
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => {
    limiter = new OperationLimiter(apiSchema, subgraphIndex, config.operationLimits ?? DEFAULT_OPERATION_LIMITS);
  });
  const suggestions = config.suggestions ?? process.env.NODE_ENV !== 'production';
  const apollo = new ApolloServer<GatewayContext>({
    // @apollo/gateway still types itself against server-gateway-interface v1; the runtime contract is the same.
    gateway: gateway as unknown as ApolloServerOptionsWithGateway<GatewayContext>['gateway'],
    logger,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    // Apollo Server drops "Did you mean" from validation errors only; hideSuggestions also covers
    // variable coercion errors and anything else that reaches a client.
    hideSchemaDetailsFromClientErrors: !suggestions,
    formatError: suggestions ? maskUnexpectedErrors(logger) : hideSuggestions(maskUnexpectedErrors(logger)),
    // Every operation must come as text, so the limits below see it (a hash alone would skip them).
    persistedQueries: false,
    // Directives are evaluated on the operation before the gateway plans it: what the caller may not
    // see is removed (or the operation refused) and no subgraph is asked for it.
    plugins: [
      operationChoicePlugin<GatewayContext>(),
      authorizationPlugin({
        index: buildAuthorizationIndex(supergraphSdl),
        rejectUnauthorized: config.rejectUnauthorizedOperations,
      }),
    ],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  // The client address feeds sign-in throttling; behind a load balancer trust exactly its hops.
  app.set('trust proxy', config.trustProxyHops);
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: 'gateway' });
  });
  // Ready when every subgraph answers its own readiness check (database reachable).
  app.get('/ready', async (_req, res) => {
    const results = await Promise.all(
      SUBGRAPH_NAMES.map(async (name) => {
        try {
          const response = await fetch(`${config.subgraphs[name]}/ready`, { signal: AbortSignal.timeout(2_000) });
          return [name, response.ok ? 'ready' : 'unavailable'] as const;
        } catch {
          return [name, 'unreachable'] as const;
        }
      }),
    );
    const ready = results.every(([, state]) => state === 'ready');
    res
      .status(ready ? 200 : 503)
      .json({ status: ready ? 'ready' : 'unavailable', subgraphs: Object.fromEntries(results) });
  });

  app.use(
    '/graphql',
    cors({ origin: config.corsOrigins, credentials: false }),
    express.json({ limit: '1mb' }),
    // Before authentication: an operation over a limit costs no subgraph call at all.
    operationLimitsMiddleware(() => limiter),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const requestId = randomUUID();
        const principal = await authenticator.principalFor(req.header('authorization'), requestId);
        return { principal, requestId, clientAddress: req.ip ?? null };
      },
    }),
  );

  app.use(jsonErrorHandler(logger));

  let running: RunningServer | null = null;
  return {
    app,
    async start(port, host) {
      running = await listen(app, port, host);
      logger.info({ url: `${running.url}/graphql` }, 'gateway listening');
      return running;
    },
    async stop() {
      await running?.close();
      await apollo.stop();
    },
  };
}
