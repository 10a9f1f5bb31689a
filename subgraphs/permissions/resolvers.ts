import type { GraphQLResolverMap } from '../../shared/subgraph/resolver-map';
import type { Ref } from '../../shared/subgraph/context';
import { can, requirePermission, requireSystem } from '../../shared/auth/guard';
import { ROLE_TIERS, roleRank, type Role } from '../../shared/auth/principal';
import { DateTimeScalar } from '../../shared/runtime/scalars';
import {
  assignUserType,
  createUserType,
  deleteUserType,
  grantRole,
  revokeRole,
  setDefaultUserType,
  setPermissionOverride,
  updateUserType,
} from './access';
import type { PermissionsContext } from './context';
import { personalData } from './handlers/persons';
import { loadGrants, permissionMap } from './effective';
import {
  PermissionEntity,
  PermissionOverrideEntity,
  UserTypeAssignmentEntity,
  UserTypeEntity,
  UserTypePermissionEntity,
} from './entities';
import { In } from 'typeorm';

const ROLE_DESCRIPTIONS: Record<Role, string> = {
  PLATFORM_OPERATOR: 'Runs the platform; acts in every organisation',
  PARTNER_ADMIN: "Administers a partner and, within its grants, the partner's clients",
  CLIENT_ADMIN: 'Administers a client organisation',
  MANAGER: 'Manages people and projects in chosen accounts',
  MEMBER: 'Works in the organisation',
  EXTERNAL: 'External contact with the access shared with them',
  PARTICIPANT: 'Takes assessments in projects',
};

/** Another user's access is visible to themself and to holders of users.read in their home organisation. */
async function mayReadAccessOf(context: PermissionsContext, userId: string): Promise<boolean> {
  const { principal } = context;
  if (
    (principal.kind === 'user' && principal.userId === userId) ||
    (principal.kind === 'service' && principal.serviceAccountId === userId)
  )
    return true;
  const assignment = await context.loaders.assignment.load(userId);
  return assignment !== null && can(principal, 'users.read', assignment.organizationId);
}

export const resolvers: GraphQLResolverMap<PermissionsContext> = {
  DateTime: DateTimeScalar,
  Query: {
    permissions: (_: unknown, __: unknown, { db }: PermissionsContext) =>
      db.getRepository(PermissionEntity).find({ order: { key: 'ASC' } }),
    userTypes: (
      _: unknown,
      { organizationId }: { organizationId: string },
      { loaders, principal }: PermissionsContext,
    ) => {
      // Listing types is part of managing users: readers of the directory may see them too.
      if (!can(principal, 'users.read', organizationId))
        requirePermission(principal, 'user-types.manage', organizationId);
      return loaders.userTypesOfOrganization.load(organizationId);
    },
    roles: () => ROLE_TIERS.map((role) => ({ role, rank: roleRank(role), description: ROLE_DESCRIPTIONS[role] })),
    _permissionsPersonalData: async (
      _: unknown,
      { userId }: { userId: string },
      { db, principal }: PermissionsContext,
    ) => {
      requireSystem(principal);
      return JSON.stringify(await personalData(db, userId));
    },
    _principalGrants: async (
      _: unknown,
      { subjectId }: { subjectId: string },
      { loaders, principal }: PermissionsContext,
    ) => {
      requireSystem(principal);
      const grants = await loaders.grants.load(subjectId);
      return {
        homeOrganizationId: grants.homeOrganizationId,
        userType: grants.userType?.name ?? null,
        roles: grants.roles,
        homePermissions: grants.homeOrganizationId
          ? [...(grants.permissions.get(grants.homeOrganizationId)?.keys() ?? [])].sort()
          : [],
        permissions: Object.entries(permissionMap(grants)).map(([organizationId, keys]) => ({ organizationId, keys })),
      };
    },
    _usersWithPermission: async (
      _: unknown,
      args: { organizationId: string; permission: string },
      { db, principal }: PermissionsContext,
    ) => {
      requireSystem(principal);
      // Candidates: members of a type of the organisation that has the key, and users with a GRANT override; then their effective permissions decide.
      const typeIds = (await db.getRepository(UserTypeEntity).findBy({ organizationId: args.organizationId })).map(
        (type) => type.id,
      );
      const withKey = typeIds.length
        ? (
            await db
              .getRepository(UserTypePermissionEntity)
              .findBy({ userTypeId: In(typeIds), permissionKey: args.permission })
          ).map((row) => row.userTypeId)
        : [];
      const members = withKey.length
        ? await db
            .getRepository(UserTypeAssignmentEntity)
            .findBy({ userTypeId: In(withKey), organizationId: args.organizationId })
        : [];
      const overrides = await db
        .getRepository(PermissionOverrideEntity)
        .findBy({ organizationId: args.organizationId, permissionKey: args.permission, effect: 'GRANT' });
      const candidates = [...new Set([...members.map((row) => row.userId), ...overrides.map((row) => row.userId)])];
      if (candidates.length === 0) return [];
      const grants = await loadGrants(db, candidates);
      return grants
        .filter(
          (grant) =>
            grant.homeOrganizationId === args.organizationId &&
            grant.permissions.get(args.organizationId)?.has(args.permission),
        )
        .map((grant) => grant.subjectId)
        .sort();
    },
  },
  Mutation: {
    createUserType: (_: unknown, args: { organizationId: string; input: unknown }, context: PermissionsContext) =>
      createUserType(context.db, context, args.organizationId, args.input),
    updateUserType: (_: unknown, args: { id: string; changes: unknown }, context: PermissionsContext) =>
      updateUserType(context.db, context, args.id, args.changes),
    deleteUserType: (_: unknown, args: { id: string; reassignTo?: string }, context: PermissionsContext) =>
      deleteUserType(context.db, context, args.id, args.reassignTo),
    setDefaultUserType: (_: unknown, args: { id: string }, context: PermissionsContext) =>
      setDefaultUserType(context.db, context, args.id),
    assignUserType: (_: unknown, args: { userId: string; userTypeId: string }, context: PermissionsContext) =>
      assignUserType(context.db, context, args.userId, args.userTypeId),
    grantRole: (_: unknown, args: Record<string, unknown>, context: PermissionsContext) =>
      grantRole(context.db, context, args),
    revokeRole: (_: unknown, args: { assignmentId: string }, context: PermissionsContext) =>
      revokeRole(context.db, context, args.assignmentId),
    setPermissionOverride: (_: unknown, args: Record<string, unknown>, context: PermissionsContext) =>
      setPermissionOverride(context.db, context, args),
  },
  UserType: {
    __resolveReference: async (ref: Ref, context: PermissionsContext) => {
      const type = await context.loaders.userType.load(ref.id);
      return type && can(context.principal, 'users.read', type.organizationId) ? type : null;
    },
    permissions: (type: UserTypeEntity, _: unknown, { loaders }: PermissionsContext) =>
      loaders.permissionKeysOfType.load(type.id),
  },
  User: {
    __resolveReference: (ref: Ref) => ({ id: ref.id }),
    userType: async (user: Ref, _: unknown, context: PermissionsContext) =>
      (await mayReadAccessOf(context, user.id)) ? context.loaders.userTypeOfUser.load(user.id) : null,
    roles: async (user: Ref, _: unknown, context: PermissionsContext) =>
      (await mayReadAccessOf(context, user.id)) ? context.loaders.rolesOfUser.load(user.id) : [],
    effectivePermissions: async (
      user: Ref,
      { organizationId }: { organizationId?: string },
      context: PermissionsContext,
    ) => {
      if (!(await mayReadAccessOf(context, user.id))) return [];
      const grants = await context.loaders.grants.load(user.id);
      return [...grants.permissions]
        .filter(([org]) => !organizationId || org === organizationId)
        .flatMap(([org, keys]) =>
          [...keys]
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([key, sources]) => ({ key, organizationId: org, sources: [...sources].sort() })),
        );
    },
    permissionOverrides: async (user: Ref, _: unknown, context: PermissionsContext) =>
      (await mayReadAccessOf(context, user.id))
        ? context.db
            .getRepository(PermissionOverrideEntity)
            .find({ where: { userId: user.id }, order: { permissionKey: 'ASC' } })
        : [],
  },
  PermissionOverride: {
    permission: (override: PermissionOverrideEntity) => override.permissionKey,
  },
};
