import type { PartnerGrantResolvers } from '../generated/resolvers-types';
import { toGraphQLProducts } from '../products';

/** The caller sees the grant; each side's organisation only as far as it may see that organisation. */
export const PartnerGrant: PartnerGrantResolvers = {
  client: (row, _, { loaders }) => loaders.client(row.clientId),
  partner: (row, _, { loaders }) => loaders.partner(row.partnerId),
  partnerName: (row, _, { loaders }) => loaders.partnerName(row.partnerId),
  products: (row) => toGraphQLProducts(row.products),
};
