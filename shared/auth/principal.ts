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

/** The roles that administer an organisation, one per kind: the platform, a partner, a client. */
export const ADMIN_ROLES: readonly Role[] = ['PLATFORM_OPERATOR', 'PARTNER_ADMIN', 'CLIENT_ADMIN'];

/** The highest of some roles, or null for none. */
export const bestRole = (roles: readonly Role[]): Role | null =>
  roles.length === 0 ? null : roles.reduce((best, role) => (roleRank(role) < roleRank(best) ? role : best));

export interface RoleGrant {
  role: Role;
  organizationId: string;
  /** Empty: the whole organisation; otherwise only these accounts of a client. */
  accountIds: string[];
}

/** What kind of person a user is: the organisation's own staff, an external contact, or a participant in projects. */
export type UserKind = 'EMPLOYEE' | 'EXTERNAL' | 'PARTICIPANT';
/** How much of the system an external contact may use: the portal (BASIC) or the application (ADVANCED). */
export type ExternalAccessLevel = 'BASIC' | 'ADVANCED';

/**
 * A principal carries what holds in its home organisation only; where else it may act (through a
 * partner grant, or everywhere for the platform) each subgraph works out from facts it keeps
 * (shared/auth/access.ts), so the principal's size does not grow with its reach.
 */
export type Principal =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      userId: string;
      organizationId: string;
      userKind: UserKind;
      /** External contacts only. */
      accessLevel: ExternalAccessLevel | null;
      /** Roles in the home organisation (the operator role in the platform's). */
      roles: RoleGrant[];
      userType: string | null;
      /** The user type's permissions with the overrides applied, in the home organisation. */
      homePermissions: string[];
      /**
       * Legacy: effective keys per organisation, as permissions computed them before the access
       * model moved into each subgraph. Read only by shared/auth/guard.ts until every subgraph uses
       * `Access`; then it goes.
       */
      permissions: Record<string, string[]>;
      sessionId: string | null;
    }
  | {
      kind: 'service';
      serviceAccountId: string;
      organizationId: string | null;
      roles: RoleGrant[];
      userType: string | null;
      homePermissions: string[];
      /** Set when partner staff created the account in a client through a grant: it acts only while that grant lasts. */
      boundToPartnerId: string | null;
      /** Legacy, as for users. */
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
