import { randomUUID } from 'node:crypto';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from './resolver-map';
import express, { type Request, type Response, type NextFunction } from 'express';
import { parse, type GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { ErrorCode, maskUnexpectedErrors } from '../runtime/errors';
import { INTERNAL_TOKEN_HEADER, type InternalTokens } from '../auth/internal-token';
import { jsonErrorHandler, listen, type RunningServer } from '../runtime/http';
import { Access, type AccessFacts } from '../auth/access';
import type { Principal } from '../auth/principal';
import { applyEvent, type EventHandlers } from '../events/outbox';
import { enforceAuthzDirectives } from '../auth/directive-enforcement';
import type { Clock } from '../runtime/clock';
import type { BaseContext } from './context';

export interface SubgraphServiceOptions<C extends BaseContext> {
  name: string;
  typeDefs: string;
  resolvers: GraphQLResolverMap<C>;
  dataSource: DataSource;
  tokens: InternalTokens;
  logger: Logger;
  /** Read once per request (BaseContext.now) and once per delivered event. */
  clock: Clock;
  /** Builds the per-request context: new DataLoaders for every request. */
  buildContext(base: BaseContext): C;
  /** The facts access decisions read, batched per request (a new instance for every request). */
  facts(): AccessFacts;
  eventHandlers?: EventHandlers;
  /** Schema transforms applied after federation (e.g. directive enforcement). */
  transformSchema?(schema: GraphQLSchema): GraphQLSchema;
  plugins?: ApolloServerPlugin<C>[];
  routes?(app: express.Express): void;
  flushEvents?: () => Promise<void>;
}

export interface SubgraphService {
  app: express.Express;
  start(port: number, host: string): Promise<RunningServer>;
  stop(): Promise<void>;
}

const unauthenticated = (response: Response, message: string): void => {
  response.status(401).json({ errors: [{ message, extensions: { code: ErrorCode.UNAUTHENTICATED } }] });
};

/**
 * Builds a subgraph's HTTP service: POST /graphql (internal token required), POST /internal/events
 * (event delivery, internal token required), GET /health and GET /ready (database reachable).
 */
export async function createSubgraphService<C extends BaseContext>(
  options: SubgraphServiceOptions<C>,
): Promise<SubgraphService> {
  const { name, logger, tokens, dataSource, clock } = options;
  // Every subgraph enforces the authorization directives again: the gateway is not the only door.
  let schema = enforceAuthzDirectives(
    buildSubgraphSchema([
      { typeDefs: parse(options.typeDefs), resolvers: options.resolvers as GraphQLResolverMap<unknown> },
    ]),
  );
  if (options.transformSchema) schema = options.transformSchema(schema);
  const apollo = new ApolloServer<C>({
    schema,
    formatError: maskUnexpectedErrors(logger),
    includeStacktraceInErrorResponses: false,
    logger,
    // Traces would tell callers how long each resolver took; the gateway does not report to Apollo.
    plugins: [ApolloServerPluginInlineTraceDisabled(), ...(options.plugins ?? [])],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: name });
  });
  app.get('/ready', async (_req, res) => {
    try {
      await dataSource.query('SELECT 1');
      res.json({ status: 'ready', service: name });
    } catch (error) {
      logger.warn({ err: error }, 'readiness check failed');
      res.status(503).json({ status: 'unavailable', service: name });
    }
  });

  /** Refuses any request without a valid internal token addressed to this subgraph. */
  const requireInternalToken = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const token = req.header(INTERNAL_TOKEN_HEADER);
    if (!token) return unauthenticated(res, 'Missing internal token');
    const verified = await tokens.verify(token, name);
    if (!verified) return unauthenticated(res, 'Invalid internal token');
    res.locals.principal = verified.principal;
    res.locals.requestId = verified.requestId ?? randomUUID();
    res.locals.clientAddress = verified.clientAddress ?? null;
    next();
  };

  options.routes?.(app);
  app.use(
    '/graphql',
    requireInternalToken,
    express.json({ limit: '2mb' }),
    expressMiddleware(apollo, {
      context: async ({ res }) => {
        const requestId = res.locals.requestId as string;
        const principal = res.locals.principal as Principal;
        return options.buildContext({
          principal,
          access: new Access(principal, options.facts()),
          requestId,
          clientAddress: res.locals.clientAddress as string | null,
          now: clock.now(),
          flushEvents: options.flushEvents ?? (async () => undefined),
          logger: logger.child({ requestId }),
        });
      },
    }),
  );

  app.post('/internal/events', requireInternalToken, express.json({ limit: '1mb' }), async (req, res) => {
    const principal = res.locals.principal as Principal;
    if (principal.kind !== 'system') return void res.status(403).json({ error: 'only services deliver events' });
    try {
      const result = await applyEvent(dataSource, options.eventHandlers ?? {}, req.body, clock.now());
      res.json({ result });
    } catch (error) {
      const badRequest = error instanceof Error && error.name === 'ZodError';
      logger[badRequest ? 'warn' : 'error']({ err: error }, 'event could not be applied');
      res.status(badRequest ? 400 : 500).json({ error: badRequest ? 'malformed event' : 'event could not be applied' });
    }
  });

  app.use(jsonErrorHandler(logger));

  let running: RunningServer | null = null;
  return {
    app,
    async start(port, host) {
      // The internal token carries the caller's permissions per organisation; a partner with many
      // clients needs more than Node's default 16 KiB of headers. Only Tenantry services call here.
      running = await listen(app, port, host, { maxHeaderSize: 512 * 1024 });
      logger.info({ url: running.url }, `${name} subgraph listening`);
      return running;
    },
    async stop() {
      await running?.close();
      await apollo.stop();
    },
  };
}
