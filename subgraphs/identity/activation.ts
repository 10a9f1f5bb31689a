/**
 * Activation: an invited (or self-enrolled) person follows their link, sets a password and becomes
 * active; a person whose link expired asks for a new one. Public: the link or the email is the proof.
 */
import { IsNull } from 'typeorm';
import { audit } from '../../shared/events/audit';
import { inTransaction } from '../../shared/data/database';
import { badInput, CodedError, ErrorCode } from '../../shared/runtime/errors';
import { emailAddress, validate } from '../../shared/runtime/validation';
import type { MutationActivateAccountArgs } from './generated/resolvers-types';
import type { IdentityContext } from './context';
import { InvitationEntity, UserEntity } from './entities';
import { hashPassword } from './passwords';
import { authorize } from './policy';
import { issueActivationLink, sendActivationMail, sha256 } from './activation-links';
import { announcePeople, isOrganizationSuspended, loadTarget } from './people';

/** requestNewActivationLink sends at most one link per user in this interval. */
const RESEND_COOLDOWN_MS = 60_000;

/** At least 12 characters, two kinds of characters or more, and not the email's local part. */
export function checkPasswordPolicy(password: unknown, email: string): string {
  if (typeof password !== 'string' || password.length < 12)
    throw badInput('password must be at least 12 characters', 'password');
  if (password.length > 1024) throw badInput('password must be at most 1024 characters', 'password');
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(password)).length;
  if (classes < 2)
    throw badInput(
      'password must mix at least two kinds of characters (lowercase, uppercase, digits, symbols)',
      'password',
    );
  const local = email.slice(0, email.lastIndexOf('@')).toLowerCase();
  if (local.length >= 3 && password.toLowerCase().includes(local))
    throw badInput('password must not contain your email address', 'password');
  return password;
}

const linkError = (reason: string, message: string): CodedError =>
  new CodedError(ErrorCode.BAD_USER_INPUT, message, { reason, field: 'token' });
const LINK_USED = 'This activation link was already used; sign in, or ask for a new link if you cannot';

/** Sets the password (unless the user chose one at sign-up) and activates the account; each link works once. */
export async function activateAccount(
  context: IdentityContext,
  { token, password }: MutationActivateAccountArgs,
): Promise<UserEntity> {
  await authorize(context.access, 'account.activate', null);
  if (token.length < 20 || token.length > 200)
    throw linkError('INVALID_ACTIVATION_LINK', 'This activation link is not valid');
  const { db, now } = context;
  const invitation = await db.getRepository(InvitationEntity).findOneBy({ tokenHash: sha256(token) });
  if (!invitation || invitation.revokedAt) {
    throw linkError(
      'INVALID_ACTIVATION_LINK',
      'This activation link is not valid (a newer link may have replaced it); ask for a new one with requestNewActivationLink',
    );
  }
  if (invitation.usedAt) throw linkError('ACTIVATION_LINK_USED', LINK_USED);
  if (invitation.expiresAt <= now)
    throw linkError(
      'ACTIVATION_LINK_EXPIRED',
      'This activation link has expired; ask for a new one with requestNewActivationLink',
    );
  const user = await db.getRepository(UserEntity).findOneBy({ id: invitation.userId, deletedAt: IsNull() });
  if (!user || user.status !== 'INVITED')
    throw linkError('INVALID_ACTIVATION_LINK', 'This activation link is not valid');
  let passwordHash = user.passwordHash;
  if (password !== null && password !== undefined)
    passwordHash = await hashPassword(checkPasswordPolicy(password, user.email));
  if (!passwordHash) throw badInput('password is required to activate this account', 'password');
  await inTransaction(db, async (manager) => {
    // Conditional: of two activations with the same link only one wins.
    const claimed = await manager.update(
      InvitationEntity,
      { id: invitation.id, usedAt: IsNull(), revokedAt: IsNull() },
      { usedAt: now },
    );
    if (!claimed.affected) throw linkError('ACTIVATION_LINK_USED', LINK_USED);
    await manager.update(UserEntity, { id: user.id }, { status: 'ACTIVE', passwordHash });
    await announcePeople(manager, [user.id], now);
    await audit(manager, context, {
      actorId: user.id,
      action: 'USER_ACTIVATED',
      targetType: 'User',
      targetId: user.id,
      organizationId: user.organizationId,
      before: { status: 'INVITED' },
      after: { status: 'ACTIVE' },
    });
  });
  return (await loadTarget(db, user.id)).user;
}

/** Sends a fresh link to an invited user; answers the same whether or not the email is known. */
export async function requestNewActivationLink(context: IdentityContext, rawEmail: string): Promise<boolean> {
  await authorize(context.access, 'activationLink.request', null);
  const email = validate(emailAddress, rawEmail);
  const { db, now } = context;
  const user = await db.getRepository(UserEntity).findOneBy({ email, deletedAt: IsNull() });
  if (!user || user.status !== 'INVITED' || (await isOrganizationSuspended(db, user.organizationId))) return true;
  const latest = await db
    .getRepository(InvitationEntity)
    .findOne({ where: { userId: user.id }, order: { createdAt: 'DESC' } });
  if (latest && !latest.usedAt && !latest.revokedAt && now.getTime() - latest.createdAt.getTime() < RESEND_COOLDOWN_MS)
    return true;
  // Still the same invitation: it stays bound to the grant of the partner that sent it, if any.
  const link = await inTransaction(db, (manager) =>
    issueActivationLink(manager, user, { createdBy: null, partnerId: latest?.partnerId ?? null }, now),
  );
  // Not awaited: the answer's timing must not tell whether a message went out.
  void sendActivationMail(context.services.mail, context.logger, { user, link });
  return true;
}
