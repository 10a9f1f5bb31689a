import type { DataSource } from 'typeorm';
import { inTransaction } from '../../shared/data/database';
import { demoFacts, type DemoDataset } from '../../graph/demo-data';
import { writeFacts } from '../../shared/subgraph/facts';
import { publish } from '../../shared/events/outbox';
import { emptyProfile } from './profile';
import {
  AccountEntity,
  ClientEmailDomainEntity,
  ClientEntity,
  ClientProductEntity,
  CompanyProfileEntity,
  PartnerEntity,
  PartnerGrantEntity,
  ProjectEntity,
  ProjectParticipantEntity,
  ProjectPartyEntity,
} from './entities';

/**
 * Writes partners, clients, accounts, company profiles (corporate domain = the client's email domain,
 * the client admin as legal representative), products, projects with their participants, and the
 * partner grants the dataset defines (permissions seeds the same grants), and tenancy's copy of the
 * people. Publishes ClientCreated and ProjectJoined so other subgraphs follow.
 */
export async function seedTenancy(db: DataSource, dataset: DemoDataset, now: Date): Promise<void> {
  if ((await db.getRepository(PartnerEntity).count()) > 0) return;
  await inTransaction(db, async (manager) => {
    await writeFacts(manager, { people: demoFacts(dataset).people }, now);
    await manager.insert(
      PartnerEntity,
      dataset.partners.map(({ id, name, createdAt, isOperator }) => ({ id, name, createdAt, isOperator })),
    );
    for (const client of dataset.clients) {
      await manager.insert(ClientEntity, {
        id: client.id,
        partnerId: client.partnerId,
        name: client.name,
        subdomain: client.subdomain,
        status: 'ACTIVE',
        createdAt: client.createdAt,
      });
      await manager.insert(
        AccountEntity,
        client.accounts.map((account) => ({ ...account, clientId: client.id, createdAt: client.createdAt })),
      );
      await publish(
        manager,
        'ClientCreated',
        {
          clientId: client.id,
          partnerId: client.partnerId,
          name: client.name,
          createdAt: client.createdAt.toISOString(),
        },
        now,
      );
      await manager.insert(CompanyProfileEntity, {
        ...emptyProfile(client.id, client.createdAt),
        legalName: `${client.name} Ltd.`,
        country: 'DE',
        size: 'SIZE_51_200',
        selfEnrollment: client.selfEnrollment,
        legalRepresentativeId: client.legalRepresentativeId,
      });
      await manager.insert(ClientEmailDomainEntity, { domain: client.emailDomain, clientId: client.id });
      if (client.products.length)
        await manager.insert(
          ClientProductEntity,
          client.products.map((product) => ({ clientId: client.id, product })),
        );
      for (const project of client.projects) {
        await manager.insert(ProjectEntity, {
          id: project.id,
          clientId: client.id,
          accountId: project.accountId,
          name: project.name,
          createdAt: client.createdAt,
          createdBy: null,
        });
        await manager.insert(ProjectPartyEntity, { projectId: project.id, organizationId: client.id });
        for (const userId of project.participantIds) {
          const joinedAt = new Date(client.createdAt.getTime() + 86_400_000);
          await manager.insert(ProjectParticipantEntity, { projectId: project.id, userId, joinedAt, addedBy: null });
          await publish(
            manager,
            'ProjectJoined',
            { projectId: project.id, clientId: client.id, userId, joinedAt: joinedAt.toISOString() },
            now,
          );
        }
      }
    }
    const grantedAt = new Map(dataset.clients.map((client) => [client.id, client.createdAt]));
    if (dataset.grants.length) {
      await manager.insert(
        PartnerGrantEntity,
        dataset.grants.map((grant) => ({
          ...grant,
          status: 'ACTIVE' as const,
          invitationId: null,
          grantedAt: grantedAt.get(grant.clientId) ?? now,
          cancelledAt: null,
          cancelledBy: null,
        })),
      );
    }
  });
}
