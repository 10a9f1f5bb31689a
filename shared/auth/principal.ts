/**
 * Who is making a request, as the gateway established it. It travels to subgraphs inside the
 * internal token (shared/auth/internal-token.ts) and is the only source of identity a subgraph trusts.
 */
import { stableId } from '../runtime/ids';

/**
 * The platform's own organisation, home of the operators and internal tools. Permissions held there
 * apply in every organisation.
 */
export const PLATFORM_ORGANIZATION_ID = stableId('org:tenantry');

export const ROLE_TIERS = [
  'PLATFORM_OPERATOR',
  'PARTNER_ADMIN',
  'CLIENT_ADMIN',
  'MANAGER',
  'MEMBER',
  'EXTERNAL',
  'PARTICIPANT',
] as const;
export type Role = (typeof ROLE_TIERS)[number];

/** Lower number = higher tier. */
export const roleRank = (role: Role): number => ROLE_TIERS.indexOf(role);

export interface RoleGrant {
  role: Role;
  organizationId: string;
  /** Empty: the whole organisation; otherwise only these accounts of a client. */
  accountIds: string[];
}

export type Principal =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      userId: string;
      organizationId: string;
      roles: RoleGrant[];
      userType: string | null;
      /** Effective permission keys per organisation id the principal may act in. */
      permissions: Record<string, string[]>;
      sessionId: string | null;
    }
  | {
      kind: 'service';
      serviceAccountId: string;
      organizationId: string | null;
      roles: RoleGrant[];
      userType: string | null;
      permissions: Record<string, string[]>;
    }
  /** A Tenantry service acting on its own behalf: event delivery, orchestration, jobs. */
  | { kind: 'system'; service: string };

export const ANONYMOUS: Principal = { kind: 'anonymous' };

/**
 * Who carries out a change, in which request, and when: what an audit entry records beside the
 * change itself. A subgraph's request context is one (its `now` comes from the service's clock).
 */
export interface Actor {
  principal: Principal;
  requestId: string;
  now: Date;
}
