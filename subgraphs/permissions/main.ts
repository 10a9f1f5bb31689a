import { runSubgraphMain } from '../../shared/subgraph-runtime';
import { permissions } from './server';

runSubgraphMain('permissions', permissions);
