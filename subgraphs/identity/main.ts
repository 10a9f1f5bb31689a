import { runSubgraphMain } from '../../shared/subgraph-runtime';
import { identity } from './server';

runSubgraphMain('identity', identity);
