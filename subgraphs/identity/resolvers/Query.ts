import type { QueryResolvers } from '../generated/resolvers-types';

export const Query: QueryResolvers = {
  me: (_, __, { loaders }) => loaders.me(),
  user: (_, { id }, { loaders }) => loaders.user(id),
  users: (_, args, { loaders }) => loaders.users(args),
  _principalStatus: (_, args, { loaders }) => loaders.principalStatus(args),
  _identityPersonalData: (_, { userId }, { loaders }) => loaders.personalData(userId),
};
