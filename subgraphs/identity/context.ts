import type { DataSource } from 'typeorm';
import type { BaseContext } from '../../shared/subgraph-server';
import type { AuthServices } from './auth';
import type { IdentityLoaders } from './loaders';

export interface IdentityServices {
  auth: AuthServices;
}

export interface IdentityContext extends BaseContext {
  db: DataSource;
  loaders: IdentityLoaders;
  services: IdentityServices;
}
