import type { DataSource } from 'typeorm';
import { inTransaction } from '../../shared/database';
import type { DemoDataset } from '../../shared/demo-data';
import { publish } from '../../shared/outbox';
import { AccountEntity, ClientEntity, PartnerEntity } from './entities';

/** Writes partners, clients and accounts; publishes ClientCreated so other subgraphs follow. */
export async function seedTenancy(db: DataSource, dataset: DemoDataset): Promise<void> {
  if ((await db.getRepository(PartnerEntity).count()) > 0) return;
  await inTransaction(db, async (manager) => {
    await manager.insert(PartnerEntity, dataset.partners.map(({ id, name, createdAt, isOperator }) => ({ id, name, createdAt, isOperator })));
    for (const client of dataset.clients) {
      await manager.insert(ClientEntity, { id: client.id, partnerId: client.partnerId, name: client.name, subdomain: client.subdomain, status: 'ACTIVE', createdAt: client.createdAt });
      await manager.insert(AccountEntity, client.accounts.map((account) => ({ ...account, clientId: client.id, createdAt: client.createdAt })));
      await publish(manager, 'ClientCreated', { clientId: client.id, partnerId: client.partnerId, name: client.name, createdAt: client.createdAt.toISOString() });
    }
  });
}
