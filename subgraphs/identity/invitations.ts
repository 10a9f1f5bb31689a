/**
 * Invitations: an admin (or partner staff through a grant) invites a person, resends the link or
 * withdraws it; when a partner's grant ends, the invitations its staff sent that are still pending
 * are withdrawn too.
 */
import { In, IsNull, type EntityManager } from 'typeorm';
import { z } from 'zod';
import { audit } from '../../shared/events/audit';
import { inTransaction, isUniqueViolation } from '../../shared/data/database';
import { conflict } from '../../shared/runtime/errors';
import type { Actor } from '../../shared/auth/principal';
import { displayName, emailAddress, uuid, validate } from '../../shared/runtime/validation';
import type { MutationInviteUserArgs } from './generated/resolvers-types';
import type { IdentityContext } from './context';
import { InvitationEntity, UserEntity } from './entities';
import { actingThroughPartner, authorize } from './policy';
import { issueActivationLink, revokePendingLinks, sendActivationMail, type ActivationLink } from './activation-links';
import { announcePeople, insertInvitedUser, loadTarget, organizationFacts } from './people';

const personName = displayName(100);
const inviteInput = z
  .object({
    email: emailAddress,
    firstName: personName,
    lastName: personName,
    kind: z.enum(['EMPLOYEE', 'EXTERNAL', 'PARTICIPANT']),
    accessLevel: z.enum(['BASIC', 'ADVANCED']).nullish(),
    accountIds: z.array(uuid).max(50, 'must list at most 50 accounts').nullish(),
  })
  .refine((input) => input.kind === 'EXTERNAL' || !input.accessLevel, {
    message: 'is only for external contacts (kind EXTERNAL)',
    path: ['accessLevel'],
  });

/** Creates an INVITED user in the organisation and emails them an activation link. */
export async function inviteUser(context: IdentityContext, args: MutationInviteUserArgs): Promise<UserEntity> {
  const organizationId = validate(uuid, args.organizationId);
  const input = validate(inviteInput, args.input);
  const accessLevel = input.kind === 'EXTERNAL' ? (input.accessLevel ?? 'BASIC') : null;
  const accountIds = [...new Set(input.accountIds ?? [])].sort();
  const organization = await organizationFacts(context.db, organizationId);
  await authorize(context.access, 'user.invite', {
    organizationId,
    organizationKnown: organization.known,
    accessLevel,
    accountIds,
    accountsOfOrganization: organization.accountIds,
  });
  const sender = {
    createdBy: context.access.actorId,
    partnerId: await actingThroughPartner(context.access, organizationId),
  };
  const { now } = context;
  let sent: { user: UserEntity; link: ActivationLink };
  try {
    sent = await inTransaction(context.db, async (manager) => {
      if (await manager.existsBy(UserEntity, { email: input.email }))
        throw conflict('A user with this email already exists');
      const user = await insertInvitedUser(
        manager,
        {
          organizationId,
          organizationKind: organization.kind,
          email: input.email,
          firstName: input.firstName,
          lastName: input.lastName,
          kind: input.kind,
          accessLevel,
          passwordHash: null,
          accountIds,
        },
        now,
      );
      const link = await issueActivationLink(manager, user, sender, now);
      await audit(manager, context, {
        action: 'USER_INVITED',
        targetType: 'User',
        targetId: user.id,
        organizationId,
        before: null,
        after: {
          email: user.email,
          kind: user.kind,
          accessLevel,
          accountIds,
          partnerId: sender.partnerId,
          expiresAt: link.expiresAt.toISOString(),
        },
      });
      return { user, link };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('A user with this email already exists');
    throw error;
  }
  await sendActivationMail(context.services.mail, context.logger, sent);
  return sent.user;
}

/** Emails a fresh link to an invited user; earlier links stop working. */
export async function resendInvitation(context: IdentityContext, userId: string): Promise<UserEntity> {
  const { user, person } = await loadTarget(context.db, userId);
  await authorize(context.access, 'invitation.resend', person);
  if (user.status !== 'INVITED') throw conflict(`This user is ${user.status.toLowerCase()}, not invited`);
  const sender = {
    createdBy: context.access.actorId,
    partnerId: await actingThroughPartner(context.access, user.organizationId),
  };
  const link = await inTransaction(context.db, async (manager) => {
    const issued = await issueActivationLink(manager, user, sender, context.now);
    await audit(manager, context, {
      action: 'INVITATION_RESENT',
      targetType: 'User',
      targetId: user.id,
      organizationId: user.organizationId,
      before: null,
      after: { expiresAt: issued.expiresAt.toISOString(), partnerId: sender.partnerId },
    });
    return issued;
  });
  await sendActivationMail(context.services.mail, context.logger, { user, link });
  return user;
}

/** Withdraws an invitation: its links stop working and the user is deactivated (reactivate, then repair, to invite again). */
export async function revokeInvitation(context: IdentityContext, userId: string): Promise<UserEntity> {
  const { user, person } = await loadTarget(context.db, userId);
  await authorize(context.access, 'invitation.revoke', person);
  if (user.status !== 'INVITED') throw conflict(`This user is ${user.status.toLowerCase()}, not invited`);
  await inTransaction(context.db, (manager) => withdraw(manager, context, [user]));
  return (await loadTarget(context.db, userId)).user;
}

/** Ends the links of invited users, deactivates them and says so, inside the caller's transaction. */
async function withdraw(manager: EntityManager, actor: Actor, users: readonly UserEntity[]): Promise<void> {
  for (const user of users) {
    await revokePendingLinks(manager, user.id, actor.now);
    await manager.update(UserEntity, { id: user.id, status: 'INVITED' }, { status: 'DEACTIVATED' });
    await audit(manager, actor, {
      action: 'INVITATION_REVOKED',
      targetType: 'User',
      targetId: user.id,
      organizationId: user.organizationId,
      before: { status: 'INVITED' },
      after: { status: 'DEACTIVATED' },
    });
  }
  await announcePeople(
    manager,
    users.map((user) => user.id),
    actor.now,
  );
}

/**
 * A partner's grant to a client ended: the invitations its staff sent there that are still pending
 * are withdrawn (PartnerAccessChanged CANCELLED). Runs in the event's transaction, as identity itself.
 */
export async function revokePartnerInvitations(
  manager: EntityManager,
  grant: { partnerId: string; clientId: string },
  now: Date,
): Promise<void> {
  const pending = await manager.findBy(InvitationEntity, {
    organizationId: grant.clientId,
    partnerId: grant.partnerId,
    usedAt: IsNull(),
    revokedAt: IsNull(),
  });
  if (pending.length === 0) return;
  const users = await manager.findBy(UserEntity, {
    id: In(pending.map((invitation) => invitation.userId)),
    status: 'INVITED',
    deletedAt: IsNull(),
  });
  const actor: Actor = { principal: { kind: 'system', service: 'identity' }, requestId: '', now };
  await withdraw(manager, actor, users);
}
