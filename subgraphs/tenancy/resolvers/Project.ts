import type { ProjectResolvers } from '../generated/resolvers-types';

export const Project: ProjectResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.project(ref.id),
  // The same client `client(id)` would answer: null when the caller may not read its record.
  client: (project, _, { loaders }) => loaders.client(project.clientId),
  account: (project, _, { loaders }) => (project.accountId ? loaders.account(project.accountId) : null),
  partyIds: (project, _, { loaders }) => loaders.parties(project.id),
  participants: (project, _, { loaders }) => loaders.participants(project.id),
};
