import type { DataSource } from 'typeorm';
import type { BaseContext } from '../../shared/subgraph/context';
import type { AuthServices } from './auth';
import type { LifecycleLoaders, LifecycleServices } from './lifecycle';
import type { IdentityLoaders } from './loaders';

export interface IdentityServices {
  auth: AuthServices;
  lifecycle: LifecycleServices;
}

export interface IdentityContext extends BaseContext {
  db: DataSource;
  loaders: IdentityLoaders & LifecycleLoaders;
  services: IdentityServices;
}
