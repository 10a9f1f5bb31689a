import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import type { EventHandlers } from '../../shared/events/outbox';
import { LIKE_ESCAPE, likeContaining } from '../../shared/data/sql';
import { OutboxEvent } from '../../shared/events/outbox';
import {
  InvitationEntity,
  LoginAttemptEntity,
  LoginEventEntity,
  SessionEntity,
  UserAccountEntity,
  UserDailyActivityEntity,
  UserEntity,
} from './entities';
import { announcePeople } from './people';

/**
 * Identity's share of the GDPR lifecycle that compliance drives: soft deletion hides a person
 * everywhere (lookups, lists, search, usage counts, sign-in, live tokens); erasure anonymises the
 * user row in place (its id stays as a pseudonymous reference) and removes everything else.
 * events.ts routes compliance's PersonSoftDeleted and PersonErased here.
 */
export const privacyHandlers: EventHandlers = {
  PersonSoftDeleted: async (manager, payload, event, now) => {
    await manager.update(
      UserEntity,
      { id: payload.userId, deletedAt: IsNull() },
      { deletedAt: new Date(event.occurredAt) },
    );
    await manager.update(
      SessionEntity,
      { userId: payload.userId, revokedAt: IsNull() },
      { revokedAt: new Date(event.occurredAt) },
    );
    await announcePeople(manager, [payload.userId], now);
  },
  PersonErased: async (manager, payload, event, now) => {
    const user = await manager.findOneBy(UserEntity, { id: payload.userId });
    if (!user) return;
    await scrubOutbox(manager, [user.email, user.username, `${user.firstName} ${user.lastName}`], payload.pseudonym);
    await manager.delete(SessionEntity, { userId: user.id });
    await manager.delete(InvitationEntity, { userId: user.id });
    await manager.delete(UserAccountEntity, { userId: user.id });
    await manager.delete(LoginAttemptEntity, { accountKey: user.email });
    // Sign-ins stay only as counts in the daily roll-ups; the per-user rows go.
    await manager.delete(LoginEventEntity, { userId: user.id });
    await manager.delete(UserDailyActivityEntity, { userId: user.id });
    await manager.update(
      UserEntity,
      { id: user.id },
      {
        email: `${payload.pseudonym}@erased.invalid`,
        username: payload.pseudonym,
        usernameLower: payload.pseudonym,
        firstName: 'Erased',
        lastName: 'Person',
        firstNameLower: 'erased',
        lastNameLower: 'person',
        passwordHash: null,
        accessLevel: null,
        status: 'DEACTIVATED',
        lastLoginAt: null,
        deletedAt: user.deletedAt ?? new Date(event.occurredAt),
      },
    );
    await announcePeople(manager, [user.id], now);
  },
};

/** Events already waiting in the outbox must not carry the person's email or name to other services. */
async function scrubOutbox(manager: EntityManager, needles: string[], pseudonym: string): Promise<void> {
  for (const needle of needles.filter((value) => value.trim().length >= 3)) {
    const rows = await manager
      .getRepository(OutboxEvent)
      .createQueryBuilder('event')
      .where(`event.payload LIKE :needle ${LIKE_ESCAPE}`, { needle: likeContaining(needle) })
      .getMany();
    for (const row of rows)
      await manager.update(OutboxEvent, { id: row.id }, { payload: row.payload.split(needle).join(pseudonym) });
  }
}

/** Everything identity holds on one person, for a data-subject export. Secrets (hashes) are left out. */
export async function personalData(db: DataSource, userId: string): Promise<Record<string, unknown> | null> {
  const user = await db.getRepository(UserEntity).findOneBy({ id: userId });
  if (!user) return null;
  const { passwordHash: _passwordHash, ...profile } = user;
  const [accounts, invitations, logins, sessions] = await Promise.all([
    db.getRepository(UserAccountEntity).findBy({ userId }),
    db.getRepository(InvitationEntity).find({
      where: { userId },
      select: { id: true, createdAt: true, expiresAt: true, usedAt: true, revokedAt: true },
    }),
    db.getRepository(LoginEventEntity).find({ where: { userId }, order: { occurredAt: 'ASC' } }),
    db.getRepository(SessionEntity).find({
      where: { userId },
      select: { id: true, familyId: true, createdAt: true, expiresAt: true, usedAt: true, revokedAt: true },
    }),
  ]);
  return {
    user: { ...profile, passwordSet: _passwordHash !== null },
    accounts: accounts.map((a) => a.accountId),
    invitations,
    logins: logins.map((l) => l.occurredAt),
    sessions,
  };
}
