import { runSubgraphMain } from '../../shared/subgraph-runtime';
import { tenancy } from './server';

runSubgraphMain('tenancy', tenancy);
