import type { ClientUsageResolvers } from '../generated/resolvers-types';

export const ClientUsage: ClientUsageResolvers = {
  employees: (usage, _, { loaders }) => loaders.usageEmployees(usage),
};
