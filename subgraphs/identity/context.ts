import type { DataSource } from 'typeorm';
import type { BaseContext, Ref } from '../../shared/subgraph/context';
import type { EventServices } from './events';
import type { IdentityLoaders } from './loaders';
import type { AuthServices } from './sessions';

/** What setup() builds once per process: token signing, mail, and calls to permissions. */
export interface IdentityServices extends EventServices {
  auth: AuthServices;
}

/** A partner or client, which identity knows only by id (tenancy holds the rest); the type name tells which. */
export interface OrganizationRef extends Ref {
  __typename: 'Partner' | 'Client';
}

/** Identity's resolver context: resolvers read through `loaders` and change through use cases. */
export interface IdentityContext extends BaseContext {
  db: DataSource;
  loaders: IdentityLoaders;
  services: IdentityServices;
}
