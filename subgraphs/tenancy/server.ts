import { envInt } from '../../shared/runtime/config';
import type { DemoDataset } from '../../graph/demo-data';
import type { SubgraphDefinition } from '../../shared/subgraph/definition';
import type { TenancyContext, TenancyServices } from './context';
import { TENANCY_ENTITIES } from './entities';
import { CodeCipher, loadIntegrationKey } from './integrations';
import { createLoaders } from './loaders';
import { TENANCY_FACTS, TENANCY_MIGRATIONS } from './migrations';
import { factEntities, factHandlers } from '../../shared/subgraph/facts';
import { tenancyFacts } from './facts';
import { DEFAULT_INVITATION_TTL_DAYS } from './partner-access';
import { resolvers } from './resolvers';
import { seedTenancy } from './seed';
import { privacyHandlers } from './privacy';

export const tenancy: SubgraphDefinition<TenancyContext, TenancyServices, DemoDataset> = {
  directory: __dirname,
  resolvers,
  entities: [...TENANCY_ENTITIES, ...factEntities(TENANCY_FACTS)],
  migrations: TENANCY_MIGRATIONS,
  async setup({ config }) {
    return {
      cipher: new CodeCipher(loadIntegrationKey(config.env, config.dataDir)),
      invitationTtlDays: envInt(config.env, 'PARTNER_INVITATION_TTL_DAYS', DEFAULT_INVITATION_TTL_DAYS, {
        min: 1,
        max: 365,
      }),
    };
  },
  buildContext: (base, db, services) => ({ ...base, db, services, loaders: createLoaders(db) }),
  eventHandlers: { ...privacyHandlers, ...factHandlers(TENANCY_FACTS) },
  facts: tenancyFacts,
  seed: seedTenancy,
};
