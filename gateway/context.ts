import type { Principal } from '../shared/auth/principal';

/** What the gateway knows of each request: the caller it authenticated, the request id, the client's address. */
export interface GatewayContext {
  principal: Principal;
  requestId: string;
  clientAddress: string | null;
}
