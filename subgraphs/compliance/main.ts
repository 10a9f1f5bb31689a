import { runSubgraphMain } from '../../shared/subgraph/definition';
import { compliance } from './server';

runSubgraphMain('compliance', compliance);
