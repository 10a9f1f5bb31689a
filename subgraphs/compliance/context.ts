import type { DataSource } from 'typeorm';
import type { BaseContext } from '../../shared/subgraph-server';
import type { ComplianceLoaders } from './loaders';

export interface ComplianceContext extends BaseContext {
  db: DataSource;
  loaders: ComplianceLoaders;
}
