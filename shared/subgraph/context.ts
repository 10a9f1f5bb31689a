import type { Logger } from 'pino';
import type { Access } from '../auth/access';
import type { Principal } from '../auth/principal';

/** What every subgraph resolver receives; each subgraph extends it with its loaders. */
export interface BaseContext {
  principal: Principal;
  /** The caller's access in this request: every decision about what it may see or do goes through it. */
  access: Access;
  requestId: string;
  /** The end client's address as the gateway saw it; null for service-to-service calls. */
  clientAddress: string | null;
  /**
   * One "now" for the whole request, read from the service's clock when the request starts, so
   * defaults such as "the last 30 days" agree across resolvers and a test can move time.
   */
  now: Date;
  /**
   * Delivers this subgraph's pending events now instead of at the relay's next pass, for changes
   * that must hold on the caller's very next request (a cancelled partnership, a suspended client).
   * Best effort: what cannot be delivered stays in the outbox for the relay.
   */
  flushEvents(): Promise<void>;
  logger: Logger;
}

/** An entity reference as the gateway or another subgraph sends it (`__resolveReference`), or a parent known only by id. */
export interface Ref {
  id: string;
}
