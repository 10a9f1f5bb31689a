import type { SubgraphName } from './config';
import type { SubgraphDefinition } from './subgraph-runtime';
import type { BaseContext } from './subgraph-server';
import { compliance } from '../subgraphs/compliance/server';
import { identity } from '../subgraphs/identity/server';
import { permissions } from '../subgraphs/permissions/server';
import { tenancy } from '../subgraphs/tenancy/server';

/** Every subgraph by name, for tooling (migrate, tests) that works on all of them. */
export const DEFINITIONS = { identity, tenancy, permissions, compliance } as unknown as Record<SubgraphName, SubgraphDefinition<BaseContext>>;
