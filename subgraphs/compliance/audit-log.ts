import { Brackets, type DataSource, type EntityManager } from 'typeorm';
import type { AuditRecord, DeliveredEvent } from '../../shared/events/events';
import { encodeCursor, pageRequest, toConnection, type Connection } from '../../shared/data/pagination';
import { AuditEntryEntity } from './entities';

/** Appends one entry; the event id becomes the entry id, so a redelivered event cannot add a second one. */
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
    before: record.before === null || record.before === undefined ? null : JSON.stringify(record.before),
    after: record.after === null || record.after === undefined ? null : JSON.stringify(record.after),
    occurredAt: new Date(record.occurredAt),
    requestId: record.requestId,
  });
}

export interface AuditFilter {
  actorId?: string | null;
  targetId?: string | null;
  action?: string | null;
  from?: Date | null;
  to?: Date | null;
}

/** Newest first, keyset-paginated on (occurredAt, id) so deep pages stay as fast as the first. */
export async function listAuditLog(
  db: DataSource,
  organizationId: string,
  filter: AuditFilter | null | undefined,
  first?: number | null,
  after?: string | null,
): Promise<Connection<AuditEntryEntity>> {
  const page = pageRequest(first, after);
  const base = db
    .getRepository(AuditEntryEntity)
    .createQueryBuilder('entry')
    .where('entry.organizationId = :organizationId', { organizationId });
  if (filter?.actorId) base.andWhere('entry.actorId = :actorId', { actorId: filter.actorId });
  if (filter?.targetId) base.andWhere('entry.targetId = :targetId', { targetId: filter.targetId });
  if (filter?.action) base.andWhere('entry.action = :action', { action: filter.action });
  if (filter?.from) base.andWhere('entry.occurredAt >= :from', { from: filter.from });
  if (filter?.to) base.andWhere('entry.occurredAt < :to', { to: filter.to });
  const totalCount = await base.clone().getCount();
  const rows = base
    .clone()
    .orderBy('entry.occurredAt', 'DESC')
    .addOrderBy('entry.id', 'DESC')
    .take(page.first + 1);
  if (page.after) {
    const at = new Date(page.after.sort);
    // The plain bound on occurredAt lets the index seek straight to the cursor instead of scanning past it.
    rows
      .andWhere('entry.occurredAt <= :at', { at })
      .andWhere(
        new Brackets((qb) =>
          qb.where('entry.occurredAt < :at', { at }).orWhere('entry.id < :id', { id: page.after!.id }),
        ),
      );
  }
  return toConnection(page.first === 0 ? [] : await rows.getMany(), page, totalCount, (entry) =>
    encodeCursor(entry.occurredAt.toISOString(), entry.id),
  );
}
