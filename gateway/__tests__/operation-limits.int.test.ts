import { buildDataset } from '../../graph/demo-data';
import { startTestGraph, type TestGraph } from '../../graph/testing';
import { DEFAULT_OPERATION_LIMITS, type LimitName } from '../operation-limits';

interface LimitError {
  message: string;
  extensions: { code: string; limit: LimitName; max: number; actual: number };
}

const repeat = (count: number, text: (i: number) => string): string =>
  Array.from({ length: count }, (_, i) => text(i)).join(' ');

/**
 * Operation limits through the real gateway over HTTP. Every refused operation is sent by a
 * signed-in caller: answering it must cost no subgraph anything, not even the caller's
 * authentication, so the subgraphs' SQL statement counts must not move.
 */
describe('operation limits', () => {
  let graph: TestGraph;
  let token: string;
  const dataset = buildDataset({ partners: 1, clientsPerPartner: 3 });
  // The dashboard is of clients managed in full: a LIMITED grant lends no usage or retention policy.
  for (const grant of dataset.grants) Object.assign(grant, { level: 'FULL', products: [] });
  const client = dataset.clients[0];

  beforeAll(async () => {
    graph = await startTestGraph();
    await graph.seed(dataset);
    await graph.drainEvents();
    token = await graph.login('operator@tenantry.test');
  });
  afterAll(() => graph?.stop());

  async function post(body: unknown): Promise<{ status: number; body: { data?: unknown; errors?: LimitError[] } }> {
    const response = await fetch(graph.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as { errors?: LimitError[] } };
  }

  /** Sends an operation that must be refused for `limit` and checks that no subgraph ran a statement. */
  async function expectRefused(body: unknown, limit: LimitName): Promise<LimitError> {
    const before = graph.sqlCounts();
    const { status, body: answer } = await post(body);
    expect(status).toBe(400);
    expect(answer.data).toBeUndefined();
    const error = answer.errors?.find((candidate) => candidate.extensions.limit === limit);
    expect(error?.extensions).toEqual({
      code: 'OPERATION_LIMIT_EXCEEDED',
      limit,
      max: DEFAULT_OPERATION_LIMITS[limit],
      actual: expect.any(Number),
    });
    expect(error!.extensions.actual).toBeGreaterThan(DEFAULT_OPERATION_LIMITS[limit]);
    expect(graph.sqlCounts()).toEqual(before);
    return error!;
  }

  it('refuses a 20,000-character query by its size, before parsing it', async () => {
    // Not even valid GraphQL: the size is checked first.
    const error = await expectRefused({ query: `{ me { id } } #${'x'.repeat(20_000 - 15)}` }, 'documentBytes');
    expect(error.extensions.actual).toBe(20_000);
    expect(error.message).toContain('20000');
  });

  it('counts the size in bytes, not characters', async () => {
    const error = await expectRefused({ query: `{ me { id } } #${'é'.repeat(5_500)}` }, 'documentBytes');
    expect(error.extensions.actual).toBe(15 + 11_000);
  });

  it('refuses a 1,200-token query', async () => {
    const error = await expectRefused({ query: `{ me { ${repeat(1_200, () => 'id')} } }` }, 'tokens');
    expect(error.extensions.actual).toBe(1_205);
  });

  it('refuses depth-10 nesting and reports its depth', async () => {
    const query = `{ me { organization { ... on Client { partner { clients { edges { node { partner { clients { edges { node { id } } } } } } } } } } } }`;
    const error = await expectRefused({ query }, 'depth');
    expect(error.extensions.actual).toBe(11);
  });

  it('refuses 101 aliases, counting aliased __typename', async () => {
    const error = await expectRefused({ query: `{ me { ${repeat(101, (i) => `a${i}: __typename`)} } }` }, 'aliases');
    expect(error.extensions.actual).toBe(101);
  });

  it('refuses too many root fields, aliased or not', async () => {
    const error = await expectRefused(
      { query: `{ ${repeat(DEFAULT_OPERATION_LIMITS.rootFields + 1, () => 'me { id }')} }` },
      'rootFields',
    );
    expect(error.extensions.actual).toBe(DEFAULT_OPERATION_LIMITS.rootFields + 1);
  });

  it('refuses too many directives in one operation', async () => {
    const count = DEFAULT_OPERATION_LIMITS.directives + 1;
    const error = await expectRefused(
      { query: `{ me { ${repeat(count, () => 'id @include(if: true)')} } }` },
      'directives',
    );
    expect(error.extensions.actual).toBe(count);
  });

  it('refuses too many directives on one field', async () => {
    const error = await expectRefused(
      { query: `{ me { id ${repeat(4, () => '@include(if: true)')} } }` },
      'directivesPerLocation',
    );
    expect(error.extensions.actual).toBe(4);
  });

  it('refuses clients -> partner -> clients with large pages by its cost', async () => {
    const query = `{ clients(first: 100) { edges { node { partner { clients(first: 100) { edges { node { name usage { users } } } } } } } } }`;
    await expectRefused({ query }, 'cost');
  });

  it('counts page sizes passed as variables, and their defaults', async () => {
    const query = `query($outer: Int, $inner: Int = 100) { clients(first: $outer) { edges { node { partner { clients(first: $inner) { edges { node { name } } } } } } } }`;
    await expectRefused({ query, variables: { outer: 100 } }, 'cost');
    // The same text with small pages runs.
    const small = await post({ query, variables: { outer: 2, inner: 2 } });
    expect(small.status).toBe(200);
    expect(small.body.errors).toBeUndefined();
  });

  it('counts the default page size where the operation leaves first out, and multiplies nested lists', async () => {
    // 20 x 20 x 20 clients: each level alone is small.
    const query = `{ clients { edges { node { partner { clients { edges { node { partner { clients { edges { node { name } } } } } } } } } } } }`;
    const error = await expectRefused({ query }, 'cost');
    expect(error.extensions.actual).toBeGreaterThan(20 * 20 * 20);
  });

  it('applies the limits to GET requests too', async () => {
    const before = graph.sqlCounts();
    const query = `{ me { ${repeat(101, (i) => `a${i}: __typename`)} } }`;
    const response = await fetch(`${graph.gatewayUrl}?query=${encodeURIComponent(query)}`, {
      headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: LimitError[] };
    expect(body.errors[0].extensions).toMatchObject({ code: 'OPERATION_LIMIT_EXCEEDED', limit: 'aliases' });
    expect(graph.sqlCounts()).toEqual(before);
  });

  it('does not accept persisted-query hashes, which would skip the limits', async () => {
    const { body } = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } });
    // Answered as the APQ protocol says (200, so Apollo Client falls back to sending the text).
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0].extensions.code).toBe('PERSISTED_QUERY_NOT_SUPPORTED');
  });

  it('lets the partner dashboard (50 clients) and a page of 100 users through', async () => {
    const partnerAdmin = graph.as(await graph.login('admin@northwind-advisory.test'));
    const dashboard = await partnerAdmin<{ clients: { edges: unknown[] } }>(
      `query Dashboard($first: Int!) { clients(first: $first) { totalCount edges { node {
        id name status employeeCount
        usage { users activeUsers employees logins pendingInvitations lastActivityAt }
        retentionPolicy { softDeleteAfterMonths eraseAfterMonths }
        companyProfile { legalRepresentative { id email firstName lastName userType { name } roles { role organizationId } } }
      } } } }`,
      { first: 50 },
    );
    expect(dashboard.errors).toBeUndefined();
    expect(dashboard.data?.clients.edges.length).toBeGreaterThan(0);
    const users = await graph.as(token)<{ users: { edges: unknown[] } }>(
      `query Users($clientId: ID!, $first: Int!) { users(clientId: $clientId, first: $first) { totalCount edges { node {
        id email firstName lastName organization { id name } userType { name } roles { role organizationId accountIds }
      } } } }`,
      { clientId: client.id, first: 100 },
    );
    expect(users.errors).toBeUndefined();
    expect(users.data?.users.edges.length).toBeGreaterThan(0);
  });
});

describe('operation limits from configuration', () => {
  let graph: TestGraph;

  beforeAll(async () => {
    graph = await startTestGraph({ gateway: { operationLimits: { ...DEFAULT_OPERATION_LIMITS, depth: 4, cost: 50 } } });
    await graph.seed(buildDataset({ partners: 1, clientsPerPartner: 1 }));
  });
  afterAll(() => graph?.stop());

  it('uses the configured limits', async () => {
    const token = await graph.login('operator@tenantry.test');
    const within = await graph.as(token)('{ me { organization { ... on Client { partner { id } } } } }');
    expect(within.errors).toBeUndefined();
    const deeper = await graph.as(token)(
      '{ me { organization { ... on Client { partner { clients { totalCount } } } } } }',
    );
    expect(deeper.errors?.[0].extensions).toEqual({
      code: 'OPERATION_LIMIT_EXCEEDED',
      limit: 'depth',
      max: 4,
      actual: 5,
    });
    const costly = await graph.as(token)('{ clients(first: 30) { edges { node { id } } } }');
    expect(costly.errors?.[0].extensions).toMatchObject({ code: 'OPERATION_LIMIT_EXCEEDED', limit: 'cost', max: 50 });
  });
});
