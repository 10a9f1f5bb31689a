import type { DataSource } from 'typeorm';
import { insertInChunks, inTransaction } from '../../shared/data/database';
import { demoFacts, type DemoDataset } from '../../graph/demo-data';
import { writeFacts } from '../../shared/subgraph/facts';
import { stableId } from '../../shared/runtime/ids';
import {
  PartnerGrantEntity,
  RoleAssignmentEntity,
  UserTypeAssignmentEntity,
  UserTypeEntity,
  UserTypePermissionEntity,
} from './entities';
import { createPredefinedUserTypes, predefinedUserTypeId } from './user-types';

/** Predefined user types of every organisation, each user's type and roles, partner grants, service accounts. */
export async function seedPermissions(db: DataSource, dataset: DemoDataset, now: Date): Promise<void> {
  if ((await db.getRepository(UserTypeEntity).count()) > 0) return;
  await inTransaction(db, async (manager) => {
    const facts = demoFacts(dataset);
    await writeFacts(manager, { accounts: facts.accounts, people: facts.people }, now);
    for (const organization of [...dataset.partners, ...dataset.clients])
      await createPredefinedUserTypes(manager, organization.id, organization.createdAt);
    const assignments = dataset.users.map((user) => ({
      userId: user.id,
      organizationId: user.organizationId,
      userTypeId: predefinedUserTypeId(user.organizationId, user.userTypeName),
      subjectKind: user.kind,
    }));
    await insertInChunks(manager, UserTypeAssignmentEntity, assignments);
    const roles = dataset.users.flatMap((user) =>
      user.roles.map((grant, index) => ({
        id: stableId(`role:${user.id}:${index}`),
        userId: user.id,
        organizationId: grant.organizationId,
        role: grant.role,
        accountIds: grant.accountIds,
        createdAt: user.createdAt,
      })),
    );
    await insertInChunks(manager, RoleAssignmentEntity, roles);
    if (dataset.grants.length)
      await manager.insert(
        PartnerGrantEntity,
        dataset.grants.map((grant) => ({ ...grant, status: 'ACTIVE' as const, updatedAt: now })),
      );
    for (const account of dataset.serviceAccounts) {
      const typeId = stableId(`user-type:${account.id}`);
      await manager.insert(UserTypeEntity, {
        id: typeId,
        organizationId: account.organizationId,
        name: `Service: ${account.name}`,
        description: 'User type of a service account',
        predefined: false,
        isDefault: false,
        createdAt: now,
      });
      await manager.insert(
        UserTypePermissionEntity,
        account.permissions.map((permissionKey) => ({ userTypeId: typeId, permissionKey })),
      );
      await manager.insert(UserTypeAssignmentEntity, {
        userId: account.id,
        organizationId: account.organizationId,
        userTypeId: typeId,
        subjectKind: 'SERVICE',
      });
    }
  });
}
