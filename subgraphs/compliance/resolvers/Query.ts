import type { QueryResolvers } from '../generated/resolvers-types';

/** Reads go through the loaders, which answer null or an empty page for whatever the caller may not see. */
export const Query: QueryResolvers = {
  retentionPolicy: (_parent, { clientId }, { loaders }) => loaders.retentionPolicy(clientId),
  auditLog: (_parent, { organizationId, filter, first, after }, { loaders }) =>
    loaders.auditLog(organizationId, { filter, first, after }),
  dataSubjectRequests: (_parent, { clientId, first, after }, { loaders }) =>
    loaders.dataSubjectRequests(clientId, { first, after }),
};
