import type { PartnerResolvers } from '../generated/resolvers-types';

export const Partner: PartnerResolvers = {
  // Identity holds nothing of a partner but its people: the reference is only the id.
  __resolveReference: (ref) => ({ __typename: 'Partner', id: ref.id }),
};
