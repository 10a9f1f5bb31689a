import { audit } from '../../../shared/events/audit';
import type { EventHandlers } from '../../../shared/events/outbox';
import { PartnerGrantEntity } from '../entities';

/**
 * Handlers of tenancy's partner-access events (PartnerAccessChanged): keeps this subgraph's copy of
 * the grant, which effective permissions read on every request. Applying the same state twice changes
 * nothing; an older event delivered after a newer one is skipped by comparing times.
 */
export const partnerAccessHandlers: EventHandlers = {
  PartnerAccessChanged: async (manager, payload, event, now) => {
    const { clientId, partnerId, level, products, includeWallet, status } = payload;
    const occurredAt = new Date(event.occurredAt);
    const at = Number.isNaN(occurredAt.getTime()) ? now : occurredAt;
    const existing = await manager.findOneBy(PartnerGrantEntity, { clientId, partnerId });
    if (existing && existing.updatedAt.getTime() > at.getTime()) return;
    const next = { level, products: [...products].sort(), includeWallet, status };
    if (
      existing &&
      existing.status === next.status &&
      existing.level === next.level &&
      existing.includeWallet === next.includeWallet &&
      [...existing.products].sort().join(',') === next.products.join(',')
    )
      return;
    if (existing) await manager.update(PartnerGrantEntity, { clientId, partnerId }, { ...next, updatedAt: at });
    else await manager.insert(PartnerGrantEntity, { clientId, partnerId, ...next, updatedAt: at });
    await audit(
      manager,
      { principal: { kind: 'system', service: 'permissions' }, requestId: event.eventId, now },
      {
        actorId: `system:${event.source}`,
        action: status === 'ACTIVE' ? 'PARTNER_PERMISSIONS_GRANTED' : 'PARTNER_PERMISSIONS_REVOKED',
        targetType: 'Partner',
        targetId: partnerId,
        organizationId: clientId,
        before: existing
          ? {
              level: existing.level,
              products: existing.products,
              includeWallet: existing.includeWallet,
              status: existing.status,
            }
          : null,
        after: next,
      },
    );
  },
};
