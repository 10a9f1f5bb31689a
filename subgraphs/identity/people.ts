/**
 * What the use cases share about people: creating a user row, reading a target with what the policy
 * decides by, the organisation a person joins, and PersonChanged, which tells the other subgraphs.
 */
import { randomBytes } from 'node:crypto';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import { PLATFORM_ORGANIZATION_ID } from '../../shared/auth/principal';
import { publish } from '../../shared/events/outbox';
import { AccessAccountEntity } from '../../shared/subgraph/facts';
import { notFound } from '../../shared/runtime/errors';
import { uuid, validate } from '../../shared/runtime/validation';
import { newId } from '../../shared/runtime/ids';
import { ClientSettingsEntity, UserAccountEntity, UserEntity } from './entities';
import type { TargetPerson } from './policy';
import type { UserKind } from './domain';

type Db = DataSource | EntityManager;
const managerOf = (db: Db): EntityManager => (db instanceof DataSource ? db.manager : db);

/** Lowercase copy for indexed case-insensitive prefix search, cut to the column's 100 characters. */
export const folded = (value: string): string => Array.from(value.toLowerCase()).slice(0, 100).join('');
export const domainOf = (email: string): string => email.slice(email.lastIndexOf('@') + 1);

/**
 * A user row and what the policy decides by (tier, admin flag, accounts), or NOT_FOUND when there is
 * no such person or they were soft-deleted or erased. The policy then answers NOT_FOUND for an
 * invisible one, so the two cannot be told apart.
 */
export async function loadTarget(db: Db, userId: string): Promise<{ user: UserEntity; person: TargetPerson }> {
  validate(uuid, userId);
  const manager = managerOf(db);
  const user = await manager.findOneBy(UserEntity, { id: userId, deletedAt: IsNull() });
  if (!user) throw notFound('User', userId);
  const accounts = await manager.find(UserAccountEntity, { where: { userId }, order: { accountId: 'ASC' } });
  return { user, person: { ...user, accountIds: accounts.map((row) => row.accountId) } };
}

/** Active, not deleted holders of the organisation's admin role (the last one stays). */
export const countActiveAdmins = (db: Db, organizationId: string): Promise<number> =>
  managerOf(db).countBy(UserEntity, { organizationId, isAdmin: true, status: 'ACTIVE', deletedAt: IsNull() });

/** What identity knows of an organisation someone is invited into: whether it exists, its kind and its accounts. */
export interface OrganizationFacts {
  known: boolean;
  kind: 'PARTNER' | 'CLIENT';
  accountIds: string[];
}

/**
 * A client is known by its accounts tree (tenancy announces the master account when it creates one),
 * a partner or the platform by the people at home there.
 */
export async function organizationFacts(db: Db, organizationId: string): Promise<OrganizationFacts> {
  const manager = managerOf(db);
  const accounts = await manager.find(AccessAccountEntity, {
    where: { clientId: organizationId },
    select: { id: true },
  });
  if (accounts.length > 0) return { known: true, kind: 'CLIENT', accountIds: accounts.map((row) => row.id) };
  const member = await manager.findOne(UserEntity, {
    where: { organizationId },
    select: { id: true, organizationKind: true },
  });
  return {
    known: member !== null || organizationId === PLATFORM_ORGANIZATION_ID,
    kind: member?.organizationKind ?? 'PARTNER',
    accountIds: [],
  };
}

/** True when tenancy told us the organisation is suspended: its users cannot sign in and their tokens stop working. */
export const isOrganizationSuspended = (db: Db, organizationId: string): Promise<boolean> =>
  managerOf(db).existsBy(ClientSettingsEntity, { clientId: organizationId, status: 'SUSPENDED' });

async function uniqueUsername(manager: EntityManager, email: string): Promise<string> {
  const local = email.slice(0, email.lastIndexOf('@')).replace(/[^a-z0-9._-]/g, '');
  const base = `${local || 'user'}.${domainOf(email).split('.')[0]}`.slice(0, 80);
  if (!(await manager.existsBy(UserEntity, { username: base }))) return base;
  return `${base}.${randomBytes(3).toString('hex')}`;
}

export interface NewPerson {
  organizationId: string;
  organizationKind: 'PARTNER' | 'CLIENT';
  email: string;
  firstName: string;
  lastName: string;
  kind: UserKind;
  accessLevel: 'BASIC' | 'ADVANCED' | null;
  /** Chosen at sign-up; null for an invitation (set at activation). */
  passwordHash: string | null;
  accountIds: readonly string[];
}

/** Inserts an INVITED user with its accounts and announces the person, inside the caller's transaction. */
export async function insertInvitedUser(manager: EntityManager, person: NewPerson, now: Date): Promise<UserEntity> {
  const username = await uniqueUsername(manager, person.email);
  const user = manager.create(UserEntity, {
    id: newId(),
    organizationId: person.organizationId,
    organizationKind: person.organizationKind,
    email: person.email,
    username,
    firstName: person.firstName,
    lastName: person.lastName,
    usernameLower: folded(username),
    firstNameLower: folded(person.firstName),
    lastNameLower: folded(person.lastName),
    kind: person.kind,
    accessLevel: person.accessLevel,
    status: 'INVITED',
    passwordHash: person.passwordHash,
    createdAt: now,
    lastLoginAt: null,
    userTypeId: null,
    tier: null,
    isAdmin: false,
    deletedAt: null,
  });
  await manager.insert(UserEntity, user);
  if (person.accountIds.length)
    await manager.insert(
      UserAccountEntity,
      person.accountIds.map((accountId) => ({ userId: user.id, accountId, organizationId: person.organizationId })),
    );
  await announcePeople(manager, [user.id], now);
  await publish(
    manager,
    'UserCreated',
    {
      userId: user.id,
      organizationId: person.organizationId,
      kind: person.kind,
      accessLevel: person.accessLevel,
      accountIds: [...person.accountIds],
    },
    now,
  );
  return user;
}

/**
 * Tells the other subgraphs where people belong and whether they still count (PersonChanged), in the
 * transaction of the change: their copies decide ids in input and hide deleted people
 * (docs/authorization.md). Reads the rows as the change left them, so every caller sends the same shape.
 */
export async function announcePeople(manager: EntityManager, userIds: readonly string[], now: Date): Promise<void> {
  if (userIds.length === 0) return;
  const users = await manager.findBy(UserEntity, { id: In([...userIds]) });
  for (const user of users) {
    await publish(
      manager,
      'PersonChanged',
      {
        userId: user.id,
        organizationId: user.organizationId,
        organizationKind: user.organizationId === PLATFORM_ORGANIZATION_ID ? 'PLATFORM' : user.organizationKind,
        kind: user.kind,
        accessLevel: user.accessLevel,
        status: user.status,
        deleted: user.deletedAt !== null,
      },
      now,
    );
  }
}
