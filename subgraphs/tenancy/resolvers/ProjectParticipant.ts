import { notFound } from '../../../shared/runtime/errors';
import type { ProjectParticipantResolvers } from '../generated/resolvers-types';

export const ProjectParticipant: ProjectParticipantResolvers = {
  project: async (row, _, { loaders }) =>
    (await loaders.project(row.projectId)) ?? Promise.reject(notFound('Project', row.projectId)),
  user: (row) => ({ id: row.userId }),
};
