import { Access, type AccessFacts } from '../../../shared/auth/access';
import { ALL_PERMISSION_KEYS } from '../../../shared/auth/catalogue';
import type { GrantFact } from '../../../shared/auth/grants';
import { PLATFORM_ORGANIZATION_ID, type Principal, type Role } from '../../../shared/auth/principal';
import {
  authorize,
  mayListDataSubjectRequests,
  mayReadAuditLog,
  mayReadRetentionPolicy,
  mayReadRetentionState,
  maySeePerson,
  type Subject,
} from '../policy';

/**
 * Compliance's rules, scope by scope (docs/authorization.md, "What each scope may read and do"),
 * over facts held in memory: the cases the demo personas cannot reach through the graph, such as
 * an account-scoped manager or an external contact whose user type holds compliance permissions.
 */
const CLIENT = 'client-1';
const OTHER_CLIENT = 'client-2';
const PARTNER = 'partner-1';
const COMPLIANCE = ['compliance.manage', 'compliance.export', 'audit.read'];

const grants: Record<string, GrantFact> = {
  [`${PARTNER}|${CLIENT}`]: {
    partnerId: PARTNER,
    clientId: CLIENT,
    level: 'FULL',
    products: [],
    includeWallet: false,
    status: 'ACTIVE',
  },
  [`${PARTNER}|${OTHER_CLIENT}`]: {
    partnerId: PARTNER,
    clientId: OTHER_CLIENT,
    level: 'LIMITED',
    products: ['compliance'],
    includeWallet: false,
    status: 'ACTIVE',
  },
};
const facts: AccessFacts = {
  grant: async (partnerId, clientId) => grants[`${partnerId}|${clientId}`] ?? null,
  accountsOf: async () => [
    { id: 'sales', clientId: CLIENT, parentId: null },
    { id: 'ops', clientId: CLIENT, parentId: null },
  ],
};

function user(organizationId: string, role: Role, permissions: string[], accountIds: string[] = []): Access {
  const principal: Principal = {
    kind: 'user',
    userId: `${role}-${organizationId}`,
    organizationId,
    userKind: role === 'EXTERNAL' ? 'EXTERNAL' : 'EMPLOYEE',
    accessLevel: role === 'EXTERNAL' ? 'BASIC' : null,
    roles: [{ role, organizationId, accountIds }],
    userType: 'Custom',
    homePermissions: permissions,
    permissions: { [organizationId]: permissions },
    sessionId: 's',
  };
  return new Access(principal, facts);
}

const person = (organizationId: string | null, gone = false): Subject => ({
  userId: `person-of-${organizationId}`,
  organizationId,
  gone,
});

const clientAdmin = user(CLIENT, 'CLIENT_ADMIN', [...ALL_PERMISSION_KEYS]);
const accountManager = user(CLIENT, 'MANAGER', COMPLIANCE, ['sales']);
const external = user(CLIENT, 'EXTERNAL', COMPLIANCE);
const partnerAdmin = user(PARTNER, 'PARTNER_ADMIN', [...ALL_PERMISSION_KEYS]);
const operator = user(PLATFORM_ORGANIZATION_ID, 'PLATFORM_OPERATOR', []);
const system = new Access({ kind: 'system', service: 'compliance' }, facts);

describe('compliance policy', () => {
  it('gives compliance data only to organisation-wide holders of the permission', async () => {
    for (const [access, expected] of [
      [clientAdmin, true],
      [operator, true],
      [partnerAdmin, true],
      [accountManager, false],
      [external, false],
      [system, false],
    ] as const) {
      expect(await mayReadRetentionPolicy(access, CLIENT)).toBe(expected);
      expect(await mayReadAuditLog(access, CLIENT)).toBe(expected);
      expect(await mayListDataSubjectRequests(access, CLIENT)).toBe(expected);
      expect(await mayReadRetentionState(access, person(CLIENT))).toBe(expected);
    }
  });

  it('lends a LIMITED (compliance) partner the audit log and exports, never the client-level retention policy', async () => {
    expect(await mayReadAuditLog(partnerAdmin, OTHER_CLIENT)).toBe(true);
    expect(await mayListDataSubjectRequests(partnerAdmin, OTHER_CLIENT)).toBe(true);
    expect(await mayReadRetentionPolicy(partnerAdmin, OTHER_CLIENT)).toBe(false);
    await expect(authorize(partnerAdmin, 'data-subject.export', person(OTHER_CLIENT))).resolves.toBe(OTHER_CLIENT);
    await expect(authorize(partnerAdmin, 'consent.record', person(OTHER_CLIENT))).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
    await expect(authorize(partnerAdmin, 'retention-policy.update', { clientId: OTHER_CLIENT })).rejects.toMatchObject({
      message: `Client ${OTHER_CLIENT} was not found`,
      extensions: { code: 'NOT_FOUND' },
    });
  });

  it('hides gone and unannounced people from everyone but an unannounced person themself', async () => {
    expect(await maySeePerson(clientAdmin, person(CLIENT, true))).toBe(false);
    expect(await maySeePerson(operator, person(CLIENT, true))).toBe(false);
    expect(await maySeePerson(clientAdmin, person(null))).toBe(false);
    const newcomer = user(CLIENT, 'PARTICIPANT', []);
    const self: Subject = { userId: `PARTICIPANT-${CLIENT}`, organizationId: null, gone: false };
    expect(await maySeePerson(newcomer, self)).toBe(true);
    await expect(authorize(newcomer, 'consent.record', self)).resolves.toBe(CLIENT);
    await expect(authorize(newcomer, 'consent.record', { ...self, gone: true })).rejects.toMatchObject({
      extensions: { code: 'NOT_FOUND' },
    });
  });

  it('answers NOT_FOUND alike for an unknown person and one out of sight, FORBIDDEN only in sight', async () => {
    for (const access of [accountManager, external, user(OTHER_CLIENT, 'CLIENT_ADMIN', [...ALL_PERMISSION_KEYS])])
      await expect(authorize(access, 'data-subject.erase', person(CLIENT))).rejects.toMatchObject({
        message: `User person-of-${CLIENT} was not found`,
        extensions: { code: 'NOT_FOUND' },
      });
    const exporter = user(CLIENT, 'CLIENT_ADMIN', ['compliance.export']);
    await expect(
      authorize(exporter, 'consent.withdraw', {
        consentId: 'c1',
        consent: { id: 'c1', userId: person(CLIENT).userId },
        subject: person(CLIENT),
      }),
    ).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    await expect(
      authorize(exporter, 'consent.withdraw', { consentId: 'c1', consent: null, subject: null }),
    ).rejects.toMatchObject({ message: 'ConsentRecord c1 was not found' });
  });

  it('lets operators and compliance itself sweep, nobody else', async () => {
    await expect(authorize(operator, 'retention.sweep', null)).resolves.toBeUndefined();
    await expect(authorize(system, 'retention.sweep', null)).resolves.toBeUndefined();
    await expect(authorize(clientAdmin, 'retention.sweep', null)).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
  });
});
