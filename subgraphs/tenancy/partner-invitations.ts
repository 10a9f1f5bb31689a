import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { inTransaction } from '../../shared/data/database';
import { audit } from '../../shared/events/audit';
import { publish } from '../../shared/events/outbox';
import { CodedError, conflict, ErrorCode, notFound } from '../../shared/runtime/errors';
import { newId } from '../../shared/runtime/ids';
import { uuid, validate } from '../../shared/runtime/validation';
import type { TenancyContext } from './context';
import {
  ClientEntity,
  CompanyProfileEntity,
  PartnerEntity,
  PartnerGrantEntity,
  PartnerInvitationEntity,
  type InvitationStatus,
} from './entities';
import type { MutationInvitePartnerArgs, PartnerInvitationStatus } from './generated/resolvers-types';
import { authorize } from './policy';
import { productsInput } from './products';

export const DEFAULT_INVITATION_TTL_DAYS = 14;

/** What a grant (or the invitation to one) allows, for audit entries. */
export const grantSnapshot = (
  row: Pick<PartnerGrantEntity, 'level' | 'products' | 'includeWallet'> & { status?: string },
) => ({
  level: row.level,
  products: row.products,
  includeWallet: row.includeWallet,
  ...(row.status ? { status: row.status } : {}),
});

/** An unanswered invitation past its expiry reads as EXPIRED. */
export const invitationStatus = (
  row: Pick<PartnerInvitationEntity, 'status' | 'expiresAt'>,
  now: Date,
): PartnerInvitationStatus =>
  row.status === 'PENDING' && row.expiresAt.getTime() <= now.getTime() ? 'EXPIRED' : row.status;

const accessInput = z
  .object({
    level: z.enum(['LIMITED', 'FULL']),
    products: productsInput.nullish(),
    includeWallet: z.boolean().nullish(),
  })
  .transform((access) => ({
    level: access.level,
    products: access.level === 'FULL' ? [] : (access.products ?? []),
    includeWallet: access.includeWallet ?? false,
  }))
  .refine((access) => access.level === 'FULL' || access.products.length > 0, {
    message: 'LIMITED access needs at least one product',
    path: ['products'],
  });

const sent = (manager: EntityManager, invitation: PartnerInvitationEntity, clientName: string, now: Date) =>
  publish(
    manager,
    'PartnerInvitationSent',
    {
      invitationId: invitation.id,
      clientId: invitation.clientId,
      clientName,
      partnerId: invitation.partnerId,
      level: invitation.level,
      expiresAt: invitation.expiresAt.toISOString(),
    },
    now,
  );

/**
 * The client's legal representative invites a partner (new access, or wider access than an active
 * grant). Identity emails the partner's admins from PartnerInvitationSent.
 */
export async function invitePartner(
  context: TenancyContext,
  { clientId, partnerId, access: accessArg }: MutationInvitePartnerArgs,
): Promise<PartnerInvitationEntity> {
  const { db, access, now } = context;
  validate(uuid, clientId);
  validate(uuid, partnerId);
  const grantAccess = validate(z.object({ access: accessInput }), { access: accessArg }).access;
  const client = await db.getRepository(ClientEntity).findOneBy({ id: clientId });
  if (!client) throw notFound('Client', clientId);
  const profile = await db.getRepository(CompanyProfileEntity).findOneBy({ clientId });
  await authorize(access, 'partnerAccess.invite', {
    client,
    legalRepresentativeId: profile?.legalRepresentativeId ?? null,
  });
  // Any partner may be invited, whether or not the client sees it yet; the platform itself is none.
  const partner = await db.getRepository(PartnerEntity).findOneBy({ id: partnerId });
  if (!partner || partner.isOperator) throw notFound('Partner', partnerId);
  const ttlDays = context.services.invitationTtlDays;
  return inTransaction(db, async (manager) => {
    const pending = await manager.findBy(PartnerInvitationEntity, { clientId, partnerId, status: 'PENDING' });
    if (pending.some((row) => invitationStatus(row, now) === 'PENDING'))
      throw conflict('This partner already has a pending invitation; resend or delete it');
    const invitation = manager.create(PartnerInvitationEntity, {
      id: newId(),
      clientId,
      partnerId,
      ...grantAccess,
      status: 'PENDING',
      invitedBy: access.actorId,
      createdAt: now,
      sentAt: now,
      expiresAt: new Date(now.getTime() + ttlDays * 86_400_000),
      respondedAt: null,
      respondedBy: null,
    });
    await manager.insert(PartnerInvitationEntity, invitation);
    await sent(manager, invitation, client.name, now);
    const grant = await manager.findOneBy(PartnerGrantEntity, { clientId, partnerId });
    await audit(manager, context, {
      action: 'PARTNER_INVITED',
      targetType: 'Partner',
      targetId: partnerId,
      organizationId: clientId,
      before: grant ? grantSnapshot(grant) : null,
      after: {
        invitationId: invitation.id,
        ...grantSnapshot(invitation),
        expiresAt: invitation.expiresAt.toISOString(),
      },
    });
    return invitation;
  });
}

/** An invitation by id, unscoped: the policy decides who may see it. */
export async function findInvitation(context: TenancyContext, invitationId: string): Promise<PartnerInvitationEntity> {
  validate(uuid, invitationId);
  const invitation = await context.db.getRepository(PartnerInvitationEntity).findOneBy({ id: invitationId });
  if (!invitation) throw notFound('Partner invitation', invitationId);
  return invitation;
}

/** Moves an invitation out of PENDING exactly once, even when two requests race. */
export async function settle(
  manager: EntityManager,
  context: TenancyContext,
  invitation: PartnerInvitationEntity,
  status: Exclude<InvitationStatus, 'PENDING'>,
): Promise<void> {
  const changes = { status, respondedAt: context.now, respondedBy: context.access.actorId };
  const result = await manager.update(PartnerInvitationEntity, { id: invitation.id, status: 'PENDING' }, changes);
  if (result.affected === 0) throw conflict('This invitation was answered or deleted meanwhile');
  Object.assign(invitation, changes);
}

export function requirePending(invitation: PartnerInvitationEntity, now: Date, allowExpired = false): void {
  if (invitation.status !== 'PENDING') throw conflict(`This invitation is ${invitation.status.toLowerCase()}`);
  if (!allowExpired && invitationStatus(invitation, now) === 'EXPIRED') {
    throw new CodedError(
      ErrorCode.CONFLICT,
      `This invitation expired on ${invitation.expiresAt.toISOString()}; ask the client to resend it`,
      { reason: 'INVITATION_EXPIRED', expiresAt: invitation.expiresAt.toISOString() },
    );
  }
}

/** Sends a pending (or expired, unanswered) invitation again with a new expiry. */
export async function resendPartnerInvitation(
  context: TenancyContext,
  invitationId: string,
): Promise<PartnerInvitationEntity> {
  const { db, now } = context;
  const invitation = await findInvitation(context, invitationId);
  await authorize(context.access, 'partnerAccess.resend', { invitation });
  requirePending(invitation, now, true);
  const expiresAt = new Date(now.getTime() + context.services.invitationTtlDays * 86_400_000);
  return inTransaction(db, async (manager) => {
    const result = await manager.update(
      PartnerInvitationEntity,
      { id: invitationId, status: 'PENDING' },
      { sentAt: now, expiresAt },
    );
    if (result.affected === 0) throw conflict('This invitation was answered or deleted meanwhile');
    Object.assign(invitation, { sentAt: now, expiresAt });
    const client = await manager.findOneByOrFail(ClientEntity, { id: invitation.clientId });
    await sent(manager, invitation, client.name, now);
    await audit(manager, context, {
      action: 'PARTNER_INVITATION_RESENT',
      targetType: 'Partner',
      targetId: invitation.partnerId,
      organizationId: invitation.clientId,
      before: null,
      after: { invitationId, expiresAt: expiresAt.toISOString() },
    });
    return invitation;
  });
}

export async function deletePartnerInvitation(context: TenancyContext, invitationId: string): Promise<boolean> {
  const invitation = await findInvitation(context, invitationId);
  await authorize(context.access, 'partnerAccess.deleteInvitation', { invitation });
  requirePending(invitation, context.now, true);
  return inTransaction(context.db, async (manager) => {
    await settle(manager, context, invitation, 'DELETED');
    await audit(manager, context, {
      action: 'PARTNER_INVITATION_DELETED',
      targetType: 'Partner',
      targetId: invitation.partnerId,
      organizationId: invitation.clientId,
      before: { invitationId, ...grantSnapshot(invitation) },
      after: null,
    });
    return true;
  });
}
