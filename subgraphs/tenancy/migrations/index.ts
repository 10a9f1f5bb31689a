import { CreateOutbox1732300000000 } from '../../../shared/events/migrations/outbox';
import { CreateTenancy1732300000100 } from './1732300000100-CreateTenancy';
import { PeopleAndTenants1732300000120 } from './1732300000120-PeopleAndTenants';
import { factMigrations } from '../../../shared/subgraph/facts';

/** The access facts tenancy keeps a copy of: people (identity owns them). */
export const TENANCY_FACTS = ['people'] as const;

/** In order of application; never edit one that has shipped, add a new one. */
export const TENANCY_MIGRATIONS = [
  CreateOutbox1732300000000,
  CreateTenancy1732300000100,
  PeopleAndTenants1732300000120,
  ...factMigrations(TENANCY_FACTS),
];
