/**
 * Every event compliance receives (routes in shared/events/events.ts): its copies of the access facts
 * (grants, the accounts tree, people), new clients, the audit log and project participations.
 */
import type { EventHandlers } from '../../shared/events/outbox';
import { factHandlers } from '../../shared/subgraph/facts';
import { appendAuditEntry } from './audit-log';
import { COMPLIANCE_FACTS } from './migrations';
import { createDefaultPolicy } from './retention-policy';
import { recordParticipation } from './sweep';

export const complianceEventHandlers: EventHandlers = {
  /** PartnerAccessChanged, AccountChanged, PersonChanged: the copies policy.ts decides by. */
  ...factHandlers(COMPLIANCE_FACTS),
  /** Tenancy created a client: it gets the default retention policy. */
  ClientCreated: (manager, payload, event) =>
    createDefaultPolicy(manager, payload.clientId, new Date(event.occurredAt)),
  /** A change of access anywhere in the graph, for the audit log. */
  AccessChanged: (manager, payload, event) => appendAuditEntry(manager, payload, event),
  /** Someone joined a project: the retention clock starts (for the client's own people only). */
  ProjectJoined: (manager, payload) => recordParticipation(manager, payload),
};
