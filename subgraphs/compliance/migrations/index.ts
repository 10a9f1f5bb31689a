import { CreateOutbox1732300000000 } from '../../../shared/events/migrations/outbox';
import { CreateCompliance1732300000400 } from './1732300000400-CreateCompliance';
import { CreateAuditLog1732300000410 } from './1732300000410-CreateAuditLog';
import { Retention1732300000420 } from './1732300000420-Retention';
import { factMigrations } from '../../../shared/subgraph/facts';

/** The access facts compliance keeps copies of: grants, the accounts tree (tenancy) and people (identity). */
export const COMPLIANCE_FACTS = ['grants', 'accounts', 'people'] as const;

/** In order of application; never edit one that has shipped, add a new one. */
export const COMPLIANCE_MIGRATIONS = [
  CreateOutbox1732300000000,
  CreateCompliance1732300000400,
  CreateAuditLog1732300000410,
  Retention1732300000420,
  ...factMigrations(COMPLIANCE_FACTS),
];
