import { ClientEntity } from '../entities';
import type { OrganizationResolvers } from '../generated/resolvers-types';

export const Organization: OrganizationResolvers = {
  __resolveType: (organization) => (organization instanceof ClientEntity ? 'Client' : 'Partner'),
};
