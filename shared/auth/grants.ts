import { PERMISSIONS } from './catalogue';

export type GrantLevel = 'LIMITED' | 'FULL';
export type GrantStatus = 'ACTIVE' | 'CANCELLED';

/** What a client allows one partner, as every subgraph knows it (tenancy owns it; the others keep a copy). */
export interface GrantFact {
  partnerId: string;
  clientId: string;
  level: GrantLevel;
  /** LIMITED: the products lent (lower case, as in the catalogue). */
  products: readonly string[];
  includeWallet: boolean;
  status: GrantStatus;
}

/**
 * Client-level permissions: a partner holds them in a client only with FULL access (suspension,
 * company profile, accounts tree, integrations, retention policy). Billing also needs the wallet.
 */
export const CLIENT_LEVEL_PERMISSIONS: ReadonlySet<string> = new Set([
  'clients.update',
  'integrations.manage',
  'compliance.manage',
  'billing.read',
  'billing.manage',
]);

/** Never lent through a grant: a client's partnerships are its own business, and clients are created by partners for themselves. */
export const NEVER_LENT: ReadonlySet<string> = new Set(['partner-access.manage', 'clients.create']);

const allowanceCache = new Map<string, ReadonlySet<string>>();

/**
 * The permissions a grant lets a partner's staff use in the client (before their own permissions
 * limit them further). An ended grant lends nothing; any active one lends `clients.read`, so a
 * partner sees which client it manages.
 */
export function allowedByGrant(
  grant: Pick<GrantFact, 'level' | 'products' | 'includeWallet' | 'status'>,
): ReadonlySet<string> {
  if (grant.status !== 'ACTIVE') return new Set();
  const signature = `${grant.level}|${grant.includeWallet}|${[...grant.products].sort().join(',')}`;
  const cached = allowanceCache.get(signature);
  if (cached) return cached;
  const allowed = new Set<string>(['clients.read']);
  for (const { key, product } of PERMISSIONS) {
    if (NEVER_LENT.has(key)) continue;
    if (product === 'billing') {
      if (grant.level === 'FULL' && grant.includeWallet) allowed.add(key);
    } else if (grant.level === 'FULL') {
      allowed.add(key);
    } else if (!CLIENT_LEVEL_PERMISSIONS.has(key) && grant.products.includes(product)) {
      allowed.add(key);
    }
  }
  allowanceCache.set(signature, allowed);
  return allowed;
}
