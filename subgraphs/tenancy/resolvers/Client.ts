import type { ClientResolvers } from '../generated/resolvers-types';
import { toGraphQLProducts } from '../products';

export const Client: ClientResolvers = {
  // As an entity reference (e.g. `me.organization`) a client is also visible to its own people.
  __resolveReference: (ref, { loaders }) => loaders.clientAsOrganization(ref.id),
  partner: (client, _, { loaders }) => (client.partnerId ? loaders.partner(client.partnerId) : null),
  masterAccount: (client, _, { loaders }) => loaders.masterAccount(client.id),
  accounts: (client, _, { loaders }) => loaders.accountsOf(client.id),
  companyProfile: (client, _, { loaders }) => loaders.companyProfile(client.id),
  integrations: (client, _, { loaders }) => loaders.integrations(client.id),
  products: async (client, _, { loaders }) => toGraphQLProducts(await loaders.products(client.id)),
  projects: (client, _, { loaders }) => loaders.projectsOf(client.id),
  partnerAccess: (client, _, { loaders }) => loaders.partnerAccessOf(client.id),
};
