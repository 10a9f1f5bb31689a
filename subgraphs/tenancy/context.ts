import type { DataSource } from 'typeorm';
import type { BaseContext } from '../../shared/subgraph-server';
import type { TenancyLoaders } from './loaders';

export interface TenancyContext extends BaseContext {
  db: DataSource;
  loaders: TenancyLoaders;
}
