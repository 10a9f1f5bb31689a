import { In, type DataSource } from 'typeorm';
import { EVERY_ORGANIZATION } from '../../shared/auth/authz';
import { allowedByGrant } from '../../shared/auth/grants';
import { PLATFORM_ORGANIZATION_ID } from '../../shared/auth/principal';
import { PERMISSIONS } from './catalogue';
import {
  PartnerGrantEntity,
  PermissionOverrideEntity,
  RoleAssignmentEntity,
  UserTypeAssignmentEntity,
  UserTypeEntity,
  UserTypePermissionEntity,
} from './entities';

export type PermissionSource = 'USER_TYPE' | 'ROLE' | 'OVERRIDE' | 'PARTNER_GRANT';

export interface SubjectGrants {
  subjectId: string;
  homeOrganizationId: string | null;
  subjectKind: string | null;
  userType: UserTypeEntity | null;
  roles: RoleAssignmentEntity[];
  /** organisation id (or '*' for every organisation) -> permission key -> where it comes from. */
  permissions: Map<string, Map<string, Set<PermissionSource>>>;
}

const ALL_KEYS = PERMISSIONS.map((permission) => permission.key);

/**
 * Effective permissions of many subjects in a fixed number of statements:
 * - the user type gives permissions in the home organisation; overrides add or remove single ones;
 * - the platform organisation's permissions apply everywhere ('*'), and so does the operator role;
 * - a partner's users act in each client with an active grant, limited to what the grant allows.
 */
export async function loadGrants(db: DataSource, subjectIds: readonly string[]): Promise<SubjectGrants[]> {
  const ids = [...subjectIds];
  const [assignments, roles, overrides] = await Promise.all([
    db.getRepository(UserTypeAssignmentEntity).findBy({ userId: In(ids) }),
    db.getRepository(RoleAssignmentEntity).find({ where: { userId: In(ids) }, order: { createdAt: 'ASC' } }),
    db.getRepository(PermissionOverrideEntity).findBy({ userId: In(ids) }),
  ]);
  const typeIds = [...new Set(assignments.map((assignment) => assignment.userTypeId))];
  const homeOrganizations = [...new Set(assignments.map((assignment) => assignment.organizationId))];
  const [types, typePermissions, grants] = await Promise.all([
    typeIds.length ? db.getRepository(UserTypeEntity).findBy({ id: In(typeIds) }) : [],
    typeIds.length ? db.getRepository(UserTypePermissionEntity).findBy({ userTypeId: In(typeIds) }) : [],
    homeOrganizations.length
      ? db.getRepository(PartnerGrantEntity).findBy({ partnerId: In(homeOrganizations), status: 'ACTIVE' })
      : [],
  ]);
  const typeById = new Map(types.map((type) => [type.id, type]));
  const keysOfType = new Map<string, string[]>();
  for (const row of typePermissions)
    keysOfType.set(row.userTypeId, [...(keysOfType.get(row.userTypeId) ?? []), row.permissionKey]);

  return ids.map((subjectId) => {
    const assignment = assignments.find((row) => row.userId === subjectId) ?? null;
    const subjectRoles = roles.filter((role) => role.userId === subjectId);
    const permissions = new Map<string, Map<string, Set<PermissionSource>>>();
    const add = (organizationId: string, key: string, source: PermissionSource): void => {
      const keys = permissions.get(organizationId) ?? new Map<string, Set<PermissionSource>>();
      keys.set(key, (keys.get(key) ?? new Set()).add(source));
      permissions.set(organizationId, keys);
    };
    const home = assignment?.organizationId ?? null;
    if (assignment && home) {
      for (const key of keysOfType.get(assignment.userTypeId) ?? []) add(home, key, 'USER_TYPE');
    }
    for (const override of overrides.filter((row) => row.userId === subjectId)) {
      if (override.effect === 'GRANT') add(override.organizationId, override.permissionKey, 'OVERRIDE');
      else permissions.get(override.organizationId)?.delete(override.permissionKey);
    }
    if (subjectRoles.some((role) => role.role === 'PLATFORM_OPERATOR'))
      for (const key of ALL_KEYS) add(EVERY_ORGANIZATION, key, 'ROLE');
    if (home === PLATFORM_ORGANIZATION_ID)
      for (const [key, sources] of permissions.get(home) ?? [])
        for (const source of sources) add(EVERY_ORGANIZATION, key, source);
    if (home) {
      const homeKeys = permissions.get(home) ?? new Map<string, Set<PermissionSource>>();
      for (const grant of grants.filter((row) => row.partnerId === home)) {
        const allowed = allowedByGrant(grant);
        for (const key of homeKeys.keys()) if (allowed.has(key)) add(grant.clientId, key, 'PARTNER_GRANT');
      }
    }
    return {
      subjectId,
      homeOrganizationId: home,
      subjectKind: assignment?.subjectKind ?? null,
      userType: assignment ? (typeById.get(assignment.userTypeId) ?? null) : null,
      roles: subjectRoles,
      permissions,
    };
  });
}

/** The principal's permission map as the internal token carries it. */
export const permissionMap = (grants: SubjectGrants): Record<string, string[]> =>
  Object.fromEntries(
    [...grants.permissions].map(([organizationId, keys]) => [organizationId, [...keys.keys()].sort()]),
  );
