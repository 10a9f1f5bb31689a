/**
 * Seeds the benchmark's data folder once, through each subgraph's own seed code:
 * buildDataset({ partners: 2, clientsPerPartner, extraUsersPerClient }), with every partner grant
 * FULL (the demo makes one client per partner LIMITED, which would hide its usage and retention
 * policy from the partner admin). Users have sign-ins in the last weeks (relative to now), so the
 * usage figures are not zero. Writes internal-token.secret as `npm start` would.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { buildDataset } from '../../graph/demo-data';
import { openDatabase } from '../../shared/data/database';
import { OUTBOX_ENTITIES } from '../../shared/events/outbox';
import { DEFINITIONS } from '../../graph/definitions';
import { log, SUBGRAPHS, type Settings } from './lib';

export const MARKER = 'bench-seeded.json';
export const SECRET_FILE = 'internal-token.secret';

export async function seed(settings: Settings): Promise<string> {
  fs.mkdirSync(settings.dataDir, { recursive: true });
  const marker = path.join(settings.dataDir, MARKER);
  const wanted = {
    partners: 2,
    clientsPerPartner: settings.clientsPerPartner,
    extraUsersPerClient: settings.extraUsersPerClient,
  };
  if (fs.existsSync(marker)) {
    const existing = JSON.parse(fs.readFileSync(marker, 'utf8')) as typeof wanted;
    if (
      existing.clientsPerPartner === wanted.clientsPerPartner &&
      existing.extraUsersPerClient === wanted.extraUsersPerClient
    )
      return fs.readFileSync(marker, 'utf8').trim();
    log('the data folder holds another data set: seeding again');
  }
  // A data folder from an interrupted or different run: start over.
  for (const file of fs.readdirSync(settings.dataDir))
    fs.rmSync(path.join(settings.dataDir, file), { recursive: true, force: true });
  fs.writeFileSync(path.join(settings.dataDir, SECRET_FILE), randomBytes(32).toString('hex'), { mode: 0o600 });

  const dataset = buildDataset({ ...wanted, seedTime: new Date() });
  for (const grant of dataset.grants) {
    grant.level = 'FULL';
    grant.products = [];
  }
  const started = Date.now();
  for (const name of SUBGRAPHS) {
    const definition = DEFINITIONS[name];
    const database = await openDatabase({
      settings: { kind: 'sqlite', file: path.join(settings.dataDir, `${name}.sqlite`) },
      entities: [...(definition.entities as unknown[]), ...OUTBOX_ENTITIES] as typeof definition.entities,
      migrations: definition.migrations,
    });
    try {
      await definition.seed?.(database.dataSource, dataset, new Date());
    } finally {
      await database.dataSource.destroy();
    }
    log(`seeded ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
  const summary = JSON.stringify({
    ...wanted,
    clients: dataset.clients.length,
    users: dataset.users.length,
    logins: dataset.users.reduce((sum, user) => sum + user.loginDaysAgo.length, 0),
    seededAt: new Date().toISOString(),
  });
  fs.writeFileSync(marker, `${summary}\n`);
  return summary;
}
