import type { EntityManager } from 'typeorm';
import { stableId } from '../../shared/runtime/ids';
import { PREDEFINED_USER_TYPES } from './catalogue';
import { UserTypeEntity, UserTypePermissionEntity } from './entities';

/**
 * Gives an organisation its predefined user types. Ids derive from the organisation and type name,
 * so a redelivered event or a re-run seed cannot create a second set.
 */
export async function createPredefinedUserTypes(
  manager: EntityManager,
  organizationId: string,
  now: Date,
): Promise<UserTypeEntity[]> {
  const existing = await manager.findBy(UserTypeEntity, { organizationId, predefined: true });
  if (existing.length > 0) return existing;
  const types = PREDEFINED_USER_TYPES.map((template) =>
    manager.create(UserTypeEntity, {
      id: predefinedUserTypeId(organizationId, template.name),
      organizationId,
      name: template.name,
      description: template.description,
      predefined: true,
      isDefault: template.isDefault,
      createdAt: now,
    }),
  );
  await manager.insert(UserTypeEntity, types);
  const grants = PREDEFINED_USER_TYPES.flatMap((template) =>
    template.permissions.map((permissionKey) => ({
      userTypeId: predefinedUserTypeId(organizationId, template.name),
      permissionKey,
    })),
  );
  if (grants.length > 0) await manager.insert(UserTypePermissionEntity, grants);
  return types;
}

export const predefinedUserTypeId = (organizationId: string, name: string): string =>
  stableId(`user-type:${organizationId}:${name}`);
