import type { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { audit } from '../../shared/events/audit';
import { inTransaction } from '../../shared/data/database';
import { badInput, CodedError, conflict, ErrorCode, forbidden, notFound } from '../../shared/runtime/errors';
import { actorId, can } from '../../shared/auth/guard';
import { newId } from '../../shared/runtime/ids';
import { publish } from '../../shared/events/outbox';
import type { Actor, Principal } from '../../shared/auth/principal';
import { uuid, validate } from '../../shared/runtime/validation';
import { actsForOrganization } from './access';
import {
  ClientEntity,
  CompanyProfileEntity,
  PartnerEntity,
  PartnerGrantEntity,
  PartnerInvitationEntity,
} from './entities';
import { productsInput } from './profile';

export const DEFAULT_INVITATION_TTL_DAYS = 14;

const PERMISSION = 'partner-access.manage';

/** The client itself (or an operator) managing its partners: at home there and holding partner-access.manage. */
export const actsForClient = (principal: Principal, clientId: string): boolean =>
  actsForOrganization(principal, clientId) && can(principal, PERMISSION, clientId);
/** The partner itself answering or ending: at home in the partner and holding partner-access.manage there. */
export const actsForPartner = (principal: Principal, partnerId: string): boolean =>
  (principal.kind === 'user' || principal.kind === 'service') &&
  principal.organizationId === partnerId &&
  can(principal, PERMISSION, partnerId);

/** An unanswered invitation past its expiry reads as EXPIRED. */
export const invitationStatus = (row: PartnerInvitationEntity, now: Date): string =>
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

const snapshot = (row: Pick<PartnerGrantEntity, 'level' | 'products' | 'includeWallet'> & { status?: string }) => ({
  level: row.level,
  products: row.products,
  includeWallet: row.includeWallet,
  ...(row.status ? { status: row.status } : {}),
});

/**
 * The client's legal representative invites a partner (new access, or wider access than an active
 * grant). Identity emails the partner's admins from PartnerInvitationSent.
 */
export async function invitePartner(
  db: DataSource,
  actor: Actor,
  { clientId, partnerId, access: accessArg }: { clientId: string; partnerId: string; access: unknown },
  ttlDays: number,
): Promise<PartnerInvitationEntity> {
  const { now } = actor;
  validate(uuid, clientId);
  validate(uuid, partnerId);
  const access = validate(z.object({ access: accessInput }), { access: accessArg }).access;
  const { principal } = actor;
  if (!actsForClient(principal, clientId)) throw forbidden(`You need the ${PERMISSION} permission in this client`);
  return inTransaction(db, async (manager) => {
    const client = await manager.findOneBy(ClientEntity, { id: clientId });
    if (!client) throw notFound('Client', clientId);
    const profile = await manager.findOneBy(CompanyProfileEntity, { clientId });
    if (
      principal.kind !== 'user' ||
      !profile?.legalRepresentativeId ||
      profile.legalRepresentativeId !== principal.userId
    ) {
      throw forbidden("Only the client's legal representative may grant a partner access");
    }
    const partner = await manager.findOneBy(PartnerEntity, { id: partnerId });
    if (!partner || partner.isOperator) throw notFound('Partner', partnerId);
    const pending = await manager.findBy(PartnerInvitationEntity, { clientId, partnerId, status: 'PENDING' });
    if (pending.some((row) => invitationStatus(row, now) === 'PENDING'))
      throw conflict('This partner already has a pending invitation; resend or delete it');
    const invitation = manager.create(PartnerInvitationEntity, {
      id: newId(),
      clientId,
      partnerId,
      ...access,
      status: 'PENDING',
      invitedBy: actorId(principal),
      createdAt: now,
      sentAt: now,
      expiresAt: new Date(now.getTime() + ttlDays * 86_400_000),
      respondedAt: null,
      respondedBy: null,
    });
    await manager.insert(PartnerInvitationEntity, invitation);
    await sent(manager, invitation, client.name, now);
    const grant = await manager.findOneBy(PartnerGrantEntity, { clientId, partnerId });
    await audit(manager, actor, {
      action: 'PARTNER_INVITED',
      targetType: 'Partner',
      targetId: partnerId,
      organizationId: clientId,
      before: grant ? snapshot(grant) : null,
      after: { invitationId: invitation.id, ...snapshot(invitation), expiresAt: invitation.expiresAt.toISOString() },
    });
    return invitation;
  });
}

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

/** Loads an invitation the caller may act on; one they may not even see is reported as not found. */
async function invitationFor(
  manager: EntityManager,
  principal: Principal,
  invitationId: string,
  side: 'client' | 'partner',
): Promise<PartnerInvitationEntity> {
  const invitation = await manager.findOneBy(PartnerInvitationEntity, { id: invitationId });
  const forClient = invitation !== null && actsForClient(principal, invitation.clientId);
  const forPartner = invitation !== null && actsForPartner(principal, invitation.partnerId);
  if (!invitation || (!forClient && !forPartner)) throw notFound('Partner invitation', invitationId);
  if (side === 'client' && !forClient) throw forbidden('Only the client may do this with its invitation');
  if (side === 'partner' && !forPartner) throw forbidden('Only the invited partner may answer this invitation');
  return invitation;
}

/** Moves an invitation out of PENDING exactly once, even when two requests race. */
async function settle(
  manager: EntityManager,
  invitation: PartnerInvitationEntity,
  status: 'ACCEPTED' | 'REJECTED' | 'DELETED',
  actor: Actor,
): Promise<void> {
  const by = actorId(actor.principal);
  const { now } = actor;
  const result = await manager.update(
    PartnerInvitationEntity,
    { id: invitation.id, status: 'PENDING' },
    { status, respondedAt: now, respondedBy: by },
  );
  if (result.affected === 0) throw conflict('This invitation was answered or deleted meanwhile');
  Object.assign(invitation, { status, respondedAt: now, respondedBy: by });
}

function requirePending(invitation: PartnerInvitationEntity, now: Date, allowExpired = false): void {
  if (invitation.status !== 'PENDING') throw conflict(`This invitation is ${invitation.status.toLowerCase()}`);
  if (!allowExpired && invitationStatus(invitation, now) === 'EXPIRED') {
    throw new CodedError(
      ErrorCode.CONFLICT,
      `This invitation expired on ${invitation.expiresAt.toISOString()}; ask the client to resend it`,
      { reason: 'INVITATION_EXPIRED', expiresAt: invitation.expiresAt.toISOString() },
    );
  }
}

/** The partner accepts (the grant becomes active with the invitation's access) or rejects. */
export async function respondToPartnerInvitation(
  db: DataSource,
  actor: Actor,
  invitationId: string,
  accept: boolean,
): Promise<PartnerInvitationEntity> {
  const { now } = actor;
  validate(uuid, invitationId);
  if (typeof accept !== 'boolean') throw badInput('accept must be true or false', 'accept');
  return inTransaction(db, async (manager) => {
    const invitation = await invitationFor(manager, actor.principal, invitationId, 'partner');
    requirePending(invitation, now);
    await settle(manager, invitation, accept ? 'ACCEPTED' : 'REJECTED', actor);
    const { clientId, partnerId } = invitation;
    if (!accept) {
      await audit(manager, actor, {
        action: 'PARTNER_INVITATION_REJECTED',
        targetType: 'Partner',
        targetId: partnerId,
        organizationId: clientId,
        before: { invitationId, ...snapshot(invitation) },
        after: null,
      });
      return invitation;
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
    await publish(
      manager,
      'PartnerAccessChanged',
      {
        clientId,
        partnerId,
        level: grant.level,
        products: grant.products,
        includeWallet: grant.includeWallet,
        status: 'ACTIVE',
      },
      now,
    );
    await audit(manager, actor, {
      action: 'PARTNER_ACCESS_GRANTED',
      targetType: 'Partner',
      targetId: partnerId,
      organizationId: clientId,
      before: previous ? snapshot(previous) : null,
      after: { invitationId, ...snapshot(grant) },
    });
    return invitation;
  });
}

/** Sends a pending (or expired, unanswered) invitation again with a new expiry. */
export async function resendPartnerInvitation(
  db: DataSource,
  actor: Actor,
  invitationId: string,
  ttlDays: number,
): Promise<PartnerInvitationEntity> {
  const { now } = actor;
  validate(uuid, invitationId);
  return inTransaction(db, async (manager) => {
    const invitation = await invitationFor(manager, actor.principal, invitationId, 'client');
    requirePending(invitation, now, true);
    const expiresAt = new Date(now.getTime() + ttlDays * 86_400_000);
    const result = await manager.update(
      PartnerInvitationEntity,
      { id: invitationId, status: 'PENDING' },
      { sentAt: now, expiresAt },
    );
    if (result.affected === 0) throw conflict('This invitation was answered or deleted meanwhile');
    Object.assign(invitation, { sentAt: now, expiresAt });
    const client = await manager.findOneByOrFail(ClientEntity, { id: invitation.clientId });
    await sent(manager, invitation, client.name, now);
    await audit(manager, actor, {
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

export async function deletePartnerInvitation(db: DataSource, actor: Actor, invitationId: string): Promise<boolean> {
  const { now } = actor;
  validate(uuid, invitationId);
  return inTransaction(db, async (manager) => {
    const invitation = await invitationFor(manager, actor.principal, invitationId, 'client');
    requirePending(invitation, now, true);
    await settle(manager, invitation, 'DELETED', actor);
    await audit(manager, actor, {
      action: 'PARTNER_INVITATION_DELETED',
      targetType: 'Partner',
      targetId: invitation.partnerId,
      organizationId: invitation.clientId,
      before: { invitationId, ...snapshot(invitation) },
      after: null,
    });
    return true;
  });
}

/** Either side ends an active grant; permissions drops it, so the partner's next request no longer carries it. */
export async function cancelPartnership(
  db: DataSource,
  actor: Actor,
  clientId: string,
  partnerId: string,
): Promise<PartnerGrantEntity> {
  const { now } = actor;
  validate(uuid, clientId);
  validate(uuid, partnerId);
  const { principal } = actor;
  if (!actsForClient(principal, clientId) && !actsForPartner(principal, partnerId))
    throw forbidden(`You need the ${PERMISSION} permission in the client or the partner`);
  return inTransaction(db, async (manager) => {
    const grant = await manager.findOneBy(PartnerGrantEntity, { clientId, partnerId });
    if (!grant || grant.status !== 'ACTIVE') throw notFound('Active partnership of partner', partnerId);
    const by = actorId(principal);
    const result = await manager.update(
      PartnerGrantEntity,
      { clientId, partnerId, status: 'ACTIVE' },
      { status: 'CANCELLED', cancelledAt: now, cancelledBy: by },
    );
    if (result.affected === 0) throw notFound('Active partnership of partner', partnerId);
    await publish(
      manager,
      'PartnerAccessChanged',
      {
        clientId,
        partnerId,
        level: grant.level,
        products: grant.products,
        includeWallet: grant.includeWallet,
        status: 'CANCELLED',
      },
      now,
    );
    await audit(manager, actor, {
      action: 'PARTNERSHIP_CANCELLED',
      targetType: 'Partner',
      targetId: partnerId,
      organizationId: clientId,
      before: snapshot(grant),
      after: { ...snapshot(grant), status: 'CANCELLED' },
    });
    return { ...grant, status: 'CANCELLED', cancelledAt: now, cancelledBy: by };
  });
}
