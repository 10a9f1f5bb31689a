import type { DataSubjectRequestResolvers } from '../generated/resolvers-types';

export const DataSubjectRequest: DataSubjectRequestResolvers = {
  /** The export document goes only to the person and to holders of compliance.export in their organisation. */
  document: (request, _args, { loaders }) => loaders.exportDocument(request),
};
