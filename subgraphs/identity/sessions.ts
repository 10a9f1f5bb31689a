import { createHash, randomBytes } from 'node:crypto';
import { IsNull, MoreThan, Not, type DataSource } from 'typeorm';
import { z } from 'zod';
import { inTransaction } from '../../shared/data/database';
import { unauthenticated } from '../../shared/runtime/errors';
import { newId } from '../../shared/runtime/ids';
import { validate } from '../../shared/runtime/validation';
import type { AuthConfig } from './auth-config';
import { markAttemptSucceeded, recordAttempt, serviceAccountKey } from './attempts';
import { LoginEventEntity, ServiceAccountEntity, SessionEntity, UserEntity } from './entities';
import { isOrganizationSuspended } from './people';
import { authorize } from './policy';
import { serviceAccountActive } from './service-accounts';
import type { IdentityContext } from './context';
import type {
  MutationIssueServiceTokenArgs,
  MutationLoginArgs,
  ResolversParentTypes,
  ServiceToken,
} from './generated/resolvers-types';
import { hashPassword, verifyPassword } from './passwords';
import type { AccessTokenIssuer } from './signing-keys';
import { recordLoginInRollups } from './usage';

export interface AuthServices {
  issuer: AccessTokenIssuer;
  config: AuthConfig;
}

/** A signed-in session's tokens and its user (the entity), as the schema's AuthPayload carries them. */
type AuthPayload = ResolversParentTypes['AuthPayload'];

const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');
const newRefreshToken = (): string => randomBytes(32).toString('base64url');

// Verifying against a real hash when the account does not exist keeps the timing of a wrong email
// and a wrong password alike, so responses do not reveal which emails are registered.
let decoyHash: Promise<string> | null = null;
const decoy = (): Promise<string> => (decoyHash ??= hashPassword(randomBytes(16).toString('hex')));

const loginInput = z.object({
  email: z.string().trim().toLowerCase().min(1, 'is required').max(254, 'must be at most 254 characters'),
  password: z.string().min(1, 'is required').max(1024, 'must be at most 1024 characters'),
});

const INVALID_CREDENTIALS = 'Email or password is incorrect';

/**
 * Signs a user in. Every attempt is recorded before the password is checked, so attempts packed
 * into one request (aliases) or spread over replicas all count towards the throttle.
 */
export async function login(context: IdentityContext, args: MutationLoginArgs): Promise<AuthPayload> {
  await authorize(context.access, 'session.start', null);
  const { db, clientAddress, now } = context;
  const services = context.services.auth;
  const { email, password } = validate(loginInput, args);
  const { config } = services;
  const attemptId = await recordAttempt(db, config, {
    accountKey: email,
    clientAddress,
    refusal: 'Too many failed sign-ins',
    now,
  });
  const user = await db.getRepository(UserEntity).findOneBy({ email });
  const passwordMatches = await verifyPassword(password, user?.passwordHash ?? (await decoy()));
  // A soft-deleted person answers like an unknown one.
  if (!user || user.deletedAt || !user.passwordHash || !passwordMatches) throw unauthenticated(INVALID_CREDENTIALS);
  if (user.status !== 'ACTIVE') throw unauthenticated('This account is not active');
  if (await isOrganizationSuspended(db, user.organizationId))
    throw unauthenticated('Your organisation is suspended; contact its administrator');
  return inTransaction(db, async (manager) => {
    await markAttemptSucceeded(manager, attemptId);
    await manager.insert(LoginEventEntity, {
      id: newId(),
      userId: user.id,
      organizationId: user.organizationId,
      occurredAt: now,
    });
    await recordLoginInRollups(manager, user.id, user.organizationId, now);
    await manager.update(UserEntity, { id: user.id }, { lastLoginAt: now });
    const familyId = newId();
    const refreshToken = newRefreshToken();
    const refreshTokenExpiresAt = new Date(now.getTime() + config.refreshTokenTtlDays * 86_400_000);
    await manager.insert(SessionEntity, {
      id: familyId,
      familyId,
      userId: user.id,
      tokenHash: sha256(refreshToken),
      createdAt: now,
      expiresAt: refreshTokenExpiresAt,
      usedAt: null,
      revokedAt: null,
    });
    const access = await services.issuer.issue({ sub: user.id, typ: 'user', sid: familyId }, now);
    return {
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt,
      refreshToken,
      refreshTokenExpiresAt,
      user: { ...user, lastLoginAt: now },
    };
  });
}

/**
 * Exchanges a refresh token for a new pair. A token is good once: presenting it again means it was
 * copied, so the whole session family is revoked and the caller must sign in again.
 */
export async function refreshSession(context: IdentityContext, refreshToken: string): Promise<AuthPayload> {
  await authorize(context.access, 'session.refresh', null);
  const { db, now } = context;
  const services = context.services.auth;
  if (refreshToken.length < 20 || refreshToken.length > 200) throw unauthenticated('Invalid refresh token');
  const session = await db.getRepository(SessionEntity).findOneBy({ tokenHash: sha256(refreshToken) });
  if (!session || session.revokedAt || session.expiresAt <= now) throw unauthenticated('Invalid refresh token');
  const outcome = await inTransaction(db, async (manager) => {
    // Conditional update: of two concurrent refreshes with the same token only one wins.
    const claimed = await manager.update(
      SessionEntity,
      { id: session.id, usedAt: IsNull(), revokedAt: IsNull() },
      { usedAt: now },
    );
    if (!claimed.affected) {
      await manager.update(SessionEntity, { familyId: session.familyId, revokedAt: IsNull() }, { revokedAt: now });
      return 'reused' as const;
    }
    const user = await manager.findOneBy(UserEntity, { id: session.userId });
    if (!user || user.status !== 'ACTIVE' || (await isOrganizationSuspended(manager, user.organizationId)))
      return 'inactive' as const;
    const next = newRefreshToken();
    const refreshTokenExpiresAt = new Date(now.getTime() + services.config.refreshTokenTtlDays * 86_400_000);
    await manager.insert(SessionEntity, {
      id: newId(),
      familyId: session.familyId,
      userId: user.id,
      tokenHash: sha256(next),
      createdAt: now,
      expiresAt: refreshTokenExpiresAt,
      usedAt: null,
      revokedAt: null,
    });
    const access = await services.issuer.issue({ sub: user.id, typ: 'user', sid: session.familyId }, now);
    return {
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt,
      refreshToken: next,
      refreshTokenExpiresAt,
      user,
    };
  });
  if (outcome === 'reused')
    throw unauthenticated('This refresh token was already used; the session has been revoked, sign in again');
  if (outcome === 'inactive') throw unauthenticated('This account is not active');
  return outcome;
}

/** Ends the caller's session: every refresh token of its family is revoked, and the gateway refuses its access tokens from the next request. */
export async function logout(context: IdentityContext): Promise<boolean> {
  await authorize(context.access, 'session.end', null);
  const { principal } = context.access;
  const familyId = principal.kind === 'user' ? principal.sessionId : null;
  if (!familyId) return false;
  await inTransaction(context.db, (manager) =>
    manager.update(SessionEntity, { familyId, revokedAt: IsNull() }, { revokedAt: context.now }),
  );
  return true;
}

/** True while a session family has a refresh token that is neither revoked nor expired. */
export async function isSessionActive(db: DataSource, familyId: string, now: Date): Promise<boolean> {
  const revoked = await db.getRepository(SessionEntity).existsBy({ familyId, revokedAt: Not(IsNull()) });
  if (revoked) return false;
  return db.getRepository(SessionEntity).existsBy({ familyId, expiresAt: MoreThan(now) });
}

const serviceTokenInput = z.object({ clientId: z.string().min(1).max(64), clientSecret: z.string().min(1).max(256) });

/**
 * Client-credentials exchange for internal tools: a service account's id and secret for an access
 * token. Throttled like sign-in (per client id and per client address): each wrong secret costs a
 * scrypt comparison, so unthrottled it would be a way to guess secrets and to exhaust the CPU.
 */
export async function issueServiceToken(
  context: IdentityContext,
  args: MutationIssueServiceTokenArgs,
): Promise<ServiceToken> {
  await authorize(context.access, 'serviceToken.issue', null);
  const { db, clientAddress, now } = context;
  const services = context.services.auth;
  const { clientId, clientSecret } = validate(serviceTokenInput, args);
  const attemptId = await recordAttempt(db, services.config, {
    accountKey: serviceAccountKey(clientId),
    clientAddress,
    refusal: 'Too many failed attempts for these client credentials',
    now,
  });
  const account = await db.getRepository(ServiceAccountEntity).findOneBy({ clientId });
  const matches = await verifyPassword(clientSecret, account?.secretHash ?? (await decoy()));
  if (!account || account.revokedAt || !matches) throw unauthenticated('Invalid client credentials');
  if (!(await serviceAccountActive(db, account)))
    throw unauthenticated('The partner access this service account was created through has ended');
  await markAttemptSucceeded(db, attemptId);
  const access = await services.issuer.issue({ sub: account.id, typ: 'service' }, now);
  return { accessToken: access.token, accessTokenExpiresAt: access.expiresAt };
}
