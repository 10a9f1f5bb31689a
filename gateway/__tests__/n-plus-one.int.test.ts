import { buildDataset } from '../../graph/demo-data';
import { startTestGraph, type TestGraph } from '../../graph/testing';

/**
 * The N+1 guarantee: the SQL statements one gateway request runs must not grow with the list size.
 * Counts statements per subgraph for the same query shape at 5 and at 100 users.
 */
describe('SQL statements per request', () => {
  let graph: TestGraph;
  const dataset = buildDataset({ partners: 1, clientsPerPartner: 10, extraUsersPerClient: 194 });
  let operator: TestGraph['query'];
  const client = dataset.clients[0];

  beforeAll(async () => {
    graph = await startTestGraph();
    await graph.seed(dataset);
    await graph.drainEvents();
    operator = graph.as(await graph.login('operator@tenantry.test'));
  });
  afterAll(() => graph?.stop());

  async function statementsFor(first: number): Promise<Record<string, number>> {
    const before = graph.sqlCounts();
    const result = await operator<{ users: { edges: unknown[] } }>(
      `query($clientId: ID!, $first: Int) { users(clientId: $clientId, first: $first) { totalCount edges { node {
        email organization { id name ... on Client { subdomain } } userType { name permissions } roles { role accountIds }
      } } } }`,
      { clientId: client.id, first },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.users.edges).toHaveLength(first);
    const after = graph.sqlCounts();
    return Object.fromEntries(
      Object.keys(after).map((name) => [name, after[name as keyof typeof after] - before[name as keyof typeof before]]),
    );
  }

  it('runs the same number of statements for 5 users as for 100, in every subgraph', async () => {
    expect(dataset.users.filter((user) => user.organizationId === client.id).length).toBe(200);
    const small = await statementsFor(5);
    const large = await statementsFor(100);
    expect(large).toEqual(small);
    // And the number is small: a handful per subgraph (including the gateway's principal lookup), not one per user.
    for (const count of Object.values(large)) expect(count).toBeLessThanOrEqual(12);
  });

  it('loads the usage of many clients with a fixed number of statements', async () => {
    const count = async (first: number): Promise<number> => {
      const before = graph.sqlCounts().identity;
      const result = await operator(
        `query($first: Int) { clients(first: $first) { edges { node { usage { users logins } } } } }`,
        { first },
      );
      expect(result.errors).toBeUndefined();
      return graph.sqlCounts().identity - before;
    };
    const two = await count(2);
    expect(await count(10)).toBe(two);
    // Three grouped statements for the usage, the rest for the caller's session and account status.
    expect(two).toBeLessThanOrEqual(7);
  });
});
