// Copies the non-TypeScript files the services read at run time next to their compiled code.
import fs from 'node:fs';
import path from 'node:path';

const copies = [
  ['gateway/supergraph.graphql', 'dist/gateway/supergraph.graphql'],
  ['shared/auth/authz-directives.graphql', 'dist/shared/auth/authz-directives.graphql'],
  ...['identity', 'tenancy', 'permissions', 'compliance'].map((name) => [
    `subgraphs/${name}/schema.graphql`,
    `dist/subgraphs/${name}/schema.graphql`,
  ]),
];
for (const [from, to] of copies) {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(from, to);
}
