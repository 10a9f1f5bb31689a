import type { DemoDataset } from '../../graph/demo-data';
import type { SubgraphDefinition } from '../../shared/subgraph/definition';
import type { PermissionsContext } from './context';
import { PartnerGrantEntity, PERMISSIONS_ENTITIES } from './entities';
import { setUpServiceAccount } from './access';
import { partnerAccessHandlers } from './handlers/partner-access';
import { userHandlers } from './handlers/users';
import { personHandlers } from './handlers/persons';
import { createLoaders } from './loaders';
import { PERMISSIONS_FACTS, PERMISSIONS_MIGRATIONS } from './migrations';
import { factEntities, factHandlers } from '../../shared/subgraph/facts';
import { permissionsFacts } from './facts';
import { resolvers } from './resolvers';
import { seedPermissions } from './seed';
import { createPredefinedUserTypes } from './user-types';

export const permissions: SubgraphDefinition<PermissionsContext, unknown, DemoDataset> = {
  directory: __dirname,
  resolvers,
  entities: [...PERMISSIONS_ENTITIES, ...factEntities(PERMISSIONS_FACTS)],
  migrations: PERMISSIONS_MIGRATIONS,
  buildContext: (base, db) => ({ ...base, db, loaders: createLoaders(db) }),
  facts: permissionsFacts,
  eventHandlers: {
    ...partnerAccessHandlers,
    ...userHandlers,
    ...personHandlers,
    ...factHandlers(PERMISSIONS_FACTS),
    ClientCreated: async (manager, payload) => {
      await createPredefinedUserTypes(manager, payload.clientId, new Date(payload.createdAt));
      // The partner that creates a client manages it: full access (no wallet) until the client changes it.
      if (
        payload.partnerId &&
        !(await manager.existsBy(PartnerGrantEntity, { clientId: payload.clientId, partnerId: payload.partnerId }))
      ) {
        await manager.insert(PartnerGrantEntity, {
          clientId: payload.clientId,
          partnerId: payload.partnerId,
          level: 'FULL',
          products: [],
          includeWallet: false,
          status: 'ACTIVE',
          updatedAt: new Date(payload.createdAt),
        });
      }
    },
    ServiceAccountCreated: (manager, payload, event, now) => setUpServiceAccount(manager, payload, event.eventId, now),
  },
  seed: seedPermissions,
};
