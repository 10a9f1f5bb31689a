import type { IntegrationResolvers } from '../generated/resolvers-types';

/** Only whether codes are set and when: the ciphertext never leaves tenancy. */
export const Integration: IntegrationResolvers = {
  codesSet: (row) => row.codesCiphertext !== null,
};
