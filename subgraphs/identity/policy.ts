/**
 * Identity's decisions (docs/authorization.md): who sees which people and client statistics, and
 * `authorize` for every change. Loaders apply the visibility rules; use cases call `authorize`
 * before they change anything. Nothing else in identity asks `Access` for permissions, scopes or tiers.
 */
import type { Access } from '../../shared/auth/access';
import { roleRank, type ExternalAccessLevel, type Role } from '../../shared/auth/principal';
import { forbidden, notFound, unauthenticated } from '../../shared/runtime/errors';

// ---------------------------------------------------------------------------------------------
// Reads

/** Which users of one organisation the caller sees ("Scopes inside an organisation"). */
export type UserVisibility =
  | { kind: 'none' }
  | { kind: 'self'; selfId: string }
  | { kind: 'accounts'; selfId: string | null; accountIds: readonly string[] }
  | { kind: 'all' };

const NONE: UserVisibility = { kind: 'none' };
const ALL: UserVisibility = { kind: 'all' };

/**
 * Everyone sees themselves. With `users.read` in the organisation (at home, through the platform or
 * through a grant with the `people` product) an organisation-wide scope sees all its users, an
 * account scope the users who work in its accounts (and below); an external scope only itself.
 */
export async function userVisibility(access: Access, organizationId: string): Promise<UserVisibility> {
  if (access.isSystem) return ALL;
  const selfId = access.homeOrganizationId === organizationId ? access.actorId : null;
  const self: UserVisibility = selfId ? { kind: 'self', selfId } : NONE;
  if (!(await access.can('users.read', organizationId))) return self;
  const scope = await access.scopeIn(organizationId);
  if (scope.kind === 'organization') return ALL;
  if (scope.kind === 'accounts') return { kind: 'accounts', selfId, accountIds: [...scope.accountIds].sort() };
  return self;
}

/** A person as the rules need them: who, where, and which accounts they work in. */
export interface PersonRef {
  id: string;
  organizationId: string;
  /** Soft-deleted or erased: invisible to everyone. */
  deletedAt: Date | null;
}

/** Whether a visibility lets the caller see one person (`accountIds`: the accounts the person works in). */
export function seesPerson(visibility: UserVisibility, person: PersonRef, accountIds: readonly string[]): boolean {
  if (person.deletedAt || visibility.kind === 'none') return false;
  if (visibility.kind === 'all') return true;
  if (visibility.selfId === person.id) return true;
  return visibility.kind === 'accounts' && accountIds.some((id) => visibility.accountIds.includes(id));
}

/** Client-level statistics identity serves on `Client`. */
export type ClientField = 'usage' | 'employeeCount';
const CLIENT_FIELD_PERMISSION: Record<ClientField, string> = {
  usage: 'clients.usage.read',
  employeeCount: 'clients.read',
};

/** A client is visible (its reference resolves) to whoever reaches it; unknown and foreign clients alike are not. */
export async function seesClient(access: Access, clientId: string): Promise<boolean> {
  return access.isSystem || (await access.reach(clientId)) !== null;
}

/**
 * Usage and employee count are client-level: organisation scope with the permission; partners
 * through a LIMITED grant need the `core` product. Invisible: NOT_FOUND; visible but not allowed: FORBIDDEN.
 */
export async function requireClientField(access: Access, clientId: string, field: ClientField): Promise<void> {
  if (access.isSystem) return;
  const reach = await access.reach(clientId);
  if (!reach) throw notFound('Client', clientId);
  const permission = CLIENT_FIELD_PERMISSION[field];
  const allowed =
    (await access.can(permission, clientId)) &&
    (await access.scopeIn(clientId)).kind === 'organization' &&
    (reach.via !== 'grant' || reach.grant.level === 'FULL' || reach.grant.products.includes('core'));
  if (!allowed) throw forbidden(`You need ${permission} across this client to see its ${field}`);
}

// ---------------------------------------------------------------------------------------------
// Writes

/** A person an action is about, as identity holds them (tier and admin flag from PersonAccessChanged). */
export interface TargetPerson extends PersonRef {
  status: 'INVITED' | 'ACTIVE' | 'DEACTIVATED';
  tier: Role | null;
  isAdmin: boolean;
  /** The accounts the person works in (account scopes). */
  accountIds: readonly string[];
}

export interface InviteResource {
  organizationId: string;
  /** False when identity knows no such organisation (no accounts tree and no people). */
  organizationKnown: boolean;
  accessLevel: ExternalAccessLevel | null;
  accountIds: readonly string[];
  /** Every account of the organisation, from identity's copy of the accounts tree. */
  accountsOfOrganization: readonly string[];
}

export interface OrganizationResource {
  organizationId: string;
  organizationKnown: boolean;
}

interface Resources {
  'user.invite': InviteResource;
  'invitation.resend': TargetPerson;
  'invitation.revoke': TargetPerson;
  'user.deactivate': TargetPerson & {
    /** Active, not deleted holders of the organisation's admin role, the target included. */
    activeAdmins: number;
  };
  'user.reactivate': TargetPerson;
  'user.repair': TargetPerson;
  'serviceAccount.create': OrganizationResource;
  'session.end': null;
  // Public: anyone may try these; they prove who they are with what they send (password, token, link).
  'session.start': null;
  'session.refresh': null;
  'serviceToken.issue': null;
  'account.activate': null;
  'activationLink.request': null;
  'account.signUp': null;
}

/** Every change identity makes. */
export type IdentityAction = keyof Resources;

/** The permission each action on a person needs in the person's organisation. */
const PERSON_PERMISSION = {
  'invitation.resend': 'users.invite',
  'invitation.revoke': 'users.invite',
  'user.deactivate': 'users.deactivate',
  'user.reactivate': 'users.deactivate',
  'user.repair': 'users.update',
} as const;

/**
 * Refuses an action the caller may not take: NOT_FOUND when the record is invisible to it (exactly
 * as for an unknown id), FORBIDDEN when it sees the record but may not do this. Returns when allowed.
 */
export async function authorize<A extends IdentityAction>(
  access: Access,
  action: A,
  resource: Resources[A],
): Promise<void> {
  switch (action) {
    case 'user.invite':
      return authorizeInvite(access, resource as InviteResource);
    case 'invitation.resend':
    case 'invitation.revoke':
    case 'user.deactivate':
    case 'user.reactivate':
    case 'user.repair':
      return authorizeOnPerson(access, action, resource as TargetPerson & { activeAdmins?: number });
    case 'serviceAccount.create':
      return authorizeServiceAccount(access, resource as OrganizationResource);
    case 'session.end':
      if (access.principal.kind !== 'user' || !access.principal.sessionId) throw unauthenticated();
      return;
    case 'session.start':
    case 'session.refresh':
    case 'serviceToken.issue':
    case 'account.activate':
    case 'activationLink.request':
    case 'account.signUp':
      return;
    default: {
      const unexpected: never = action;
      throw new Error(`Unknown action ${String(unexpected)}`);
    }
  }
}

/** The organisation an operation acts in must exist and be reached by the caller; otherwise it is unknown to it. */
async function requireReach(access: Access, { organizationId, organizationKnown }: OrganizationResource) {
  const reach = organizationKnown ? await access.reach(organizationId) : null;
  if (!reach) throw notFound('Organization', organizationId);
  return reach;
}

async function authorizeInvite(access: Access, resource: InviteResource): Promise<void> {
  const { organizationId } = resource;
  await requireReach(access, resource);
  if (!(await access.can('users.invite', organizationId)))
    throw forbidden('You need the users.invite permission in this organisation');
  // Advanced access gives an external contact the application: granting system access is itself a permission.
  if (resource.accessLevel === 'ADVANCED' && !(await access.can('external-access.grant', organizationId)))
    throw forbidden('You need the external-access.grant permission to give an external contact advanced access');
  const known = new Set(resource.accountsOfOrganization);
  const foreign = resource.accountIds.find((id) => !known.has(id));
  if (foreign) throw notFound('Account', foreign);
  const scope = await access.scopeIn(organizationId);
  if (scope.kind === 'organization') return;
  if (scope.kind === 'accounts') {
    if (resource.accountIds.length > 0 && resource.accountIds.every((id) => scope.accountIds.has(id))) return;
    throw forbidden('You may invite users only into the accounts you manage');
  }
  throw forbidden('You may not invite users into this organisation');
}

async function authorizeOnPerson(
  access: Access,
  action: keyof typeof PERSON_PERMISSION,
  person: TargetPerson & { activeAdmins?: number },
): Promise<void> {
  const { organizationId } = person;
  if (!seesPerson(await userVisibility(access, organizationId), person, person.accountIds))
    throw notFound('User', person.id);
  const permission = PERSON_PERMISSION[action];
  if (!(await access.can(permission, organizationId)))
    throw forbidden(`You need the ${permission} permission in this organisation`);
  // Nobody changes their own access.
  if (access.isSelf(person.id)) throw forbidden('You cannot change your own access');
  const own = await access.tierIn(organizationId);
  if (own === null) throw forbidden('You need a role to act on people');
  if (person.tier !== null && roleRank(person.tier) < own)
    throw forbidden('You cannot change a user of a higher tier than yours');
  // The last admin stays: an organisation always keeps one active holder of its admin role.
  if (action === 'user.deactivate' && person.isAdmin && person.status === 'ACTIVE' && (person.activeAdmins ?? 0) <= 1)
    throw forbidden('This is the last active admin of the organisation; name another admin first');
}

async function authorizeServiceAccount(access: Access, resource: OrganizationResource): Promise<void> {
  const { organizationId } = resource;
  const reach = await requireReach(access, resource);
  if (!(await access.can('roles.manage', organizationId)))
    throw forbidden('You need the roles.manage permission in this organisation');
  if ((await access.scopeIn(organizationId)).kind !== 'organization')
    throw forbidden('Service accounts act across the organisation: you need an organisation-wide role');
  if (reach.via === 'grant' && reach.grant.level !== 'FULL')
    throw forbidden('Partners create service accounts in a client only with full access');
}

/**
 * The partner whose grant the caller acts through in an organisation, or null (home, platform).
 * What partner staff create there (invitations, service accounts) lives and dies with that grant.
 */
export async function actingThroughPartner(access: Access, organizationId: string): Promise<string | null> {
  const reach = await access.reach(organizationId);
  return reach?.via === 'grant' ? reach.grant.partnerId : null;
}

/** Internal fields (the gateway's principal check, compliance's export): Tenantry services only. */
export function requireSystem(access: Access): void {
  access.requireSystem();
}
