import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { rowsByColumn, rowsById } from '../../shared/data/loaders';
import { loadGrants } from './effective';
import { RoleAssignmentEntity, UserTypeAssignmentEntity, UserTypeEntity, UserTypePermissionEntity } from './entities';

export function createLoaders(db: DataSource) {
  const userTypes = rowsById(db.getRepository(UserTypeEntity));
  const permissionsOfType = rowsByColumn(db.getRepository(UserTypePermissionEntity), 'userTypeId', {
    permissionKey: 'ASC',
  });
  const assignments = new DataLoader<string, UserTypeAssignmentEntity | null>(async (userIds) => {
    const rows = await db
      .getRepository(UserTypeAssignmentEntity)
      .find({ where: userIds.map((userId) => ({ userId })) });
    const byUser = new Map(rows.map((row) => [row.userId, row]));
    return userIds.map((userId) => byUser.get(userId) ?? null);
  });
  return {
    userType: userTypes,
    /** Each user's type assignment (home organisation, type, kind): one statement per page of users. */
    assignment: assignments,
    userTypeOfUser: new DataLoader<string, UserTypeEntity | null>(async (userIds) => {
      const rows = await assignments.loadMany([...userIds]);
      const typeIds = [...new Set(rows.flatMap((row) => (row && !(row instanceof Error) ? [row.userTypeId] : [])))];
      const types = new Map(
        (await userTypes.loadMany(typeIds)).flatMap((type) =>
          type && !(type instanceof Error) ? [[type.id, type] as const] : [],
        ),
      );
      return rows.map((row) => (row && !(row instanceof Error) ? (types.get(row.userTypeId) ?? null) : null));
    }),
    permissionKeysOfType: new DataLoader<string, string[]>(async (typeIds) =>
      (await permissionsOfType.loadMany([...typeIds])).map((rows) =>
        rows instanceof Error ? [] : rows.map((row) => row.permissionKey),
      ),
    ),
    rolesOfUser: rowsByColumn(db.getRepository(RoleAssignmentEntity), 'userId', { createdAt: 'ASC' }),
    /** Effective permissions of every user on the page, in a fixed number of statements. */
    grants: new DataLoader((subjectIds: readonly string[]) => loadGrants(db, subjectIds)),
    userTypesOfOrganization: rowsByColumn(db.getRepository(UserTypeEntity), 'organizationId', { name: 'ASC' }),
  };
}

export type PermissionsLoaders = ReturnType<typeof createLoaders>;
