import { runSubgraphMain } from '../../shared/subgraph-runtime';
import { compliance } from './server';

runSubgraphMain('compliance', compliance);
