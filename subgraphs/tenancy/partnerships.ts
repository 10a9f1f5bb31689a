import type { EntityManager } from 'typeorm';
import { inTransaction } from '../../shared/data/database';
import { audit } from '../../shared/events/audit';
import { publish } from '../../shared/events/outbox';
import { notFound } from '../../shared/runtime/errors';
import { uuid, validate } from '../../shared/runtime/validation';
import type { TenancyContext } from './context';
import { PartnerGrantEntity } from './entities';
import type { MutationCancelPartnershipArgs } from './generated/resolvers-types';
import { authorize } from './policy';

/** What a grant (or the invitation to one) allows, for audit entries. */
export const grantSnapshot = (
  row: Pick<PartnerGrantEntity, 'level' | 'products' | 'includeWallet'> & { status?: string },
) => ({
  level: row.level,
  products: row.products,
  includeWallet: row.includeWallet,
  ...(row.status ? { status: row.status } : {}),
});

/** Tells identity, permissions and compliance the grant's new state: each keeps a copy it decides reach by. */
export const publishGrant = (manager: EntityManager, grant: PartnerGrantEntity, now: Date) =>
  publish(
    manager,
    'PartnerAccessChanged',
    {
      clientId: grant.clientId,
      partnerId: grant.partnerId,
      level: grant.level,
      products: grant.products,
      includeWallet: grant.includeWallet,
      status: grant.status,
    },
    now,
  );

/**
 * Either side ends an active grant. Every subgraph's copy says so before the answer, so the
 * partner's next request no longer reaches the client anywhere in the graph.
 */
export async function cancelPartnership(
  context: TenancyContext,
  { clientId, partnerId }: MutationCancelPartnershipArgs,
): Promise<PartnerGrantEntity> {
  const { db, access, now } = context;
  validate(uuid, clientId);
  validate(uuid, partnerId);
  const grant = await db.getRepository(PartnerGrantEntity).findOneBy({ clientId, partnerId });
  await authorize(access, 'partnerAccess.cancel', { clientId, partnerId, grant });
  const cancelled = await inTransaction(db, async (manager) => {
    const changes = { status: 'CANCELLED' as const, cancelledAt: now, cancelledBy: access.actorId };
    const result = await manager.update(PartnerGrantEntity, { clientId, partnerId, status: 'ACTIVE' }, changes);
    if (result.affected === 0 || !grant) throw notFound('Active partnership of partner', partnerId);
    const ended = { ...grant, ...changes };
    await publishGrant(manager, ended, now);
    await audit(manager, context, {
      action: 'PARTNERSHIP_CANCELLED',
      targetType: 'Partner',
      targetId: partnerId,
      organizationId: clientId,
      before: grantSnapshot(grant),
      after: grantSnapshot(ended),
    });
    return ended;
  });
  await context.flushEvents();
  return cancelled;
}
