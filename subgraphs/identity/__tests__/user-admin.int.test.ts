import { buildDataset } from '../../../graph/demo-data';
import { startTestGraph, type TestGraph } from '../../../graph/testing';
import { predefinedUserTypeId } from '../../permissions/user-types';
import { InvitationEntity, UserEntity } from '../entities';

const INVITE = `mutation($org: ID!, $input: InviteUserInput!) { inviteUser(organizationId: $org, input: $input) { id } }`;
const USERS = `query($client: ID!, $filter: UserFilter, $first: Int, $after: String) {
  users(clientId: $client, filter: $filter, first: $first, after: $after) { totalCount edges { cursor node { email firstName lastName } } pageInfo { hasNextPage endCursor } }
}`;
type Users = {
  users: {
    totalCount: number;
    edges: Array<{ cursor: string; node: { email: string; firstName: string; lastName: string } }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

/** Deactivation, reactivation, repair, tier guards and directory search, as a client admin uses them. */
describe('user administration through the gateway', () => {
  let graph: TestGraph;
  const dataset = buildDataset({ partners: 1, clientsPerPartner: 2, extraUsersPerClient: 4 });
  const acme = dataset.clients.find((c) => c.name === 'Acme Robotics')!;
  const user = (email: string) => dataset.users.find((u) => u.email === email)!;
  const admin = user('admin@acme-robotics.test');
  const member = user('member@acme-robotics.test');
  const manager = user('manager@acme-robotics.test');
  let asAdmin: TestGraph['query'];

  beforeAll(async () => {
    graph = await startTestGraph();
    await graph.seed(dataset);
    await graph.drainEvents();
    asAdmin = graph.as(await graph.login(admin.email));
  });
  afterAll(() => graph?.stop());

  const code = (result: { errors?: Array<{ extensions?: { code?: string } }> }) => result.errors?.[0]?.extensions?.code;
  const emails = (result: { data?: Users | null }) => result.data!.users.edges.map((edge) => edge.node.email);
  const search = (filter: Record<string, unknown>, first?: number, after?: string | null) =>
    asAdmin<Users>(USERS, { client: acme.id, filter, first, after });
  const auditActions = async () => {
    await graph.drainEvents();
    const log = await asAdmin<{ auditLog: { edges: Array<{ node: { action: string; targetId: string } }> } }>(
      `{ auditLog(organizationId: "${acme.id}", first: 100) { edges { node { action targetId } } } }`,
    );
    return log.data?.auditLog.edges.map((edge) => `${edge.node.action}:${edge.node.targetId}`) ?? [];
  };

  it('deactivation ends sessions on the next request; reactivation lets the user sign in again', async () => {
    const token = await graph.login(member.email);
    expect((await graph.as(token)('{ me { email } }')).errors).toBeUndefined();
    const deactivated = await asAdmin<{ deactivateUser: { status: string } }>(
      `mutation { deactivateUser(userId: "${member.id}") { status } }`,
    );
    expect(deactivated.data).toEqual({ deactivateUser: { status: 'DEACTIVATED' } });
    expect(code(await graph.as(token)('{ me { email } }'))).toBe('UNAUTHENTICATED');
    await expect(graph.login(member.email)).rejects.toThrow();

    const reactivated = await asAdmin<{ reactivateUser: { status: string } }>(
      `mutation { reactivateUser(userId: "${member.id}") { status } }`,
    );
    expect(reactivated.data).toEqual({ reactivateUser: { status: 'ACTIVE' } });
    expect((await graph.as(await graph.login(member.email))('{ me { email } }')).errors).toBeUndefined();
    const actions = await auditActions();
    expect(actions).toEqual(expect.arrayContaining([`USER_DEACTIVATED:${member.id}`, `USER_REACTIVATED:${member.id}`]));
  });

  it('refuses to act on a user of a higher tier, and refuses other clients', async () => {
    // The member gets users.deactivate for this test, but stays a MEMBER.
    const grant = await asAdmin(
      `mutation { setPermissionOverride(userId: "${member.id}", organizationId: "${acme.id}", permission: "users.deactivate", effect: GRANT) { id } }`,
    );
    expect(grant.errors).toBeUndefined();
    const asMember = graph.as(await graph.login(member.email));
    expect(code(await asMember(`mutation { deactivateUser(userId: "${admin.id}") { status } }`))).toBe('FORBIDDEN');
    expect(code(await asMember(`mutation { deactivateUser(userId: "${manager.id}") { status } }`))).toBe('FORBIDDEN');
    const staff = user('staff1@acme-robotics.test');
    expect((await asMember(`mutation { deactivateUser(userId: "${staff.id}") { status } }`)).errors).toBeUndefined();
    expect((await asAdmin(`mutation { reactivateUser(userId: "${staff.id}") { status } }`)).errors).toBeUndefined();
    const globexAdmin = user('admin@globex-foods.test');
    // Another client's person is as unknown to this admin as a made-up id.
    expect(code(await asAdmin(`mutation { deactivateUser(userId: "${globexAdmin.id}") { status } }`))).toBe(
      'NOT_FOUND',
    );
    expect(code(await asAdmin(`mutation { deactivateUser(userId: "${admin.id}") { status } }`))).toBe('FORBIDDEN');
    expect(
      code(await asAdmin('mutation { deactivateUser(userId: "00000000-0000-4000-8000-00000000abcd") { status } }')),
    ).toBe('NOT_FOUND');
    expect(
      (await graph.subgraphs.identity.database.dataSource.getRepository(UserEntity).findOneByOrFail({ id: admin.id }))
        .status,
    ).toBe('ACTIVE');
    await asAdmin(
      `mutation { setPermissionOverride(userId: "${member.id}", organizationId: "${acme.id}", permission: "users.deactivate", effect: null) { id } }`,
    );
  });

  it('repair re-derives a lost user type and issues a new link for a stuck invitation', async () => {
    const invited = await asAdmin<{ inviteUser: { id: string } }>(INVITE, {
      org: acme.id,
      input: { email: 'stuck@acme-robotics.test', firstName: 'Stuck', lastName: 'Invite', kind: 'EMPLOYEE' },
    });
    const id = invited.data!.inviteUser.id;
    await graph.mail.waitFor((mail) => mail.to.includes('stuck@acme-robotics.test'));
    // Permissions lost the user's type and role (inviteUser delivered UserCreated before answering),
    // and the link expired.
    const permissions = graph.subgraphs.permissions.database.dataSource;
    await permissions.query('DELETE FROM user_type_assignments WHERE userId = ?', [id]);
    await permissions.query('DELETE FROM role_assignments WHERE userId = ?', [id]);
    await graph.subgraphs.identity.database.dataSource
      .getRepository(InvitationEntity)
      .update({ userId: id }, { expiresAt: new Date(Date.now() - 1000) });
    const before = await asAdmin<{ user: { userType: unknown } }>(`{ user(id: "${id}") { userType { name } } }`);
    expect(before.data!.user.userType).toBeNull();

    const repaired = await asAdmin(`mutation { repairUser(userId: "${id}") { status } }`);
    expect(repaired.errors).toBeUndefined();
    await graph.drainEvents();
    const after = await asAdmin<{ user: { userType: { name: string }; roles: Array<{ role: string }> } }>(
      `{ user(id: "${id}") { userType { name } roles { role } } }`,
    );
    expect(after.data!.user).toEqual({ userType: { name: 'Standard' }, roles: [{ role: 'MEMBER' }] });
    await graph.mail.waitFor(
      (mail) =>
        mail.to.includes('stuck@acme-robotics.test') &&
        graph.mail.messages.filter((m) => m.to.includes('stuck@acme-robotics.test')).length >= 2,
    );
    // Repairing again changes nothing and sends nothing more: the new link is still valid.
    await asAdmin(`mutation { repairUser(userId: "${id}") { status } }`);
    await graph.drainEvents();
    expect(graph.mail.messages.filter((m) => m.to.includes('stuck@acme-robotics.test'))).toHaveLength(2);
    expect(await auditActions()).toEqual(expect.arrayContaining([`USER_REPAIRED:${id}`]));
  });

  it('searches by name, email, account, user type, status and kind, combined, with pagination', async () => {
    const people = [
      {
        email: 'ines.alpha@acme-robotics.test',
        firstName: 'Inés',
        lastName: 'Zamora',
        accountIds: [acme.accounts[1].id],
      },
      {
        email: 'ingrid.beta@acme-robotics.test',
        firstName: 'Ingrid',
        lastName: 'Zeller',
        accountIds: [acme.accounts[1].id],
      },
      {
        email: 'ivo.gamma@acme-robotics.test',
        firstName: 'Ivo',
        lastName: 'Zeller',
        accountIds: [acme.accounts[2].id],
      },
    ];
    for (const person of people)
      expect((await asAdmin(INVITE, { org: acme.id, input: { ...person, kind: 'EMPLOYEE' } })).errors).toBeUndefined();
    await graph.drainEvents();

    expect(emails(await search({ firstName: 'IN', lastName: 'Z' })).sort()).toEqual([
      'ines.alpha@acme-robotics.test',
      'ingrid.beta@acme-robotics.test',
    ]);
    expect(emails(await search({ lastName: 'zel' })).sort()).toEqual([
      'ingrid.beta@acme-robotics.test',
      'ivo.gamma@acme-robotics.test',
    ]);
    expect(emails(await search({ email: 'IVO.' }))).toEqual(['ivo.gamma@acme-robotics.test']);
    expect(emails(await search({ username: 'ines.alpha' }))).toEqual(['ines.alpha@acme-robotics.test']);
    expect(emails(await search({ search: 'zam' }))).toEqual(['ines.alpha@acme-robotics.test']);
    expect(emails(await search({ search: 'inés', lastName: 'zam' }))).toEqual(['ines.alpha@acme-robotics.test']);
    expect(emails(await search({ accountId: acme.accounts[1].id, lastName: 'z' })).sort()).toEqual([
      'ines.alpha@acme-robotics.test',
      'ingrid.beta@acme-robotics.test',
    ]);
    // The seeded manager works in the first division.
    expect(emails(await search({ accountId: acme.accounts[1].id, status: 'ACTIVE' }))).toContain(manager.email);
    expect(emails(await search({ status: 'INVITED', kind: 'EMPLOYEE', lastName: 'Zeller' }))).toHaveLength(2);
    expect((await search({ status: 'ACTIVE', lastName: 'Zeller' })).data!.users.totalCount).toBe(0);
    expect((await search({ kind: 'EXTERNAL' })).data!.users.totalCount).toBe(1);
    const adminType = predefinedUserTypeId(acme.id, 'Organization Admin');
    expect(emails(await search({ userTypeId: adminType }))).toEqual([admin.email]);
    expect(emails(await search({ userTypeId: predefinedUserTypeId(acme.id, 'Standard'), firstName: 'iv' }))).toEqual([
      'ivo.gamma@acme-robotics.test',
    ]);
    // LIKE wildcards are literal.
    expect((await search({ search: '%' })).data!.users.totalCount).toBe(0);

    const all = await search({}, 100);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page += 1) {
      const result: { data?: Users | null } = await search({}, 3, after);
      seen.push(...emails(result));
      if (!result.data!.users.pageInfo.hasNextPage) break;
      after = result.data!.users.pageInfo.endCursor;
    }
    expect(seen).toEqual(emails(all));
    expect(seen).toHaveLength(all.data!.users.totalCount);
  });

  it('refuses bad filters with coded errors', async () => {
    expect(code(await search({ lastName: 'a\u0000b' }))).toBe('BAD_USER_INPUT');
    expect(code(await search({ search: 'x'.repeat(101) }))).toBe('BAD_USER_INPUT');
    expect(code(await search({ accountId: 'nope' }))).toBe('BAD_USER_INPUT');
    expect(code(await search({}, 101))).toBe('BAD_USER_INPUT');
  });
});
