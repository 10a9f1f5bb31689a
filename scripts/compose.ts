/**
 * `npm run compose` writes gateway/supergraph.graphql from the subgraph schemas;
 * `npm run compose:check` fails when the checked-in file is stale.
 */
import fs from 'node:fs';
import { composeSupergraph, SUPERGRAPH_FILE } from '../gateway/compose';

const check = process.argv.includes('--check');
try {
  const sdl = composeSupergraph();
  const current = fs.existsSync(SUPERGRAPH_FILE) ? fs.readFileSync(SUPERGRAPH_FILE, 'utf8') : '';
  if (check) {
    if (current !== sdl) {
      console.error('gateway/supergraph.graphql is stale: run `npm run compose` and commit the result.');
      process.exit(1);
    }
    console.log('gateway/supergraph.graphql is current.');
  } else {
    fs.writeFileSync(SUPERGRAPH_FILE, sdl);
    console.log(`Wrote ${SUPERGRAPH_FILE}`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
