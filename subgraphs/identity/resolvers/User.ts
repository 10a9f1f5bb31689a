import type { UserResolvers } from '../generated/resolvers-types';

export const User: UserResolvers = {
  // Null for unknown, invisible, soft-deleted and erased people alike, whoever asks.
  __resolveReference: (ref, { loaders }) => loaders.user(ref.id),
  organization: (user) => ({
    __typename: user.organizationKind === 'PARTNER' ? 'Partner' : 'Client',
    id: user.organizationId,
  }),
  accountIds: (user, _, { loaders }) => loaders.accountIdsOf(user.id),
};
