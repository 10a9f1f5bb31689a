import { IsNull, Not } from 'typeorm';
import { createLogger } from '../../shared/runtime/logger';
import { InternalTokens } from '../../shared/auth/internal-token';
import { EVENT_ROUTES } from '../../shared/events/events';
import { OutboxEvent, OutboxRelay, ProcessedEvent } from '../../shared/events/outbox';
import { startTestGraph, type TestGraph } from '../testing';
import { buildDataset } from '../demo-data';
import { RetentionPolicyEntity } from '../../subgraphs/compliance/entities';

/** A client created without a partner: ClientCreated and its master account's AccountChanged, one row per subscriber. */
const ROWS_PER_CLIENT = EVENT_ROUTES.ClientCreated.length + EVENT_ROUTES.AccountChanged.length;

/** Events from tenancy to the other subgraphs survive interrupted delivery, and apply once. */
describe('the transactional outbox', () => {
  let graph: TestGraph;

  let operator: TestGraph['query'];

  beforeEach(async () => {
    graph = await startTestGraph();
    await graph.seed(buildDataset({ partners: 1, clientsPerPartner: 1 }));
    await graph.drainEvents();
    // Start from empty event tables: only the events of the test itself count below.
    await graph.subgraphs.tenancy.database.dataSource.getRepository(OutboxEvent).clear();
    await graph.subgraphs.compliance.database.dataSource.getRepository(ProcessedEvent).clear();
    await graph.subgraphs.permissions.database.dataSource.getRepository(ProcessedEvent).clear();
    await graph.subgraphs.compliance.database.dataSource.getRepository(RetentionPolicyEntity).clear();
    operator = graph.as(await graph.login('operator@tenantry.test'));
  });
  afterEach(() => graph?.stop());

  async function createClients(count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const result = await operator<{ createClient: { id: string } }>(
        `mutation($s: String!) { createClient(name: $s, subdomain: $s) { id } }`,
        { s: `client-${i}` },
      );
      expect(result.errors).toBeUndefined();
      ids.push(result.data!.createClient.id);
    }
    return ids;
  }

  const relayFor = (fetchImpl: typeof fetch, leaseMs = 30_000): OutboxRelay =>
    new OutboxRelay({
      dataSource: graph.subgraphs.tenancy.database.dataSource,
      source: 'tenancy',
      destinations: graph.configs.tenancy.peers,
      tokens: new InternalTokens(graph.secret, 'tenancy'),
      logger: createLogger('test-relay'),
      batchSize: 100,
      leaseMs,
      fetchImpl,
    });

  const compliance = () => graph.subgraphs.compliance.database.dataSource;

  it('loses nothing and applies nothing twice when delivery stops midway', async () => {
    const clientIds = await createClients(6);
    const outbox = graph.subgraphs.tenancy.database.dataSource.getRepository(OutboxEvent);
    expect(await outbox.countBy({ deliveredAt: IsNull() })).toBe(6 * ROWS_PER_CLIENT);

    // A relay that delivers three rows, then crashes right after the subscriber applied the fourth
    // (so the row is not marked delivered), then finds the network gone for the rest.
    let calls = 0;
    const crashing: typeof fetch = async (input, init) => {
      calls += 1;
      if (calls <= 3) return fetch(input, init);
      if (calls === 4) {
        await fetch(input, init);
        throw new Error('relay crashed after the subscriber applied the event');
      }
      throw new Error('network unreachable');
    };
    expect(await relayFor(crashing).runOnce()).toBe(3);
    expect(await outbox.countBy({ deliveredAt: Not(IsNull()) })).toBe(3);

    // Failed rows back off; once that passes, an ordinary relay delivers the rest.
    await new Promise((resolve) => setTimeout(resolve, 600));
    const responses: string[] = [];
    const recording: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      responses.push(((await response.clone().json()) as { result: string }).result);
      return response;
    };
    expect(await relayFor(recording).drain()).toBe(6 * ROWS_PER_CLIENT - 3);
    expect(responses.filter((result) => result === 'duplicate')).toHaveLength(1);
    expect(await outbox.countBy({ deliveredAt: IsNull() })).toBe(0);

    const policies = await compliance().getRepository(RetentionPolicyEntity).find();
    expect(policies.map((policy) => policy.clientId).sort()).toEqual([...clientIds].sort());
    // Each client's ClientCreated and AccountChanged, applied once each.
    expect(await compliance().getRepository(ProcessedEvent).count()).toBe(12);
    expect(await graph.subgraphs.permissions.database.dataSource.getRepository(ProcessedEvent).count()).toBe(12);
  });

  it('lets a second relay take over rows whose lease ran out, and never delivers a row twice at once', async () => {
    await createClients(4);
    const posts = new Map<string, number>();
    const counting: typeof fetch = async (input, init) => {
      const body = JSON.parse(init?.body as string) as { eventId: string };
      const key = `${input instanceof Request ? input.url : input.toString()}|${body.eventId}`;
      posts.set(key, (posts.get(key) ?? 0) + 1);
      return fetch(input, init);
    };
    // A relay that claims the whole batch and dies before delivering anything.
    const hanging: typeof fetch = () => new Promise<Response>(() => undefined);
    const dead = relayFor(hanging, 100);
    // Never awaited: this relay's pass hangs for good, as a crashed process's would.
    void dead.runOnce();
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Two healthy relays racing: while the lease holds, neither may deliver.
    expect(await relayFor(counting).runOnce()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 150));
    const [a, b] = await Promise.all([relayFor(counting).drain(), relayFor(counting).drain()]);
    expect(a + b).toBe(4 * ROWS_PER_CLIENT);
    expect([...posts.values()].every((count) => count === 1)).toBe(true);
    expect(await compliance().getRepository(RetentionPolicyEntity).count()).toBe(4);
  });

  it('refuses events that are not from a Tenantry service', async () => {
    const url = `${graph.subgraphs.compliance.server!.url}/internal/events`;
    const body = JSON.stringify({
      eventId: '7d1c3a7e-2d59-4b7a-9a44-1f1f0c7b9a11',
      topic: 'ClientCreated',
      payload: { clientId: 'x' },
      occurredAt: new Date().toISOString(),
      source: 'tenancy',
    });
    expect((await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).status).toBe(
      401,
    );
    const asUser = await new InternalTokens(graph.secret, 'gateway').sign({ kind: 'anonymous' }, 'compliance');
    expect(
      (
        await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-tenantry-internal-token': asUser },
          body,
        })
      ).status,
    ).toBe(403);
    const system = await new InternalTokens(graph.secret, 'tenancy').sign(
      { kind: 'system', service: 'tenancy' },
      'compliance',
    );
    const malformed = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-tenantry-internal-token': system },
      body: JSON.stringify({ topic: 'ClientCreated' }),
    });
    expect(malformed.status).toBe(400);
    expect(await compliance().getRepository(ProcessedEvent).count()).toBe(0);
  });
});
