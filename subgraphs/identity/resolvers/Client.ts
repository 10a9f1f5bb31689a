import type { ClientResolvers } from '../generated/resolvers-types';

export const Client: ClientResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.client(ref.id),
  usage: (client, args, { loaders }) => loaders.usage(client.id, args),
  employeeCount: (client, _, { loaders }) => loaders.employeeCount(client.id),
};
