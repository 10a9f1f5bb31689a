/**
 * The permission catalogue. Each permission belongs to a product area, so that a partner's limited
 * access can be expressed as a set of products (docs/authorization.md, "Reach"). The permissions
 * subgraph serves it; every subgraph's policy reads it to work out what a partner grant lends.
 */
export const PRODUCTS = ['core', 'people', 'assessments', 'billing', 'compliance'] as const;
export type Product = (typeof PRODUCTS)[number];

export interface PermissionDefinition {
  key: string;
  product: Product;
  description: string;
}

export const PERMISSIONS: readonly PermissionDefinition[] = [
  { key: 'clients.read', product: 'core', description: 'See client organisations and their accounts' },
  { key: 'clients.create', product: 'core', description: 'Create client organisations' },
  { key: 'clients.update', product: 'core', description: 'Edit a client, its company profile and accounts' },
  { key: 'clients.usage.read', product: 'core', description: 'See usage statistics of clients' },
  { key: 'integrations.manage', product: 'assessments', description: 'Configure third-party assessment integrations' },
  { key: 'projects.read', product: 'assessments', description: 'See projects' },
  { key: 'projects.manage', product: 'assessments', description: 'Create and edit projects and their participants' },
  { key: 'users.read', product: 'people', description: 'Search and see users' },
  { key: 'users.invite', product: 'people', description: 'Invite users' },
  { key: 'users.update', product: 'people', description: 'Edit and repair users' },
  { key: 'users.deactivate', product: 'people', description: 'Deactivate and reactivate users' },
  { key: 'external-access.grant', product: 'people', description: 'Give external contacts access to the system' },
  { key: 'user-types.manage', product: 'people', description: 'Create, edit and assign user types' },
  { key: 'roles.manage', product: 'people', description: 'Grant and revoke roles and permission overrides' },
  { key: 'partner-access.manage', product: 'core', description: 'Invite partners and manage their access' },
  { key: 'billing.read', product: 'billing', description: 'See invoices and the wallet' },
  { key: 'billing.manage', product: 'billing', description: 'Manage payment methods and the wallet' },
  { key: 'compliance.manage', product: 'compliance', description: 'Edit retention policies and run retention sweeps' },
  { key: 'compliance.export', product: 'compliance', description: 'Export and erase personal data on request' },
  { key: 'audit.read', product: 'compliance', description: 'Read the audit log' },
];

export const ALL_PERMISSION_KEYS: readonly string[] = PERMISSIONS.map((permission) => permission.key);

const PRODUCT_OF = new Map(PERMISSIONS.map((permission) => [permission.key, permission.product]));
export const productOf = (key: string): Product | undefined => PRODUCT_OF.get(key);
