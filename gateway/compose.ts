import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { DEFAULT_PORTS, SUBGRAPH_NAMES } from '../shared/runtime/config';
import { loadSubgraphSchema } from '../shared/subgraph/schema';

const ROOT = path.resolve(__dirname, '..');
/** Next to this file: gateway/ in the source tree, dist/gateway/ once built (the build copies it). */
export const SUPERGRAPH_FILE = path.join(__dirname, 'supergraph.graphql');

/**
 * Composes the four subgraph schema files into the supergraph SDL. The URLs written into it are the
 * `npm start` defaults; the gateway replaces them with its configured ones at run time.
 */
export function composeSupergraph(): string {
  const result = composeServices(
    SUBGRAPH_NAMES.map((name) => ({
      name,
      url: `http://127.0.0.1:${DEFAULT_PORTS[name]}/graphql`,
      typeDefs: parse(loadSubgraphSchema(path.join(ROOT, 'subgraphs', name))),
    })),
  );
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((error) => `- ${error.message}`).join('\n')}`);
  }
  return `${result.supergraphSdl.trim()}\n`;
}
