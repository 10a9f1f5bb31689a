import type { GraphQLResolverMap } from '../../shared/resolver-map';
import { DateTimeScalar } from '../../shared/scalars';
import { forbidden } from '../../shared/errors';
import type { Principal } from '../../shared/principal';
import { mayReadOrganization, readableClients, visibleAccounts } from './access';
import { dnsLabel } from '../../shared/validation';
import type { TenancyContext } from './context';
import { createClient, listClients, type ClientFilter } from './clients';
import { ClientEntity, type AccountEntity, type PartnerEntity } from './entities';
import type { OrganizationRow } from './loaders';

type Ref = { id: string };

/** Explicit lookups of something out of reach are refused; references from other subgraphs resolve to null. */
function readable<T extends { id: string }>(principal: Principal, row: T | null): T | null {
  if (row && !mayReadOrganization(principal, row.id)) throw forbidden('You cannot see this organisation');
  return row;
}
const visible = <T extends { id: string }>(principal: Principal, row: T | null): T | null => (row && mayReadOrganization(principal, row.id) ? row : null);

export const resolvers: GraphQLResolverMap<TenancyContext> = {
  DateTime: DateTimeScalar,
  Query: {
    client: async (_: unknown, { id }: Ref, { loaders, principal }: TenancyContext) => readable(principal, await loaders.client.load(id)),
    clientBySubdomain: async (_: unknown, { subdomain }: { subdomain: string }, { db, principal }: TenancyContext) => {
      const parsed = dnsLabel.safeParse(subdomain);
      return parsed.success ? readable(principal, await db.getRepository(ClientEntity).findOneBy({ subdomain: parsed.data })) : null;
    },
    clients: (_: unknown, args: { filter?: ClientFilter; first?: number; after?: string }, { db, principal }: TenancyContext) =>
      listClients(db, readableClients(principal), args.filter, args.first, args.after),
    partner: async (_: unknown, { id }: Ref, { loaders, principal }: TenancyContext) => readable(principal, await loaders.partner.load(id)),
    organization: async (_: unknown, { id }: Ref, { loaders, principal }: TenancyContext) => readable(principal, await loaders.organization.load(id)),
  },
  Mutation: {
    createClient: (_: unknown, args: { name: string; subdomain: string; partnerId?: string }, { db, principal }: TenancyContext) => createClient(db, principal, args),
  },
  Organization: {
    __resolveType: (organization: OrganizationRow) => organization.__typename,
  },
  Partner: {
    __resolveReference: async (ref: Ref, { loaders, principal }: TenancyContext) => visible(principal, await loaders.partner.load(ref.id)),
    clients: (partner: PartnerEntity, args: { first?: number; after?: string }, { db, principal }: TenancyContext) =>
      listClients(db, readableClients(principal), { partnerId: partner.id }, args.first, args.after),
  },
  Client: {
    __resolveReference: async (ref: Ref, { loaders, principal }: TenancyContext) => visible(principal, await loaders.client.load(ref.id)),
    partner: async (client: ClientEntity, _: unknown, { loaders, principal }: TenancyContext) => (client.partnerId ? visible(principal, await loaders.partner.load(client.partnerId)) : null),
    masterAccount: async (client: ClientEntity, _: unknown, { loaders, principal }: TenancyContext) =>
      visibleAccounts(principal, client.id, await loaders.accountsOfClient.load(client.id)).find((account) => account.parentId === null) ?? null,
    accounts: async (client: ClientEntity, _: unknown, { loaders, principal }: TenancyContext) => {
      const accounts = visibleAccounts(principal, client.id, await loaders.accountsOfClient.load(client.id));
      return [...accounts.filter((a) => a.parentId === null), ...accounts.filter((a) => a.parentId !== null)];
    },
  },
  Account: {
    __resolveReference: async (ref: Ref, { loaders, principal }: TenancyContext) => {
      const account = await loaders.account.load(ref.id);
      if (!account) return null;
      return visibleAccounts(principal, account.clientId, await loaders.accountsOfClient.load(account.clientId)).some((a) => a.id === account.id) ? account : null;
    },
    isMaster: (account: AccountEntity) => account.parentId === null,
    client: (account: AccountEntity, _: unknown, { loaders }: TenancyContext) => loaders.client.load(account.clientId),
    parent: (account: AccountEntity, _: unknown, { loaders }: TenancyContext) => (account.parentId ? loaders.account.load(account.parentId) : null),
    children: async (account: AccountEntity, _: unknown, { loaders, principal }: TenancyContext) =>
      visibleAccounts(principal, account.clientId, await loaders.accountsOfClient.load(account.clientId)).filter((child) => child.parentId === account.id),
  },
};

