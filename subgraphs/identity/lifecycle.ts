import { createHash, randomBytes } from 'node:crypto';
import DataLoader from 'dataloader';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import { z } from 'zod';
import { audit } from '../../shared/events/audit';
import { bestRank } from '../../shared/auth/authz';
import type { SubgraphName } from '../../shared/runtime/config';
import { inTransaction, isUniqueViolation } from '../../shared/data/database';
import { badInput, CodedError, conflict, ErrorCode, forbidden, notFound } from '../../shared/runtime/errors';
import { actorId, requirePermission } from '../../shared/auth/guard';
import { newId } from '../../shared/runtime/ids';
import type { InternalTokens } from '../../shared/auth/internal-token';
import type { Mailer } from '../../shared/runtime/mailer';
import { publish } from '../../shared/events/outbox';
import { roleRank, type Actor as SharedActor, type Principal, type Role } from '../../shared/auth/principal';
import { querySubgraph } from '../../shared/subgraph/client';
import type { BaseContext } from '../../shared/subgraph/context';
import { displayName, emailAddress, uuid, validate } from '../../shared/runtime/validation';
import {
  ClientEmailDomainEntity,
  ClientSettingsEntity,
  InvitationEntity,
  SessionEntity,
  UserAccountEntity,
  UserEntity,
} from './entities';
import { hashPassword } from './passwords';
import { announcePerson } from './person-changed';

/** What the user lifecycle needs beyond the database: mail, links, and calls to permissions. */
export interface LifecycleServices {
  mailer: Mailer;
  appUrl: string;
  tokens: InternalTokens;
  peers: Record<SubgraphName, string>;
}

/** The request acting on a user: who, in which request and when (its `now`), with its logger. */
type Actor = SharedActor & Pick<BaseContext, 'logger'>;

export const INVITATION_TTL_MS = 7 * 86_400_000;
/** requestNewActivationLink sends at most one link per user in this interval. */
const RESEND_COOLDOWN_MS = 60_000;
const SYSTEM: Principal = { kind: 'system', service: 'identity' };

const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');
/** Lowercase copy for indexed case-insensitive prefix search, cut to the column's 100 characters. */
export const folded = (value: string): string => Array.from(value.toLowerCase()).slice(0, 100).join('');
const domainOf = (email: string): string => email.slice(email.lastIndexOf('@') + 1);

// ---------------------------------------------------------------------------------------------
// Input

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

const signUpInput = z.object({
  email: emailAddress,
  password: z.string(),
  firstName: personName,
  lastName: personName,
});

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

// ---------------------------------------------------------------------------------------------
// Helpers

async function requireUser(db: DataSource | EntityManager, userId: string): Promise<UserEntity> {
  validate(uuid, userId);
  const user = await (db instanceof DataSource ? db.manager : db).findOneBy(UserEntity, { id: userId });
  if (!user || user.deletedAt) throw notFound('User', userId);
  return user;
}

/** True when tenancy told us the organisation is suspended: its users cannot sign in and their tokens stop working. */
export async function isOrganizationSuspended(
  db: DataSource | EntityManager,
  organizationId: string,
): Promise<boolean> {
  const manager = db instanceof DataSource ? db.manager : db;
  return manager.existsBy(ClientSettingsEntity, { clientId: organizationId, status: 'SUSPENDED' });
}

async function uniqueUsername(manager: EntityManager, email: string): Promise<string> {
  const local = email.slice(0, email.lastIndexOf('@')).replace(/[^a-z0-9._-]/g, '');
  const base = `${local || 'user'}.${domainOf(email).split('.')[0]}`.slice(0, 80);
  if (!(await manager.existsBy(UserEntity, { username: base }))) return base;
  return `${base}.${randomBytes(3).toString('hex')}`;
}

/** Ends every pending link of the user and stores a new one; returns the token (shown once, in the email). */
async function issueInvitation(
  manager: EntityManager,
  user: UserEntity,
  createdBy: string | null,
  now: Date,
): Promise<{ token: string; expiresAt: Date }> {
  await manager.update(
    InvitationEntity,
    { userId: user.id, usedAt: IsNull(), revokedAt: IsNull() },
    { revokedAt: now },
  );
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
    createdBy,
  });
  return { token, expiresAt };
}

async function sendActivationMail(
  services: LifecycleServices,
  user: Pick<UserEntity, 'email' | 'firstName'>,
  { token, expiresAt }: { token: string; expiresAt: Date },
  selfEnrolled = false,
): Promise<void> {
  const link = `${services.appUrl}/activate?token=${encodeURIComponent(token)}`;
  await services.mailer.send({
    to: user.email,
    subject: selfEnrolled ? 'Confirm your Tenantry account' : 'You are invited to Tenantry',
    text: [
      `Hello ${user.firstName},`,
      '',
      selfEnrolled
        ? 'Confirm your email address to activate your account:'
        : 'You have been invited to Tenantry. Choose a password to activate your account:',
      '',
      link,
      '',
      `This link works once and expires on ${expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
      'If it has expired, ask for a new one on the sign-in page.',
    ].join('\n'),
  });
}

/** Sends after the commit: a failed send is logged and the admin can resend; the user row stands. */
async function deliver(actor: Pick<BaseContext, 'logger'>, send: () => Promise<void>): Promise<void> {
  await send().catch((error: unknown) => actor.logger.warn({ err: error }, 'activation email could not be sent'));
}

/** The target's best tier in an organisation, from permissions (a platform operator role counts everywhere). */
async function targetRank(
  services: LifecycleServices,
  userId: string,
  organizationId: string,
  requestId: string,
): Promise<number | null> {
  const data = await querySubgraph<{ _principalGrants: { roles: Array<{ role: Role; organizationId: string }> } }>({
    url: services.peers.permissions,
    audience: 'permissions',
    tokens: services.tokens,
    principal: SYSTEM,
    query: 'query($id: ID!) { _principalGrants(subjectId: $id) { roles { role organizationId } } }',
    variables: { id: userId },
    requestId,
  });
  const ranks = data._principalGrants.roles
    .filter((role) => role.organizationId === organizationId || role.role === 'PLATFORM_OPERATOR')
    .map((role) => roleRank(role.role));
  return ranks.length ? Math.min(...ranks) : null;
}

/** Nobody acts on a user of a higher tier. Without a role in the organisation (partner staff), the actor's best tier anywhere counts. */
async function requireNotAbove(services: LifecycleServices, actor: Actor, user: UserEntity): Promise<void> {
  const target = await targetRank(services, user.id, user.organizationId, actor.requestId);
  if (target === null) return;
  const own = bestRank(actor.principal, user.organizationId) ?? bestRank(actor.principal);
  if (own === null || target < own) throw forbidden('You cannot change a user of a higher tier than yours');
}

/** A principal whose roles in the organisation are all limited to accounts may invite only into those accounts. */
function requireAccountScope(principal: Principal, organizationId: string, accountIds: string[]): void {
  if (principal.kind !== 'user') return;
  const roles = principal.roles.filter((role) => role.organizationId === organizationId);
  if (roles.length === 0 || roles.some((role) => role.accountIds.length === 0)) return;
  if (principal.roles.some((role) => role.role === 'PLATFORM_OPERATOR')) return;
  const allowed = new Set(roles.flatMap((role) => role.accountIds));
  if (accountIds.length === 0 || accountIds.some((id) => !allowed.has(id)))
    throw forbidden('You may invite users only into the accounts you manage');
}

async function organizationKind(manager: EntityManager, organizationId: string): Promise<'PARTNER' | 'CLIENT'> {
  const member = await manager.findOne(UserEntity, {
    where: { organizationId },
    select: { id: true, organizationKind: true },
  });
  return member?.organizationKind ?? 'CLIENT';
}

// ---------------------------------------------------------------------------------------------
// Invitations

export async function inviteUser(
  db: DataSource,
  services: LifecycleServices,
  actor: Actor,
  { organizationId, input: rawInput }: { organizationId: string; input: unknown },
): Promise<UserEntity> {
  validate(uuid, organizationId);
  requirePermission(actor.principal, 'users.invite', organizationId);
  const input = validate(inviteInput, rawInput);
  const accessLevel = input.kind === 'EXTERNAL' ? (input.accessLevel ?? 'BASIC') : null;
  // Advanced access gives an external contact the organisation's default type: granting system access to externals is itself a permission.
  if (accessLevel === 'ADVANCED') requirePermission(actor.principal, 'external-access.grant', organizationId);
  const accountIds = [...new Set(input.accountIds ?? [])];
  requireAccountScope(actor.principal, organizationId, accountIds);
  const { now } = actor;
  let sent: { user: UserEntity; token: string; expiresAt: Date };
  try {
    sent = await inTransaction(db, async (manager) => {
      if (await manager.existsBy(UserEntity, { email: input.email }))
        throw conflict('A user with this email already exists');
      const user = manager.create(UserEntity, {
        id: newId(),
        organizationId,
        organizationKind: await organizationKind(manager, organizationId),
        email: input.email,
        username: await uniqueUsername(manager, input.email),
        firstName: input.firstName,
        lastName: input.lastName,
        kind: input.kind,
        accessLevel,
        status: 'INVITED',
        passwordHash: null,
        createdAt: now,
        lastLoginAt: null,
        userTypeId: null,
      });
      Object.assign(user, {
        usernameLower: folded(user.username),
        firstNameLower: folded(user.firstName),
        lastNameLower: folded(user.lastName),
      });
      await manager.insert(UserEntity, user);
      await announcePerson(manager, user.id, now);
      if (accountIds.length)
        await manager.insert(
          UserAccountEntity,
          accountIds.map((accountId) => ({ userId: user.id, accountId, organizationId })),
        );
      const link = await issueInvitation(manager, user, actorId(actor.principal), now);
      await publish(
        manager,
        'UserCreated',
        { userId: user.id, organizationId, kind: input.kind, accessLevel, accountIds },
        now,
      );
      await audit(manager, actor, {
        action: 'USER_INVITED',
        targetType: 'User',
        targetId: user.id,
        organizationId,
        before: null,
        after: { email: user.email, kind: user.kind, accessLevel, accountIds, expiresAt: link.expiresAt.toISOString() },
      });
      return { user, ...link };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('A user with this email already exists');
    throw error;
  }
  await deliver(actor, () => sendActivationMail(services, sent.user, sent));
  return sent.user;
}

async function requireInvitedUser(db: DataSource, actor: Actor, userId: string): Promise<UserEntity> {
  const user = await requireUser(db, userId);
  requirePermission(actor.principal, 'users.invite', user.organizationId);
  if (user.status !== 'INVITED') throw conflict(`This user is ${user.status.toLowerCase()}, not invited`);
  return user;
}

export async function resendInvitation(
  db: DataSource,
  services: LifecycleServices,
  actor: Actor,
  userId: string,
): Promise<UserEntity> {
  const user = await requireInvitedUser(db, actor, userId);
  const { now } = actor;
  const link = await inTransaction(db, async (manager) => {
    const issued = await issueInvitation(manager, user, actorId(actor.principal), now);
    await audit(manager, actor, {
      action: 'INVITATION_RESENT',
      targetType: 'User',
      targetId: user.id,
      organizationId: user.organizationId,
      before: null,
      after: { expiresAt: issued.expiresAt.toISOString() },
    });
    return issued;
  });
  await deliver(actor, () => sendActivationMail(services, user, link));
  return user;
}

/** Withdraws an invitation: its links stop working and the user is deactivated (reactivate, then repair, to invite again). */
export async function revokeInvitation(db: DataSource, actor: Actor, userId: string): Promise<UserEntity> {
  const user = await requireInvitedUser(db, actor, userId);
  const { now } = actor;
  await inTransaction(db, async (manager) => {
    await manager.update(
      InvitationEntity,
      { userId: user.id, usedAt: IsNull(), revokedAt: IsNull() },
      { revokedAt: now },
    );
    await manager.update(UserEntity, { id: user.id, status: 'INVITED' }, { status: 'DEACTIVATED' });
    await announcePerson(manager, user.id, now);
    await audit(manager, actor, {
      action: 'INVITATION_REVOKED',
      targetType: 'User',
      targetId: user.id,
      organizationId: user.organizationId,
      before: { status: 'INVITED' },
      after: { status: 'DEACTIVATED' },
    });
  });
  return requireUser(db, userId);
}

const linkError = (reason: string, message: string): CodedError =>
  new CodedError(ErrorCode.BAD_USER_INPUT, message, { reason, field: 'token' });

/** Sets the password (unless the user chose one at sign-up) and activates the account; each link works once. */
export async function activateAccount(
  db: DataSource,
  actor: Actor,
  token: unknown,
  password: unknown,
): Promise<UserEntity> {
  if (typeof token !== 'string' || token.length < 20 || token.length > 200)
    throw linkError('INVALID_ACTIVATION_LINK', 'This activation link is not valid');
  const { now } = actor;
  const invitation = await db.getRepository(InvitationEntity).findOneBy({ tokenHash: sha256(token) });
  if (!invitation || invitation.revokedAt) {
    throw linkError(
      'INVALID_ACTIVATION_LINK',
      'This activation link is not valid (a newer link may have replaced it); ask for a new one with requestNewActivationLink',
    );
  }
  if (invitation.usedAt)
    throw linkError(
      'ACTIVATION_LINK_USED',
      'This activation link was already used; sign in, or ask for a new link if you cannot',
    );
  if (invitation.expiresAt <= now)
    throw linkError(
      'ACTIVATION_LINK_EXPIRED',
      'This activation link has expired; ask for a new one with requestNewActivationLink',
    );
  const user = await requireUser(db, invitation.userId);
  if (user.status !== 'INVITED') throw linkError('INVALID_ACTIVATION_LINK', 'This activation link is not valid');
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
    if (!claimed.affected)
      throw linkError(
        'ACTIVATION_LINK_USED',
        'This activation link was already used; sign in, or ask for a new link if you cannot',
      );
    await manager.update(UserEntity, { id: user.id }, { status: 'ACTIVE', passwordHash });
    await announcePerson(manager, user.id, now);
    await audit(manager, actor, {
      actorId: user.id,
      action: 'USER_ACTIVATED',
      targetType: 'User',
      targetId: user.id,
      organizationId: user.organizationId,
      before: { status: 'INVITED' },
      after: { status: 'ACTIVE' },
    });
  });
  return requireUser(db, user.id);
}

/** Sends a fresh link to an invited user; answers the same whether or not the email is known. */
export async function requestNewActivationLink(
  db: DataSource,
  services: LifecycleServices,
  actor: Actor,
  rawEmail: unknown,
): Promise<boolean> {
  const email = validate(emailAddress, rawEmail);
  const user = await db.getRepository(UserEntity).findOneBy({ email });
  if (!user || user.status !== 'INVITED' || (await isOrganizationSuspended(db, user.organizationId))) return true;
  const { now } = actor;
  const latest = await db
    .getRepository(InvitationEntity)
    .findOne({ where: { userId: user.id }, order: { createdAt: 'DESC' } });
  if (latest && !latest.usedAt && !latest.revokedAt && now.getTime() - latest.createdAt.getTime() < RESEND_COOLDOWN_MS)
    return true;
  const link = await inTransaction(db, (manager) => issueInvitation(manager, user, null, now));
  // Not awaited: the answer's timing must not tell whether a message went out.
  void deliver(actor, () => sendActivationMail(services, user, link));
  return true;
}

// ---------------------------------------------------------------------------------------------
// Self-enrollment

/** The client whose corporate domains include the email's and which allows self-enrollment, if any. */
async function enrollingClient(db: DataSource, email: string): Promise<string | null> {
  const rows = await db.getRepository(ClientEmailDomainEntity).findBy({ domain: domainOf(email) });
  if (rows.length === 0) return null;
  const settings = await db
    .getRepository(ClientSettingsEntity)
    .findBy({ clientId: In(rows.map((row) => row.clientId)), selfEnrollment: true, status: 'ACTIVE' });
  // A domain claimed by two clients that both allow sign-up is ambiguous: refuse rather than guess.
  return settings.length === 1 ? settings[0].clientId : null;
}

export async function signUp(
  db: DataSource,
  services: LifecycleServices,
  actor: Actor,
  rawInput: unknown,
): Promise<{ email: string; activationRequired: boolean }> {
  const input = validate(signUpInput, rawInput);
  const clientId = await enrollingClient(db, input.email);
  if (!clientId) throw forbidden('Sign-up is not open for this email domain; ask your organisation for an invitation');
  const password = checkPasswordPolicy(input.password, input.email);
  const answer = { email: input.email, activationRequired: true };
  const existing = await db.getRepository(UserEntity).findOneBy({ email: input.email });
  if (existing) {
    // Same answer as a new sign-up; the owner of the address learns it already has an account.
    // Not awaited, like the link of a new sign-up would be slower: the timing must not tell the two apart.
    void deliver(actor, () =>
      services.mailer.send({
        to: input.email,
        subject: 'Your Tenantry account',
        text: `Hello ${existing.firstName},\n\nSomeone (maybe you) tried to sign up with this email address, which already has an account. Sign in, or ask for a new activation link if you never activated it.`,
      }),
    );
    return answer;
  }
  const passwordHash = await hashPassword(password);
  const { now } = actor;
  let sent: { user: UserEntity; token: string; expiresAt: Date };
  try {
    sent = await inTransaction(db, async (manager) => {
      const user = manager.create(UserEntity, {
        id: newId(),
        organizationId: clientId,
        organizationKind: 'CLIENT',
        email: input.email,
        username: await uniqueUsername(manager, input.email),
        firstName: input.firstName,
        lastName: input.lastName,
        kind: 'EMPLOYEE',
        accessLevel: null,
        status: 'INVITED',
        passwordHash,
        createdAt: now,
        lastLoginAt: null,
        userTypeId: null,
      });
      Object.assign(user, {
        usernameLower: folded(user.username),
        firstNameLower: folded(user.firstName),
        lastNameLower: folded(user.lastName),
      });
      await manager.insert(UserEntity, user);
      await announcePerson(manager, user.id, now);
      const link = await issueInvitation(manager, user, null, now);
      await publish(
        manager,
        'UserCreated',
        { userId: user.id, organizationId: clientId, kind: 'EMPLOYEE', accessLevel: null, accountIds: [] },
        now,
      );
      await audit(manager, actor, {
        actorId: user.id,
        action: 'USER_SELF_ENROLLED',
        targetType: 'User',
        targetId: user.id,
        organizationId: clientId,
        before: null,
        after: { email: user.email, kind: 'EMPLOYEE' },
      });
      return { user, ...link };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return answer;
    throw error;
  }
  await deliver(actor, () => sendActivationMail(services, sent.user, sent, true));
  return answer;
}

// ---------------------------------------------------------------------------------------------
// Administration

export async function deactivateUser(
  db: DataSource,
  services: LifecycleServices,
  actor: Actor,
  userId: string,
): Promise<UserEntity> {
  const user = await requireUser(db, userId);
  requirePermission(actor.principal, 'users.deactivate', user.organizationId);
  if (actorId(actor.principal) === user.id) throw forbidden('You cannot deactivate yourself');
  await requireNotAbove(services, actor, user);
  if (user.status === 'DEACTIVATED') return user;
  const { now } = actor;
  await inTransaction(db, async (manager) => {
    await manager.update(UserEntity, { id: user.id }, { status: 'DEACTIVATED' });
    await announcePerson(manager, user.id, now);
    // Every session ends: the gateway refuses the user's access tokens from the next request.
    await manager.update(SessionEntity, { userId: user.id, revokedAt: IsNull() }, { revokedAt: now });
    await manager.update(
      InvitationEntity,
      { userId: user.id, usedAt: IsNull(), revokedAt: IsNull() },
      { revokedAt: now },
    );
    await audit(manager, actor, {
      action: 'USER_DEACTIVATED',
      targetType: 'User',
      targetId: user.id,
      organizationId: user.organizationId,
      before: { status: user.status },
      after: { status: 'DEACTIVATED' },
    });
  });
  return requireUser(db, userId);
}

/** Active again if the user has a password; otherwise back to invited (send a link with repairUser or resendInvitation). */
export async function reactivateUser(
  db: DataSource,
  services: LifecycleServices,
  actor: Actor,
  userId: string,
): Promise<UserEntity> {
  const user = await requireUser(db, userId);
  requirePermission(actor.principal, 'users.deactivate', user.organizationId);
  await requireNotAbove(services, actor, user);
  if (user.status !== 'DEACTIVATED') return user;
  const status = user.passwordHash ? 'ACTIVE' : 'INVITED';
  await inTransaction(db, async (manager) => {
    await manager.update(UserEntity, { id: user.id }, { status });
    await announcePerson(manager, user.id, actor.now);
    await audit(manager, actor, {
      action: 'USER_REACTIVATED',
      targetType: 'User',
      targetId: user.id,
      organizationId: user.organizationId,
      before: { status: 'DEACTIVATED' },
      after: { status },
    });
  });
  return requireUser(db, userId);
}

/** Asks permissions to re-derive the user's type and base role; an invited user whose link expired or is missing gets a new one. */
export async function repairUser(
  db: DataSource,
  services: LifecycleServices,
  actor: Actor,
  userId: string,
): Promise<UserEntity> {
  const user = await requireUser(db, userId);
  requirePermission(actor.principal, 'users.update', user.organizationId);
  await requireNotAbove(services, actor, user);
  const { now } = actor;
  const accountIds = (await db.getRepository(UserAccountEntity).findBy({ userId: user.id }))
    .map((row) => row.accountId)
    .sort();
  const link = await inTransaction(db, async (manager) => {
    await publish(
      manager,
      'UserRepairRequested',
      {
        userId: user.id,
        organizationId: user.organizationId,
        kind: user.kind,
        accessLevel: user.accessLevel,
        accountIds,
      },
      now,
    );
    let issued: { token: string; expiresAt: Date } | null = null;
    if (user.status === 'INVITED') {
      const pending = await manager.findOneBy(InvitationEntity, {
        userId: user.id,
        usedAt: IsNull(),
        revokedAt: IsNull(),
      });
      if (!pending || pending.expiresAt <= now)
        issued = await issueInvitation(manager, user, actorId(actor.principal), now);
    }
    await audit(manager, actor, {
      action: 'USER_REPAIRED',
      targetType: 'User',
      targetId: user.id,
      organizationId: user.organizationId,
      before: null,
      after: { invitationReissued: issued !== null, accountIds },
    });
    return issued;
  });
  if (link) await deliver(actor, () => sendActivationMail(services, user, link));
  return user;
}

// ---------------------------------------------------------------------------------------------
// Loaders

export function createLifecycleLoaders(db: DataSource) {
  return {
    /** Account (division) ids of each user, one statement per page of users. */
    accountIdsOfUser: new DataLoader<string, string[]>(async (userIds) => {
      const rows = await db
        .getRepository(UserAccountEntity)
        .find({ where: { userId: In([...userIds]) }, order: { accountId: 'ASC' } });
      return userIds.map((userId) => rows.filter((row) => row.userId === userId).map((row) => row.accountId));
    }),
  };
}
export type LifecycleLoaders = ReturnType<typeof createLifecycleLoaders>;
