import { buildDataset, DEMO_SERVICE_SECRET } from '../../graph/demo-data';
import { startTestGraph, type GraphQLResponse, type TestGraph } from '../../graph/testing';

/**
 * Every persona against a list of operations, through the gateway, with the expected outcome.
 * Northwind manages Acme (FULL access) and Globex (LIMITED to the people product); Bluepeak's
 * clients (Initech, Umbrella) are another partner's data.
 */
const dataset = buildDataset({ partners: 2, clientsPerPartner: 2 });
const client = (name: string) => dataset.clients.find((c) => c.name === name)!;
const partner = (name: string) => dataset.partners.find((p) => p.name === name)!;
const acme = client('Acme Robotics');
const globex = client('Globex Foods');
const initech = client('Initech Labs');
const northwind = partner('Northwind Advisory');

const PERSONAS = ['operator', 'partnerAdmin', 'clientAdmin', 'member', 'external', 'participant', 'service'] as const;
type Persona = (typeof PERSONAS)[number];
const EMAILS: Record<Exclude<Persona, 'service'>, string> = {
  operator: 'operator@tenantry.test',
  partnerAdmin: 'admin@northwind-advisory.test',
  clientAdmin: 'admin@acme-robotics.test',
  member: 'member@acme-robotics.test',
  external: 'external.acme-robotics@contractors.test',
  participant: 'participant.acme-robotics@candidates.test',
};

type Case = {
  name: string;
  query: (persona: Persona) => string;
  allowed: Persona[];
  /** For a list: whether the answer showed anything (a list under an invisible organisation is empty, not refused). */
  saw?: (data: Record<string, unknown>) => boolean;
};
const CASES: Case[] = [
  {
    name: 'read their client',
    query: () => `{ client(id: "${acme.id}") { name } }`,
    allowed: ['operator', 'partnerAdmin', 'clientAdmin', 'member', 'service'],
  },
  {
    name: "read another partner's client",
    query: () => `{ client(id: "${initech.id}") { name } }`,
    allowed: ['operator', 'service'],
  },
  {
    name: 'read usage statistics',
    query: () => `{ client(id: "${acme.id}") { usage { users logins } } }`,
    allowed: ['operator', 'partnerAdmin', 'clientAdmin', 'member', 'service'],
  },
  {
    name: 'read the record of a client with a LIMITED grant',
    query: () => `{ client(id: "${globex.id}") { name } }`,
    allowed: ['operator', 'partnerAdmin', 'service'],
  },
  {
    name: 'search users of their client',
    query: () => `{ users(clientId: "${acme.id}") { totalCount } }`,
    allowed: ['operator', 'partnerAdmin', 'clientAdmin', 'member', 'service'],
  },
  {
    name: 'search users inside a LIMITED (people) grant',
    query: () => `{ users(clientId: "${globex.id}") { totalCount } }`,
    allowed: ['operator', 'partnerAdmin', 'service'],
    saw: (data) => (data.users as { totalCount: number }).totalCount > 0,
  },
  {
    name: 'read the audit log',
    query: () => `{ auditLog(organizationId: "${acme.id}") { totalCount } }`,
    allowed: ['operator', 'partnerAdmin', 'clientAdmin'],
  },
  {
    name: 'read compliance settings',
    query: () => `{ retentionPolicy(clientId: "${acme.id}") { softDeleteAfterMonths } }`,
    allowed: ['operator', 'partnerAdmin', 'clientAdmin'],
  },
  {
    name: 'list user types',
    query: () => `{ userTypes(organizationId: "${acme.id}") { name } }`,
    allowed: ['operator', 'partnerAdmin', 'clientAdmin', 'member', 'service'],
  },
  {
    name: 'create a user type',
    query: (persona) =>
      `mutation { createUserType(organizationId: "${acme.id}", input: { name: "Reviewers ${persona}", permissions: ["users.read"] }) { id } }`,
    allowed: ['operator', 'partnerAdmin', 'clientAdmin', 'service'],
  },
  {
    name: 'create a client for a partner',
    query: (persona) =>
      `mutation { createClient(name: "New ${persona}", subdomain: "new-${persona.toLowerCase()}", partnerId: "${northwind.id}") { id } }`,
    allowed: ['operator', 'partnerAdmin', 'service'],
  },
  {
    name: 'read their own profile',
    query: () => '{ me { email } }',
    allowed: ['operator', 'partnerAdmin', 'clientAdmin', 'member', 'external', 'participant'],
  },
];

const DENIED_CODES = ['FORBIDDEN', 'UNAUTHORIZED_FIELD_OR_TYPE', 'UNAUTHENTICATED'];

/** 'allowed', 'denied', or the unexpected error code. */
function outcome(result: GraphQLResponse, saw?: Case['saw']): string {
  if (!result.errors?.length) {
    const values = Object.values(result.data ?? {});
    const answered = values.length > 0 && values.every((value) => value !== null);
    return answered && (!saw || saw(result.data!)) ? 'allowed' : 'denied';
  }
  const codes = result.errors.map((error) => error.extensions?.code ?? 'none');
  return codes.every((code) => DENIED_CODES.includes(code))
    ? 'denied'
    : `unexpected ${codes.join(',')}: ${result.errors[0].message}`;
}

describe('the authorization matrix', () => {
  let graph: TestGraph;
  const as = {} as Record<Persona, TestGraph['query']>;

  beforeAll(async () => {
    graph = await startTestGraph();
    await graph.seed(dataset);
    await graph.drainEvents();
    for (const persona of PERSONAS) {
      if (persona === 'service') {
        const issued = await graph.query<{ issueServiceToken: { accessToken: string } }>(
          `mutation { issueServiceToken(clientId: "svc_internal_tools_demo", clientSecret: "${DEMO_SERVICE_SECRET}") { accessToken } }`,
        );
        as.service = graph.as(issued.data!.issueServiceToken.accessToken);
      } else {
        as[persona] = graph.as(await graph.login(EMAILS[persona]));
      }
    }
  });
  afterAll(() => graph?.stop());

  const rows = CASES.flatMap((testCase) => PERSONAS.map((persona) => [testCase.name, persona, testCase] as const));
  it.each(rows)('%s as %s', async (_name, persona, testCase) => {
    const result = await as[persona](testCase.query(persona));
    expect(outcome(result, testCase.saw)).toBe(testCase.allowed.includes(persona) ? 'allowed' : 'denied');
  });

  it('gives an anonymous caller nothing but a coded refusal', async () => {
    for (const testCase of CASES) expect(outcome(await graph.query(testCase.query('member')))).toBe('denied');
  });
});
