import type { OrganizationResolvers } from '../generated/resolvers-types';

export const Organization: OrganizationResolvers = {
  __resolveType: (organization) => organization.__typename,
};
