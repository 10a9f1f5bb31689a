import { buildDataset } from '../../../graph/demo-data';
import { startTestGraph, type TestGraph } from '../../../graph/testing';

const DAY = 86_400_000;
const utcDay = (date: Date) => date.toISOString().slice(0, 10);

/** Usage statistics for partner dashboards, through the gateway. */
describe('client usage statistics', () => {
  let graph: TestGraph;
  // One partner with 50 clients: the dashboard page of the issue.
  const dataset = buildDataset({ partners: 1, clientsPerPartner: 50 });
  // The demo makes one client per partner LIMITED (people only), which lends no usage statistics:
  // the dashboard here is of clients the partner manages in full.
  for (const grant of dataset.grants) Object.assign(grant, { level: 'FULL', products: [] });
  const partnerId = dataset.partners[1].id;
  let partnerAdmin: TestGraph['query'];
  const seededAt = new Date();

  beforeAll(async () => {
    graph = await startTestGraph();
    await graph.seed(dataset);
    await graph.drainEvents();
    partnerAdmin = graph.as(await graph.login('admin@northwind-advisory.test'));
  });
  afterAll(() => graph?.stop());

  const PAGE = `query($partnerId: ID!, $first: Int) { clients(filter: { partnerId: $partnerId }, first: $first) {
    edges { node { id name employeeCount usage { users activeUsers employees logins pendingInvitations lastActivityAt daily { date logins activeUsers } } } }
  } }`;

  type Usage = {
    users: number;
    activeUsers: number;
    logins: number;
    pendingInvitations: number;
    lastActivityAt: string | null;
    daily: Array<{ date: string; logins: number; activeUsers: number }>;
  };

  it('lists 50 clients with their usage in one request, with the same number of SQL statements as 5', async () => {
    const statements = async (first: number) => {
      const before = graph.sqlCounts().identity;
      const result = await partnerAdmin<{ clients: { edges: Array<{ node: { usage: Usage } }> } }>(PAGE, {
        partnerId,
        first,
      });
      expect(result.errors).toBeUndefined();
      expect(result.data!.clients.edges).toHaveLength(first);
      return graph.sqlCounts().identity - before;
    };
    expect(await statements(50)).toBe(await statements(5));
  });

  it('counts sign-ins, active users and invitations of a client and draws a daily series', async () => {
    const client = dataset.clients[0];
    const users = dataset.users.filter((user) => user.organizationId === client.id);
    const result = await partnerAdmin<{ client: { usage: Usage } }>(
      `query($id: ID!) { client(id: $id) { usage { users activeUsers logins pendingInvitations lastActivityAt daily { date logins activeUsers } } } }`,
      { id: client.id },
    );
    expect(result.errors).toBeUndefined();
    const usage = result.data!.client.usage;
    const logins = users.flatMap((user) =>
      user.loginDaysAgo.map((days) => ({ user: user.id, day: utcDay(new Date(seededAt.getTime() - days * DAY)) })),
    );
    expect(usage.users).toBe(users.length);
    expect(usage.pendingInvitations).toBe(users.filter((user) => user.status === 'INVITED').length);
    expect(usage.logins).toBe(logins.length);
    expect(usage.activeUsers).toBe(new Set(logins.map((login) => login.user)).size);
    expect(usage.daily.map((day) => day.date)).toEqual([...new Set(logins.map((login) => login.day))].sort());
    expect(usage.daily.reduce((sum, day) => sum + day.logins, 0)).toBe(logins.length);
    expect(usage.lastActivityAt).not.toBeNull();
  });

  it('counts employees: active users at one of the client’s corporate domains', async () => {
    const client = dataset.clients[2];
    const expected = dataset.users.filter(
      (user) =>
        user.organizationId === client.id && user.status === 'ACTIVE' && user.email.endsWith(`@${client.emailDomain}`),
    ).length;
    expect(expected).toBeGreaterThan(0);
    const result = await partnerAdmin<{ client: { employeeCount: number; usage: { employees: number } } }>(
      `query($id: ID!) { client(id: $id) { employeeCount usage { employees } } }`,
      { id: client.id },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.client).toEqual({ employeeCount: expected, usage: { employees: expected } });
  });

  it('adds a new sign-in to today at once', async () => {
    const client = dataset.clients[1];
    const query = `query($id: ID!) { client(id: $id) { usage { logins daily { date logins } } } }`;
    const before = await partnerAdmin<{ client: { usage: Usage } }>(query, { id: client.id });
    await graph.login(`admin@${client.emailDomain}`);
    const after = await partnerAdmin<{ client: { usage: Usage } }>(query, { id: client.id });
    expect(after.data!.client.usage.logins).toBe(before.data!.client.usage.logins + 1);
    const today = after.data!.client.usage.daily.find((day) => day.date === utcDay(new Date()));
    expect(today?.logins).toBeGreaterThanOrEqual(1);
  });

  it('limits the period to a window and refuses a reversed or too long one', async () => {
    const client = dataset.clients[0];
    const query = `query($id: ID!, $from: DateTime, $to: DateTime) { client(id: $id) { usage(from: $from, to: $to) { logins daily { date } } } }`;
    const lastThreeDays = await partnerAdmin<{ client: { usage: Usage } }>(query, {
      id: client.id,
      from: new Date(Date.now() - 3 * DAY).toISOString(),
      to: new Date().toISOString(),
    });
    expect(
      lastThreeDays.data!.client.usage.daily.every((day) => day.date >= utcDay(new Date(Date.now() - 3 * DAY))),
    ).toBe(true);
    const reversed = await partnerAdmin(query, {
      id: client.id,
      from: new Date().toISOString(),
      to: new Date(Date.now() - DAY).toISOString(),
    });
    expect(reversed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const tooLong = await partnerAdmin(query, { id: client.id, from: new Date(Date.now() - 400 * DAY).toISOString() });
    expect(tooLong.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
