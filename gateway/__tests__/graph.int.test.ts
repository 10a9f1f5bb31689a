import { buildDataset } from '../../graph/demo-data';
import { INTERNAL_TOKEN_HEADER, InternalTokens } from '../../shared/auth/internal-token';
import { startTestGraph, type TestGraph } from '../../graph/testing';

describe('the federated graph', () => {
  let graph: TestGraph;
  const dataset = buildDataset({ partners: 2, clientsPerPartner: 2 });
  let operator: TestGraph['query'];
  const client = dataset.clients[0];
  const admin = dataset.users.find((user) => user.organizationId === client.id && user.email.startsWith('admin@'))!;

  beforeAll(async () => {
    graph = await startTestGraph();
    await graph.seed(dataset);
    await graph.drainEvents();
    operator = graph.as(await graph.login('operator@tenantry.test'));
  });
  afterAll(() => graph?.stop());

  it('resolves a user with fields from all four subgraphs', async () => {
    const result = await operator(
      `query($id: ID!) { user(id: $id) {
        email firstName organization { id ... on Client { name subdomain usage { users activeUsers logins } retentionPolicy { softDeleteAfterMonths eraseAfterMonths } } }
        userType { name permissions } roles { role organizationId accountIds } consents { id }
      } }`,
      { id: admin.id },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      user: {
        email: admin.email,
        firstName: admin.firstName,
        organization: {
          id: client.id,
          name: client.name,
          subdomain: client.subdomain,
          usage: { users: 6, activeUsers: 5, logins: expect.any(Number) },
          retentionPolicy: { softDeleteAfterMonths: 12, eraseAfterMonths: 36 },
        },
        userType: { name: 'Organization Admin', permissions: expect.arrayContaining(['audit.read', 'users.invite']) },
        roles: [{ role: 'CLIENT_ADMIN', organizationId: client.id, accountIds: [] }],
        consents: [],
      },
    });
  });

  it('resolves a client with its accounts tree and partner', async () => {
    const result = await operator<{
      clientBySubdomain: { masterAccount: { children: Array<{ name: string }> }; partner: { name: string } };
    }>(
      `query($s: String!) { clientBySubdomain(subdomain: $s) { id partner { name } masterAccount { name isMaster children { name parent { id } } } accounts { id } } }`,
      { s: client.subdomain },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.clientBySubdomain.partner.name).toBe(
      dataset.partners.find((p) => p.id === client.partnerId)!.name,
    );
    expect(result.data?.clientBySubdomain.masterAccount.children.map((child) => child.name).sort()).toEqual(
      client.accounts
        .filter((a) => a.parentId)
        .map((a) => a.name)
        .sort(),
    );
  });

  it('pages through clients with cursors', async () => {
    const first = await operator<{
      clients: {
        edges: Array<{ node: { name: string } }>;
        pageInfo: { hasNextPage: boolean; endCursor: string };
        totalCount: number;
      };
    }>(`{ clients(first: 3) { totalCount edges { node { name } } pageInfo { hasNextPage endCursor } } }`);
    expect(first.data?.clients.totalCount).toBe(4);
    expect(first.data?.clients.pageInfo.hasNextPage).toBe(true);
    const second = await operator<{
      clients: { edges: Array<{ node: { name: string } }>; pageInfo: { hasNextPage: boolean } };
    }>(
      `query($after: String) { clients(first: 3, after: $after) { edges { node { name } } pageInfo { hasNextPage } } }`,
      { after: first.data?.clients.pageInfo.endCursor },
    );
    const names = [...first.data!.clients.edges, ...second.data!.clients.edges].map((edge) => edge.node.name);
    expect(names).toEqual(dataset.clients.map((c) => c.name).sort());
    expect(second.data?.clients.pageInfo.hasNextPage).toBe(false);
  });

  it('rejects a page size above the documented maximum with BAD_USER_INPUT', async () => {
    const result = await operator(`{ clients(first: 1000) { totalCount } }`);
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('creates a client whose retention policy arrives through the outbox', async () => {
    const created = await operator<{ createClient: { id: string; masterAccount: { name: string } } }>(
      `mutation { createClient(name: "Zeta Ünïcode 🚀", subdomain: "zeta") { id name masterAccount { name } } }`,
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.createClient.id;
    const before = await operator<{ client: { retentionPolicy: unknown } }>(
      `query($id: ID!) { client(id: $id) { retentionPolicy { softDeleteAfterMonths } } }`,
      { id },
    );
    expect(before.data?.client.retentionPolicy).toBeNull();
    await graph.drainEvents();
    const after = await operator<{ client: { name: string; retentionPolicy: unknown } }>(
      `query($id: ID!) { client(id: $id) { name retentionPolicy { softDeleteAfterMonths } } }`,
      { id },
    );
    expect(after.data?.client).toEqual({ name: 'Zeta Ünïcode 🚀', retentionPolicy: { softDeleteAfterMonths: 12 } });
  });

  it('refuses a duplicate or reserved subdomain with a coded error and creates nothing', async () => {
    const duplicate = await operator(
      `mutation { createClient(name: "Again", subdomain: "${client.subdomain}") { id } }`,
    );
    expect(duplicate.errors?.[0].extensions?.code).toBe('CONFLICT');
    // Callers see one graph: no subgraph names, stack traces or SQL in errors.
    expect(Object.keys(duplicate.errors?.[0].extensions ?? {})).toEqual(['code']);
    const reserved = await operator(`mutation { createClient(name: "Www", subdomain: "www") { id } }`);
    expect(reserved.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const invalid = await operator(`mutation { createClient(name: "Bad", subdomain: "-bad_label-") { id } }`);
    expect(invalid.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const count = await operator<{ clients: { totalCount: number } }>(`{ clients { totalCount } }`);
    expect(count.data?.clients.totalCount).toBe(5);
  });

  it('answers health and readiness on every service', async () => {
    const gatewayBase = graph.gatewayUrl.replace(/\/graphql$/, '');
    for (const base of [gatewayBase, ...Object.values(graph.subgraphs).map((s) => s.server!.url)]) {
      expect((await fetch(`${base}/health`)).status).toBe(200);
      expect((await fetch(`${base}/ready`)).status).toBe(200);
    }
  });

  it('refuses subgraph requests without a valid internal token, _service included', async () => {
    for (const subgraph of Object.values(graph.subgraphs)) {
      const url = `${subgraph.server!.url}/graphql`;
      const body = JSON.stringify({ query: '{ _service { sdl } }' });
      const none = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(none.status).toBe(401);
      const forged = await new InternalTokens('x'.repeat(40), 'attacker').sign(
        { kind: 'system', service: 'gateway' },
        subgraph.name,
      );
      const wrongKey = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: forged },
        body,
      });
      expect(wrongKey.status).toBe(401);
      const otherAudience = await new InternalTokens(graph.secret, 'gateway').sign(
        { kind: 'anonymous' },
        subgraph.name === 'identity' ? 'tenancy' : 'identity',
      );
      const misaddressed = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: otherAudience },
        body,
      });
      expect(misaddressed.status).toBe(401);
    }
  });

  it('answers malformed requests with a coded error and no internals', async () => {
    const response = await fetch(graph.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).not.toMatch(/at .*\.(js|ts):\d+/);
  });
});
