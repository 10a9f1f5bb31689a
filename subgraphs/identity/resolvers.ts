import type { GraphQLResolverMap } from '@apollo/subgraph';
import { DateTimeScalar } from '../../shared/scalars';
import type { IdentityContext } from './context';
import type { UserEntity } from './entities';
import { listUsers, type UserFilter } from './users';

type Ref = { id: string };

export const resolvers: GraphQLResolverMap<IdentityContext> = {
  DateTime: DateTimeScalar,
  Query: {
    me: (_: unknown, __: unknown, { principal, loaders }: IdentityContext) => (principal.kind === 'user' ? loaders.user.load(principal.userId) : null),
    user: (_: unknown, { id }: Ref, { loaders }: IdentityContext) => loaders.user.load(id),
    users: (_: unknown, args: { clientId: string; filter?: UserFilter; first?: number; after?: string }, { db }: IdentityContext) =>
      listUsers(db, args.clientId, args.filter, args.first, args.after),
  },
  Organization: {
    __resolveType: (organization: { __typename: string }) => organization.__typename,
  },
  User: {
    __resolveReference: (ref: Ref, { loaders }: IdentityContext) => loaders.user.load(ref.id),
    organization: (user: UserEntity) => ({ __typename: user.organizationKind === 'PARTNER' ? 'Partner' : 'Client', id: user.organizationId }),
  },
  Partner: {
    __resolveReference: (ref: Ref) => ({ id: ref.id }),
  },
  Client: {
    __resolveReference: (ref: Ref) => ({ id: ref.id }),
    usage: (client: Ref, _: unknown, { loaders }: IdentityContext) => loaders.clientUsage.load(client.id),
  },
};
