/**
 * Who may see and do what in tenancy (docs/authorization.md, implemented exactly): the visibility
 * rules the loaders apply to every read, and `authorize`, which every use case calls before it
 * changes anything. Nothing else in tenancy asks `Access` for permissions, scopes or tiers.
 *
 * One deny behaviour: a record the caller may not see answers NOT_FOUND, exactly as an unknown id;
 * FORBIDDEN only where the caller sees the record but may not do what it asked.
 */
import type { Access } from '../../shared/auth/access';
import type { PersonFact } from '../../shared/subgraph/facts';
import { PLATFORM_ORGANIZATION_ID } from '../../shared/auth/principal';
import { forbidden, notFound } from '../../shared/runtime/errors';

// ---------------------------------------------------------------------------------------------
// Visibility: what the loaders apply.

/**
 * The clients whose record the caller may read (`clients.read` there), as the loaders turn it into
 * one SQL condition: every client, none, or the caller's home client and the clients where its
 * home partner holds an ACTIVE grant.
 */
export type ClientReach =
  | { kind: 'none' }
  | { kind: 'all' }
  /** `homeClientId` when the caller reads its own client; `partnerId` for the clients that partner's ACTIVE grants open. */
  | { kind: 'some'; homeClientId: string | null; partnerId: string | null; boundToPartnerId: string | null };

const NO_CLIENTS: ClientReach = { kind: 'none' };

/**
 * Reach (docs/authorization.md, "Reach") as far as the client record goes. Any ACTIVE grant lends
 * `clients.read`, so a partner's staff who hold it at home read every client that granted their
 * partner access; a grant-bound service account reads its home client only while its grant lasts.
 */
export function clientReach(access: Access): ClientReach {
  const { principal } = access;
  if (principal.kind !== 'user' && principal.kind !== 'service') return NO_CLIENTS;
  if (access.isOperator) return { kind: 'all' };
  if (!principal.homePermissions.includes('clients.read') || principal.organizationId === null) return NO_CLIENTS;
  const home = principal.organizationId;
  if (home === PLATFORM_ORGANIZATION_ID) return { kind: 'all' };
  if (principal.kind === 'service' && principal.boundToPartnerId)
    return { kind: 'some', homeClientId: home, partnerId: null, boundToPartnerId: principal.boundToPartnerId };
  // A home that is a partner matches no client id, and a home that is a client holds no grants: one condition serves both.
  return { kind: 'some', homeClientId: home, partnerId: home, boundToPartnerId: null };
}

/**
 * As an organisation (`organization(id)`, every entity reference such as `me.organization`) a
 * client is also visible to its own people who may not read its record (external contacts and
 * participants see their client's name).
 */
export function organizationHome(access: Access): string | null {
  const { principal } = access;
  if (principal.kind === 'user') return principal.organizationId;
  // A grant-bound service account reaches its home only while the grant lasts: clientReach says when.
  return principal.kind === 'service' && !principal.boundToPartnerId ? principal.organizationId : null;
}

/** The client record (name, subdomain, status, products, partner): `clients.read` in the client. */
export const clientReadable = (access: Access, clientId: string): Promise<boolean> =>
  access.can('clients.read', clientId);

/**
 * Which partners the caller sees: its own, every one for platform principals, and for people of a
 * client who read its record, the partners that hold an ACTIVE grant of that client or an
 * unanswered invitation from it.
 */
export type PartnerReach =
  { kind: 'none' } | { kind: 'all' } | { kind: 'some'; ownPartnerId: string | null; clientId: string | null };

export async function partnerReach(access: Access): Promise<PartnerReach> {
  const { principal } = access;
  if (principal.kind !== 'user' && principal.kind !== 'service') return { kind: 'none' };
  if (access.isOperator || principal.organizationId === PLATFORM_ORGANIZATION_ID) return { kind: 'all' };
  const home = principal.organizationId;
  if (home === null) return { kind: 'none' };
  const readsHomeClient = (await access.can('clients.read', home)) && (await access.scopeIn(home)).kind !== 'external';
  return { kind: 'some', ownPartnerId: home, clientId: readsHomeClient ? home : null };
}

/** The accounts of a client the caller sees: all, none, or an account subtree (docs/authorization.md, "Scopes"). */
export type AccountReach = { kind: 'none' } | { kind: 'all' } | { kind: 'some'; accountIds: ReadonlySet<string> };

export async function accountReach(access: Access, clientId: string): Promise<AccountReach> {
  if (!(await access.can('clients.read', clientId))) return { kind: 'none' };
  const scope = await access.scopeIn(clientId);
  if (scope.kind === 'organization') return { kind: 'all' };
  if (scope.kind === 'accounts') return { kind: 'some', accountIds: scope.accountIds };
  return { kind: 'none' };
}

export const accountVisible = (reach: AccountReach, accountId: string): boolean =>
  reach.kind === 'all' || (reach.kind === 'some' && reach.accountIds.has(accountId));

/**
 * The projects of a client the caller sees (`projects.read` there, which a LIMITED grant lends only
 * with the assessments product): all of them (organisation scope: home users with an
 * organisation-wide role, partner staff, platform principals), those of an account subtree (a
 * project without an account is client-wide and not among them), or only those the caller joined
 * (external contacts and participants; never "every project where my organisation is a party").
 */
export type ProjectReach =
  | { kind: 'none' }
  | { kind: 'all' }
  | { kind: 'accounts'; accountIds: ReadonlySet<string> }
  | { kind: 'joined'; userId: string };

export async function projectReach(access: Access, clientId: string): Promise<ProjectReach> {
  if (!(await access.can('projects.read', clientId))) return { kind: 'none' };
  const scope = await access.scopeIn(clientId);
  switch (scope.kind) {
    case 'organization':
      return { kind: 'all' };
    case 'accounts':
      return { kind: 'accounts', accountIds: scope.accountIds };
    case 'external':
      return access.actorId ? { kind: 'joined', userId: access.actorId } : { kind: 'none' };
    default:
      return { kind: 'none' };
  }
}

/** Whether a project is within a reach; `joined` says whether the caller takes part in it. */
export function projectVisible(
  reach: ProjectReach,
  project: { accountId: string | null },
  joined: () => boolean,
): boolean {
  switch (reach.kind) {
    case 'all':
      return true;
    case 'accounts':
      return project.accountId !== null && reach.accountIds.has(project.accountId);
    case 'joined':
      return joined();
    default:
      return false;
  }
}

/** The company profile: `clients.read` with organisation scope; a LIMITED partner only with the core product. */
export async function mayReadCompanyProfile(access: Access, clientId: string): Promise<boolean> {
  if (!(await access.can('clients.read', clientId))) return false;
  if ((await access.scopeIn(clientId)).kind !== 'organization') return false;
  const reach = await access.reach(clientId);
  return reach?.via !== 'grant' || reach.grant.level === 'FULL' || reach.grant.products.includes('core');
}

/** Which integrations are set: `integrations.manage` (client-level: a partner needs FULL) with organisation scope. */
export async function mayReadIntegrations(access: Access, clientId: string): Promise<boolean> {
  return (
    (await access.can('integrations.manage', clientId)) && (await access.scopeIn(clientId)).kind === 'organization'
  );
}

/** Project participants: `projects.manage` in the project's client, by someone who works there (not an external contact). */
export async function mayReadParticipants(access: Access, clientId: string): Promise<boolean> {
  return (await access.can('projects.manage', clientId)) && (await access.scopeIn(clientId)).kind !== 'external';
}

/**
 * The client manages its partners: its own people with `partner-access.manage` and organisation
 * scope, or platform principals with it. A grant never lends the permission (shared/auth/grants.ts).
 */
async function managesPartnersOf(access: Access, clientId: string): Promise<boolean> {
  const reach = await access.reach(clientId);
  if (!reach || reach.via === 'grant') return false;
  if (!(await access.can('partner-access.manage', clientId))) return false;
  return reach.via === 'platform' || (await access.scopeIn(clientId)).kind === 'organization';
}

/** The partner answers for itself: its own people with `partner-access.manage` at home. */
async function actsForPartner(access: Access, partnerId: string): Promise<boolean> {
  return access.homeOrganizationId === partnerId && (await access.can('partner-access.manage', partnerId));
}

/**
 * A grant or invitation between a client and a partner: the client side (home users with
 * partner-access.manage, platform principals) sees all of its own; a partner only its own.
 */
export async function partnerAccessVisible(
  access: Access,
  row: { clientId: string; partnerId: string },
): Promise<boolean> {
  return (await managesPartnersOf(access, row.clientId)) || (await actsForPartner(access, row.partnerId));
}

/** What tenancy holds on a person, for a data-subject export: Tenantry services only. */
export const mayReadPersonalData = (access: Access): boolean => access.isSystem;

// ---------------------------------------------------------------------------------------------
// Writes: authorize(access, action, resource) before anything changes.

interface ClientRef {
  id: string;
  /** The partner that manages the client (created it). */
  partnerId: string | null;
}
interface AccountRef {
  id: string;
  clientId: string;
}
interface ProjectRef {
  id: string;
  clientId: string;
  accountId: string | null;
}
interface PartnerAccessRef {
  id: string;
  clientId: string;
  partnerId: string;
}

/** Each write of tenancy and what `authorize` needs to decide it; the use case loads it unscoped. */
export interface TenancyResources {
  /** A partner creates clients for itself; platform principals for any partner or none. */
  'client.create': { partnerId: string | null; partnerVisible: boolean };
  'client.suspend': { client: ClientRef };
  'client.reactivate': { client: ClientRef };
  /** `representative`: set when the input names a legal representative; `person` is the people copy's row. */
  'client.updateProfile': {
    client: ClientRef;
    representative?: { id: string; person: PersonFact | null };
  };
  'client.setProducts': { client: ClientRef };
  'client.setIntegration': { client: ClientRef };
  'account.create': { client: ClientRef; parent: AccountRef | null; parentId: string };
  'account.rename': { account: AccountRef };
  'account.move': { account: AccountRef; newParent: AccountRef | null; newParentId: string };
  'project.create': { client: ClientRef; account?: { id: string; ref: AccountRef | null } };
  /** `parties`: the project's organisations (its client and external ones); `person`: the people copy's row of `userId`. */
  'project.join': {
    project: ProjectRef;
    joined: boolean;
    parties: readonly string[];
    userId: string;
    person: PersonFact | null;
  };
  /** `legalRepresentativeId`: who the client's profile names. */
  'partnerAccess.invite': { client: ClientRef; legalRepresentativeId: string | null };
  'partnerAccess.respond': { invitation: PartnerAccessRef };
  'partnerAccess.resend': { invitation: PartnerAccessRef };
  'partnerAccess.deleteInvitation': { invitation: PartnerAccessRef };
  /** `grant`: null when there is no ACTIVE grant between them. */
  'partnerAccess.cancel': { clientId: string; partnerId: string; grant: { status: string } | null };
}
export type TenancyAction = keyof TenancyResources;

type Decide<A extends TenancyAction> = (access: Access, resource: TenancyResources[A]) => Promise<void>;

/** A client the caller may not read is unknown to it. */
async function requireClient(access: Access, client: ClientRef): Promise<void> {
  if (!(await clientReadable(access, client.id))) throw notFound('Client', client.id);
}

/** `permission` in the client, by someone who works there with organisation scope (client-level changes). */
async function requireClientLevel(access: Access, clientId: string, permission: string): Promise<void> {
  if (!(await access.can(permission, clientId)))
    throw forbidden(`You need the ${permission} permission in this client`);
  if ((await access.scopeIn(clientId)).kind !== 'organization')
    throw forbidden('Only people who act for the whole client may do this');
}

/** An account the caller may not see (another client's, outside its accounts) is unknown to it. */
async function requireAccount(access: Access, clientId: string, id: string, account: AccountRef | null) {
  if (!account || account.clientId !== clientId || !accountVisible(await accountReach(access, clientId), account.id))
    throw notFound('Account', id);
}

/** Creating, renaming and moving accounts: clients.update, within the caller's accounts when its roles are limited to some. */
async function requireAccountsEditor(access: Access, clientId: string): Promise<void> {
  if (!(await access.can('clients.update', clientId)))
    throw forbidden('You need the clients.update permission in this client');
  if ((await accountReach(access, clientId)).kind === 'none') throw forbidden('You cannot change accounts here');
}

/** Suspension is decided above the client: platform principals, or the managing partner through an ACTIVE FULL grant. */
async function decideStatus(access: Access, { client }: { client: ClientRef }): Promise<void> {
  await requireClient(access, client);
  const reach = await access.reach(client.id);
  const platform = reach?.via === 'platform';
  const managingPartner =
    reach?.via === 'grant' &&
    client.partnerId !== null &&
    access.homeOrganizationId === client.partnerId &&
    reach.grant.partnerId === client.partnerId &&
    reach.grant.level === 'FULL';
  if (!(platform || managingPartner) || !(await access.can('clients.update', client.id)))
    throw forbidden('Only operators or the partner that manages this client with full access may change its status');
}

const decisions: { [A in TenancyAction]: Decide<A> } = {
  'client.create': async (access, { partnerId, partnerVisible }) => {
    // A partner the caller cannot see is as unknown as one that does not exist.
    if (partnerId !== null && !partnerVisible) throw notFound('Partner', partnerId);
    if (!(await access.can('clients.create', partnerId ?? PLATFORM_ORGANIZATION_ID)))
      throw forbidden(
        partnerId
          ? 'You may create clients only for your own partner'
          : 'Only operators create clients without a partner',
      );
  },
  'client.suspend': decideStatus,
  'client.reactivate': decideStatus,
  'client.updateProfile': async (access, { client, representative }) => {
    await requireClient(access, client);
    await requireClientLevel(access, client.id, 'clients.update');
    if (!representative) return;
    // The legal representative decides on partner access: only the client itself names one.
    if ((await access.reach(client.id))?.via !== 'home')
      throw forbidden('Only the client itself may name its legal representative');
    const { person } = representative;
    if (!person || person.deleted || person.organizationId !== client.id) throw notFound('User', representative.id);
  },
  'client.setProducts': async (access, { client }) => {
    await requireClient(access, client);
    await requireClientLevel(access, client.id, 'clients.update');
  },
  'client.setIntegration': async (access, { client }) => {
    await requireClient(access, client);
    await requireClientLevel(access, client.id, 'integrations.manage');
  },
  'account.create': async (access, { client, parent, parentId }) => {
    await requireClient(access, client);
    await requireAccountsEditor(access, client.id);
    await requireAccount(access, client.id, parentId, parent);
  },
  'account.rename': async (access, { account }) => {
    await requireAccount(access, account.clientId, account.id, account);
    await requireAccountsEditor(access, account.clientId);
  },
  'account.move': async (access, { account, newParent, newParentId }) => {
    await requireAccount(access, account.clientId, account.id, account);
    await requireAccount(access, account.clientId, newParentId, newParent);
    await requireAccountsEditor(access, account.clientId);
  },
  'project.create': async (access, { client, account }) => {
    if (!(await access.can('clients.read', client.id)) && (await access.reach(client.id))?.via !== 'home')
      throw notFound('Client', client.id);
    const reach = await projectReach(access, client.id);
    if (!(await access.can('projects.manage', client.id)) || (reach.kind !== 'all' && reach.kind !== 'accounts'))
      throw forbidden('You need the projects.manage permission in this client');
    if (account) await requireAccount(access, client.id, account.id, account.ref);
    // Someone who sees only some accounts' projects creates projects only in those accounts.
    else if (reach.kind === 'accounts')
      throw forbidden('Your roles cover some accounts only: create the project in one of them (accountId)');
  },
  'project.join': async (access, { project, joined, parties, userId, person }) => {
    if (!projectVisible(await projectReach(access, project.clientId), project, () => joined))
      throw notFound('Project', project.id);
    if (access.isSelf(userId)) {
      // Joining oneself is for people of the client who see the project, not for partner staff or operators.
      if ((await access.reach(project.clientId))?.via !== 'home')
        throw forbidden('Only people of this client join its projects themselves');
    } else if (!(await mayReadParticipants(access, project.clientId))) {
      throw forbidden('You need the projects.manage permission in this client to add participants');
    }
    // A participant is a person of the client or of one of the project's external organisations.
    if (!person || person.deleted || !parties.includes(person.organizationId)) throw notFound('User', userId);
  },
  'partnerAccess.invite': async (access, { client, legalRepresentativeId }) => {
    await requireClient(access, client);
    if (!(await managesPartnersOf(access, client.id)) || (await access.reach(client.id))?.via !== 'home')
      throw forbidden('You need the partner-access.manage permission in this client');
    if (legalRepresentativeId === null || !access.isSelf(legalRepresentativeId))
      throw forbidden("Only the client's legal representative may grant a partner access");
  },
  'partnerAccess.respond': async (access, { invitation }) => {
    if (!(await partnerAccessVisible(access, invitation))) throw notFound('Partner invitation', invitation.id);
    if (!(await actsForPartner(access, invitation.partnerId)))
      throw forbidden('Only the invited partner may answer this invitation');
  },
  'partnerAccess.resend': async (access, { invitation }) => {
    if (!(await partnerAccessVisible(access, invitation))) throw notFound('Partner invitation', invitation.id);
    if (!(await managesPartnersOf(access, invitation.clientId)))
      throw forbidden('Only the client may do this with its invitation');
  },
  'partnerAccess.deleteInvitation': async (access, { invitation }) => {
    if (!(await partnerAccessVisible(access, invitation))) throw notFound('Partner invitation', invitation.id);
    if (!(await managesPartnersOf(access, invitation.clientId)))
      throw forbidden('Only the client may do this with its invitation');
  },
  'partnerAccess.cancel': async (access, { clientId, partnerId, grant }) => {
    // Either side ends it; anyone else does not learn whether the partnership exists.
    if (!grant || grant.status !== 'ACTIVE' || !(await partnerAccessVisible(access, { clientId, partnerId })))
      throw notFound('Active partnership of partner', partnerId);
  },
};

/**
 * Decides one write: resolves when the caller may do it, throws NOT_FOUND for a record it may not
 * see (or that does not exist) and FORBIDDEN for one it sees but may not change so.
 */
export async function authorize<A extends TenancyAction>(
  access: Access,
  action: A,
  resource: TenancyResources[A],
): Promise<void> {
  await (decisions[action] as Decide<A>)(access, resource);
}
