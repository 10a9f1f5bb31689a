import type { DataSource } from 'typeorm';
import type { BaseContext } from '../../shared/subgraph/context';
import type { PermissionsLoaders } from './loaders';

export interface PermissionsContext extends BaseContext {
  db: DataSource;
  loaders: PermissionsLoaders;
}
