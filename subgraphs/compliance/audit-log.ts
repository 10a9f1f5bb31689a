/**
 * Writing the append-only audit log: entries other subgraphs send (AccessChanged, through the
 * outbox) and entries of compliance's own changes, written in the transaction of the change.
 * Reading it is loaders.ts's (`auditLog`), bound to the caller's access.
 */
import type { EntityManager } from 'typeorm';
import type { AuditRecord, DeliveredEvent } from '../../shared/events/events';
import type { Access } from '../../shared/auth/access';
import { newId } from '../../shared/runtime/ids';
import { AuditEntryEntity } from './entities';

const json = (value: unknown): string | null => (value === null || value === undefined ? null : JSON.stringify(value));

/** Appends one entry from another subgraph; the event id becomes the entry id, so a redelivered event cannot add a second one. */
export async function appendAuditEntry(
  manager: EntityManager,
  record: AuditRecord,
  event: DeliveredEvent,
): Promise<void> {
  await manager.insert(AuditEntryEntity, {
    id: event.eventId,
    organizationId: record.organizationId,
    actorId: record.actorId,
    action: record.action,
    targetType: record.targetType,
    targetId: record.targetId,
    before: json(record.before),
    after: json(record.after),
    occurredAt: new Date(record.occurredAt),
    requestId: record.requestId,
  });
}

/** Who made a change of compliance's own, in which request and when. */
export interface AuditActor {
  access: Access;
  requestId: string;
  now: Date;
}

/**
 * Records a change compliance made itself. The log lives here, so no event is needed: the entry is
 * written by `manager`, in the transaction of the change, and both commit or neither does.
 */
export async function recordOwnChange(
  manager: EntityManager,
  actor: AuditActor,
  entry: Pick<AuditRecord, 'action' | 'targetType' | 'targetId' | 'organizationId' | 'before' | 'after'>,
): Promise<void> {
  await manager.insert(AuditEntryEntity, {
    id: newId(),
    organizationId: entry.organizationId,
    actorId: actor.access.actorId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    before: json(entry.before),
    after: json(entry.after),
    occurredAt: actor.now,
    requestId: actor.requestId || null,
  });
}
