import type { GraphQLResolverMap } from '@apollo/subgraph';
import { ROLE_TIERS, roleRank, type Role } from '../../shared/principal';
import { DateTimeScalar } from '../../shared/scalars';
import type { PermissionsContext } from './context';
import { PermissionEntity, type UserTypeEntity } from './entities';

type Ref = { id: string };

const ROLE_DESCRIPTIONS: Record<Role, string> = {
  PLATFORM_OPERATOR: 'Runs the platform; acts in every organisation',
  PARTNER_ADMIN: "Administers a partner and, within its grants, the partner's clients",
  CLIENT_ADMIN: 'Administers a client organisation',
  MANAGER: 'Manages people and projects in chosen accounts',
  MEMBER: 'Works in the organisation',
  EXTERNAL: 'External contact with the access shared with them',
  PARTICIPANT: 'Takes assessments in projects',
};

export const resolvers: GraphQLResolverMap<PermissionsContext> = {
  DateTime: DateTimeScalar,
  Query: {
    permissions: (_: unknown, __: unknown, { db }: PermissionsContext) => db.getRepository(PermissionEntity).find({ order: { key: 'ASC' } }),
    userTypes: (_: unknown, { organizationId }: { organizationId: string }, { loaders }: PermissionsContext) => loaders.userTypesOfOrganization.load(organizationId),
    roles: () => ROLE_TIERS.map((role) => ({ role, rank: roleRank(role), description: ROLE_DESCRIPTIONS[role] })),
  },
  UserType: {
    __resolveReference: (ref: Ref, { loaders }: PermissionsContext) => loaders.userType.load(ref.id),
    permissions: (type: UserTypeEntity, _: unknown, { loaders }: PermissionsContext) => loaders.permissionKeysOfType.load(type.id),
  },
  User: {
    __resolveReference: (ref: Ref) => ({ id: ref.id }),
    userType: (user: Ref, _: unknown, { loaders }: PermissionsContext) => loaders.userTypeOfUser.load(user.id),
    roles: (user: Ref, _: unknown, { loaders }: PermissionsContext) => loaders.rolesOfUser.load(user.id),
    effectivePermissions: async (user: Ref, { organizationId }: { organizationId?: string }, { loaders }: PermissionsContext) => {
      const type = await loaders.userTypeOfUser.load(user.id);
      if (!type || (organizationId && organizationId !== type.organizationId)) return [];
      const keys = await loaders.permissionKeysOfType.load(type.id);
      return keys.map((key) => ({ key, organizationId: type.organizationId, sources: ['USER_TYPE'] }));
    },
  },
};
