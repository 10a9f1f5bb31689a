import { envInt } from '../../shared/runtime/config';
import type { DemoDataset } from '../../graph/demo-data';
import type { SubgraphDefinition } from '../../shared/subgraph/definition';
import { factEntities } from '../../shared/subgraph/facts';
import type { TenancyContext, TenancyServices } from './context';
import { TENANCY_ENTITIES } from './entities';
import { tenancyEventHandlers } from './events';
import { CodeCipher, loadIntegrationKey } from './integrations';
import { createLoaders, tenancyFacts } from './loaders';
import { TENANCY_FACTS, TENANCY_MIGRATIONS } from './migrations';
import { DEFAULT_INVITATION_TTL_DAYS } from './partner-invitations';
import { resolvers } from './resolvers';
import { seedTenancy } from './seed';

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
  buildContext: (base, db, services) => ({ ...base, db, services, loaders: createLoaders(db, base.access, base.now) }),
  eventHandlers: tenancyEventHandlers,
  facts: tenancyFacts,
  seed: seedTenancy,
};
