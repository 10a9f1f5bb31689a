import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import type { AccessFacts, AccountFact } from '../../shared/auth/access';
import type { GrantFact } from '../../shared/auth/grants';
import { AccountEntity, PartnerGrantEntity } from './entities';

/**
 * Tenancy owns the partner grants and the accounts tree: its access decisions read its own tables
 * (the other subgraphs read copies of the same facts), batched per request.
 */
export function tenancyFacts(db: DataSource): AccessFacts {
  const grants = new DataLoader<string, GrantFact | null>(async (keys) => {
    const pairs = keys.map((key) => key.split('|') as [string, string]);
    const rows = await db
      .getRepository(PartnerGrantEntity)
      .find({ where: pairs.map(([partnerId, clientId]) => ({ partnerId, clientId })) });
    const byKey = new Map(rows.map((row) => [`${row.partnerId}|${row.clientId}`, row]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
  const accounts = new DataLoader<string, AccountFact[]>(async (clientIds) => {
    const rows = await db.getRepository(AccountEntity).findBy({ clientId: In([...clientIds]) });
    return clientIds.map((clientId) => rows.filter((row) => row.clientId === clientId));
  });
  return {
    grant: (partnerId, clientId) => grants.load(`${partnerId}|${clientId}`),
    accountsOf: (clientId) => accounts.load(clientId),
  };
}
