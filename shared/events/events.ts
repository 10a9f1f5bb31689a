import type { ExternalAccessLevel, Role, UserKind } from '../auth/principal';
import type { SubgraphName } from '../runtime/config';

/** Events that cross subgraph boundaries, with their payloads. Add a topic here and in EVENT_ROUTES. */
export interface EventPayloads {
  /** Tenancy created a client: compliance gives it the default retention policy. */
  ClientCreated: { clientId: string; partnerId: string | null; name: string; createdAt: string };
  /** Identity created a service account: permissions gives it a user type of its own. */
  ServiceAccountCreated: { serviceAccountId: string; organizationId: string; name: string; actorId: string | null };
  /** Any change of who may do what, for the append-only audit log in compliance. */
  AccessChanged: AuditRecord;
  /** Tenancy changed what identity needs for sign-up: corporate email domains and whether self-enrollment is on. */
  ClientProfileChanged: { clientId: string; emailDomains: string[]; selfEnrollment: boolean };
  /** A client was suspended or reactivated: identity refuses sign-in (and tokens) of a suspended client's users. */
  ClientStatusChanged: {
    clientId: string;
    status: 'ACTIVE' | 'SUSPENDED';
    changedBy: string | null;
    changedAt: string;
  };
  /**
   * A partner's access to a client started, changed or ended. Identity, permissions and compliance
   * keep a copy of the grant: every subgraph decides a partner's reach from it (docs/authorization.md).
   */
  PartnerAccessChanged: {
    clientId: string;
    partnerId: string;
    level: 'LIMITED' | 'FULL';
    products: string[];
    includeWallet: boolean;
    status: 'ACTIVE' | 'CANCELLED';
  };
  /** A client invited a partner: identity emails the partner's users who may answer (partner-access.manage). */
  PartnerInvitationSent: {
    invitationId: string;
    clientId: string;
    clientName: string;
    partnerId: string;
    level: 'LIMITED' | 'FULL';
    expiresAt: string;
  };
  /** Identity created a user (invitation or sign-up): permissions gives them a user type and a base role. */
  UserCreated: {
    userId: string;
    organizationId: string;
    kind: 'EMPLOYEE' | 'EXTERNAL' | 'PARTICIPANT';
    accessLevel: 'BASIC' | 'ADVANCED' | null;
    accountIds: string[];
  };
  /**
   * A person's user type or roles changed (permissions): identity keeps the type (directory search),
   * the person's tier (their best role at home) and whether they hold their organisation's admin role,
   * so it decides tier rules and "the last admin stays" on its own.
   */
  PersonAccessChanged: {
    userId: string;
    organizationId: string;
    userTypeId: string | null;
    tier: Role | null;
    admin: boolean;
  };
  /** An admin asked to repair a user: permissions re-derives their type and base role. */
  UserRepairRequested: {
    userId: string;
    organizationId: string;
    kind: 'EMPLOYEE' | 'EXTERNAL' | 'PARTICIPANT';
    accessLevel?: 'BASIC' | 'ADVANCED' | null;
    accountIds?: string[];
  };
  /** A participant joined a project (tenancy): compliance starts the retention clock. */
  ProjectJoined: { projectId: string; clientId: string; userId: string; joinedAt: string };
  /** Compliance soft-deleted a person: every subgraph hides them (lookups, lists, search, counts, sign-in). */
  PersonSoftDeleted: { userId: string; clientId: string | null; reason: string };
  /** Compliance erased a person: every subgraph removes or anonymises what it holds; only the pseudonym remains. */
  PersonErased: { userId: string; pseudonym: string };
  /** Tenancy created, moved or removed an account: the others keep the tree for account-scoped roles and ids in input. */
  AccountChanged: { accountId: string; clientId: string; parentId: string | null; removed: boolean };
  /**
   * Identity created a person or changed what the others decide by (home organisation, kind, access
   * level, status, deletion): they keep a copy, so ids in input can be checked and deleted people hidden.
   */
  PersonChanged: {
    userId: string;
    organizationId: string;
    organizationKind: 'PLATFORM' | 'PARTNER' | 'CLIENT';
    kind: UserKind;
    accessLevel: ExternalAccessLevel | null;
    status: 'INVITED' | 'ACTIVE' | 'DEACTIVATED';
    deleted: boolean;
  };
}

/** One audit entry: who changed what access, where, from what to what. */
export interface AuditRecord {
  action: string;
  actorId: string | null;
  targetType: string;
  targetId: string;
  organizationId: string;
  before: unknown;
  after: unknown;
  occurredAt: string;
  requestId: string | null;
}
export type EventTopic = keyof EventPayloads;

/** Which subgraphs receive each topic. Publishing writes one outbox row per destination. */
export const EVENT_ROUTES: { [T in EventTopic]: SubgraphName[] } = {
  ClientCreated: ['compliance', 'permissions'],
  ServiceAccountCreated: ['permissions'],
  AccessChanged: ['compliance'],
  ClientProfileChanged: ['identity'],
  ClientStatusChanged: ['identity'],
  PartnerAccessChanged: ['permissions', 'identity', 'compliance'],
  PartnerInvitationSent: ['identity'],
  UserCreated: ['permissions'],
  PersonAccessChanged: ['identity'],
  UserRepairRequested: ['permissions'],
  ProjectJoined: ['compliance'],
  PersonSoftDeleted: ['identity', 'tenancy', 'permissions'],
  PersonErased: ['identity', 'tenancy', 'permissions'],
  AccountChanged: ['identity', 'permissions', 'compliance'],
  PersonChanged: ['tenancy', 'permissions', 'compliance'],
};

export interface DeliveredEvent<T extends EventTopic = EventTopic> {
  eventId: string;
  topic: T;
  payload: EventPayloads[T];
  occurredAt: string;
  source: string;
}
