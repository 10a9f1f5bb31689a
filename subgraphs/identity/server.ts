import type { SubgraphDefinition } from '../../shared/subgraph-runtime';
import type { IdentityContext } from './context';
import { IDENTITY_ENTITIES } from './entities';
import { createLoaders } from './loaders';
import { IDENTITY_MIGRATIONS } from './migrations';
import { resolvers } from './resolvers';
import { seedIdentity } from './seed';

export const identity: SubgraphDefinition<IdentityContext> = {
  directory: __dirname,
  resolvers,
  entities: IDENTITY_ENTITIES,
  migrations: IDENTITY_MIGRATIONS,
  buildContext: (base, db) => ({ ...base, db, loaders: createLoaders(db) }),
  seed: (db, dataset) => seedIdentity(db, dataset),
};
