/**
 * User administration: deactivate, reactivate and repair a person. Each is tier-checked by the
 * policy against the person's own tier, which identity keeps from permissions' PersonAccessChanged.
 */
import { IsNull } from 'typeorm';
import { audit } from '../../shared/events/audit';
import { inTransaction } from '../../shared/data/database';
import { publish } from '../../shared/events/outbox';
import type { IdentityContext } from './context';
import { InvitationEntity, SessionEntity, UserEntity } from './entities';
import { actingThroughPartner, authorize } from './policy';
import { issueActivationLink, revokePendingLinks, sendActivationMail } from './activation-links';
import { announcePeople, countActiveAdmins, loadTarget } from './people';

/** Ends the person's sessions at once: the gateway refuses their tokens from the next request. */
export async function deactivateUser(context: IdentityContext, userId: string): Promise<UserEntity> {
  const { user, person } = await loadTarget(context.db, userId);
  const activeAdmins = person.isAdmin ? await countActiveAdmins(context.db, user.organizationId) : 0;
  await authorize(context.access, 'user.deactivate', { ...person, activeAdmins });
  if (user.status === 'DEACTIVATED') return user;
  const { now } = context;
  await inTransaction(context.db, async (manager) => {
    await manager.update(UserEntity, { id: user.id }, { status: 'DEACTIVATED' });
    await manager.update(SessionEntity, { userId: user.id, revokedAt: IsNull() }, { revokedAt: now });
    await revokePendingLinks(manager, user.id, now);
    await announcePeople(manager, [user.id], now);
    await audit(manager, context, {
      action: 'USER_DEACTIVATED',
      targetType: 'User',
      targetId: user.id,
      organizationId: user.organizationId,
      before: { status: user.status },
      after: { status: 'DEACTIVATED' },
    });
  });
  return (await loadTarget(context.db, userId)).user;
}

/** Active again if the user has a password; otherwise back to invited (send a link with repairUser or resendInvitation). */
export async function reactivateUser(context: IdentityContext, userId: string): Promise<UserEntity> {
  const { user, person } = await loadTarget(context.db, userId);
  await authorize(context.access, 'user.reactivate', person);
  if (user.status !== 'DEACTIVATED') return user;
  const status = user.passwordHash ? 'ACTIVE' : 'INVITED';
  await inTransaction(context.db, async (manager) => {
    await manager.update(UserEntity, { id: user.id }, { status });
    await announcePeople(manager, [user.id], context.now);
    await audit(manager, context, {
      action: 'USER_REACTIVATED',
      targetType: 'User',
      targetId: user.id,
      organizationId: user.organizationId,
      before: { status: 'DEACTIVATED' },
      after: { status },
    });
  });
  return (await loadTarget(context.db, userId)).user;
}

/** Asks permissions to re-derive the user's type and base role; an invited user whose link expired or is missing gets a new one. */
export async function repairUser(context: IdentityContext, userId: string): Promise<UserEntity> {
  const { user, person } = await loadTarget(context.db, userId);
  await authorize(context.access, 'user.repair', person);
  const { now } = context;
  const sender = {
    createdBy: context.access.actorId,
    partnerId: await actingThroughPartner(context.access, user.organizationId),
  };
  const link = await inTransaction(context.db, async (manager) => {
    await publish(
      manager,
      'UserRepairRequested',
      {
        userId: user.id,
        organizationId: user.organizationId,
        kind: user.kind,
        accessLevel: user.accessLevel,
        accountIds: [...person.accountIds],
      },
      now,
    );
    let issued: Awaited<ReturnType<typeof issueActivationLink>> | null = null;
    if (user.status === 'INVITED') {
      const pending = await manager.findOneBy(InvitationEntity, {
        userId: user.id,
        usedAt: IsNull(),
        revokedAt: IsNull(),
      });
      if (!pending || pending.expiresAt <= now) issued = await issueActivationLink(manager, user, sender, now);
    }
    await audit(manager, context, {
      action: 'USER_REPAIRED',
      targetType: 'User',
      targetId: user.id,
      organizationId: user.organizationId,
      before: null,
      after: { invitationReissued: issued !== null, accountIds: person.accountIds },
    });
    return issued;
  });
  if (link) await sendActivationMail(context.services.mail, context.logger, { user, link });
  return user;
}
