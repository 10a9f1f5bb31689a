import type { DataSource, EntityManager } from 'typeorm';
import type { AuditRecord, DeliveredEvent } from '../../shared/events/events';
import {
  keysetPage,
  pageRequest,
  type Connection,
  type KeysetOrder,
  type PageArgs,
} from '../../shared/data/pagination';
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
  args: PageArgs & { filter?: AuditFilter | null },
): Promise<Connection<AuditEntryEntity>> {
  const page = pageRequest(args.first, args.after);
  const { filter } = args;
  const base = db
    .getRepository(AuditEntryEntity)
    .createQueryBuilder('entry')
    .where('entry.organizationId = :organizationId', { organizationId });
  if (filter?.actorId) base.andWhere('entry.actorId = :actorId', { actorId: filter.actorId });
  if (filter?.targetId) base.andWhere('entry.targetId = :targetId', { targetId: filter.targetId });
  if (filter?.action) base.andWhere('entry.action = :action', { action: filter.action });
  if (filter?.from) base.andWhere('entry.occurredAt >= :from', { from: filter.from });
  if (filter?.to) base.andWhere('entry.occurredAt < :to', { to: filter.to });
  return keysetPage(base, page, NEWEST_FIRST);
}

/** Newest first: occurredAt, and the id among entries of the same instant (the org/time index ends with both). */
const NEWEST_FIRST: KeysetOrder<AuditEntryEntity> = {
  column: 'entry.occurredAt',
  direction: 'DESC',
  cursorValue: (entry) => entry.occurredAt.toISOString(),
  parameter: (value) => new Date(value),
};
