import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { rowsByColumn, rowsById } from '../../shared/loaders';
import { RoleAssignmentEntity, UserTypeAssignmentEntity, UserTypeEntity, UserTypePermissionEntity } from './entities';

export function createLoaders(db: DataSource) {
  const userTypes = rowsById(db.getRepository(UserTypeEntity));
  const permissionsOfType = rowsByColumn(db.getRepository(UserTypePermissionEntity), 'userTypeId', { permissionKey: 'ASC' });
  return {
    userType: userTypes,
    /** One statement for the assignments of all users on the page, one for their types. */
    userTypeOfUser: new DataLoader<string, UserTypeEntity | null>(async (userIds) => {
      const assignments = await db.getRepository(UserTypeAssignmentEntity).findBy({ userId: In([...userIds]) });
      const typeIds = [...new Set(assignments.map((assignment) => assignment.userTypeId))];
      const types = await userTypes.loadMany(typeIds);
      const typeById = new Map(types.filter((t): t is UserTypeEntity => t !== null && !(t instanceof Error)).map((t) => [t.id, t]));
      const typeIdOfUser = new Map(assignments.map((assignment) => [assignment.userId, assignment.userTypeId]));
      return userIds.map((userId) => typeById.get(typeIdOfUser.get(userId) ?? '') ?? null);
    }),
    permissionKeysOfType: new DataLoader<string, string[]>(async (typeIds) =>
      (await permissionsOfType.loadMany([...typeIds])).map((rows) => (rows instanceof Error ? [] : rows.map((row) => row.permissionKey))),
    ),
    rolesOfUser: rowsByColumn(db.getRepository(RoleAssignmentEntity), 'userId', { createdAt: 'ASC' }),
    userTypesOfOrganization: rowsByColumn(db.getRepository(UserTypeEntity), 'organizationId', { name: 'ASC' }),
  };
}

export type PermissionsLoaders = ReturnType<typeof createLoaders>;
