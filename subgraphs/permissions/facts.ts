import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { AccessFacts } from '../../shared/auth/access';
import type { GrantFact } from '../../shared/auth/grants';
import { accountsLoader } from '../../shared/subgraph/facts';
import { PartnerGrantEntity } from './entities';

/** Permissions reads partner grants from its own copy (partner_grants) and the accounts tree from access_accounts. */
export function permissionsFacts(db: DataSource): AccessFacts {
  const grants = new DataLoader<string, GrantFact | null>(async (keys) => {
    const pairs = keys.map((key) => key.split('|') as [string, string]);
    const rows = await db
      .getRepository(PartnerGrantEntity)
      .find({ where: pairs.map(([partnerId, clientId]) => ({ partnerId, clientId })) });
    const byKey = new Map(rows.map((row) => [`${row.partnerId}|${row.clientId}`, row]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
  const accounts = accountsLoader(db);
  return {
    grant: (partnerId, clientId) => grants.load(`${partnerId}|${clientId}`),
    accountsOf: (clientId) => accounts.load(clientId),
  };
}
