/**
 * Every read of tenancy, bound to the caller's Access: a row the caller may not see loads as null or
 * is left out (lists filter in SQL), so a resolver cannot return it even if it forgets to ask. The
 * rules are policy.ts's; this file turns them into statements, batched per request (DataLoader).
 */
import DataLoader from 'dataloader';
import { Brackets, In, type DataSource, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import type { Access, AccessFacts, AccountFact } from '../../shared/auth/access';
import type { GrantFact } from '../../shared/auth/grants';
import { rowsByColumn, rowsById } from '../../shared/data/loaders';
import { keysetPage, pageRequest, type Connection, type PageArgs } from '../../shared/data/pagination';
import { LIKE_ESCAPE, likeContaining } from '../../shared/data/sql';
import { forbidden } from '../../shared/runtime/errors';
import { dnsLabel } from '../../shared/runtime/validation';
import { AccessPersonEntity, peopleLoader } from '../../shared/subgraph/facts';
import type { ClientFilter } from './generated/resolvers-types';
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
import {
  accountReach,
  accountVisible,
  clientReach,
  clientReadable,
  mayReadCompanyProfile,
  mayReadIntegrations,
  mayReadParticipants,
  mayReadPersonalData,
  organizationHome,
  partnerAccessVisible,
  partnerReach,
  projectReach,
  projectVisible,
  type ProjectReach,
} from './policy';
import { invitationStatus } from './partner-invitations';
import { personalData } from './privacy';

/** The company profile as the schema's CompanyProfile reads it: the row (none until first edited) and the corporate domains. */
export interface CompanyProfileView {
  profile: CompanyProfileEntity | null;
  domains: string[];
}

/** A client's partner access as the schema's PartnerAccess reads it: the rows the caller may see. */
export interface PartnerAccessView {
  grants: PartnerGrantEntity[];
  invitations: PartnerInvitationEntity[];
}

/**
 * Tenancy owns the partner grants and the accounts tree: its Access reads its own tables (the other
 * subgraphs read copies of the same facts), batched per request.
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

/** `EXISTS (...)` over one table, correlated to the outer row by the conditions given. */
function exists<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  entity: typeof PartnerGrantEntity | typeof PartnerInvitationEntity | typeof ProjectParticipantEntity,
  alias: string,
  conditions: string[],
): string {
  const sub = qb.subQuery().select('1').from(entity, alias);
  conditions.forEach((condition, index) => (index === 0 ? sub.where(condition) : sub.andWhere(condition)));
  return `EXISTS ${sub.getQuery()}`;
}

/**
 * Narrows `qb` (whose alias is a client) to the clients whose record the caller may read, in one SQL
 * condition: the home client, and the clients where the caller's partner holds an ACTIVE grant,
 * joined in (never a list of every client id). `orHome` adds the caller's home client, which its
 * own people see as an organisation whatever else they may read.
 */
function whereClientReadable(qb: SelectQueryBuilder<ClientEntity>, access: Access, orHome = false): void {
  const { alias } = qb;
  const reach = clientReach(access);
  if (reach.kind === 'all') return;
  const home = orHome ? organizationHome(access) : null;
  const grantOf = (partnerParameter: string) =>
    exists(qb, PartnerGrantEntity, 'reach_grant', [
      `reach_grant.clientId = ${alias}.id`,
      `reach_grant.partnerId = :${partnerParameter}`,
      `reach_grant.status = 'ACTIVE'`,
    ]);
  qb.andWhere(
    new Brackets((where) => {
      where.where('1 = 0');
      if (home) where.orWhere(`${alias}.id = :reachHome`, { reachHome: home });
      if (reach.kind !== 'some') return;
      if (reach.boundToPartnerId) {
        where.orWhere(`(${alias}.id = :reachBoundClient AND ${grantOf('reachBoundPartner')})`, {
          reachBoundClient: reach.homeClientId,
          reachBoundPartner: reach.boundToPartnerId,
        });
        return;
      }
      if (reach.homeClientId) where.orWhere(`${alias}.id = :reachClient`, { reachClient: reach.homeClientId });
      if (reach.partnerId) where.orWhere(grantOf('reachPartner'), { reachPartner: reach.partnerId });
    }),
  );
}

/** Clients sorted by name then id, with keyset pagination (stable under inserts, no OFFSET scans). */
function listClients(
  db: DataSource,
  access: Access,
  args: PageArgs & { filter?: ClientFilter | null },
): Promise<Connection<ClientEntity>> {
  const page = pageRequest(args.first, args.after);
  const { filter } = args;
  const base = db.getRepository(ClientEntity).createQueryBuilder('client');
  // The caller's reach, applied before any filter.
  whereClientReadable(base, access);
  if (filter?.name)
    base.andWhere(`LOWER(client.name) LIKE :name ${LIKE_ESCAPE}`, { name: likeContaining(filter.name.toLowerCase()) });
  if (filter?.partnerId) base.andWhere('client.partnerId = :partnerId', { partnerId: filter.partnerId });
  if (filter?.status) base.andWhere('client.status = :status', { status: filter.status });
  if (filter?.createdAfter)
    base.andWhere('client.createdAt >= :createdAfter', { createdAfter: new Date(filter.createdAfter) });
  if (filter?.createdBefore)
    base.andWhere('client.createdAt < :createdBefore', { createdBefore: new Date(filter.createdBefore) });
  return keysetPage(base, page, { column: 'client.name', direction: 'ASC', cursorValue: (client) => client.name });
}

/** Clients by id, as far as the caller may see them (`orHome`: also its own client as an organisation). */
function clientLoader(db: DataSource, access: Access, orHome: boolean) {
  return new DataLoader<string, ClientEntity | null>(async (ids) => {
    const qb = db.getRepository(ClientEntity).createQueryBuilder('client').where('client.id IN (:...ids)', { ids });
    whereClientReadable(qb, access, orHome);
    const byId = new Map((await qb.getMany()).map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** Partners by id, as far as the caller may see them (policy.ts, partnerReach). */
function partnerLoader(db: DataSource, access: Access) {
  return new DataLoader<string, PartnerEntity | null>(async (ids) => {
    const reach = await partnerReach(access);
    if (reach.kind === 'none') return ids.map(() => null);
    const qb = db.getRepository(PartnerEntity).createQueryBuilder('partner').where('partner.id IN (:...ids)', { ids });
    if (reach.kind === 'some') {
      const { ownPartnerId, clientId } = reach;
      qb.andWhere(
        new Brackets((where) => {
          where.where('partner.id = :ownPartner', { ownPartner: ownPartnerId });
          if (!clientId) return;
          qb.setParameter('homeClient', clientId);
          where.orWhere(
            exists(qb, PartnerGrantEntity, 'seen_grant', [
              'seen_grant.partnerId = partner.id',
              'seen_grant.clientId = :homeClient',
              `seen_grant.status = 'ACTIVE'`,
            ]),
          );
          where.orWhere(
            exists(qb, PartnerInvitationEntity, 'seen_invitation', [
              'seen_invitation.partnerId = partner.id',
              'seen_invitation.clientId = :homeClient',
              `seen_invitation.status = 'PENDING'`,
            ]),
          );
        }),
      );
    }
    const byId = new Map((await qb.getMany()).map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/**
 * The projects of each client asked for that the caller sees, in one statement per tick: each
 * client's reach (all, an account subtree, or only what the caller joined) becomes one branch of
 * the condition.
 */
function projectsOfClientLoader(db: DataSource, access: Access) {
  return new DataLoader<string, ProjectEntity[]>(async (clientIds) => {
    const reaches = await Promise.all(clientIds.map((clientId) => projectReach(access, clientId)));
    const of = (kind: ProjectReach['kind']) => clientIds.filter((_, index) => reaches[index].kind === kind);
    const all = of('all');
    const byAccounts = of('accounts');
    const accountIds = reaches.flatMap((reach) => (reach.kind === 'accounts' ? [...reach.accountIds] : []));
    const joined = of('joined');
    const joiner = reaches.find((reach) => reach.kind === 'joined');
    if (all.length === 0 && accountIds.length === 0 && joined.length === 0) return clientIds.map(() => []);
    const qb = db.getRepository(ProjectEntity).createQueryBuilder('project');
    qb.where(
      new Brackets((where) => {
        where.where('1 = 0');
        if (all.length) where.orWhere('project.clientId IN (:...allClients)', { allClients: all });
        // Account ids are unique across clients: the account decides, the client only narrows the index range.
        if (accountIds.length)
          where.orWhere('(project.clientId IN (:...accountClients) AND project.accountId IN (:...accountIds))', {
            accountClients: byAccounts,
            accountIds,
          });
        if (joined.length && joiner?.kind === 'joined')
          where.orWhere(
            `(project.clientId IN (:...joinedClients) AND ${exists(qb, ProjectParticipantEntity, 'joined', [
              'joined.projectId = project.id',
              'joined.userId = :joiner',
            ])})`,
            { joinedClients: joined, joiner: joiner.userId },
          );
      }),
    ).orderBy('project.name', 'ASC');
    const rows = await qb.getMany();
    return clientIds.map((clientId) => rows.filter((row) => row.clientId === clientId));
  });
}

/** Projects by id that the caller sees; whether it joined those it may see only so is asked in one statement. */
function projectLoader(db: DataSource, access: Access) {
  return new DataLoader<string, ProjectEntity | null>(async (ids) => {
    const rows = await db.getRepository(ProjectEntity).findBy({ id: In([...ids]) });
    const reaches = new Map(
      await Promise.all(
        [...new Set(rows.map((row) => row.clientId))].map(
          async (clientId) => [clientId, await projectReach(access, clientId)] as const,
        ),
      ),
    );
    const mayHaveJoined = rows.filter((row) => reaches.get(row.clientId)?.kind === 'joined');
    const joined = new Set(
      mayHaveJoined.length && access.actorId
        ? (
            await db.getRepository(ProjectParticipantEntity).findBy({
              userId: access.actorId,
              projectId: In(mayHaveJoined.map((row) => row.id)),
            })
          ).map((row) => row.projectId)
        : [],
    );
    const visible = new Map(
      rows
        .filter((row) => projectVisible(reaches.get(row.clientId)!, row, () => joined.has(row.id)))
        .map((row) => [row.id, row]),
    );
    return ids.map((id) => visible.get(id) ?? null);
  });
}

/** Participants of each project asked for who still count: soft-deleted and erased people are left out. */
function participantsLoader(db: DataSource) {
  return new DataLoader<string, ProjectParticipantEntity[]>(async (projectIds) => {
    const rows = await db
      .getRepository(ProjectParticipantEntity)
      .createQueryBuilder('participant')
      .innerJoin(AccessPersonEntity, 'person', 'person.userId = participant.userId AND person.deleted = :deleted', {
        deleted: false,
      })
      .where('participant.projectId IN (:...projectIds)', { projectIds })
      .orderBy('participant.joinedAt', 'ASC')
      .getMany();
    return projectIds.map((projectId) => rows.filter((row) => row.projectId === projectId));
  });
}

export function createLoaders(db: DataSource, access: Access, now: Date) {
  const client = clientLoader(db, access, false);
  const clientAsOrganization = clientLoader(db, access, true);
  const partner = partnerLoader(db, access);
  // Names of the two sides of a grant or invitation the caller sees, whether or not it sees the organisations.
  const clientRows = rowsById(db.getRepository(ClientEntity));
  const partnerRows = rowsById(db.getRepository(PartnerEntity));
  const accountRows = rowsById(db.getRepository(AccountEntity));
  const accountsOfClient = rowsByColumn(db.getRepository(AccountEntity), 'clientId', { name: 'ASC' });
  const profiles = rowsByColumn(db.getRepository(CompanyProfileEntity), 'clientId');
  const domains = rowsByColumn(db.getRepository(ClientEmailDomainEntity), 'clientId', { domain: 'ASC' });
  const integrations = rowsByColumn(db.getRepository(ClientIntegrationEntity), 'clientId', { provider: 'ASC' });
  const products = rowsByColumn(db.getRepository(ClientProductEntity), 'clientId', { product: 'ASC' });
  const project = projectLoader(db, access);
  const projectsOfClient = projectsOfClientLoader(db, access);
  const parties = rowsByColumn(db.getRepository(ProjectPartyEntity), 'projectId', { organizationId: 'ASC' });
  const participants = participantsLoader(db);
  const grantsOfClient = rowsByColumn(db.getRepository(PartnerGrantEntity), 'clientId', { grantedAt: 'ASC' });
  const invitationsOfClient = rowsByColumn(db.getRepository(PartnerInvitationEntity), 'clientId', {
    createdAt: 'DESC',
  });
  const invitationsOfPartner = rowsByColumn(db.getRepository(PartnerInvitationEntity), 'partnerId', {
    createdAt: 'DESC',
  });
  const people = peopleLoader(db);

  /** The rows of partner access the caller may see (policy.ts, partnerAccessVisible). */
  const visibleRows = async <T extends { clientId: string; partnerId: string }>(rows: T[]): Promise<T[]> => {
    const seen = await Promise.all(rows.map((row) => partnerAccessVisible(access, row)));
    return rows.filter((_, index) => seen[index]);
  };
  /** A client's accounts the caller sees, the master first, then by name. */
  const accountsOf = async (clientId: string): Promise<AccountEntity[]> => {
    const reach = await accountReach(access, clientId);
    if (reach.kind === 'none') return [];
    const rows = (await accountsOfClient.load(clientId)).filter((row) => accountVisible(reach, row.id));
    return [...rows.filter((row) => row.parentId === null), ...rows.filter((row) => row.parentId !== null)];
  };

  return {
    client: (id: string) => client.load(id),
    clientBySubdomain: async (subdomain: string): Promise<ClientEntity | null> => {
      const parsed = dnsLabel.safeParse(subdomain);
      if (!parsed.success) return null;
      const qb = db
        .getRepository(ClientEntity)
        .createQueryBuilder('client')
        .where('client.subdomain = :subdomain', { subdomain: parsed.data });
      whereClientReadable(qb, access);
      return qb.getOne();
    },
    clients: (args: PageArgs & { filter?: ClientFilter | null }) => listClients(db, access, args),
    /** A client as an entity reference or an organisation: also the caller's own client, whatever it may read there. */
    clientAsOrganization: (id: string) => clientAsOrganization.load(id),
    partner: (id: string) => partner.load(id),
    organization: async (id: string): Promise<PartnerEntity | ClientEntity | null> =>
      (await partner.load(id)) ?? (await clientAsOrganization.load(id)),
    clientName: async (id: string) => (await clientRows.load(id))?.name ?? '',
    partnerName: async (id: string) => (await partnerRows.load(id))?.name ?? '',

    accountsOf,
    account: async (id: string): Promise<AccountEntity | null> => {
      const row = await accountRows.load(id);
      return row && accountVisible(await accountReach(access, row.clientId), row.id) ? row : null;
    },
    masterAccount: async (clientId: string) =>
      (await accountsOf(clientId)).find((row) => row.parentId === null) ?? null,

    companyProfile: async (clientId: string): Promise<CompanyProfileView> => {
      if (!(await mayReadCompanyProfile(access, clientId)))
        throw forbidden('You may not read the company profile of this client');
      const [profile, rows] = await Promise.all([profiles.load(clientId), domains.load(clientId)]);
      return { profile: profile[0] ?? null, domains: rows.map((row) => row.domain) };
    },
    /** The legal representative as a user reference; null once they are soft-deleted or erased. */
    person: async (userId: string) => {
      const person = await people.load(userId);
      return person && !person.deleted ? person : null;
    },
    integrations: async (clientId: string): Promise<ClientIntegrationEntity[]> => {
      if (!(await mayReadIntegrations(access, clientId)))
        throw forbidden('You need the integrations.manage permission in this client');
      return integrations.load(clientId);
    },
    products: async (clientId: string): Promise<string[]> =>
      (await clientReadable(access, clientId)) ? (await products.load(clientId)).map((row) => row.product) : [],

    project: (id: string) => project.load(id),
    projectsOf: (clientId: string) => projectsOfClient.load(clientId),
    /** The organisations taking part in a project the caller sees. */
    parties: async (projectId: string): Promise<string[]> =>
      (await project.load(projectId)) ? (await parties.load(projectId)).map((row) => row.organizationId) : [],
    participants: async (projectId: string): Promise<ProjectParticipantEntity[]> => {
      const seen = await project.load(projectId);
      if (!seen) return [];
      if (!(await mayReadParticipants(access, seen.clientId)))
        throw forbidden('You need the projects.manage permission in this client');
      return participants.load(projectId);
    },

    partnerAccessOf: async (clientId: string): Promise<PartnerAccessView> => {
      const [grants, invitations] = await Promise.all([
        grantsOfClient.load(clientId),
        invitationsOfClient.load(clientId),
      ]);
      return { grants: await visibleRows(grants), invitations: await visibleRows(invitations) };
    },
    /** Invitations clients sent a partner that the caller may see; pending ones only unless `includeAnswered`. */
    invitationsOf: async (partnerId: string, includeAnswered: boolean): Promise<PartnerInvitationEntity[]> => {
      const rows = await visibleRows(await invitationsOfPartner.load(partnerId));
      return includeAnswered ? rows : rows.filter((row) => invitationStatus(row, now) === 'PENDING');
    },

    personalData: async (userId: string): Promise<string> => {
      if (!mayReadPersonalData(access)) throw forbidden('Only Tenantry services may call this');
      return JSON.stringify(await personalData(db, userId));
    },
  };
}

export type TenancyLoaders = ReturnType<typeof createLoaders>;
