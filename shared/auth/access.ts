import { isOperator } from './authz';
import { ALL_PERMISSION_KEYS } from './catalogue';
import { allowedByGrant, type GrantFact } from './grants';
import { PLATFORM_ORGANIZATION_ID, roleRank, type Principal } from './principal';
import { forbidden } from '../runtime/errors';

/** A client's account as the policy sees it: enough to expand a role's accounts to their subtree. */
export interface AccountFact {
  id: string;
  clientId: string;
  parentId: string | null;
}

/**
 * What a subgraph knows that access decisions depend on. Tenancy answers from its own tables; the
 * other subgraphs from copies fed by events (shared/auth/facts.ts). Implementations batch per request.
 */
export interface AccessFacts {
  /** The grant (any status) of a client to a partner, or null. */
  grant(partnerId: string, clientId: string): Promise<GrantFact | null>;
  /** Every account of a client. */
  accountsOf(clientId: string): Promise<readonly AccountFact[]>;
}

/** How a principal reaches an organisation (docs/authorization.md, "Reach"). */
export type Reach = { via: 'home' } | { via: 'platform' } | { via: 'grant'; grant: GrantFact };

/** What a principal sees inside an organisation it reaches (docs/authorization.md, "Scopes"). */
export type Scope =
  | { kind: 'none' }
  | { kind: 'organization' }
  | { kind: 'accounts'; accountIds: ReadonlySet<string> }
  | { kind: 'external' };

const NONE: Scope = { kind: 'none' };
const ORGANIZATION: Scope = { kind: 'organization' };
const EXTERNAL: Scope = { kind: 'external' };
const EVERYTHING: ReadonlySet<string> = new Set(ALL_PERMISSION_KEYS);
const NOTHING: ReadonlySet<string> = new Set();
const EXTERNAL_RANK = roleRank('EXTERNAL');

/**
 * The caller's access for one request: every decision about who may read or do what goes through
 * here or through the subgraph's policy module built on it. Lookups of facts are memoised per
 * organisation, so a page of fifty clients asks for each grant once, in one batch.
 */
export class Access {
  private readonly reaches = new Map<string, Promise<Reach | null>>();
  private readonly scopes = new Map<string, Promise<Scope>>();

  constructor(
    readonly principal: Principal,
    private readonly facts: AccessFacts,
  ) {}

  /** The acting user's or service account's id; `system:<service>` for services; null when anonymous. */
  get actorId(): string | null {
    const { principal } = this;
    switch (principal.kind) {
      case 'user':
        return principal.userId;
      case 'service':
        return principal.serviceAccountId;
      case 'system':
        return `system:${principal.service}`;
      case 'anonymous':
        return null;
      default: {
        const unexpected: never = principal;
        return unexpected;
      }
    }
  }

  /** The home organisation of a signed-in user or service account. */
  get homeOrganizationId(): string | null {
    const { principal } = this;
    return principal.kind === 'user' || principal.kind === 'service' ? principal.organizationId : null;
  }

  get isSystem(): boolean {
    return this.principal.kind === 'system';
  }

  get isSignedIn(): boolean {
    return this.principal.kind === 'user' || this.principal.kind === 'service';
  }

  /** True when `subjectId` is the caller (a user or a service account). */
  isSelf(subjectId: string): boolean {
    const { principal } = this;
    return (
      (principal.kind === 'user' && principal.userId === subjectId) ||
      (principal.kind === 'service' && principal.serviceAccountId === subjectId)
    );
  }

  /** Operators hold every permission everywhere. */
  get isOperator(): boolean {
    return isOperator(this.principal);
  }

  /** Refuses anyone but a Tenantry service (internal fields, event delivery). */
  requireSystem(): void {
    if (!this.isSystem) throw forbidden('Only Tenantry services may call this');
  }

  /** The caller's best tier at home: its best role in its home organisation (or the operator role). */
  get homeRank(): number | null {
    const { principal } = this;
    if (principal.kind !== 'user' && principal.kind !== 'service') return null;
    const ranks = principal.roles
      .filter((role) => role.organizationId === principal.organizationId || role.role === 'PLATFORM_OPERATOR')
      .map((role) => roleRank(role.role));
    return ranks.length === 0 ? null : Math.min(...ranks);
  }

  /** How the caller reaches `organizationId`, or null when it does not. */
  reach(organizationId: string): Promise<Reach | null> {
    let reach = this.reaches.get(organizationId);
    if (!reach) {
      reach = this.resolveReach(organizationId);
      this.reaches.set(organizationId, reach);
    }
    return reach;
  }

  private async resolveReach(organizationId: string): Promise<Reach | null> {
    const { principal } = this;
    if (principal.kind !== 'user' && principal.kind !== 'service') return null;
    const home = principal.organizationId;
    if (this.isOperator || home === PLATFORM_ORGANIZATION_ID)
      return home === organizationId ? { via: 'home' } : { via: 'platform' };
    if (principal.kind === 'service' && principal.boundToPartnerId) {
      // A service account partner staff created through a grant lives and dies with that grant.
      if (organizationId !== home) return null;
      const grant = await this.facts.grant(principal.boundToPartnerId, home);
      return grant?.status === 'ACTIVE' ? { via: 'grant', grant } : null;
    }
    if (home === organizationId) return { via: 'home' };
    if (home === null) return null;
    const grant = await this.facts.grant(home, organizationId);
    return grant?.status === 'ACTIVE' ? { via: 'grant', grant } : null;
  }

  /** The permissions the caller holds in an organisation: home permissions, limited by the grant it acts through. */
  async permissionsIn(organizationId: string): Promise<ReadonlySet<string>> {
    const { principal } = this;
    if (principal.kind !== 'user' && principal.kind !== 'service') return NOTHING;
    if (this.isOperator) return EVERYTHING;
    const reach = await this.reach(organizationId);
    if (!reach) return NOTHING;
    const home = new Set(principal.homePermissions);
    if (reach.via !== 'grant') return home;
    const allowed = allowedByGrant(reach.grant);
    return new Set([...home].filter((key) => allowed.has(key)));
  }

  async can(permission: string, organizationId: string): Promise<boolean> {
    return this.isOperator || (await this.permissionsIn(organizationId)).has(permission);
  }

  /** True when the caller holds every one of `permissions` in the organisation. */
  async canAll(permissions: readonly string[], organizationId: string): Promise<boolean> {
    const held = await this.permissionsIn(organizationId);
    return permissions.every((permission) => held.has(permission));
  }

  /** The caller's tier in an organisation it reaches: its home tier (partner staff act at their own tier); null otherwise. */
  async tierIn(organizationId: string): Promise<number | null> {
    return (await this.reach(organizationId)) ? this.homeRank : null;
  }

  /** What the caller sees inside an organisation. */
  scopeIn(organizationId: string): Promise<Scope> {
    let scope = this.scopes.get(organizationId);
    if (!scope) {
      scope = this.resolveScope(organizationId);
      this.scopes.set(organizationId, scope);
    }
    return scope;
  }

  private async resolveScope(organizationId: string): Promise<Scope> {
    const { principal } = this;
    const reach = await this.reach(organizationId);
    if (!reach || (principal.kind !== 'user' && principal.kind !== 'service')) return NONE;
    if (reach.via !== 'home' || principal.kind === 'service') return ORGANIZATION;
    const roles = principal.roles.filter((role) => role.organizationId === organizationId);
    const working = roles.filter((role) => roleRank(role.role) < EXTERNAL_RANK);
    // Without a role above the external tiers a user sees only itself and what it joined.
    if (working.length === 0) return EXTERNAL;
    if (working.some((role) => role.accountIds.length === 0)) return ORGANIZATION;
    return {
      kind: 'accounts',
      accountIds: subtree(
        await this.facts.accountsOf(organizationId),
        working.flatMap((role) => role.accountIds),
      ),
    };
  }
}

/** The given accounts and every account below them. */
export function subtree(accounts: readonly AccountFact[], roots: readonly string[]): ReadonlySet<string> {
  const known = new Set(accounts.map((account) => account.id));
  const visible = new Set(roots.filter((id) => known.has(id)));
  const children = new Map<string, string[]>();
  for (const account of accounts)
    if (account.parentId) children.set(account.parentId, [...(children.get(account.parentId) ?? []), account.id]);
  const queue = [...visible];
  while (queue.length > 0) {
    for (const child of children.get(queue.pop()!) ?? []) {
      if (!visible.has(child)) {
        visible.add(child);
        queue.push(child);
      }
    }
  }
  return visible;
}
