import { buildDataset } from '../../graph/demo-data';
import { runSubgraphMain } from '../../shared/subgraph/definition';
import { compliance } from './server';

// SEED_DEMO_DATA writes the graph's demo data set, which lives where the graph is assembled.
runSubgraphMain('compliance', compliance, { demoData: () => buildDataset() });
