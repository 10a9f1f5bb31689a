import type { SubgraphName } from '../shared/runtime/config';
import type { SubgraphDefinition } from '../shared/subgraph/definition';
import type { BaseContext } from '../shared/subgraph/context';
import { compliance } from '../subgraphs/compliance/server';
import { identity } from '../subgraphs/identity/server';
import { permissions } from '../subgraphs/permissions/server';
import { tenancy } from '../subgraphs/tenancy/server';
import type { DemoDataset } from './demo-data';

/** Every subgraph by name, for tooling (migrate, tests) that works on all of them. */
export const DEFINITIONS = { identity, tenancy, permissions, compliance } as unknown as Record<
  SubgraphName,
  SubgraphDefinition<BaseContext, unknown, DemoDataset>
>;
