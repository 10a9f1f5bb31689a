/**
 * The demo world every subgraph seeds its own share of on first start (and tests seed at chosen
 * sizes). Ids are derived from names, so the four databases agree without reading each other.
 */
import { PLATFORM_ORGANIZATION_ID, type Role } from '../shared/auth/principal';
import { stableId } from '../shared/runtime/ids';
import type { UserKind, UserStatus } from '../subgraphs/identity/domain';
import type { FactSet } from '../shared/subgraph/facts';

export interface DemoOrganization {
  id: string;
  name: string;
  createdAt: Date;
}
export interface DemoPartner extends DemoOrganization {
  /** The platform's own organisation, home of the operators. */
  isOperator: boolean;
}
export interface DemoAccount {
  id: string;
  name: string;
  parentId: string | null;
}
export interface DemoClient extends DemoOrganization {
  partnerId: string;
  subdomain: string;
  emailDomain: string;
  /** Whether people with an email of emailDomain may sign up themselves (the first client only). */
  selfEnrollment: boolean;
  accounts: DemoAccount[];
  /** The client admin, named legal representative in the company profile (tenancy). */
  legalRepresentativeId: string;
  /** Catalogue products the client uses (lower case, as in subgraphs/permissions/catalogue.ts). */
  products: string[];
  /** Projects with the participants who joined them (tenancy publishes ProjectJoined for each). */
  projects: DemoProject[];
}
export interface DemoProject {
  id: string;
  name: string;
  accountId: string | null;
  participantIds: string[];
}
export interface DemoUser {
  id: string;
  organizationId: string;
  email: string;
  username: string;
  firstName: string;
  lastName: string;
  kind: UserKind;
  /** External contacts only: BASIC (portal) or ADVANCED (full app with limits); null otherwise. */
  accessLevel: 'BASIC' | 'ADVANCED' | null;
  status: UserStatus;
  /** Plain demo password (hashed by identity when seeding); null: no password set. */
  password: string | null;
  userTypeName: string;
  roles: Array<{ role: Role; organizationId: string; accountIds: string[] }>;
  createdAt: Date;
  /** Days before the seed time on which this user signed in. */
  loginDaysAgo: number[];
}
export interface DemoGrant {
  clientId: string;
  partnerId: string;
  level: 'LIMITED' | 'FULL';
  products: string[];
  includeWallet: boolean;
}
export interface DemoServiceAccount {
  id: string;
  organizationId: string;
  name: string;
  clientId: string;
  clientSecret: string;
  permissions: string[];
}
export interface DemoDataset {
  partners: DemoPartner[];
  clients: DemoClient[];
  users: DemoUser[];
  /** Accepted partner access: the managing partner has FULL access, except the last client of each partner (LIMITED to people). */
  grants: DemoGrant[];
  serviceAccounts: DemoServiceAccount[];
}

export const DEMO_PASSWORD = 'Tenantry-demo-2026!';
export const DEMO_SERVICE_SECRET = 'demo-internal-tools-secret-change-me';
export const DEMO_SERVICE_CLIENT_ID = 'svc_internal_tools_demo';

const PARTNER_NAMES = ['Northwind Advisory', 'Bluepeak Consulting', 'Cedar Lane Partners', 'Harbor Point Group'];
const CLIENT_NAMES = [
  'Acme Robotics',
  'Globex Foods',
  'Initech Labs',
  'Umbrella Health',
  'Stark Logistics',
  'Wayne Textiles',
  'Hooli Media',
  'Vandelay Imports',
  'Soylent Farms',
  'Tyrell Optics',
];
const FIRST = [
  'Ana',
  'Bruno',
  'Chiara',
  'Dmitri',
  'Elif',
  'Farid',
  'Grete',
  'Hiro',
  'Inés',
  'Jonas',
  'Kemal',
  'Lucía',
  'Mihai',
  'Nora',
  'Oskar',
  'Priya',
];
const LAST = [
  'Alvarez',
  'Brandt',
  'Costa',
  'Dinu',
  'Eriksen',
  'Fischer',
  'García',
  'Horvat',
  'Ionescu',
  'Jensen',
  'Kowalski',
  'López',
  'Moreau',
  'Novak',
  'Olsen',
  'Petrov',
];

export interface DatasetOptions {
  partners?: number;
  clientsPerPartner?: number;
  /** Extra member employees per client, beyond the one of each persona. */
  extraUsersPerClient?: number;
  /** Give personas the demo password (hashing is slow; bulk test data leaves it off). */
  withPasswords?: boolean;
  seedTime?: Date;
}

const slug = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** Builds the demo world: an operator organisation, partners, their clients with sub-accounts, and users of every kind. */
export function buildDataset(options: DatasetOptions = {}): DemoDataset {
  const { partners: partnerCount = 2, clientsPerPartner = 5, extraUsersPerClient = 0, withPasswords = true } = options;
  const seedTime = options.seedTime ?? new Date('2026-01-05T09:00:00.000Z');
  const password = withPasswords ? DEMO_PASSWORD : null;
  const daysBefore = (days: number): Date => new Date(seedTime.getTime() - days * 86_400_000);
  const partners: DemoPartner[] = [
    { id: PLATFORM_ORGANIZATION_ID, name: 'Tenantry Platform', createdAt: daysBefore(400), isOperator: true },
  ];
  const clients: DemoClient[] = [];
  const users: DemoUser[] = [];
  const grants: DemoGrant[] = [];
  let personIndex = 0;
  /** A person at `handle@domain`, at home in an organisation, with the kind, user type and roles of their persona. */
  const person = (
    { organizationId, domain }: { organizationId: string; domain: string },
    handle: string,
    { kind, userTypeName, roles }: Pick<DemoUser, 'kind' | 'userTypeName' | 'roles'>,
    extra: Partial<DemoUser> = {},
  ): DemoUser => {
    const firstName = FIRST[personIndex % FIRST.length];
    const lastName = LAST[Math.floor(personIndex / FIRST.length) % LAST.length];
    personIndex += 1;
    return {
      id: stableId(`user:${handle}@${domain}`),
      organizationId,
      email: `${handle}@${domain}`,
      username: `${handle}.${domain.split('.')[0]}`,
      firstName,
      lastName,
      kind,
      accessLevel: kind === 'EXTERNAL' ? 'BASIC' : null,
      status: 'ACTIVE',
      password,
      userTypeName,
      roles,
      createdAt: daysBefore(200 - (personIndex % 100)),
      loginDaysAgo: [1, 2, 5, 9, 20].slice(0, 1 + (personIndex % 5)),
      ...extra,
    };
  };

  const operatorOrg = partners[0];
  users.push(
    person({ organizationId: operatorOrg.id, domain: 'tenantry.test' }, 'operator', {
      kind: 'EMPLOYEE',
      userTypeName: 'Organization Admin',
      roles: [{ role: 'PLATFORM_OPERATOR', organizationId: operatorOrg.id, accountIds: [] }],
    }),
  );

  for (let p = 0; p < partnerCount; p += 1) {
    const partnerName = PARTNER_NAMES[p % PARTNER_NAMES.length] + (p >= PARTNER_NAMES.length ? ` ${p + 1}` : '');
    const partnerDomain = `${slug(partnerName)}.test`;
    const partner: DemoPartner = {
      id: stableId(`partner:${partnerName}`),
      name: partnerName,
      createdAt: daysBefore(300 - p),
      isOperator: false,
    };
    partners.push(partner);
    users.push(
      person({ organizationId: partner.id, domain: partnerDomain }, 'admin', {
        kind: 'EMPLOYEE',
        userTypeName: 'Organization Admin',
        roles: [{ role: 'PARTNER_ADMIN', organizationId: partner.id, accountIds: [] }],
      }),
    );
    users.push(
      person({ organizationId: partner.id, domain: partnerDomain }, 'consultant', {
        kind: 'EMPLOYEE',
        userTypeName: 'Standard',
        roles: [{ role: 'MEMBER', organizationId: partner.id, accountIds: [] }],
      }),
    );

    for (let c = 0; c < clientsPerPartner; c += 1) {
      const index = p * clientsPerPartner + c;
      const clientName =
        CLIENT_NAMES[index % CLIENT_NAMES.length] + (index >= CLIENT_NAMES.length ? ` ${index + 1}` : '');
      const subdomain = slug(clientName);
      const emailDomain = `${subdomain}.test`;
      const clientId = stableId(`client:${clientName}`);
      const master: DemoAccount = {
        id: stableId(`account:${clientName}:master`),
        name: `${clientName} (master)`,
        parentId: null,
      };
      const divisions = ['Sales', 'Operations', 'Research'].slice(0, 2 + (index % 2)).map((division) => ({
        id: stableId(`account:${clientName}:${division}`),
        name: division,
        parentId: master.id,
      }));
      const limited = c === clientsPerPartner - 1 && clientsPerPartner > 1;
      grants.push({
        clientId,
        partnerId: partner.id,
        level: limited ? 'LIMITED' : 'FULL',
        products: limited ? ['people'] : [],
        includeWallet: false,
      });
      const participantId = stableId(`user:participant.${subdomain}@candidates.test`);
      const projects: DemoProject[] = [
        {
          id: stableId(`project:${clientName}:Leadership assessment`),
          name: 'Leadership assessment',
          accountId: divisions[0].id,
          participantIds: [participantId],
        },
      ];
      if (c === 0)
        projects.push({
          id: stableId(`project:${clientName}:Graduate intake 2026`),
          name: 'Graduate intake 2026',
          accountId: null,
          participantIds: [],
        });
      clients.push({
        id: clientId,
        partnerId: partner.id,
        name: clientName,
        subdomain,
        emailDomain,
        selfEnrollment: index === 0,
        createdAt: daysBefore(250 - index),
        accounts: [master, ...divisions],
        legalRepresentativeId: stableId(`user:admin@${emailDomain}`),
        products: c % 2 === 0 ? ['core', 'people', 'assessments'] : ['core', 'people'],
        projects,
      });
      const org = (role: Role, accountIds: string[] = []): DemoUser['roles'] => [
        { role, organizationId: clientId, accountIds },
      ];
      users.push(
        person({ organizationId: clientId, domain: emailDomain }, 'admin', {
          kind: 'EMPLOYEE',
          userTypeName: 'Organization Admin',
          roles: org('CLIENT_ADMIN'),
        }),
      );
      users.push(
        person({ organizationId: clientId, domain: emailDomain }, 'manager', {
          kind: 'EMPLOYEE',
          userTypeName: 'Standard',
          roles: org('MANAGER', [divisions[0].id]),
        }),
      );
      users.push(
        person({ organizationId: clientId, domain: emailDomain }, 'member', {
          kind: 'EMPLOYEE',
          userTypeName: 'Standard',
          roles: org('MEMBER'),
        }),
      );
      users.push(
        person({ organizationId: clientId, domain: 'contractors.test' }, `external.${subdomain}`, {
          kind: 'EXTERNAL',
          userTypeName: 'External Contact',
          roles: org('EXTERNAL'),
        }),
      );
      users.push(
        person({ organizationId: clientId, domain: 'candidates.test' }, `participant.${subdomain}`, {
          kind: 'PARTICIPANT',
          userTypeName: 'Participant',
          roles: org('PARTICIPANT'),
        }),
      );
      users.push(
        person(
          { organizationId: clientId, domain: emailDomain },
          'newcomer',
          { kind: 'EMPLOYEE', userTypeName: 'Standard', roles: org('MEMBER') },
          {
            status: 'INVITED',
            password: null,
            loginDaysAgo: [],
          },
        ),
      );
      for (let u = 0; u < extraUsersPerClient; u += 1) {
        users.push(
          person(
            { organizationId: clientId, domain: emailDomain },
            `staff${u + 1}`,
            { kind: 'EMPLOYEE', userTypeName: 'Standard', roles: org('MEMBER', [divisions[u % divisions.length].id]) },
            { password: null },
          ),
        );
      }
    }
  }
  const serviceAccounts: DemoServiceAccount[] = [
    {
      id: stableId('service:internal-tools'),
      organizationId: operatorOrg.id,
      name: 'Internal tools',
      clientId: DEMO_SERVICE_CLIENT_ID,
      clientSecret: DEMO_SERVICE_SECRET,
      permissions: [
        'clients.read',
        'clients.create',
        'clients.usage.read',
        'users.read',
        'users.invite',
        'user-types.manage',
        'roles.manage',
      ],
    },
  ];
  return { partners, clients, users, grants, serviceAccounts };
}

/**
 * The access facts of a data set (docs/authorization.md, "Where it is decided"): what each subgraph
 * that does not own them keeps a copy of, written by the seeds as the events would have.
 */
export function demoFacts(dataset: DemoDataset): Required<FactSet> {
  const partnerIds = new Set(dataset.partners.map((partner) => partner.id));
  return {
    grants: dataset.grants.map((grant) => ({ ...grant, status: 'ACTIVE' as const })),
    accounts: dataset.clients.flatMap((client) =>
      client.accounts.map((account) => ({ id: account.id, clientId: client.id, parentId: account.parentId })),
    ),
    people: dataset.users.map((user) => ({
      userId: user.id,
      organizationId: user.organizationId,
      organizationKind:
        user.organizationId === PLATFORM_ORGANIZATION_ID
          ? 'PLATFORM'
          : partnerIds.has(user.organizationId)
            ? 'PARTNER'
            : 'CLIENT',
      kind: user.kind,
      accessLevel: user.accessLevel,
      status: user.status,
      deleted: false,
    })),
  };
}
