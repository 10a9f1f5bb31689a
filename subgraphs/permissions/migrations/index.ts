import { CreateOutbox1732300000000 } from '../../../shared/events/migrations/outbox';
import { CreatePermissions1732300000300 } from './1732300000300-CreatePermissions';
import { OverridesAndGrants1732300000310 } from './1732300000310-OverridesAndGrants';
import { factMigrations } from '../../../shared/subgraph/facts';

/**
 * The access facts permissions keeps copies of: the accounts tree and people. Its copy of the partner
 * grants predates the others' and stays in partner_grants (entities.ts).
 */
export const PERMISSIONS_FACTS = ['accounts', 'people'] as const;

/** In order of application; never edit one that has shipped, add a new one. */
export const PERMISSIONS_MIGRATIONS = [
  CreateOutbox1732300000000,
  CreatePermissions1732300000300,
  OverridesAndGrants1732300000310,
  ...factMigrations(PERMISSIONS_FACTS),
];
