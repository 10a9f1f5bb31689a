/**
 * Activation links: what an invitation, a resend, a repair and a sign-up send. A link works once,
 * until it expires; a newer link or a revocation ends it. Only a SHA-256 of its token is stored.
 */
import { createHash, randomBytes } from 'node:crypto';
import { IsNull, type EntityManager } from 'typeorm';
import type { Logger } from 'pino';
import type { Mailer } from '../../shared/runtime/mailer';
import { newId } from '../../shared/runtime/ids';
import { InvitationEntity, type UserEntity } from './entities';

/** Where activation links are sent from and point to. */
export interface MailServices {
  mailer: Mailer;
  appUrl: string;
}

export interface ActivationLink {
  token: string;
  expiresAt: Date;
}

export const INVITATION_TTL_MS = 7 * 86_400_000;

export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

/** Who sent a link: the actor's id, and the partner whose grant they acted through (null at home). */
export interface LinkSender {
  createdBy: string | null;
  partnerId: string | null;
}

/** Ends every pending link of the user and stores a new one; returns the token (shown once, in the email). */
export async function issueActivationLink(
  manager: EntityManager,
  user: Pick<UserEntity, 'id' | 'organizationId'>,
  sender: LinkSender,
  now: Date,
): Promise<ActivationLink> {
  await revokePendingLinks(manager, user.id, now);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
  await manager.insert(InvitationEntity, {
    id: newId(),
    userId: user.id,
    organizationId: user.organizationId,
    tokenHash: sha256(token),
    createdAt: now,
    expiresAt,
    usedAt: null,
    revokedAt: null,
    createdBy: sender.createdBy,
    partnerId: sender.partnerId,
  });
  return { token, expiresAt };
}

/** Every link of the user that has not been used stops working. */
export async function revokePendingLinks(manager: EntityManager, userId: string, now: Date): Promise<void> {
  await manager.update(InvitationEntity, { userId, usedAt: IsNull(), revokedAt: IsNull() }, { revokedAt: now });
}

/** Sends after the commit: a failed send is logged and the admin can resend; the user row stands. */
export async function sendActivationMail(
  services: MailServices,
  logger: Logger,
  {
    user,
    link,
    selfEnrolled = false,
  }: { user: Pick<UserEntity, 'email' | 'firstName'>; link: ActivationLink; selfEnrolled?: boolean },
): Promise<void> {
  const url = `${services.appUrl}/activate?token=${encodeURIComponent(link.token)}`;
  await services.mailer
    .send({
      to: user.email,
      subject: selfEnrolled ? 'Confirm your Tenantry account' : 'You are invited to Tenantry',
      text: [
        `Hello ${user.firstName},`,
        '',
        selfEnrolled
          ? 'Confirm your email address to activate your account:'
          : 'You have been invited to Tenantry. Choose a password to activate your account:',
        '',
        url,
        '',
        `This link works once and expires on ${link.expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
        'If it has expired, ask for a new one on the sign-in page.',
      ].join('\n'),
    })
    .catch((error: unknown) => logger.warn({ err: error }, 'activation email could not be sent'));
}
