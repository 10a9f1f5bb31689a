import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { rowsByColumn, rowsById } from '../../shared/data/loaders';
import {
  AccountEntity,
  ClientEmailDomainEntity,
  ClientEntity,
  ClientIntegrationEntity,
  ClientProductEntity,
  CompanyProfileEntity,
  PartnerEntity,
  PartnerGrantEntity,
  PartnerInvitationEntity,
  ProjectEntity,
  ProjectParticipantEntity,
  ProjectPartyEntity,
} from './entities';

export type OrganizationRow = (PartnerEntity & { __typename: 'Partner' }) | (ClientEntity & { __typename: 'Client' });

export function createLoaders(db: DataSource) {
  const partners = rowsById(db.getRepository(PartnerEntity));
  const clients = rowsById(db.getRepository(ClientEntity));
  return {
    partner: partners,
    client: clients,
    account: rowsById(db.getRepository(AccountEntity)),
    accountsOfClient: rowsByColumn(db.getRepository(AccountEntity), 'clientId', { name: 'ASC' }),
    profile: new DataLoader<string, CompanyProfileEntity | null>(async (clientIds) => {
      const rows = await db.getRepository(CompanyProfileEntity).findBy({ clientId: In([...clientIds]) });
      return clientIds.map((id) => rows.find((row) => row.clientId === id) ?? null);
    }),
    domainsOfClient: rowsByColumn(db.getRepository(ClientEmailDomainEntity), 'clientId', { domain: 'ASC' }),
    integrationsOfClient: rowsByColumn(db.getRepository(ClientIntegrationEntity), 'clientId', { provider: 'ASC' }),
    productsOfClient: rowsByColumn(db.getRepository(ClientProductEntity), 'clientId', { product: 'ASC' }),
    project: rowsById(db.getRepository(ProjectEntity)),
    projectsOfClient: rowsByColumn(db.getRepository(ProjectEntity), 'clientId', { name: 'ASC' }),
    partiesOfProject: rowsByColumn(db.getRepository(ProjectPartyEntity), 'projectId', { organizationId: 'ASC' }),
    participantsOfProject: rowsByColumn(db.getRepository(ProjectParticipantEntity), 'projectId', { joinedAt: 'ASC' }),
    grantsOfClient: rowsByColumn(db.getRepository(PartnerGrantEntity), 'clientId', { grantedAt: 'ASC' }),
    invitationsOfClient: rowsByColumn(db.getRepository(PartnerInvitationEntity), 'clientId', { createdAt: 'DESC' }),
    invitationsOfPartner: rowsByColumn(db.getRepository(PartnerInvitationEntity), 'partnerId', { createdAt: 'DESC' }),
    /** Organisations are partners or clients; ids are UUIDs, unique across both tables. */
    organization: new DataLoader<string, OrganizationRow | null>(async (ids) => {
      const [partnerRows, clientRows] = await Promise.all([
        db.getRepository(PartnerEntity).findBy({ id: In([...ids]) }),
        db.getRepository(ClientEntity).findBy({ id: In([...ids]) }),
      ]);
      const byId = new Map<string, OrganizationRow>();
      for (const row of partnerRows) byId.set(row.id, { ...row, __typename: 'Partner' });
      for (const row of clientRows) byId.set(row.id, { ...row, __typename: 'Client' });
      for (const row of partnerRows) partners.prime(row.id, row);
      for (const row of clientRows) clients.prime(row.id, row);
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}

export type TenancyLoaders = ReturnType<typeof createLoaders>;
