import type { DataSource } from 'typeorm';
import type { InternalTokens } from '../../shared/auth/internal-token';
import type { Clock } from '../../shared/runtime/clock';
import type { SubgraphName } from '../../shared/runtime/config';
import type { BaseContext } from '../../shared/subgraph/context';
import type { ComplianceLoaders } from './loaders';

/** How compliance asks the other subgraphs what they hold on a person (exports, erasure). */
export interface PeerAccess {
  tokens: InternalTokens;
  peers: Record<SubgraphName, string>;
}

export interface ComplianceServices extends PeerAccess {
  /** The service's clock: the sweep and data-subject requests read it as they go. */
  clock: Clock;
}

export interface ComplianceContext extends BaseContext {
  db: DataSource;
  /** Every read, bound to the caller's access (loaders.ts). */
  loaders: ComplianceLoaders;
  services: ComplianceServices;
}
