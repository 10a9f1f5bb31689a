import type { ClientResolvers } from '../generated/resolvers-types';

/** Compliance's share of a client: its retention policy. */
export const Client: ClientResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.client(reference.id),
  retentionPolicy: (client, _args, { loaders }) => loaders.retentionPolicy(client.id),
};
