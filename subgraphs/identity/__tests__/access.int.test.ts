import { buildDataset } from '../../../graph/demo-data';
import { startTestGraph, type GraphQLResponse, type TestGraph } from '../../../graph/testing';
import { INTERNAL_TOKEN_HEADER, InternalTokens } from '../../../shared/auth/internal-token';
import type { Principal } from '../../../shared/auth/principal';
import { inTransaction } from '../../../shared/data/database';
import { publish } from '../../../shared/events/outbox';
import { InvitationEntity, UserEntity } from '../entities';

const INVITE = `mutation($org: ID!, $input: InviteUserInput!) { inviteUser(organizationId: $org, input: $input) { id status accountIds } }`;
const USERS = `query($client: ID!) { users(clientId: $client, first: 100) { totalCount edges { node { email } } } }`;
type Users = { users: { totalCount: number; edges: Array<{ node: { email: string } }> } };

const code = (result: GraphQLResponse<unknown>) => result.errors?.[0]?.extensions?.code;
const emails = (result: GraphQLResponse<Users>) => result.data!.users.edges.map((edge) => edge.node.email).sort();

/**
 * Issue 8's leaks that concern identity, each tried through the gateway as the persona who found it
 * (docs/authorization.md). Every test works on its own people and grants, so any one runs alone.
 */
describe('identity decides who sees and changes people', () => {
  let graph: TestGraph;
  // Northwind: Acme (FULL), Globex (FULL), Initech (LIMITED, people). Bluepeak: Umbrella, Stark (FULL), Wayne (LIMITED).
  const dataset = buildDataset({ partners: 2, clientsPerPartner: 3, extraUsersPerClient: 3 });
  const client = (name: string) => dataset.clients.find((c) => c.name === name)!;
  const acme = client('Acme Robotics');
  const globex = client('Globex Foods');
  const initech = client('Initech Labs');
  const umbrella = client('Umbrella Health');
  const bluepeak = dataset.partners.find((p) => p.name === 'Bluepeak Consulting')!;
  const user = (email: string) => dataset.users.find((u) => u.email === email)!;
  const as = async (email: string) => graph.as(await graph.login(email));
  const identityRow = (id: string) =>
    graph.subgraphs.identity.database.dataSource.getRepository(UserEntity).findOneBy({ id });

  beforeAll(async () => {
    graph = await startTestGraph();
    await graph.seed(dataset);
    await graph.drainEvents();
  });
  afterAll(() => graph?.stop());

  it('shows an account-scoped manager only the users of their accounts, and not the client usage', async () => {
    const asManager = await as('manager@acme-robotics.test');
    // Sales holds the manager, staff1 and staff3; staff2 works in Operations.
    expect(emails(await asManager<Users>(USERS, { client: acme.id }))).toEqual([
      'manager@acme-robotics.test',
      'staff1@acme-robotics.test',
      'staff3@acme-robotics.test',
    ]);
    const lookups = await asManager<{ a: unknown; b: unknown; c: { email: string } | null }>(
      `{ a: user(id: "${user('admin@acme-robotics.test').id}") { email } b: user(id: "${user('staff2@acme-robotics.test').id}") { email } c: user(id: "${user('staff1@acme-robotics.test').id}") { email } }`,
    );
    expect(lookups.data).toEqual({ a: null, b: null, c: { email: 'staff1@acme-robotics.test' } });
    expect(code(await asManager(`{ client(id: "${acme.id}") { usage { users } } }`))).toBe('FORBIDDEN');
    // An organisation-wide member of the same client sees everyone; an external contact only themself.
    const all = await (await as('member@acme-robotics.test'))<Users>(USERS, { client: acme.id });
    expect(all.data!.users.totalCount).toBe(dataset.users.filter((u) => u.organizationId === acme.id).length);
    const external = await (await as('external.acme-robotics@contractors.test'))<Users>(USERS, { client: acme.id });
    // The External Contact type has no users.read: the directory is closed to it altogether.
    expect(code(external)).toBe('UNAUTHORIZED_FIELD_OR_TYPE');
  });

  it("refuses to deactivate a client's only admin, to a partner admin and to everyone else", async () => {
    const admin = user('admin@globex-foods.test');
    const asPartner = await as('admin@northwind-advisory.test');
    const refused = await asPartner(`mutation { deactivateUser(userId: "${admin.id}") { status } }`);
    expect(code(refused)).toBe('FORBIDDEN');
    expect(refused.errors![0].message).toMatch(/last active admin/);
    expect(
      code(await (await as('operator@tenantry.test'))(`mutation { deactivateUser(userId: "${admin.id}") { status } }`)),
    ).toBe('FORBIDDEN');
    expect(code(await (await as(admin.email))(`mutation { deactivateUser(userId: "${admin.id}") { status } }`))).toBe(
      'FORBIDDEN',
    );
    expect((await identityRow(admin.id))!.status).toBe('ACTIVE');
    // The partner admin still acts at its own tier on the client's other people.
    const member = user('member@globex-foods.test');
    const done = await asPartner<{ deactivateUser: { status: string } }>(
      `mutation { deactivateUser(userId: "${member.id}") { status } }`,
    );
    expect(done.data).toEqual({ deactivateUser: { status: 'DEACTIVATED' } });
  });

  it('refuses invitations naming accounts of another client, unknown accounts, or accounts outside the inviter’s', async () => {
    const asAdmin = await as('admin@acme-robotics.test');
    const input = (email: string, accountIds: string[]) => ({
      org: acme.id,
      input: { email, firstName: 'Ann', lastName: 'Other', kind: 'EMPLOYEE', accountIds },
    });
    const foreign = await asAdmin(INVITE, input('foreign.account@acme-robotics.test', [globex.accounts[1].id]));
    expect(code(foreign)).toBe('NOT_FOUND');
    expect(foreign.errors![0].message).toBe(`Account ${globex.accounts[1].id} was not found`);
    const unknownId = '00000000-0000-4000-8000-00000000f00d';
    const unknown = await asAdmin(
      INVITE,
      input('unknown.account@acme-robotics.test', [acme.accounts[1].id, unknownId]),
    );
    expect(code(unknown)).toBe('NOT_FOUND');
    expect(unknown.errors![0].message).toBe(`Account ${unknownId} was not found`);
    const users = graph.subgraphs.identity.database.dataSource.getRepository(UserEntity);
    expect(await users.findOneBy({ email: 'foreign.account@acme-robotics.test' })).toBeNull();
    expect(await users.findOneBy({ email: 'unknown.account@acme-robotics.test' })).toBeNull();

    // The Sales manager, given users.invite, invites into Sales (and below) only.
    const manager = user('manager@acme-robotics.test');
    const override = await asAdmin(
      `mutation { setPermissionOverride(userId: "${manager.id}", organizationId: "${acme.id}", permission: "users.invite", effect: GRANT) { id } }`,
    );
    expect(override.errors).toBeUndefined();
    const asManager = await as(manager.email);
    const sales = acme.accounts.find((a) => a.name === 'Sales')!;
    const operations = acme.accounts.find((a) => a.name === 'Operations')!;
    expect(code(await asManager(INVITE, input('ops.hire@acme-robotics.test', [operations.id])))).toBe('FORBIDDEN');
    expect(code(await asManager(INVITE, input('no.account@acme-robotics.test', [])))).toBe('FORBIDDEN');
    const inSales = await asManager<{ inviteUser: { accountIds: string[] } }>(
      INVITE,
      input('sales.hire@acme-robotics.test', [sales.id]),
    );
    expect(inSales.errors).toBeUndefined();
    expect(inSales.data!.inviteUser.accountIds).toEqual([sales.id]);
  });

  it('hides a soft-deleted person behind every User reference, whoever asks', async () => {
    const person = user('staff2@globex-foods.test');
    const admin = user('admin@globex-foods.test');
    await inTransaction(graph.subgraphs.compliance.database.dataSource, (manager) =>
      publish(manager, 'PersonSoftDeleted', { userId: person.id, clientId: globex.id, reason: 'test' }, new Date()),
    );
    await graph.drainEvents();
    const asAdmin = await as(admin.email);
    const read = await asAdmin<{ user: unknown }>(
      `{ user(id: "${person.id}") { id roles { role } userType { name } } }`,
    );
    expect(read.errors).toBeUndefined();
    expect(read.data).toEqual({ user: null });
    expect(emails(await asAdmin<Users>(USERS, { client: globex.id }))).not.toContain(person.email);

    // A direct subgraph call with a valid internal token: the client's own admin, another
    // organisation's admin, and a Tenantry service all get null.
    const tokens = new InternalTokens(graph.secret, 'test');
    const principal = (organizationId: string, userId: string): Principal => ({
      kind: 'user',
      userId,
      organizationId,
      userKind: 'EMPLOYEE',
      accessLevel: null,
      roles: [{ role: 'CLIENT_ADMIN', organizationId, accountIds: [] }],
      userType: 'Organization Admin',
      homePermissions: ['users.read', 'clients.read'],
      permissions: { [organizationId]: ['users.read', 'clients.read'] },
      sessionId: 's',
    });
    const reference = async (caller: Principal) => {
      const response = await fetch(`${graph.subgraphs.identity.server!.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: await tokens.sign(caller, 'identity') },
        body: JSON.stringify({
          query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id email } } }',
          variables: { r: [{ __typename: 'User', id: person.id }] },
        }),
      });
      return ((await response.json()) as { data?: { _entities: unknown[] } }).data?._entities;
    };
    expect(await reference(principal(globex.id, admin.id))).toEqual([null]);
    expect(await reference(principal(acme.id, user('admin@acme-robotics.test').id))).toEqual([null]);
    expect(await reference({ kind: 'system', service: 'tenancy' })).toEqual([null]);
  });

  it('ends a service account partner staff created in a client as soon as the client cancels the partnership', async () => {
    const asPartner = await as('admin@bluepeak-consulting.test');
    const created = await asPartner<{
      createServiceAccount: { serviceAccount: { clientId: string }; clientSecret: string };
    }>(
      `mutation { createServiceAccount(organizationId: "${umbrella.id}", name: "Partner tool") { serviceAccount { clientId } clientSecret } }`,
    );
    expect(created.errors).toBeUndefined();
    const credentials = {
      clientId: created.data!.createServiceAccount.serviceAccount.clientId,
      clientSecret: created.data!.createServiceAccount.clientSecret,
    };
    const TOKEN =
      'mutation($clientId: String!, $clientSecret: String!) { issueServiceToken(clientId: $clientId, clientSecret: $clientSecret) { accessToken } }';
    const issued = await graph.query<{ issueServiceToken: { accessToken: string } }>(TOKEN, credentials);
    const asTool = graph.as(issued.data!.issueServiceToken.accessToken);
    expect((await asTool('{ me { id } }')).errors).toBeUndefined();

    // Partner staff also invited someone into the client; the invitation is still pending.
    const invited = await asPartner<{ inviteUser: { id: string } }>(INVITE, {
      org: umbrella.id,
      input: { email: 'partner.invitee@umbrella-health.test', firstName: 'Pat', lastName: 'Invitee', kind: 'EMPLOYEE' },
    });
    expect(invited.errors).toBeUndefined();
    const invitation = await graph.subgraphs.identity.database.dataSource
      .getRepository(InvitationEntity)
      .findOneByOrFail({ userId: invited.data!.inviteUser.id });
    expect(invitation.partnerId).toBe(bluepeak.id);

    const cancelled = await (
      await as('admin@umbrella-health.test')
    )(`mutation { cancelPartnership(clientId: "${umbrella.id}", partnerId: "${bluepeak.id}") { status } }`);
    expect(cancelled.errors).toBeUndefined();
    // The very next request: the token is refused, and no new one is issued.
    expect(code(await asTool('{ me { id } }'))).toBe('UNAUTHENTICATED');
    expect(code(await graph.query(TOKEN, credentials))).toBe('UNAUTHENTICATED');
    await graph.drainEvents();
    expect((await identityRow(invited.data!.inviteUser.id))!.status).toBe('DEACTIVATED');
    const link = await graph.subgraphs.identity.database.dataSource
      .getRepository(InvitationEntity)
      .findOneByOrFail({ id: invitation.id });
    expect(link.revokedAt).not.toBeNull();
  });

  it('refuses service accounts to partner staff through a LIMITED grant', async () => {
    const asPartner = await as('admin@northwind-advisory.test');
    const refused = await asPartner(
      `mutation { createServiceAccount(organizationId: "${initech.id}", name: "Not allowed") { clientSecret } }`,
    );
    expect(code(refused)).toMatch(/FORBIDDEN|UNAUTHORIZED_FIELD_OR_TYPE/);
  });

  it('answers a foreign user id exactly like an unknown one', async () => {
    const asAdmin = await as('admin@acme-robotics.test');
    const foreign = user('member@initech-labs.test').id;
    const unknown = '00000000-0000-4000-8000-00000000beef';
    const lookups = await asAdmin(`{ f: user(id: "${foreign}") { id } u: user(id: "${unknown}") { id } }`);
    expect(lookups).toEqual({ data: { f: null, u: null } });
    for (const mutation of ['deactivateUser', 'reactivateUser', 'repairUser', 'resendInvitation', 'revokeInvitation']) {
      const [a, b] = await Promise.all(
        [foreign, unknown].map((id) => asAdmin(`mutation { ${mutation}(userId: "${id}") { id } }`)),
      );
      expect([code(a), code(b)]).toEqual(['NOT_FOUND', 'NOT_FOUND']);
      expect(a.errors![0].message).toBe(`User ${foreign} was not found`);
      expect(b.errors![0].message).toBe(`User ${unknown} was not found`);
    }
    // A list under an organisation the caller cannot see is empty, like an unknown one.
    expect((await asAdmin<Users>(USERS, { client: initech.id })).data!.users.totalCount).toBe(0);
    expect((await asAdmin<Users>(USERS, { client: unknown })).data!.users.totalCount).toBe(0);
    const input = { email: 'nowhere@acme-robotics.test', firstName: 'No', lastName: 'Where', kind: 'EMPLOYEE' };
    const [intoForeign, intoUnknown] = await Promise.all(
      [initech.id, unknown].map((org) => asAdmin(INVITE, { org, input })),
    );
    expect([code(intoForeign), code(intoUnknown)]).toEqual(['NOT_FOUND', 'NOT_FOUND']);
    expect(intoForeign.errors![0].message).toBe(`Organization ${initech.id} was not found`);
    expect((await identityRow(foreign))!.status).toBe('ACTIVE');
  });

  it('lets a partner read what its grant lends: people with LIMITED (people), usage only with core or FULL', async () => {
    const asPartner = await as('admin@northwind-advisory.test');
    const limited = await asPartner<Users>(USERS, { client: initech.id });
    expect(limited.data!.users.totalCount).toBe(dataset.users.filter((u) => u.organizationId === initech.id).length);
    expect(code(await asPartner(`{ client(id: "${initech.id}") { usage { users } } }`))).toBe('FORBIDDEN');
    expect(code(await asPartner(`{ client(id: "${initech.id}") { employeeCount } }`))).toBe('FORBIDDEN');
    const full = await asPartner<{ client: { usage: { users: number }; employeeCount: number } }>(
      `{ client(id: "${acme.id}") { usage { users } employeeCount } }`,
    );
    expect(full.errors).toBeUndefined();
    expect(full.data!.client.usage.users).toBeGreaterThan(0);
    // Another partner's client is out of reach altogether.
    expect((await asPartner<Users>(USERS, { client: umbrella.id })).data!.users.totalCount).toBe(0);
  });
});
