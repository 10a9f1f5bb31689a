import type { GraphQLResolverMap } from '@apollo/subgraph';
import { DateTimeScalar } from '../../shared/scalars';
import { notFound } from '../../shared/errors';
import { dnsLabel } from '../../shared/validation';
import type { TenancyContext } from './context';
import { createClient, listClients, type ClientFilter } from './clients';
import { ClientEntity, type AccountEntity, type PartnerEntity } from './entities';
import type { OrganizationRow } from './loaders';

type Ref = { id: string };

export const resolvers: GraphQLResolverMap<TenancyContext> = {
  DateTime: DateTimeScalar,
  Query: {
    client: (_: unknown, { id }: Ref, { loaders }: TenancyContext) => loaders.client.load(id),
    clientBySubdomain: async (_: unknown, { subdomain }: { subdomain: string }, { db }: TenancyContext) => {
      const parsed = dnsLabel.safeParse(subdomain);
      return parsed.success ? db.getRepository(ClientEntity).findOneBy({ subdomain: parsed.data }) : null;
    },
    clients: (_: unknown, args: { filter?: ClientFilter; first?: number; after?: string }, { db }: TenancyContext) =>
      listClients(db, args.filter, args.first, args.after),
    partner: (_: unknown, { id }: Ref, { loaders }: TenancyContext) => loaders.partner.load(id),
    organization: (_: unknown, { id }: Ref, { loaders }: TenancyContext) => loaders.organization.load(id),
  },
  Mutation: {
    createClient: (_: unknown, args: { name: string; subdomain: string; partnerId?: string }, { db }: TenancyContext) => createClient(db, args),
  },
  Organization: {
    __resolveType: (organization: OrganizationRow) => organization.__typename,
  },
  Partner: {
    __resolveReference: (ref: Ref, { loaders }: TenancyContext) => loaders.partner.load(ref.id),
    clients: (partner: PartnerEntity, args: { first?: number; after?: string }, { db }: TenancyContext) =>
      listClients(db, { partnerId: partner.id }, args.first, args.after),
  },
  Client: {
    __resolveReference: (ref: Ref, { loaders }: TenancyContext) => loaders.client.load(ref.id),
    partner: (client: ClientEntity, _: unknown, { loaders }: TenancyContext) => (client.partnerId ? loaders.partner.load(client.partnerId) : null),
    masterAccount: async (client: ClientEntity, _: unknown, { loaders }: TenancyContext) => {
      const master = (await loaders.accountsOfClient.load(client.id)).find((account) => account.parentId === null);
      if (!master) throw notFound('Master account of client', client.id);
      return master;
    },
    accounts: async (client: ClientEntity, _: unknown, { loaders }: TenancyContext) => {
      const accounts = await loaders.accountsOfClient.load(client.id);
      return [...accounts.filter((a) => a.parentId === null), ...accounts.filter((a) => a.parentId !== null)];
    },
  },
  Account: {
    __resolveReference: (ref: Ref, { loaders }: TenancyContext) => loaders.account.load(ref.id),
    isMaster: (account: AccountEntity) => account.parentId === null,
    client: (account: AccountEntity, _: unknown, { loaders }: TenancyContext) => loaders.client.load(account.clientId),
    parent: (account: AccountEntity, _: unknown, { loaders }: TenancyContext) => (account.parentId ? loaders.account.load(account.parentId) : null),
    children: async (account: AccountEntity, _: unknown, { loaders }: TenancyContext) =>
      (await loaders.accountsOfClient.load(account.clientId)).filter((child) => child.parentId === account.id),
  },
};

