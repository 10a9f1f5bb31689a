import type { PartnerInvitationResolvers } from '../generated/resolvers-types';
import { invitationStatus } from '../partner-invitations';
import { toGraphQLProducts } from '../products';

/** The caller sees the invitation; each side's organisation only as far as it may see that organisation. */
export const PartnerInvitation: PartnerInvitationResolvers = {
  client: (row, _, { loaders }) => loaders.client(row.clientId),
  clientName: (row, _, { loaders }) => loaders.clientName(row.clientId),
  partner: (row, _, { loaders }) => loaders.partner(row.partnerId),
  partnerName: (row, _, { loaders }) => loaders.partnerName(row.partnerId),
  products: (row) => toGraphQLProducts(row.products),
  status: (row, _, { now }) => invitationStatus(row, now),
};
