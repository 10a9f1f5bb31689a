import { Kind, type ConstDirectiveNode } from 'graphql';
import { ALL_PERMISSION_KEYS } from './catalogue';
import { roleRank, type Principal, type Role, type RoleGrant } from './principal';

/** Organisation key under which an operator's permissions apply everywhere. */
export const EVERY_ORGANIZATION = '*';

export const AUTHZ_DIRECTIVES = ['requiresAuth', 'requiresRole', 'requiresUserType', 'requiresPermission'] as const;

export const isSignedIn = (principal: Principal): boolean => principal.kind === 'user' || principal.kind === 'service';

const rolesOf = (principal: Principal): RoleGrant[] =>
  principal.kind === 'user' || principal.kind === 'service' ? principal.roles : [];

/** The principal's best (lowest-ranked) tier, in one organisation or anywhere; null when it holds no role. */
export function bestRank(principal: Principal, organizationId?: string): number | null {
  const ranks = rolesOf(principal)
    .filter(
      (grant) =>
        organizationId === undefined || grant.organizationId === organizationId || grant.role === 'PLATFORM_OPERATOR',
    )
    .map((grant) => roleRank(grant.role));
  return ranks.length === 0 ? null : Math.min(...ranks);
}

/** Holds one of `roles` or a higher one (anywhere, or in the given organisation). */
export function holdsRole(principal: Principal, roles: readonly Role[], organizationId?: string): boolean {
  const best = bestRank(principal, organizationId);
  return best !== null && roles.some((role) => best <= roleRank(role));
}

export function hasUserType(principal: Principal, types: readonly string[]): boolean {
  return (
    (principal.kind === 'user' || principal.kind === 'service') &&
    principal.userType !== null &&
    types.includes(principal.userType)
  );
}

/** Legacy (see guard.ts): permission keys the principal holds in an organisation, from the per-organisation map. */
export function permissionsIn(principal: Principal, organizationId: string): ReadonlySet<string> {
  if (principal.kind !== 'user' && principal.kind !== 'service') return new Set();
  return new Set([
    ...(principal.permissions[EVERY_ORGANIZATION] ?? []),
    ...(principal.permissions[organizationId] ?? []),
  ]);
}

/**
 * Permissions held somewhere: at home (reach never lends more than home holds, see
 * shared/auth/access.ts), or every key for an operator. What the gateway and the subgraphs' directive
 * checks use before the organisation a field belongs to is known; the policy decides per organisation.
 */
export function heldPermissions(principal: Principal): ReadonlySet<string> {
  if (principal.kind !== 'user' && principal.kind !== 'service') return new Set();
  if (isOperator(principal)) return new Set(ALL_PERMISSION_KEYS);
  return new Set(principal.homePermissions);
}

/** The operator role holds every permission everywhere. */
export const isOperator = (principal: Principal): boolean =>
  (principal.kind === 'user' || principal.kind === 'service') &&
  principal.roles.some((role) => role.role === 'PLATFORM_OPERATOR');

/**
 * True when some inner list of `anyOf` is held entirely: in the given organisation (legacy map, see
 * guard.ts), or without one, somewhere (heldPermissions).
 */
export function hasPermissions(
  principal: Principal,
  anyOf: ReadonlyArray<readonly string[]>,
  organizationId?: string,
): boolean {
  if (principal.kind !== 'user' && principal.kind !== 'service') return false;
  if (organizationId === undefined && isOperator(principal)) return true;
  const held = organizationId === undefined ? heldPermissions(principal) : permissionsIn(principal, organizationId);
  return anyOf.some((all) => all.every((key) => held.has(key)));
}

function listArgument(directive: ConstDirectiveNode, name: string): unknown[] {
  const argument = directive.arguments?.find((arg) => arg.name.value === name);
  const toValue = (node: NonNullable<typeof argument>['value']): unknown => {
    switch (node.kind) {
      case Kind.LIST:
        return node.values.map(toValue);
      case Kind.STRING:
      case Kind.ENUM:
        return node.value;
      default:
        return null;
    }
  };
  const value = argument ? toValue(argument.value) : [];
  return Array.isArray(value) ? value : [value];
}

/** Evaluates the authorization directives found on a field or type for a principal. All must pass. */
export function satisfiesDirectives(
  principal: Principal,
  directives: readonly ConstDirectiveNode[] | undefined,
  organizationId?: string,
): boolean {
  for (const directive of directives ?? []) {
    switch (directive.name.value) {
      case 'requiresAuth':
        if (!isSignedIn(principal)) return false;
        break;
      case 'requiresRole':
        if (!holdsRole(principal, listArgument(directive, 'roles') as Role[], organizationId)) return false;
        break;
      case 'requiresUserType':
        if (!hasUserType(principal, listArgument(directive, 'types') as string[])) return false;
        break;
      case 'requiresPermission':
        if (
          !hasPermissions(
            principal,
            listArgument(directive, 'permissions').map((inner) => (Array.isArray(inner) ? inner : [inner]) as string[]),
            organizationId,
          )
        )
          return false;
        break;
      default:
        break;
    }
  }
  return true;
}
