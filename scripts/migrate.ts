/**
 * `npm run migrate [subgraph...]`: applies pending migrations to each subgraph's database, from the
 * same <NAME>_DATABASE_URL settings the services read. Services also migrate on start.
 */
import path from 'node:path';
import { SUBGRAPH_NAMES, type SubgraphName } from '../shared/runtime/config';
import { openDatabase, runMigrationsAtomically } from '../shared/data/database';
import { parseDatabaseUrl } from '../shared/data/database';
import { DEFINITIONS } from '../graph/definitions';

async function main(): Promise<void> {
  const requested = process.argv.slice(2);
  const unknown = requested.filter((name) => !(SUBGRAPH_NAMES as readonly string[]).includes(name));
  if (unknown.length > 0)
    throw new Error(`Unknown subgraph(s): ${unknown.join(', ')} (expected ${SUBGRAPH_NAMES.join(', ')})`);
  const names = (requested.length > 0 ? requested : SUBGRAPH_NAMES) as SubgraphName[];
  const dataDir = path.resolve(process.env.DATA_DIR ?? 'data');
  for (const name of names) {
    const variable = `${name.toUpperCase()}_DATABASE_URL`;
    const settings = parseDatabaseUrl(variable, process.env[variable], path.join(dataDir, `${name}.sqlite`));
    const { dataSource } = await openDatabase({
      settings,
      entities: DEFINITIONS[name].entities,
      migrations: DEFINITIONS[name].migrations,
      migrate: false,
    });
    try {
      const applied = await runMigrationsAtomically(dataSource);
      console.log(`${name}: ${applied.length === 0 ? 'up to date' : `applied ${applied.join(', ')}`}`);
    } finally {
      await dataSource.destroy();
    }
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
