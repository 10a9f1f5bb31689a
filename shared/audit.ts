import type { EntityManager } from 'typeorm';
import type { AuditRecord } from './events';
import { actorId } from './guard';
import { publish } from './outbox';
import type { BaseContext } from './subgraph-server';

/**
 * Records a change of access for the audit log, in the transaction of the change itself: the entry
 * reaches compliance through the outbox, so an acknowledged change is never missing from the log.
 */
export async function audit(
  manager: EntityManager,
  context: Pick<BaseContext, 'principal' | 'requestId'>,
  entry: Omit<AuditRecord, 'actorId' | 'occurredAt' | 'requestId'> & { actorId?: string | null },
  now = new Date(),
): Promise<void> {
  await publish(manager, 'AccessChanged', { ...entry, actorId: entry.actorId ?? actorId(context.principal), occurredAt: now.toISOString(), requestId: context.requestId || null }, now);
}
