import type { SubgraphDefinition } from '../../shared/subgraph-runtime';
import type { TenancyContext } from './context';
import { TENANCY_ENTITIES } from './entities';
import { createLoaders } from './loaders';
import { TENANCY_MIGRATIONS } from './migrations';
import { resolvers } from './resolvers';
import { seedTenancy } from './seed';

export const tenancy: SubgraphDefinition<TenancyContext> = {
  directory: __dirname,
  resolvers,
  entities: TENANCY_ENTITIES,
  migrations: TENANCY_MIGRATIONS,
  buildContext: (base, db) => ({ ...base, db, loaders: createLoaders(db) }),
  seed: seedTenancy,
};

