import type { UserResolvers } from '../generated/resolvers-types';

/**
 * Compliance's share of a person. The reference resolves only for the person themself and the
 * compliance officers of their home organisation, and never for a soft-deleted or erased person.
 */
export const User: UserResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.person(reference.id),
  consents: (user, _args, { loaders }) => loaders.consents(user.id),
  consent: async (user, _args, { loaders }) =>
    (await loaders.consents(user.id))?.find((record) => record.withdrawnAt === null) ?? null,
  retentionState: (user, _args, { loaders }) => loaders.retentionState(user.id),
};
