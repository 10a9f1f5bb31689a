import type { SubgraphDefinition } from '../../shared/subgraph-runtime';
import type { PermissionsContext } from './context';
import { PERMISSIONS_ENTITIES } from './entities';
import { createLoaders } from './loaders';
import { PERMISSIONS_MIGRATIONS } from './migrations';
import { resolvers } from './resolvers';
import { seedPermissions } from './seed';
import { createPredefinedUserTypes } from './user-types';

export const permissions: SubgraphDefinition<PermissionsContext> = {
  directory: __dirname,
  resolvers,
  entities: PERMISSIONS_ENTITIES,
  migrations: PERMISSIONS_MIGRATIONS,
  buildContext: (base, db) => ({ ...base, db, loaders: createLoaders(db) }),
  eventHandlers: {
    ClientCreated: async (manager, payload) => {
      await createPredefinedUserTypes(manager, payload.clientId, new Date(payload.createdAt));
    },
  },
  seed: seedPermissions,
};
