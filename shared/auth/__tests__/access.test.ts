import { Access, subtree, type AccessFacts, type AccountFact } from '../access';
import { allowedByGrant, type GrantFact } from '../grants';
import { ALL_PERMISSION_KEYS } from '../catalogue';
import { PLATFORM_ORGANIZATION_ID, type Principal, type RoleGrant } from '../principal';

const PARTNER = 'partner-1';
const CLIENT = 'client-1';
const OTHER_CLIENT = 'client-2';

const accounts: AccountFact[] = [
  { id: 'master', clientId: CLIENT, parentId: null },
  { id: 'sales', clientId: CLIENT, parentId: 'master' },
  { id: 'sales-east', clientId: CLIENT, parentId: 'sales' },
  { id: 'research', clientId: CLIENT, parentId: 'master' },
];

function factsWith(grants: GrantFact[]): AccessFacts & { grantLookups: number } {
  const facts = {
    grantLookups: 0,
    grant: async (partnerId: string, clientId: string) => {
      facts.grantLookups += 1;
      return grants.find((grant) => grant.partnerId === partnerId && grant.clientId === clientId) ?? null;
    },
    accountsOf: async (clientId: string) => accounts.filter((account) => account.clientId === clientId),
  };
  return facts;
}

const grant = (overrides: Partial<GrantFact> = {}): GrantFact => ({
  partnerId: PARTNER,
  clientId: CLIENT,
  level: 'FULL',
  products: [],
  includeWallet: false,
  status: 'ACTIVE',
  ...overrides,
});

const user = (
  organizationId: string,
  roles: Array<Omit<RoleGrant, 'organizationId'> & { organizationId?: string }>,
  homePermissions: string[],
): Principal => ({
  kind: 'user',
  userId: 'u-1',
  organizationId,
  userKind: 'EMPLOYEE',
  accessLevel: null,
  roles: roles.map((role) => ({ organizationId, ...role })),
  userType: 'Standard',
  homePermissions,
  permissions: {},
  sessionId: 's-1',
});

describe('what a partner grant lends', () => {
  it('lends nothing once it has ended', () => {
    expect(allowedByGrant(grant({ status: 'CANCELLED' })).size).toBe(0);
  });

  it('lends the client record with any active grant, and the chosen products without client-level permissions when LIMITED', () => {
    const allowed = allowedByGrant(grant({ level: 'LIMITED', products: ['people', 'core'] }));
    expect(allowed.has('clients.read')).toBe(true);
    expect(allowed.has('users.read')).toBe(true);
    expect(allowed.has('clients.usage.read')).toBe(true);
    expect(allowed.has('clients.update')).toBe(false);
    expect(allowed.has('projects.read')).toBe(false);
    expect(allowed.has('partner-access.manage')).toBe(false);
  });

  it('lends everything but partner access and client creation when FULL, billing only with the wallet', () => {
    const full = allowedByGrant(grant());
    expect(full.has('clients.update')).toBe(true);
    expect(full.has('integrations.manage')).toBe(true);
    expect(full.has('billing.read')).toBe(false);
    expect(full.has('partner-access.manage')).toBe(false);
    expect(full.has('clients.create')).toBe(false);
    expect(allowedByGrant(grant({ includeWallet: true })).has('billing.manage')).toBe(true);
    expect(
      allowedByGrant(grant({ level: 'LIMITED', products: ['billing'], includeWallet: true })).has('billing.read'),
    ).toBe(false);
  });
});

describe('Access: reach and permissions', () => {
  const partnerAdmin = user(PARTNER, [{ role: 'PARTNER_ADMIN', accountIds: [] }], [...ALL_PERMISSION_KEYS]);

  it('gives a partner its home permissions limited by the grant it acts through, and nothing without a grant', async () => {
    const access = new Access(partnerAdmin, factsWith([grant({ level: 'LIMITED', products: ['people'] })]));
    expect(await access.can('users.read', CLIENT)).toBe(true);
    expect(await access.can('projects.read', CLIENT)).toBe(false);
    expect(await access.can('clients.update', CLIENT)).toBe(false);
    expect(await access.can('users.read', OTHER_CLIENT)).toBe(false);
    expect(await access.can('partner-access.manage', PARTNER)).toBe(true);
    expect(await access.tierIn(CLIENT)).toBe(1);
    expect(await access.tierIn(OTHER_CLIENT)).toBeNull();
  });

  it('never lends more than the partner holds at home', async () => {
    const consultant = user(PARTNER, [{ role: 'MEMBER', accountIds: [] }], ['clients.read', 'users.read']);
    const access = new Access(consultant, factsWith([grant()]));
    expect(await access.can('users.read', CLIENT)).toBe(true);
    expect(await access.can('users.invite', CLIENT)).toBe(false);
  });

  it('ends with a cancelled grant', async () => {
    const access = new Access(partnerAdmin, factsWith([grant({ status: 'CANCELLED' })]));
    expect(await access.reach(CLIENT)).toBeNull();
    expect(await access.permissionsIn(CLIENT)).toEqual(new Set());
  });

  it('asks for each grant once per request', async () => {
    const facts = factsWith([grant()]);
    const access = new Access(partnerAdmin, facts);
    await Promise.all([
      access.can('users.read', CLIENT),
      access.can('clients.read', CLIENT),
      access.scopeIn(CLIENT),
      access.tierIn(CLIENT),
    ]);
    expect(facts.grantLookups).toBe(1);
  });

  it('lets operators do everything everywhere, and platform principals use their permissions everywhere', async () => {
    const operator = new Access(
      user(PLATFORM_ORGANIZATION_ID, [{ role: 'PLATFORM_OPERATOR', accountIds: [] }], []),
      factsWith([]),
    );
    expect(await operator.can('billing.manage', CLIENT)).toBe(true);
    expect(await operator.tierIn(CLIENT)).toBe(0);
    const tools: Principal = {
      kind: 'service',
      serviceAccountId: 'svc',
      organizationId: PLATFORM_ORGANIZATION_ID,
      roles: [],
      userType: 'Service',
      homePermissions: ['clients.read'],
      boundToPartnerId: null,
      permissions: {},
    };
    const access = new Access(tools, factsWith([]));
    expect(await access.can('clients.read', OTHER_CLIENT)).toBe(true);
    expect(await access.can('users.read', OTHER_CLIENT)).toBe(false);
    expect(await access.tierIn(OTHER_CLIENT)).toBeNull();
  });

  it('binds a service account partner staff created in a client to their grant', async () => {
    const bound: Principal = {
      kind: 'service',
      serviceAccountId: 'svc',
      organizationId: CLIENT,
      roles: [],
      userType: 'Service',
      homePermissions: ['users.read', 'clients.update'],
      boundToPartnerId: PARTNER,
      permissions: {},
    };
    expect(
      await new Access(bound, factsWith([grant({ level: 'LIMITED', products: ['people'] })])).permissionsIn(CLIENT),
    ).toEqual(new Set(['users.read']));
    expect(await new Access(bound, factsWith([grant({ status: 'CANCELLED' })])).permissionsIn(CLIENT)).toEqual(
      new Set(),
    );
  });

  it('refuses anonymous callers everything', async () => {
    const access = new Access({ kind: 'anonymous' }, factsWith([]));
    expect(await access.can('clients.read', CLIENT)).toBe(false);
    expect(access.actorId).toBeNull();
    expect(() => access.requireSystem()).toThrow('Only Tenantry services');
  });
});

describe('Access: scopes', () => {
  it('limits a manager of one account to it and the accounts below it', async () => {
    const manager = user(CLIENT, [{ role: 'MANAGER', accountIds: ['sales'] }], ['users.read']);
    expect(await new Access(manager, factsWith([])).scopeIn(CLIENT)).toEqual({
      kind: 'accounts',
      accountIds: new Set(['sales', 'sales-east']),
    });
  });

  it('gives an organisation-wide role, partner staff and operators the whole organisation', async () => {
    const member = user(
      CLIENT,
      [
        { role: 'MEMBER', accountIds: [] },
        { role: 'MANAGER', accountIds: ['sales'] },
      ],
      [],
    );
    expect((await new Access(member, factsWith([])).scopeIn(CLIENT)).kind).toBe('organization');
    const partnerStaff = user(PARTNER, [{ role: 'MEMBER', accountIds: [] }], ['users.read']);
    expect((await new Access(partnerStaff, factsWith([grant()])).scopeIn(CLIENT)).kind).toBe('organization');
  });

  it('keeps external contacts and participants to what they joined', async () => {
    const external = user(CLIENT, [{ role: 'EXTERNAL', accountIds: [] }], ['projects.read']);
    expect((await new Access(external, factsWith([])).scopeIn(CLIENT)).kind).toBe('external');
    expect((await new Access(external, factsWith([])).scopeIn(OTHER_CLIENT)).kind).toBe('none');
  });

  it('expands a subtree and ignores accounts of other trees', () => {
    expect(subtree(accounts, ['research', 'unknown'])).toEqual(new Set(['research']));
    expect(subtree(accounts, ['master']).size).toBe(4);
  });
});
