import type { DataSource } from 'typeorm';
import { inTransaction } from '../../shared/database';
import type { DemoDataset } from '../../shared/demo-data';
import { stableId } from '../../shared/ids';
import { RoleAssignmentEntity, UserTypeAssignmentEntity, UserTypeEntity } from './entities';
import { createPredefinedUserTypes, predefinedUserTypeId } from './user-types';

/** Predefined user types of every organisation, each user's type and roles. */
export async function seedPermissions(db: DataSource, dataset: DemoDataset): Promise<void> {
  if ((await db.getRepository(UserTypeEntity).count()) > 0) return;
  await inTransaction(db, async (manager) => {
    for (const organization of [...dataset.partners, ...dataset.clients]) await createPredefinedUserTypes(manager, organization.id, organization.createdAt);
    const assignments = dataset.users.map((user) => ({ userId: user.id, organizationId: user.organizationId, userTypeId: predefinedUserTypeId(user.organizationId, user.userTypeName) }));
    for (let i = 0; i < assignments.length; i += 200) await manager.insert(UserTypeAssignmentEntity, assignments.slice(i, i + 200));
    const roles = dataset.users.flatMap((user) =>
      user.roles.map((grant, index) => ({ id: stableId(`role:${user.id}:${index}`), userId: user.id, organizationId: grant.organizationId, role: grant.role, accountIds: grant.accountIds, createdAt: user.createdAt })),
    );
    for (let i = 0; i < roles.length; i += 200) await manager.insert(RoleAssignmentEntity, roles.slice(i, i + 200));
  });
}
