import { buildDataset, DEMO_SERVICE_CLIENT_ID, DEMO_SERVICE_SECRET } from '../../../graph/demo-data';
import { PLATFORM_ORGANIZATION_ID } from '../../../shared/auth/principal';
import { startTestGraph, type TestGraph } from '../../../graph/testing';

const ISSUE =
  'mutation($id: String!, $secret: String!) { issueServiceToken(clientId: $id, clientSecret: $secret) { accessToken } }';

/**
 * issueServiceToken is throttled like login (LOGIN_MAX_FAILURES_PER_ACCOUNT per client id,
 * LOGIN_MAX_FAILURES_PER_ADDRESS per client address, in identity's database), through the gateway.
 */
describe('service-token throttling', () => {
  let graph: TestGraph;
  let other: { clientId: string; clientSecret: string };

  beforeAll(async () => {
    graph = await startTestGraph();
    await graph.seed(buildDataset({ partners: 1, clientsPerPartner: 1 }));
    await graph.drainEvents();
    const operator = graph.as(await graph.login('operator@tenantry.test'));
    const created = await operator<{
      createServiceAccount: { clientSecret: string; serviceAccount: { clientId: string } };
    }>(
      'mutation($org: ID!) { createServiceAccount(organizationId: $org, name: "Second tool") { clientSecret serviceAccount { clientId } } }',
      { org: PLATFORM_ORGANIZATION_ID },
    );
    expect(created.errors).toBeUndefined();
    other = {
      clientId: created.data!.createServiceAccount.serviceAccount.clientId,
      clientSecret: created.data!.createServiceAccount.clientSecret,
    };
  });
  afterAll(() => graph?.stop());

  it('refuses a client id after 5 wrong secrets and tells when to retry', async () => {
    const codes: unknown[] = [];
    for (let i = 0; i < 6; i += 1)
      codes.push(
        (await graph.query(ISSUE, { id: DEMO_SERVICE_CLIENT_ID, secret: `wrong-${i}` })).errors?.[0].extensions?.code,
      );
    expect(codes).toEqual([...Array(5).fill('UNAUTHENTICATED'), 'TOO_MANY_REQUESTS']);

    // Now even the right secret is refused, and no secret is compared.
    const right = await graph.query(ISSUE, { id: DEMO_SERVICE_CLIENT_ID, secret: DEMO_SERVICE_SECRET });
    expect(right.errors?.[0].extensions).toEqual({ code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 900 });

    // Another service account and people's sign-ins are not affected.
    const second = await graph.query(ISSUE, { id: other.clientId, secret: other.clientSecret });
    expect(second.errors).toBeUndefined();
    await expect(graph.login('operator@tenantry.test')).resolves.toEqual(expect.any(String));
  });

  it('does not count successful exchanges as failures', async () => {
    for (let i = 0; i < 6; i += 1) {
      const issued = await graph.query(ISSUE, { id: other.clientId, secret: other.clientSecret });
      expect(issued.errors).toBeUndefined();
    }
  });
});

describe('service-token throttling per client address', () => {
  let graph: TestGraph;

  beforeAll(async () => {
    graph = await startTestGraph();
    await graph.seed(buildDataset({ partners: 1, clientsPerPartner: 1 }));
  });
  afterAll(() => graph?.stop());

  it('refuses a client address after 20 wrong secrets across client ids', async () => {
    // Each client id is tried once, so only the address limit can stop the 21st.
    const codes: unknown[] = [];
    for (let i = 0; i < 21; i += 1)
      codes.push((await graph.query(ISSUE, { id: `svc_unknown_${i}`, secret: 'guess' })).errors?.[0].extensions?.code);
    expect(codes).toEqual([...Array(20).fill('UNAUTHENTICATED'), 'TOO_MANY_REQUESTS']);
    const fromSameAddress = await graph.query(ISSUE, { id: DEMO_SERVICE_CLIENT_ID, secret: DEMO_SERVICE_SECRET });
    expect(fromSameAddress.errors?.[0].extensions?.code).toBe('TOO_MANY_REQUESTS');
  });
});
