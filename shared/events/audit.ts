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
  context: Actor,
  entry: Omit<AuditRecord, 'actorId' | 'occurredAt' | 'requestId'> & { actorId?: string | null },
  now = new Date(),
): Promise<void> {
  await publish(manager, 'AccessChanged', { ...entry, actorId: entry.actorId ?? actorId(context.principal), occurredAt: now.toISOString(), requestId: context.requestId || null }, now);
}
