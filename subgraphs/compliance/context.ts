import type { DataSource } from 'typeorm';
import type { Clock } from '../../shared/runtime/clock';
import type { BaseContext } from '../../shared/subgraph/context';
import type { ComplianceLoaders } from './loaders';
import type { PeerAccess } from './requests';

export interface ComplianceServices extends PeerAccess {
  /** The service's clock: the sweep and data-subject requests read it as they go. */
  clock: Clock;
}

export interface ComplianceContext extends BaseContext {
  db: DataSource;
  loaders: ComplianceLoaders;
  services: ComplianceServices;
}
