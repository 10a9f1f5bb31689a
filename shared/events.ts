import type { SubgraphName } from './config';

/** Events that cross subgraph boundaries, with their payloads. Add a topic here and in EVENT_ROUTES. */
export interface EventPayloads {
  /** Tenancy created a client: compliance gives it the default retention policy. */
  ClientCreated: { clientId: string; partnerId: string | null; name: string; createdAt: string };
  /** Identity created a service account: permissions gives it a user type of its own. */
  ServiceAccountCreated: { serviceAccountId: string; organizationId: string; name: string; actorId: string | null };
  /** Any change of who may do what, for the append-only audit log in compliance. */
  AccessChanged: AuditRecord;
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
};

export interface DeliveredEvent<T extends EventTopic = EventTopic> {
  eventId: string;
  topic: T;
  payload: EventPayloads[T];
  occurredAt: string;
  source: string;
}
