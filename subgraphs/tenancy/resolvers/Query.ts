import type { QueryResolvers } from '../generated/resolvers-types';

/** Lookups answer null for what the caller may not see, exactly as for an unknown id; lists leave it out. */
export const Query: QueryResolvers = {
  client: (_, { id }, { loaders }) => loaders.client(id),
  clientBySubdomain: (_, { subdomain }, { loaders }) => loaders.clientBySubdomain(subdomain),
  clients: (_, args, { loaders }) => loaders.clients(args),
  partner: (_, { id }, { loaders }) => loaders.partner(id),
  organization: (_, { id }, { loaders }) => loaders.organization(id),
  project: (_, { id }, { loaders }) => loaders.project(id),
  projects: (_, { clientId }, { loaders }) => loaders.projectsOf(clientId),
  _tenancyPersonalData: (_, { userId }, { loaders }) => loaders.personalData(userId),
};
