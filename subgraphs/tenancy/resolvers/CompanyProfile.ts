import type { CompanyProfileResolvers } from '../generated/resolvers-types';
import { completeness } from '../profile';

export const CompanyProfile: CompanyProfileResolvers = {
  legalName: ({ profile }) => profile?.legalName ?? null,
  taxId: ({ profile }) => profile?.taxId ?? null,
  country: ({ profile }) => profile?.country ?? null,
  address: ({ profile }) => ({
    line1: profile?.addressLine1 ?? null,
    line2: profile?.addressLine2 ?? null,
    postalCode: profile?.postalCode ?? null,
    city: profile?.city ?? null,
    region: profile?.region ?? null,
  }),
  industry: ({ profile }) => profile?.industry ?? null,
  size: ({ profile }) => profile?.size ?? null,
  emailDomains: ({ domains }) => domains,
  logoUrl: ({ profile }) => profile?.logoUrl ?? null,
  selfEnrollment: ({ profile }) => profile?.selfEnrollment ?? false,
  // A soft-deleted or erased representative is nobody.
  legalRepresentative: async ({ profile }, _, { loaders }) =>
    profile?.legalRepresentativeId && (await loaders.person(profile.legalRepresentativeId))
      ? { id: profile.legalRepresentativeId }
      : null,
  updatedAt: ({ profile }) => profile?.updatedAt ?? null,
  completeness: ({ profile, domains }) => completeness(profile, domains),
};
