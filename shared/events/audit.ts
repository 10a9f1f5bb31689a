import type { EntityManager } from 'typeorm';
import type { AuditRecord } from './events';
import { actorId } from '../auth/guard';
import type { Actor } from '../auth/principal';
import { publish } from './outbox';

/**
 * Records a change of access for the audit log, in the transaction of the change itself: the entry
 * reaches compliance through the outbox, so an acknowledged change is never missing from the log.
 */
export async function audit(
  manager: EntityManager,
  actor: Actor,
  entry: Omit<AuditRecord, 'actorId' | 'occurredAt' | 'requestId'> & { actorId?: string | null },
): Promise<void> {
  const record = {
    ...entry,
    actorId: entry.actorId ?? actorId(actor.principal),
    occurredAt: actor.now.toISOString(),
    requestId: actor.requestId || null,
  };
  await publish(manager, 'AccessChanged', record, actor.now);
}
