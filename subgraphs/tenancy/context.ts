import type { DataSource } from 'typeorm';
import type { BaseContext } from '../../shared/subgraph/context';
import type { CodeCipher } from './integrations';
import type { TenancyLoaders } from './loaders';

/** What lives as long as the process: built once by the definition's setup(). */
export interface TenancyServices {
  cipher: CodeCipher;
  /** Days until a partner invitation expires (PARTNER_INVITATION_TTL_DAYS). */
  invitationTtlDays: number;
}

/**
 * The resolver context. Resolvers read through `loaders` (bound to the caller's `access`) and change
 * through the use cases, which take the whole context; only use cases and loaders touch `db`.
 */
export interface TenancyContext extends BaseContext {
  db: DataSource;
  loaders: TenancyLoaders;
  services: TenancyServices;
}
