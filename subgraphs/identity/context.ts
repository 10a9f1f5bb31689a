import type { DataSource } from 'typeorm';
import type { BaseContext } from '../../shared/subgraph-server';
import type { IdentityLoaders } from './loaders';

export interface IdentityContext extends BaseContext {
  db: DataSource;
  loaders: IdentityLoaders;
}
