import type { EntityManager } from 'typeorm';
import { insertInChunks } from '../../shared/data/database';
import type { DemoDataset, DemoUser } from '../../graph/demo-data';
import { stableId } from '../../shared/runtime/ids';
import { ADMIN_ROLES, bestRole } from '../../shared/auth/principal';
import { ClientEmailDomainEntity, ClientSettingsEntity, UserAccountEntity } from './entities';
import { folded } from './lifecycle';

/** The directory columns of a demo user: search copies, external access level, the type permissions seeds. */
export const directoryColumns = (user: DemoUser) => ({
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
export async function seedDirectory(manager: EntityManager, dataset: DemoDataset, now: Date): Promise<void> {
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
