import type { EntityManager } from 'typeorm';
import { inTransaction } from '../../shared/data/database';
import { audit } from '../../shared/events/audit';
import { publish } from '../../shared/events/outbox';
import { notFound } from '../../shared/runtime/errors';
import { uuid, validate } from '../../shared/runtime/validation';
import type { TenancyContext } from './context';
import { PartnerGrantEntity, type PartnerInvitationEntity } from './entities';
import type {
  MutationCancelPartnershipArgs,
  MutationRespondToPartnerInvitationArgs,
} from './generated/resolvers-types';
import { findInvitation, grantSnapshot, requirePending, settle } from './partner-invitations';
import { authorize } from './policy';

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
 * The partner accepts (the grant becomes active with the invitation's access) or rejects. The change
 * is delivered to the other subgraphs before the answer: it holds on the partner's next request.
 */
export async function respondToPartnerInvitation(
  context: TenancyContext,
  { invitationId, accept }: MutationRespondToPartnerInvitationArgs,
): Promise<PartnerInvitationEntity> {
  const { db, now } = context;
  const invitation = await findInvitation(context, invitationId);
  await authorize(context.access, 'partnerAccess.respond', { invitation });
  requirePending(invitation, now);
  const { clientId, partnerId } = invitation;
  await inTransaction(db, async (manager) => {
    await settle(manager, context, invitation, accept ? 'ACCEPTED' : 'REJECTED');
    if (!accept) {
      await audit(manager, context, {
        action: 'PARTNER_INVITATION_REJECTED',
        targetType: 'Partner',
        targetId: partnerId,
        organizationId: clientId,
        before: { invitationId, ...grantSnapshot(invitation) },
        after: null,
      });
      return;
    }
    const previous = await manager.findOneBy(PartnerGrantEntity, { clientId, partnerId });
    const grant: PartnerGrantEntity = {
      clientId,
      partnerId,
      level: invitation.level,
      products: invitation.products,
      includeWallet: invitation.includeWallet,
      status: 'ACTIVE',
      invitationId,
      grantedAt: now,
      cancelledAt: null,
      cancelledBy: null,
    };
    await manager.save(PartnerGrantEntity, grant);
    await publishGrant(manager, grant, now);
    await audit(manager, context, {
      action: 'PARTNER_ACCESS_GRANTED',
      targetType: 'Partner',
      targetId: partnerId,
      organizationId: clientId,
      before: previous ? grantSnapshot(previous) : null,
      after: { invitationId, ...grantSnapshot(grant) },
    });
  });
  await context.flushEvents();
  return invitation;
}

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
