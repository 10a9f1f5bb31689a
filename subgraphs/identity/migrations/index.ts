import { CreateOutbox1732300000000 } from '../../../shared/events/migrations/outbox';
import { CreateIdentity1732300000200 } from './1732300000200-CreateIdentity';
import { CreateSessions1732300000210 } from './1732300000210-CreateSessions';
import { CreateUsageRollups1732300000220 } from './1732300000220-CreateUsageRollups';
import { UserLifecycle1732300000230 } from './1732300000230-UserLifecycle';
import { SoftDeletion1732300000240 } from './1732300000240-SoftDeletion';
import { GrantBoundServiceAccounts1764000000200 } from './1764000000200-GrantBoundServiceAccounts';
import { PersonTier1764000000210 } from './1764000000210-PersonTier';
import { InvitationPartner1764000000220 } from './1764000000220-InvitationPartner';
import { factMigrations } from '../../../shared/subgraph/facts';

/** The access facts identity keeps copies of: partner grants and the accounts tree (tenancy owns both). */
export const IDENTITY_FACTS = ['grants', 'accounts'] as const;

/** In order of application; never edit one that has shipped, add a new one. */
export const IDENTITY_MIGRATIONS = [
  CreateOutbox1732300000000,
  CreateIdentity1732300000200,
  CreateSessions1732300000210,
  CreateUsageRollups1732300000220,
  UserLifecycle1732300000230,
  SoftDeletion1732300000240,
  ...factMigrations(IDENTITY_FACTS),
  GrantBoundServiceAccounts1764000000200,
  PersonTier1764000000210,
  InvitationPartner1764000000220,
];
