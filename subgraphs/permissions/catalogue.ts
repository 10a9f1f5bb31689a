import { ALL_PERMISSION_KEYS } from '../../shared/auth/catalogue';

// The catalogue itself lives in shared/auth/catalogue.ts: every subgraph's policy reads it to work out
// what a partner grant lends. This subgraph serves it and adds the user types built from it.
export { ALL_PERMISSION_KEYS, PERMISSIONS, PRODUCTS, type Product } from '../../shared/auth/catalogue';

/** User types every organisation gets when it is created. */
export const PREDEFINED_USER_TYPES: ReadonlyArray<{
  name: string;
  description: string;
  permissions: readonly string[];
  isDefault: boolean;
}> = [
  {
    name: 'Organization Admin',
    description: 'Administers the whole organisation',
    permissions: ALL_PERMISSION_KEYS,
    isDefault: false,
  },
  {
    name: 'Standard',
    description: 'Everything except administration',
    permissions: ['clients.read', 'clients.usage.read', 'projects.read', 'projects.manage', 'users.read'],
    isDefault: true,
  },
  {
    name: 'External Contact',
    description: 'Portal access to what is shared with them',
    permissions: ['projects.read'],
    isDefault: false,
  },
  { name: 'Participant', description: 'Takes assessments in projects', permissions: [], isDefault: false },
];
