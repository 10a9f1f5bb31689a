import type { DataSource, EntityManager } from 'typeorm';
import { insertInChunks, inTransaction } from '../../shared/data/database';
import { demoFacts, type DemoDataset, type DemoUser } from '../../graph/demo-data';
import { writeFacts } from '../../shared/subgraph/facts';
import { stableId } from '../../shared/runtime/ids';
import { ADMIN_ROLES, bestRole } from '../../shared/auth/principal';
import {
  ClientEmailDomainEntity,
  ClientSettingsEntity,
  LoginEventEntity,
  ServiceAccountEntity,
  UserAccountEntity,
  UserEntity,
} from './entities';
import { hashPassword } from './passwords';
import { folded } from './people';
import { rebuildRollups } from './usage';

const DAY = 86_400_000;

/** Writes users (hashing demo passwords) and their past logins. */
export async function seedIdentity(db: DataSource, dataset: DemoDataset, now: Date): Promise<void> {
  if ((await db.getRepository(UserEntity).count()) > 0) return;
  // Every persona shares the demo password: hash it once rather than once per user.
  const hashes = new Map<string, string>();
  for (const password of new Set(dataset.users.map((user) => user.password).filter((p): p is string => p !== null))) {
    hashes.set(password, await hashPassword(password));
  }
  const partnerIds = new Set(dataset.partners.map((partner) => partner.id));
  await inTransaction(db, async (manager) => {
    const users = dataset.users.map((user) => ({
      id: user.id,
      organizationId: user.organizationId,
      organizationKind: partnerIds.has(user.organizationId) ? ('PARTNER' as const) : ('CLIENT' as const),
      email: user.email,
      username: user.username,
      firstName: user.firstName,
      lastName: user.lastName,
      kind: user.kind,
      status: user.status,
      passwordHash: user.password ? (hashes.get(user.password) ?? null) : null,
      createdAt: user.createdAt,
      lastLoginAt: user.loginDaysAgo.length > 0 ? new Date(now.getTime() - Math.min(...user.loginDaysAgo) * DAY) : null,
      ...directoryColumns(user),
    }));
    await insertInChunks(manager, UserEntity, users);
    await seedDirectory(manager, dataset, now);
    const logins = dataset.users.flatMap((user) =>
      user.loginDaysAgo.map((days) => ({
        id: stableId(`login:${user.id}:${days}`),
        userId: user.id,
        organizationId: user.organizationId,
        occurredAt: new Date(now.getTime() - days * DAY),
      })),
    );
    await insertInChunks(manager, LoginEventEntity, logins);
    await rebuildRollups(manager);
    const facts = demoFacts(dataset);
    await writeFacts(manager, { grants: facts.grants, accounts: facts.accounts }, now);
    for (const account of dataset.serviceAccounts) {
      await manager.insert(ServiceAccountEntity, {
        id: account.id,
        organizationId: account.organizationId,
        name: account.name,
        clientId: account.clientId,
        secretHash: await hashPassword(account.clientSecret),
        createdAt: now,
        createdBy: null,
        revokedAt: null,
        boundToPartnerId: null,
      });
    }
  });
}

/** The directory columns of a demo user: search copies, external access level, the type permissions seeds. */
const directoryColumns = (user: DemoUser) => ({
  usernameLower: folded(user.username),
  firstNameLower: folded(user.firstName),
  lastNameLower: folded(user.lastName),
  accessLevel: user.accessLevel,
  // The same derivation as permissions' predefinedUserTypeId, so both seeds agree without asking each other.
  userTypeId: stableId(`user-type:${user.organizationId}:${user.userTypeName}`),
  // What permissions' PersonAccessChanged would say of the seeded roles.
  tier: bestRole(user.roles.map((role) => role.role)),
  isAdmin: user.roles.some((role) => ADMIN_ROLES.includes(role.role)),
});

/** Divisions of each user (from their roles' accounts in the home organisation) and the demo clients' sign-up settings. */
async function seedDirectory(manager: EntityManager, dataset: DemoDataset, now: Date): Promise<void> {
  const memberships = dataset.users.flatMap((user) =>
    [
      ...new Set(
        user.roles.filter((role) => role.organizationId === user.organizationId).flatMap((role) => role.accountIds),
      ),
    ].map((accountId) => ({ userId: user.id, accountId, organizationId: user.organizationId })),
  );
  await insertInChunks(manager, UserAccountEntity, memberships);
  if (dataset.clients.length) {
    await manager.insert(
      ClientSettingsEntity,
      dataset.clients.map((client) => ({
        clientId: client.id,
        selfEnrollment: client.selfEnrollment,
        status: 'ACTIVE' as const,
        updatedAt: now,
      })),
    );
    await manager.insert(
      ClientEmailDomainEntity,
      dataset.clients.map((client) => ({ domain: client.emailDomain, clientId: client.id })),
    );
  }
}
