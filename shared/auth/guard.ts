import { EVERY_ORGANIZATION, hasPermissions } from './authz';
import { forbidden } from '../runtime/errors';
import type { Principal } from './principal';

/**
 * Organisation-level checks every subgraph makes after the directives passed: a permission held in
 * one organisation says nothing about another.
 */
export const can = (principal: Principal, permission: string, organizationId: string): boolean =>
  hasPermissions(principal, [[permission]], organizationId);

export function requirePermission(principal: Principal, permission: string, organizationId: string): void {
  if (!can(principal, permission, organizationId))
    throw forbidden(`You need the ${permission} permission in this organisation`);
}

/** The organisations where the principal holds a permission: every one (operators) or a list, for scoping queries. */
export function organizationsWith(principal: Principal, permission: string): 'all' | string[] {
  if (principal.kind !== 'user' && principal.kind !== 'service') return [];
  if (principal.permissions[EVERY_ORGANIZATION]?.includes(permission)) return 'all';
  return Object.entries(principal.permissions)
    .filter(([, keys]) => keys.includes(permission))
    .map(([organizationId]) => organizationId);
}

export const isSystem = (principal: Principal): boolean => principal.kind === 'system';

export function requireSystem(principal: Principal): void {
  if (!isSystem(principal)) throw forbidden('Only Tenantry services may call this');
}

/** The acting user or service account id, for audit and "is this me" checks. */
export const actorId = (principal: Principal): string | null =>
  principal.kind === 'user'
    ? principal.userId
    : principal.kind === 'service'
      ? principal.serviceAccountId
      : principal.kind === 'system'
        ? `system:${principal.service}`
        : null;
