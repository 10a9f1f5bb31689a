import type { GraphQLResolverMap } from '../../shared/subgraph/resolver-map';
import type { Ref } from '../../shared/subgraph/context';
import { DateTimeScalar } from '../../shared/runtime/scalars';
import { forbidden, notFound } from '../../shared/runtime/errors';
import { can } from '../../shared/auth/guard';
import type { Principal } from '../../shared/auth/principal';
import { mayReadOrganization, readableClients, visibleAccounts } from './access';
import { dnsLabel } from '../../shared/runtime/validation';
import type { TenancyContext } from './context';
import { personalData } from './privacy';
import { requireSystem } from '../../shared/auth/guard';
import { createClient, listClients, setClientStatus, type ClientFilter } from './clients';
import {
  ClientEntity,
  type AccountEntity,
  type ClientIntegrationEntity,
  type CompanyProfileEntity,
  type PartnerEntity,
  type PartnerGrantEntity,
  type PartnerInvitationEntity,
  type ProjectEntity,
  type ProjectParticipantEntity,
} from './entities';
import type { OrganizationRow, TenancyLoaders } from './loaders';
import { completeness, setClientProducts, updateCompanyProfile } from './profile';
import { setIntegration } from './integrations';
import { createProject, joinProject, maySeeProject } from './projects';
import { createAccount, moveAccount, renameAccount } from './accounts';
import {
  actsForClient,
  actsForPartner,
  cancelPartnership,
  deletePartnerInvitation,
  invitationStatus,
  invitePartner,
  resendPartnerInvitation,
  respondToPartnerInvitation,
} from './partner-access';

/** Explicit lookups of something out of reach are refused; references from other subgraphs resolve to null. */
function readable<T extends { id: string }>(principal: Principal, row: T | null): T | null {
  if (row && !mayReadOrganization(principal, row.id)) throw forbidden('You cannot see this organisation');
  return row;
}
const visible = <T extends { id: string }>(principal: Principal, row: T | null): T | null =>
  row && mayReadOrganization(principal, row.id) ? row : null;

const upper = (products: string[]): string[] => products.map((product) => product.toUpperCase());

/** A project the caller may see, or null. */
async function visibleProject(
  loaders: TenancyLoaders,
  principal: Principal,
  project: ProjectEntity | null,
): Promise<ProjectEntity | null> {
  if (!project) return null;
  const parties = (await loaders.partiesOfProject.load(project.id)).map((row) => row.organizationId);
  return maySeeProject(principal, project, parties) ? project : null;
}

/** Only whether codes are set and when: the ciphertext never leaves tenancy. */
const integrationView = (row: ClientIntegrationEntity) => ({
  provider: row.provider,
  codesSet: row.codesCiphertext !== null,
  codesUpdatedAt: row.codesUpdatedAt,
});

/** A client's projects the caller may see, by name. */
async function projectsOf(loaders: TenancyLoaders, principal: Principal, clientId: string): Promise<ProjectEntity[]> {
  if (!can(principal, 'projects.read', clientId))
    throw forbidden('You need the projects.read permission in this client');
  const projects = await loaders.projectsOfClient.load(clientId);
  const seen = await Promise.all(projects.map((project) => visibleProject(loaders, principal, project)));
  return seen.filter((project): project is ProjectEntity => project !== null);
}

/** The client a mutation changed, re-read for its answer (the caller may have lost sight of it meanwhile). */
const reloadClient = async ({ loaders, principal }: TenancyContext, clientId: string) => {
  const client = await loaders.client.load(clientId);
  if (!client) throw notFound('Client', clientId);
  return readable(principal, client);
};

/**
 * Changes that must hold on the caller's very next request (grants, suspension) are delivered to the
 * other subgraphs before the mutation answers, not at the relay's next pass.
 */
async function delivered<T>(context: TenancyContext, change: Promise<T>): Promise<T> {
  const result = await change;
  await context.flushEvents();
  return result;
}

export const resolvers: GraphQLResolverMap<TenancyContext> = {
  DateTime: DateTimeScalar,
  Query: {
    _tenancyPersonalData: async (_: unknown, { userId }: { userId: string }, { db, principal }: TenancyContext) => {
      requireSystem(principal);
      return JSON.stringify(await personalData(db, userId));
    },
    client: async (_: unknown, { id }: Ref, { loaders, principal }: TenancyContext) =>
      readable(principal, await loaders.client.load(id)),
    clientBySubdomain: async (_: unknown, { subdomain }: { subdomain: string }, { db, principal }: TenancyContext) => {
      const parsed = dnsLabel.safeParse(subdomain);
      return parsed.success
        ? readable(principal, await db.getRepository(ClientEntity).findOneBy({ subdomain: parsed.data }))
        : null;
    },
    clients: (
      _: unknown,
      args: { filter?: ClientFilter; first?: number; after?: string },
      { db, principal }: TenancyContext,
    ) => listClients(db, readableClients(principal), args),
    partner: async (_: unknown, { id }: Ref, { loaders, principal }: TenancyContext) =>
      readable(principal, await loaders.partner.load(id)),
    organization: async (_: unknown, { id }: Ref, { loaders, principal }: TenancyContext) =>
      readable(principal, await loaders.organization.load(id)),
    project: async (_: unknown, { id }: Ref, { loaders, principal }: TenancyContext) =>
      visibleProject(loaders, principal, await loaders.project.load(id)),
    projects: async (_: unknown, { clientId }: { clientId: string }, { loaders, principal }: TenancyContext) =>
      projectsOf(loaders, principal, clientId),
  },
  Mutation: {
    createClient: (
      _: unknown,
      args: { name: string; subdomain: string; partnerId?: string },
      { db, principal, now }: TenancyContext,
    ) => createClient(db, principal, args, now),
    suspendClient: (_: unknown, args: { clientId: string; reason?: string | null }, context: TenancyContext) =>
      delivered(context, setClientStatus(context.db, context, args, 'SUSPENDED')),
    reactivateClient: (_: unknown, args: { clientId: string }, context: TenancyContext) =>
      delivered(context, setClientStatus(context.db, context, args, 'ACTIVE')),
    updateCompanyProfile: async (_: unknown, args: { clientId: string; input: unknown }, context: TenancyContext) =>
      reloadClient(context, await updateCompanyProfile(context.db, context, args.clientId, args.input)),
    setIntegration: async (
      _: unknown,
      args: { clientId: string; provider: string; codes: string[] },
      context: TenancyContext,
    ) => integrationView(await setIntegration(context.db, context, context.services.cipher, args)),
    setClientProducts: async (_: unknown, args: { clientId: string; products: string[] }, context: TenancyContext) =>
      reloadClient(context, await setClientProducts(context.db, context, args.clientId, args.products)),
    createProject: (
      _: unknown,
      args: { clientId: string; name: string; accountId?: string | null; externalOrganizationIds?: string[] | null },
      context: TenancyContext,
    ) => createProject(context.db, context, args),
    joinProject: (_: unknown, args: { projectId: string; userId: string }, context: TenancyContext) =>
      joinProject(context.db, context, args.projectId, args.userId),
    createAccount: (
      _: unknown,
      args: { clientId: string; name: string; parentId?: string | null },
      context: TenancyContext,
    ) => createAccount(context.db, context, args),
    renameAccount: (_: unknown, args: { id: string; name: string }, context: TenancyContext) =>
      renameAccount(context.db, context, args.id, args.name),
    moveAccount: (_: unknown, args: { id: string; newParentId: string }, context: TenancyContext) =>
      moveAccount(context.db, context, args.id, args.newParentId),
    invitePartner: (
      _: unknown,
      args: { clientId: string; partnerId: string; access: unknown },
      context: TenancyContext,
    ) => invitePartner(context.db, context, args, context.services.invitationTtlDays),
    respondToPartnerInvitation: (
      _: unknown,
      args: { invitationId: string; accept: boolean },
      context: TenancyContext,
    ) => delivered(context, respondToPartnerInvitation(context.db, context, args.invitationId, args.accept)),
    resendPartnerInvitation: (_: unknown, args: { invitationId: string }, context: TenancyContext) =>
      resendPartnerInvitation(context.db, context, args.invitationId, context.services.invitationTtlDays),
    deletePartnerInvitation: (_: unknown, args: { invitationId: string }, context: TenancyContext) =>
      deletePartnerInvitation(context.db, context, args.invitationId),
    cancelPartnership: (_: unknown, args: { clientId: string; partnerId: string }, context: TenancyContext) =>
      delivered(context, cancelPartnership(context.db, context, args.clientId, args.partnerId)),
  },
  Organization: {
    __resolveType: (organization: OrganizationRow) => organization.__typename,
  },
  Partner: {
    __resolveReference: async (ref: Ref, { loaders, principal }: TenancyContext) =>
      visible(principal, await loaders.partner.load(ref.id)),
    clients: (partner: PartnerEntity, args: { first?: number; after?: string }, { db, principal }: TenancyContext) =>
      listClients(db, readableClients(principal), { ...args, filter: { partnerId: partner.id } }),
    partnerInvitations: async (
      partner: PartnerEntity,
      args: { includeAnswered?: boolean | null },
      { loaders, principal, now }: TenancyContext,
    ) => {
      if (!actsForPartner(principal, partner.id))
        throw forbidden("Only the partner's own users with partner-access.manage see its invitations");
      const rows = await loaders.invitationsOfPartner.load(partner.id);
      return args.includeAnswered ? rows : rows.filter((row) => invitationStatus(row, now) === 'PENDING');
    },
  },
  Client: {
    __resolveReference: async (ref: Ref, { loaders, principal }: TenancyContext) =>
      visible(principal, await loaders.client.load(ref.id)),
    partner: async (client: ClientEntity, _: unknown, { loaders, principal }: TenancyContext) =>
      client.partnerId ? visible(principal, await loaders.partner.load(client.partnerId)) : null,
    masterAccount: async (client: ClientEntity, _: unknown, { loaders, principal }: TenancyContext) =>
      visibleAccounts(principal, client.id, await loaders.accountsOfClient.load(client.id)).find(
        (account) => account.parentId === null,
      ) ?? null,
    accounts: async (client: ClientEntity, _: unknown, { loaders, principal }: TenancyContext) => {
      const accounts = visibleAccounts(principal, client.id, await loaders.accountsOfClient.load(client.id));
      return [...accounts.filter((a) => a.parentId === null), ...accounts.filter((a) => a.parentId !== null)];
    },
    companyProfile: async (client: ClientEntity, _: unknown, { loaders, principal }: TenancyContext) => {
      if (!can(principal, 'clients.read', client.id))
        throw forbidden('You need the clients.read permission in this client');
      const [profile, domains] = await Promise.all([
        loaders.profile.load(client.id),
        loaders.domainsOfClient.load(client.id),
      ]);
      return { profile, domains: domains.map((row) => row.domain) };
    },
    integrations: async (client: ClientEntity, _: unknown, { loaders, principal }: TenancyContext) => {
      if (!can(principal, 'integrations.manage', client.id))
        throw forbidden('You need the integrations.manage permission in this client');
      return (await loaders.integrationsOfClient.load(client.id)).map(integrationView);
    },
    products: async (client: ClientEntity, _: unknown, { loaders }: TenancyContext) =>
      upper((await loaders.productsOfClient.load(client.id)).map((row) => row.product)),
    projects: (client: ClientEntity, _: unknown, { loaders, principal }: TenancyContext) =>
      projectsOf(loaders, principal, client.id),
    partnerAccess: async (client: ClientEntity, _: unknown, { loaders, principal }: TenancyContext) => {
      const [grants, invitations] = await Promise.all([
        loaders.grantsOfClient.load(client.id),
        loaders.invitationsOfClient.load(client.id),
      ]);
      if (actsForClient(principal, client.id)) return { grants, invitations };
      // A partner sees its own grant and invitations of this client, nothing of other partners.
      const own = (row: { partnerId: string }) => actsForPartner(principal, row.partnerId);
      if (!grants.some(own) && !invitations.some(own))
        throw forbidden('Only the client and its partners see partner access');
      return { grants: grants.filter(own), invitations: invitations.filter(own) };
    },
  },
  CompanyProfile: {
    legalName: ({ profile }: ProfileView) => profile?.legalName ?? null,
    taxId: ({ profile }: ProfileView) => profile?.taxId ?? null,
    country: ({ profile }: ProfileView) => profile?.country ?? null,
    address: ({ profile }: ProfileView) => ({
      line1: profile?.addressLine1 ?? null,
      line2: profile?.addressLine2 ?? null,
      postalCode: profile?.postalCode ?? null,
      city: profile?.city ?? null,
      region: profile?.region ?? null,
    }),
    industry: ({ profile }: ProfileView) => profile?.industry ?? null,
    size: ({ profile }: ProfileView) => profile?.size ?? null,
    emailDomains: ({ domains }: ProfileView) => domains,
    logoUrl: ({ profile }: ProfileView) => profile?.logoUrl ?? null,
    selfEnrollment: ({ profile }: ProfileView) => profile?.selfEnrollment ?? false,
    legalRepresentative: ({ profile }: ProfileView) =>
      profile?.legalRepresentativeId ? { id: profile.legalRepresentativeId } : null,
    updatedAt: ({ profile }: ProfileView) => profile?.updatedAt ?? null,
    completeness: ({ profile, domains }: ProfileView) => completeness(profile, domains),
  },
  Project: {
    __resolveReference: async (ref: Ref, { loaders, principal }: TenancyContext) =>
      visibleProject(loaders, principal, await loaders.project.load(ref.id)),
    client: (project: ProjectEntity, _: unknown, { loaders }: TenancyContext) => loaders.client.load(project.clientId),
    account: (project: ProjectEntity, _: unknown, { loaders }: TenancyContext) =>
      project.accountId ? loaders.account.load(project.accountId) : null,
    partyIds: async (project: ProjectEntity, _: unknown, { loaders }: TenancyContext) =>
      (await loaders.partiesOfProject.load(project.id)).map((row) => row.organizationId),
    participants: async (project: ProjectEntity, _: unknown, { loaders, principal }: TenancyContext) => {
      if (!can(principal, 'projects.manage', project.clientId))
        throw forbidden('You need the projects.manage permission in this client');
      return loaders.participantsOfProject.load(project.id);
    },
  },
  ProjectParticipant: {
    project: (row: ProjectParticipantEntity, _: unknown, { loaders }: TenancyContext) =>
      loaders.project.load(row.projectId),
    user: (row: ProjectParticipantEntity) => ({ id: row.userId }),
  },
  PartnerInvitation: {
    client: async (row: PartnerInvitationEntity, _: unknown, { loaders, principal }: TenancyContext) =>
      visible(principal, await loaders.client.load(row.clientId)),
    clientName: async (row: PartnerInvitationEntity, _: unknown, { loaders }: TenancyContext) =>
      (await loaders.client.load(row.clientId))?.name ?? '',
    partner: async (row: PartnerInvitationEntity, _: unknown, { loaders, principal }: TenancyContext) =>
      visible(principal, await loaders.partner.load(row.partnerId)),
    partnerName: async (row: PartnerInvitationEntity, _: unknown, { loaders }: TenancyContext) =>
      (await loaders.partner.load(row.partnerId))?.name ?? '',
    products: (row: PartnerInvitationEntity) => upper(row.products),
    status: (row: PartnerInvitationEntity, _: unknown, { now }: TenancyContext) => invitationStatus(row, now),
  },
  PartnerGrant: {
    client: async (row: PartnerGrantEntity, _: unknown, { loaders, principal }: TenancyContext) =>
      visible(principal, await loaders.client.load(row.clientId)),
    partner: async (row: PartnerGrantEntity, _: unknown, { loaders, principal }: TenancyContext) =>
      visible(principal, await loaders.partner.load(row.partnerId)),
    partnerName: async (row: PartnerGrantEntity, _: unknown, { loaders }: TenancyContext) =>
      (await loaders.partner.load(row.partnerId))?.name ?? '',
    products: (row: PartnerGrantEntity) => upper(row.products),
  },
  Account: {
    __resolveReference: async (ref: Ref, { loaders, principal }: TenancyContext) => {
      const account = await loaders.account.load(ref.id);
      if (!account) return null;
      return visibleAccounts(principal, account.clientId, await loaders.accountsOfClient.load(account.clientId)).some(
        (a) => a.id === account.id,
      )
        ? account
        : null;
    },
    isMaster: (account: AccountEntity) => account.parentId === null,
    client: (account: AccountEntity, _: unknown, { loaders }: TenancyContext) => loaders.client.load(account.clientId),
    parent: (account: AccountEntity, _: unknown, { loaders }: TenancyContext) =>
      account.parentId ? loaders.account.load(account.parentId) : null,
    children: async (account: AccountEntity, _: unknown, { loaders, principal }: TenancyContext) =>
      visibleAccounts(principal, account.clientId, await loaders.accountsOfClient.load(account.clientId)).filter(
        (child) => child.parentId === account.id,
      ),
  },
};

interface ProfileView {
  profile: CompanyProfileEntity | null;
  domains: string[];
}
