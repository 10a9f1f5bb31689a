import type { PartnerResolvers } from '../generated/resolvers-types';

export const Partner: PartnerResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.partner(ref.id),
  clients: (partner, args, { loaders }) => loaders.clients({ ...args, filter: { partnerId: partner.id } }),
  partnerInvitations: (partner, { includeAnswered }, { loaders }) =>
    loaders.invitationsOf(partner.id, includeAnswered ?? false),
};
