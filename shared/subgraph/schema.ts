import fs from 'node:fs';
import path from 'node:path';

/**
 * The authorization directives every subgraph links (shared/auth/authz-directives.graphql; the build
 * copies it to the same place under dist/).
 */
export const DIRECTIVES_FILE = path.join(__dirname, '..', 'auth', 'authz-directives.graphql');

/** A subgraph's SDL: its own schema.graphql plus the shared directive definitions. */
export function loadSubgraphSchema(directory: string): string {
  return `${fs.readFileSync(path.join(directory, 'schema.graphql'), 'utf8')}\n${fs.readFileSync(DIRECTIVES_FILE, 'utf8')}`;
}
