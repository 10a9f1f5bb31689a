import { buildDataset } from '../../../graph/demo-data';
import { INTERNAL_TOKEN_HEADER, InternalTokens } from '../../../shared/auth/internal-token';
import { predefinedUserTypeId } from '../user-types';
import { startTestGraph, type TestGraph } from '../../../graph/testing';

/** The permission model through the gateway: fresh permissions, escalation guards, audit. */
describe('who may do what', () => {
  let graph: TestGraph;
  const dataset = buildDataset({ partners: 2, clientsPerPartner: 2 });
  const acme = dataset.clients.find((c) => c.name === 'Acme Robotics')!;
  const initech = dataset.clients.find((c) => c.name === 'Initech Labs')!;
  const user = (email: string) => dataset.users.find((u) => u.email === email)!;
  const admin = user('admin@acme-robotics.test');
  const manager = user('manager@acme-robotics.test');
  const member = user('member@acme-robotics.test');
  const external = user('external.acme-robotics@contractors.test');
  const standardType = predefinedUserTypeId(acme.id, 'Standard');
  let asAdmin: TestGraph['query'];
  let asMember: TestGraph['query'];
  let asManager: TestGraph['query'];

  beforeAll(async () => {
    graph = await startTestGraph();
    await graph.seed(dataset);
    await graph.drainEvents();
    asAdmin = graph.as(await graph.login(admin.email));
    asMember = graph.as(await graph.login(member.email));
    asManager = graph.as(await graph.login(manager.email));
  });
  afterAll(() => graph?.stop());

  const code = (result: { errors?: Array<{ extensions?: { code?: string } }> }) => result.errors?.[0]?.extensions?.code;
  const USERS = `{ users(clientId: "${acme.id}") { totalCount } }`;

  it('applies an edited user type on the very next request of its users', async () => {
    expect(code(await asMember(USERS))).toBeUndefined();
    const edited = await asAdmin(
      `mutation($id: ID!) { updateUserType(id: $id, changes: { permissions: ["clients.read", "projects.read"] }) { permissions } }`,
      { id: standardType },
    );
    expect(edited.errors).toBeUndefined();
    expect(['FORBIDDEN', 'UNAUTHORIZED_FIELD_OR_TYPE']).toContain(code(await asMember(USERS)));
    await asAdmin(
      `mutation($id: ID!) { updateUserType(id: $id, changes: { permissions: ["clients.read", "clients.usage.read", "projects.read", "projects.manage", "users.read"] }) { id } }`,
      { id: standardType },
    );
    expect(code(await asMember(USERS))).toBeUndefined();
  });

  it('explains where each effective permission comes from', async () => {
    const override = await asAdmin(
      `mutation { setPermissionOverride(userId: "${member.id}", organizationId: "${acme.id}", permission: "audit.read", effect: GRANT) { id } }`,
    );
    expect(override.errors).toBeUndefined();
    const result = await asMember<{ me: { effectivePermissions: Array<{ key: string; sources: string[] }> } }>(
      `{ me { effectivePermissions(organizationId: "${acme.id}") { key sources } } }`,
    );
    const byKey = Object.fromEntries(result.data!.me.effectivePermissions.map((p) => [p.key, p.sources]));
    expect(byKey['users.read']).toEqual(['USER_TYPE']);
    expect(byKey['audit.read']).toEqual(['OVERRIDE']);
    expect(code(await asMember(`{ auditLog(organizationId: "${acme.id}") { totalCount } }`))).toBeUndefined();
    await asAdmin(
      `mutation { setPermissionOverride(userId: "${member.id}", organizationId: "${acme.id}", permission: "audit.read", effect: null) { id } }`,
    );
    expect(code(await asMember(`{ auditLog(organizationId: "${acme.id}") { totalCount } }`))).toMatch(
      /FORBIDDEN|UNAUTHORIZED_FIELD_OR_TYPE/,
    );
  });

  it('refuses to grant a role above one’s own tier', async () => {
    const grant = await asAdmin(
      `mutation { grantRole(userId: "${member.id}", role: PLATFORM_OPERATOR, organizationId: "${acme.id}") { id } }`,
    );
    expect(code(grant)).toBe('FORBIDDEN');
    const partnerTier = await asAdmin(
      `mutation { grantRole(userId: "${member.id}", role: PARTNER_ADMIN, organizationId: "${acme.id}") { id } }`,
    );
    expect(code(partnerTier)).toBe('FORBIDDEN');
  });

  it('refuses to put a permission one does not hold into a user type, and to edit a higher-tier user', async () => {
    // The admin delegates type management to the manager, without audit.read.
    const created = await asAdmin<{ createUserType: { id: string } }>(
      `mutation { createUserType(organizationId: "${acme.id}", input: { name: "Delegates", permissions: ["user-types.manage", "users.read", "projects.read"] }) { id } }`,
    );
    expect(created.errors).toBeUndefined();
    expect(
      (
        await asAdmin(
          `mutation { assignUserType(userId: "${manager.id}", userTypeId: "${created.data!.createUserType.id}") { id } }`,
        )
      ).errors,
    ).toBeUndefined();
    const escalate = await asManager(
      `mutation { createUserType(organizationId: "${acme.id}", input: { name: "Sneaky", permissions: ["audit.read"] }) { id } }`,
    );
    expect(code(escalate)).toBe('FORBIDDEN');
    const widenOwn = await asManager(
      `mutation($id: ID!) { updateUserType(id: $id, changes: { permissions: ["user-types.manage", "users.read", "projects.read", "roles.manage"] }) { id } }`,
      { id: created.data!.createUserType.id },
    );
    expect(code(widenOwn)).toBe('FORBIDDEN');
    const demoteAdmin = await asManager(
      `mutation { assignUserType(userId: "${admin.id}", userTypeId: "${created.data!.createUserType.id}") { id } }`,
    );
    expect(code(demoteAdmin)).toBe('FORBIDDEN');
  });

  it('needs external-access.grant to give an external contact system access', async () => {
    // The manager manages types but does not hold external-access.grant.
    const result = await asManager(
      `mutation { assignUserType(userId: "${external.id}", userTypeId: "${predefinedUserTypeId(acme.id, 'External Contact')}") { id } }`,
    );
    expect(code(result)).toBe('FORBIDDEN');
    expect(
      (
        await asAdmin(
          `mutation { assignUserType(userId: "${external.id}", userTypeId: "${predefinedUserTypeId(acme.id, 'External Contact')}") { id } }`,
        )
      ).errors,
    ).toBeUndefined();
  });

  it('keeps the last organisation admin', async () => {
    const roles = await asAdmin<{ me: { roles: Array<{ id: string; role: string }> } }>('{ me { roles { id role } } }');
    const adminRole = roles.data!.me.roles.find((role) => role.role === 'CLIENT_ADMIN')!;
    expect(code(await asAdmin(`mutation { revokeRole(assignmentId: "${adminRole.id}") }`))).toBe('CONFLICT');
    expect(
      code(await asAdmin(`mutation { assignUserType(userId: "${admin.id}", userTypeId: "${standardType}") { id } }`)),
    ).toBe('CONFLICT');
  });

  it('refuses to delete a type in use unless its users move, and changes nothing on refusal', async () => {
    const created = await asAdmin<{ createUserType: { id: string } }>(
      `mutation { createUserType(organizationId: "${acme.id}", input: { name: "Temporary", permissions: ["projects.read"] }) { id } }`,
    );
    const id = created.data!.createUserType.id;
    await asAdmin(`mutation { assignUserType(userId: "${member.id}", userTypeId: "${id}") { id } }`);
    expect(code(await asAdmin(`mutation { deleteUserType(id: "${id}") }`))).toBe('CONFLICT');
    const stillThere = await asAdmin<{ userTypes: Array<{ id: string }> }>(
      `{ userTypes(organizationId: "${acme.id}") { id } }`,
    );
    expect(stillThere.data!.userTypes.map((t) => t.id)).toContain(id);
    expect(
      (await asAdmin(`mutation { deleteUserType(id: "${id}", reassignTo: "${standardType}") }`)).errors,
    ).toBeUndefined();
    const type = await asAdmin<{ user: { userType: { id: string } } }>(
      `{ user(id: "${member.id}") { userType { id } } }`,
    );
    expect(type.data!.user.userType.id).toBe(standardType);
    // Identity's directory copy of the type follows the move: the member is found under Standard again.
    await graph.drainEvents();
    const byType = await asAdmin<{ users: { edges: Array<{ node: { id: string } }> } }>(
      `{ users(clientId: "${acme.id}", filter: { userTypeId: "${standardType}" }, first: 100) { edges { node { id } } } }`,
    );
    expect(byType.data!.users.edges.map((edge) => edge.node.id)).toContain(member.id);
  });

  it('rejects unknown permissions and malformed ids with BAD_USER_INPUT', async () => {
    expect(
      code(
        await asAdmin(
          `mutation { createUserType(organizationId: "${acme.id}", input: { name: "Bad", permissions: ["everything.please"] }) { id } }`,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      code(await asAdmin(`mutation { assignUserType(userId: "not-a-uuid", userTypeId: "${standardType}") { id } }`)),
    ).toBe('BAD_USER_INPUT');
  });

  it('writes every access change to the audit log of the organisation', async () => {
    await graph.drainEvents();
    const log = await asAdmin<{
      auditLog: {
        totalCount: number;
        edges: Array<{
          node: { action: string; actorId: string; targetId: string; before: string | null; after: string | null };
        }>;
      };
    }>(
      `{ auditLog(organizationId: "${acme.id}", first: 100) { totalCount edges { node { action actorId targetId before after } } } }`,
    );
    const actions = log.data!.auditLog.edges.map((edge) => edge.node.action);
    for (const action of [
      'USER_TYPE_UPDATED',
      'USER_TYPE_CREATED',
      'USER_TYPE_ASSIGNED',
      'USER_TYPE_DELETED',
      'PERMISSION_OVERRIDE_SET',
    ])
      expect(actions).toContain(action);
    const update = log.data!.auditLog.edges.find((edge) => edge.node.action === 'USER_TYPE_UPDATED')!.node;
    expect(update.actorId).toBe(admin.id);
    expect(JSON.parse(update.before!)).toHaveProperty('permissions');
    // Refused changes left no trace.
    expect(actions.filter((action) => action === 'ROLE_GRANTED')).toHaveLength(0);
    const filtered = await asAdmin<{ auditLog: { totalCount: number } }>(
      `{ auditLog(organizationId: "${acme.id}", filter: { action: "USER_TYPE_DELETED" }) { totalCount } }`,
    );
    expect(filtered.data!.auditLog.totalCount).toBe(1);
    // Paging two at a time with cursors yields the same entries, newest first, each once.
    const ids: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 100; page += 1) {
      const result: {
        data?: {
          auditLog: { edges: Array<{ node: { id: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string } };
        } | null;
      } = await asAdmin(
        `query($org: ID!, $after: String) { auditLog(organizationId: $org, first: 2, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
        { org: acme.id, after },
      );
      ids.push(...result.data!.auditLog.edges.map((edge) => edge.node.id));
      if (!result.data!.auditLog.pageInfo.hasNextPage) break;
      after = result.data!.auditLog.pageInfo.endCursor;
    }
    const all = await asAdmin<{ auditLog: { edges: Array<{ node: { id: string } }> } }>(
      `{ auditLog(organizationId: "${acme.id}", first: 100) { edges { node { id } } } }`,
    );
    expect(ids).toEqual(all.data!.auditLog.edges.map((edge) => edge.node.id));
  });

  it('resolves no foreign entity for a subgraph caller whose token is for another organisation', async () => {
    const tokens = new InternalTokens(graph.secret, 'gateway');
    const acmeAdmin = {
      kind: 'user' as const,
      userId: admin.id,
      organizationId: acme.id,
      userKind: 'EMPLOYEE' as const,
      accessLevel: null,
      roles: [{ role: 'CLIENT_ADMIN' as const, organizationId: acme.id, accountIds: [] }],
      userType: 'Organization Admin',
      homePermissions: ['clients.read', 'users.read', 'compliance.manage', 'clients.usage.read'],
      permissions: { [acme.id]: ['clients.read', 'users.read', 'compliance.manage', 'clients.usage.read'] },
      sessionId: 's',
    };
    const entities = async (
      subgraph: 'tenancy' | 'identity' | 'compliance',
      typename: string,
      id: string,
      selection: string,
    ) => {
      const response = await fetch(`${graph.subgraphs[subgraph].server!.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [INTERNAL_TOKEN_HEADER]: await tokens.sign(acmeAdmin, subgraph),
        },
        body: JSON.stringify({
          query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${typename} { ${selection} } } }`,
          variables: { r: [{ __typename: typename, id }] },
        }),
      });
      return (await response.json()) as {
        data?: { _entities: unknown[] };
        errors?: Array<{ extensions?: { code?: string } }>;
      };
    };
    expect((await entities('tenancy', 'Client', acme.id, 'name')).data?._entities).toEqual([{ name: acme.name }]);
    expect((await entities('tenancy', 'Client', initech.id, 'name')).data?._entities).toEqual([null]);
    const foreignUser = dataset.users.find((u) => u.organizationId === initech.id)!;
    expect((await entities('identity', 'User', foreignUser.id, 'email')).data?._entities).toEqual([null]);
    const foreignUsage = await entities('identity', 'Client', initech.id, 'usage { users }');
    expect(foreignUsage.errors?.[0].extensions?.code).toMatch(/FORBIDDEN|UNAUTHORIZED_FIELD_OR_TYPE/);
    const foreignPolicy = await entities(
      'compliance',
      'Client',
      initech.id,
      'retentionPolicy { softDeleteAfterMonths }',
    );
    // Compliance resolves an invisible client's policy as it would an unknown one's: null.
    expect(foreignPolicy.data?._entities).toEqual([null]);
  });
});
