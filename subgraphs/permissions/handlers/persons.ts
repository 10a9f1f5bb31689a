import type { DataSource } from 'typeorm';
import type { EventHandlers } from '../../../shared/events/outbox';
import { PermissionOverrideEntity, RoleAssignmentEntity, UserTypeAssignmentEntity, UserTypeEntity } from '../entities';

/**
 * Permissions' share of erasure: the person's type assignment, roles and overrides go. (Soft
 * deletion needs nothing here: identity refuses the person's sign-in and tokens.)
 */
export const personHandlers: EventHandlers = {
  PersonErased: async (manager, payload) => {
    await manager.delete(PermissionOverrideEntity, { userId: payload.userId });
    await manager.delete(RoleAssignmentEntity, { userId: payload.userId });
    await manager.delete(UserTypeAssignmentEntity, { userId: payload.userId });
  },
};

/** What permissions holds on one person, for a data-subject export. */
export async function personalData(db: DataSource, userId: string): Promise<Record<string, unknown>> {
  const [assignment, roles, overrides] = await Promise.all([
    db.getRepository(UserTypeAssignmentEntity).findOneBy({ userId }),
    db.getRepository(RoleAssignmentEntity).findBy({ userId }),
    db.getRepository(PermissionOverrideEntity).findBy({ userId }),
  ]);
  const type = assignment ? await db.getRepository(UserTypeEntity).findOneBy({ id: assignment.userTypeId }) : null;
  return {
    userType: type ? { id: type.id, name: type.name, organizationId: type.organizationId } : null,
    roles: roles.map(({ role, organizationId, accountIds, createdAt }) => ({
      role,
      organizationId,
      accountIds,
      createdAt,
    })),
    permissionOverrides: overrides.map(({ organizationId, permissionKey, effect, createdAt }) => ({
      organizationId,
      permission: permissionKey,
      effect,
      createdAt,
    })),
  };
}
