import { buildDataset } from '../../../graph/demo-data';
import { startTestGraph, type TestGraph } from '../../../graph/testing';

/**
 * The N+1 guarantee for compliance's fields: the statements compliance runs for a page of users
 * (their consents, current consent, retention state, and their client's retention policy) do not
 * grow with the page, whoever asks (an operator, a client's admin, a partner through its grant).
 */
describe('compliance statements per request', () => {
  let graph: TestGraph;
  const dataset = buildDataset({ partners: 1, clientsPerPartner: 2, extraUsersPerClient: 120 });
  const client = dataset.clients[0];

  beforeAll(async () => {
    graph = await startTestGraph();
    await graph.seed(dataset);
    await graph.drainEvents();
  });
  afterAll(() => graph?.stop());

  async function complianceStatements(query: TestGraph['query'], first: number): Promise<number> {
    const before = graph.sqlCounts().compliance;
    const result = await query<{ users: { edges: Array<{ node: { retentionState: unknown } }> } }>(
      `query($clientId: ID!, $first: Int) { users(clientId: $clientId, first: $first) { edges { node {
        consents { id } consent { id } retentionState { state }
        organization { ... on Client { retentionPolicy { softDeleteAfterMonths } } }
      } } } }`,
      { clientId: client.id, first },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.users.edges).toHaveLength(first);
    expect(result.data?.users.edges.every((edge) => edge.node.retentionState !== null)).toBe(true);
    return graph.sqlCounts().compliance - before;
  }

  it.each(['operator@tenantry.test', 'admin@acme-robotics.test', 'admin@northwind-advisory.test'])(
    'runs as many statements for 5 users as for 100, as %s',
    async (email) => {
      const query = graph.as(await graph.login(email));
      const small = await complianceStatements(query, 5);
      const large = await complianceStatements(query, 100);
      expect(large).toBe(small);
      expect(large).toBeLessThanOrEqual(8);
    },
  );
});
