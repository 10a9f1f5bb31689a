import { bestRank, EVERY_ORGANIZATION } from '../../shared/auth/authz';
import { can, organizationsWith } from '../../shared/auth/guard';
import { PLATFORM_ORGANIZATION_ID, roleRank, type Principal } from '../../shared/auth/principal';
import type { AccountEntity } from './entities';

/** An organisation is readable by its own members, and by holders of clients.read in it (partners through their grant). */
export function mayReadOrganization(principal: Principal, organizationId: string): boolean {
  if ((principal.kind === 'user' || principal.kind === 'service') && principal.organizationId === organizationId)
    return true;
  return can(principal, 'clients.read', organizationId);
}

/** The clients a list may show: every one for operators, else those where clients.read is held. */
export const readableClients = (principal: Principal): 'all' | string[] => organizationsWith(principal, 'clients.read');

/**
 * Accounts a principal may see in a client: all of them with an organisation-wide role, operator
 * rights or partner access; otherwise only the accounts its roles are limited to, and their sub-accounts.
 */
export function visibleAccounts(principal: Principal, clientId: string, accounts: AccountEntity[]): AccountEntity[] {
  if (principal.kind !== 'user' && principal.kind !== 'service') return [];
  if (principal.permissions[EVERY_ORGANIZATION]) return accounts;
  const roles = principal.roles.filter((role) => role.organizationId === clientId);
  if (roles.length === 0) return can(principal, 'clients.read', clientId) ? accounts : [];
  if (roles.some((role) => role.accountIds.length === 0)) return accounts;
  const visible = new Set(roles.flatMap((role) => role.accountIds));
  // Sub-accounts of a visible account are visible: walk down until nothing new is added.
  let added = true;
  while (added) {
    added = false;
    for (const account of accounts) {
      if (account.parentId && visible.has(account.parentId) && !visible.has(account.id)) {
        visible.add(account.id);
        added = true;
      }
    }
  }
  return accounts.filter((account) => visible.has(account.id));
}

/**
 * True when the principal acts for the organisation itself (a user or service account at home there)
 * or for the platform (operators, internal tools) - not merely through a partner grant.
 */
export function actsForOrganization(principal: Principal, organizationId: string): boolean {
  if (principal.kind !== 'user' && principal.kind !== 'service') return false;
  return principal.organizationId === organizationId || principal.organizationId === PLATFORM_ORGANIZATION_ID;
}

/** Roles limited to external contacts and participants in a client: such a principal sees only what is shared with it. */
export function isExternalIn(principal: Principal, clientId: string): boolean {
  if (principal.kind !== 'user' && principal.kind !== 'service') return true;
  if (principal.permissions[EVERY_ORGANIZATION]) return false;
  const best = bestRank(principal, clientId);
  return best !== null && best >= roleRank('EXTERNAL');
}
