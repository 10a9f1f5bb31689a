import type { SubgraphName } from './config';

/** Events that cross subgraph boundaries, with their payloads. Add a topic here and in EVENT_ROUTES. */
export interface EventPayloads {
  /** Tenancy created a client: compliance gives it the default retention policy. */
  ClientCreated: { clientId: string; partnerId: string | null; name: string; createdAt: string };
}
export type EventTopic = keyof EventPayloads;

/** Which subgraphs receive each topic. Publishing writes one outbox row per destination. */
export const EVENT_ROUTES: { [T in EventTopic]: SubgraphName[] } = {
  ClientCreated: ['compliance', 'permissions'],
};

export interface DeliveredEvent<T extends EventTopic = EventTopic> {
  eventId: string;
  topic: T;
  payload: EventPayloads[T];
  occurredAt: string;
  source: string;
}
