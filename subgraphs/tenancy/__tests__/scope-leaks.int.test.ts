import { randomUUID } from 'node:crypto';
import { buildDataset } from '../../../graph/demo-data';
import { startTestGraph, type GraphQLResponse, type TestGraph } from '../../../graph/testing';
import { AccessGrantEntity } from '../../../shared/subgraph/facts';
import { askTenancy, code, deliverEvent, demoPrincipal, outbox, signIn, type Query } from './kit';

/**
 * The leaks of issue 8 that concern tenancy, one test each, through the gateway (and, where the
 * issue names it, straight to the subgraph with a valid internal token). Northwind manages Acme with
 * FULL access and Globex with a LIMITED (people) grant; Bluepeak manages Initech and Umbrella.
 */
const dataset = buildDataset({ partners: 2, clientsPerPartner: 2 });
const client = (name: string) => dataset.clients.find((c) => c.name === name)!;
const user = (email: string) => dataset.users.find((u) => u.email === email)!;
const acme = client('Acme Robotics');
const globex = client('Globex Foods');
const northwind = dataset.partners.find((p) => p.name === 'Northwind Advisory')!;
const bluepeak = dataset.partners.find((p) => p.name === 'Bluepeak Consulting')!;
const account = (of: typeof acme, name: string) => of.accounts.find((a) => a.name === name)!;
const project = (of: typeof acme, name: string) => of.projects.find((p) => p.name === name)!;
const leadership = project(acme, 'Leadership assessment');
const graduates = project(acme, 'Graduate intake 2026');

const PROJECTS = `query($id: ID!) { projects(clientId: $id) { name } }`;
const PROJECT = `query($id: ID!) { project(id: $id) { name client { id name } account { id } } }`;
const JOIN = `mutation($p: ID!, $u: ID!) { joinProject(projectId: $p, userId: $u) { joinedAt user { id } } }`;
const names = (result: GraphQLResponse<{ projects: Array<{ name: string }> }>) =>
  result.data!.projects.map((p) => p.name);

describe('tenancy: the scope leaks of issue 8', () => {
  let graph: TestGraph;
  let asAcmeAdmin: Query;

  beforeAll(async () => {
    graph = await startTestGraph();
    await graph.seed(dataset);
    await graph.drainEvents();
    [asAcmeAdmin] = await signIn(graph, ['admin@acme-robotics.test']);
  });
  afterAll(() => graph?.stop());

  describe('a manager whose role is limited to the Sales account', () => {
    const manager = 'manager@acme-robotics.test';
    const sales = account(acme, 'Sales');
    const operations = account(acme, 'Operations');
    let asManager: Query;
    let keyAccounts: string;

    beforeAll(async () => {
      [asManager] = await signIn(graph, [manager]);
      // A sub-account of Sales (inside the manager's subtree) and a project in each division.
      const created = await asAcmeAdmin<{ createAccount: { id: string } }>(
        `mutation($c: ID!, $p: ID!) { createAccount(clientId: $c, name: "Key accounts", parentId: $p) { id } }`,
        { c: acme.id, p: sales.id },
      );
      keyAccounts = created.data!.createAccount.id;
      for (const [name, accountId] of [
        ['Key account plan', keyAccounts],
        ['Operations review', operations.id],
      ]) {
        const result = await asAcmeAdmin(
          `mutation($c: ID!, $n: String!, $a: ID) { createProject(clientId: $c, name: $n, accountId: $a) { id } }`,
          { c: acme.id, n: name, a: accountId },
        );
        expect(result.errors).toBeUndefined();
      }
    });

    it('sees only the projects of its accounts and below, never those of other accounts or client-wide ones', async () => {
      expect(names(await asManager(PROJECTS, { id: acme.id }))).toEqual(['Key account plan', 'Leadership assessment']);
      const nested = await asManager<{ client: { projects: Array<{ name: string }> } }>(
        `query($id: ID!) { client(id: $id) { projects { name } } }`,
        { id: acme.id },
      );
      expect(nested.data!.client.projects.map((p) => p.name)).toEqual(['Key account plan', 'Leadership assessment']);
      expect((await asManager<{ project: unknown }>(PROJECT, { id: graduates.id })).data!.project).toBeNull();
      // The admin, acting for the whole client, sees every one of them.
      expect(names(await asAcmeAdmin(PROJECTS, { id: acme.id }))).toEqual([
        'Graduate intake 2026',
        'Key account plan',
        'Leadership assessment',
        'Operations review',
      ]);
    });

    it('sees only its accounts and below, not the master account or other divisions, also by reference', async () => {
      const tree = await asManager<{
        client: { masterAccount: unknown; accounts: Array<{ id: string; name: string; parent: unknown }> };
      }>(`query($id: ID!) { client(id: $id) { masterAccount { id } accounts { id name parent { id } } } }`, {
        id: acme.id,
      });
      expect(tree.errors).toBeUndefined();
      expect(tree.data!.client.masterAccount).toBeNull();
      expect(tree.data!.client.accounts).toEqual([
        { id: keyAccounts, name: 'Key accounts', parent: { id: sales.id } },
        { id: sales.id, name: 'Sales', parent: null },
      ]);
      // Entity references (how identity's User.accounts reach tenancy) resolve the same way.
      const references = await askTenancy<{ _entities: Array<{ id: string } | null> }>(
        graph,
        demoPrincipal(dataset, manager),
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Account { id } } }`,
        {
          r: [sales.id, operations.id, account(acme, 'Acme Robotics (master)').id].map((id) => ({
            __typename: 'Account',
            id,
          })),
        },
      );
      expect(references.data!._entities).toEqual([{ id: sales.id }, null, null]);
    });
  });

  describe('a BASIC external contact', () => {
    const email = 'external.acme-robotics@contractors.test';
    let asExternal: Query;
    beforeAll(async () => {
      [asExternal] = await signIn(graph, [email]);
    });

    it('sees only the projects it joined, not every project of its client', async () => {
      const joiner = `participant.acme-robotics@candidates.test`;
      const [asParticipant] = await signIn(graph, [joiner]);
      // The participant joined the leadership assessment (demo data); the external contact joins the graduate intake.
      expect((await asAcmeAdmin(JOIN, { p: graduates.id, u: user(email).id })).errors).toBeUndefined();
      expect(names(await asExternal(PROJECTS, { id: acme.id }))).toEqual(['Graduate intake 2026']);
      expect((await asExternal<{ project: unknown }>(PROJECT, { id: leadership.id })).data!.project).toBeNull();
      // Participants hold no projects.read at all: the gateway refuses them the list.
      expect(['UNAUTHORIZED_FIELD_OR_TYPE', undefined]).toContain(code(await asParticipant(PROJECTS, { id: acme.id })));
    });

    it("gets no client from project(id) { client } when client(id) refuses it, and still sees its own client's name", async () => {
      expect((await asAcmeAdmin(JOIN, { p: graduates.id, u: user(email).id })).errors).toBeUndefined();
      const seen = await asExternal<{ project: { name: string; client: unknown; account: unknown } }>(PROJECT, {
        id: graduates.id,
      });
      expect(seen.errors).toBeUndefined();
      expect(seen.data!.project).toEqual({ name: 'Graduate intake 2026', client: null, account: null });
      const direct = await asExternal<{ client: unknown }>(`query($id: ID!) { client(id: $id) { id name } }`, {
        id: acme.id,
      });
      expect(direct.data?.client ?? null).toBeNull();
      const me = await asExternal<{ me: { organization: { name: string } } }>(
        `{ me { organization { ... on Client { name } } } }`,
      );
      expect(me.data!.me.organization).toEqual({ name: acme.name });
    });
  });

  describe('a partner with a LIMITED (people) grant', () => {
    let asPartnerAdmin: Query;
    beforeAll(async () => {
      [asPartnerAdmin] = await signIn(graph, ['admin@northwind-advisory.test']);
    });

    it("reads the client record but lists none of the client's projects", async () => {
      const seen = await asPartnerAdmin<{ client: { name: string; projects: unknown[] } }>(
        `query($id: ID!) { client(id: $id) { name projects { name } } }`,
        { id: globex.id },
      );
      expect(seen.errors).toBeUndefined();
      expect(seen.data!.client).toEqual({ name: globex.name, projects: [] });
      expect(names(await asPartnerAdmin(PROJECTS, { id: globex.id }))).toEqual([]);
      expect(
        (await asPartnerAdmin<{ project: unknown }>(PROJECT, { id: project(globex, 'Leadership assessment').id })).data!
          .project,
      ).toBeNull();
      // Neither the company profile (no core product) nor the integrations (client-level).
      for (const field of ['companyProfile { legalName }', 'integrations { provider }'])
        expect(code(await asPartnerAdmin(`query($id: ID!) { client(id: $id) { ${field} } }`, { id: globex.id }))).toBe(
          'FORBIDDEN',
        );
    });

    it('can neither suspend nor reactivate the client, nor change its accounts', async () => {
      for (const mutation of [
        `mutation($id: ID!) { suspendClient(clientId: $id, reason: "test") { status } }`,
        `mutation($id: ID!) { reactivateClient(clientId: $id) { status } }`,
        `mutation($id: ID!) { createAccount(clientId: $id, name: "Partner's own") { id } }`,
      ])
        expect([mutation, code(await asPartnerAdmin(mutation, { id: globex.id }))]).toEqual([mutation, 'FORBIDDEN']);
      const status = await asPartnerAdmin<{ client: { status: string } }>(
        `query($id: ID!) { client(id: $id) { status } }`,
        { id: globex.id },
      );
      expect(status.data!.client.status).toBe('ACTIVE');
    });
  });

  describe('joinProject', () => {
    it('refuses a person of another organisation or a random id with NOT_FOUND, and changes nothing', async () => {
      const foreign = [
        user('participant.initech-labs@candidates.test').id,
        user('consultant@northwind-advisory.test').id,
        randomUUID(),
      ];
      for (const id of foreign) {
        const result = await asAcmeAdmin(JOIN, { p: leadership.id, u: id });
        expect([code(result), result.errors?.[0].message]).toEqual(['NOT_FOUND', `User ${id} was not found`]);
      }
      const participants = await asAcmeAdmin<{ project: { participants: Array<{ user: { id: string } }> } }>(
        `query($id: ID!) { project(id: $id) { participants { user { id } } } }`,
        { id: leadership.id },
      );
      expect(participants.data!.project.participants.map((p) => p.user.id)).not.toEqual(
        expect.arrayContaining([foreign[0]]),
      );
      const joined = (await outbox(graph, 'ProjectJoined'))
        .filter((event) => event.projectId === leadership.id)
        .map((event) => event.userId);
      for (const id of foreign) expect(joined).not.toContain(id);
    });

    it("enrols people of the project's external organisations, but no deleted person", async () => {
      const created = await asAcmeAdmin<{ createProject: { id: string } }>(
        `mutation($c: ID!, $x: [ID!]) { createProject(clientId: $c, name: "Joint review", externalOrganizationIds: $x) { id } }`,
        { c: acme.id, x: [bluepeak.id] },
      );
      const jointId = created.data!.createProject.id;
      const consultant = user('consultant@bluepeak-consulting.test').id;
      expect((await asAcmeAdmin(JOIN, { p: jointId, u: consultant })).errors).toBeUndefined();
      // Identity tells tenancy a person is gone (soft deletion or erasure): they cannot be enrolled any more.
      const newcomer = user('newcomer@acme-robotics.test');
      const delivered = await deliverEvent(graph, 'tenancy', {
        eventId: randomUUID(),
        topic: 'PersonChanged',
        occurredAt: new Date(Date.now() + 1000).toISOString(),
        source: 'identity',
        payload: {
          userId: newcomer.id,
          organizationId: acme.id,
          organizationKind: 'CLIENT',
          kind: 'EMPLOYEE',
          accessLevel: null,
          status: 'INVITED',
          deleted: true,
        },
      });
      expect(delivered).toBe('applied');
      const refused = await asAcmeAdmin(JOIN, { p: jointId, u: newcomer.id });
      expect([code(refused), refused.errors?.[0].message]).toEqual(['NOT_FOUND', `User ${newcomer.id} was not found`]);
    });
  });

  describe('a foreign id and an unknown id', () => {
    let asInitechAdmin: Query;
    let invitationId: string;
    beforeAll(async () => {
      [asInitechAdmin] = await signIn(graph, ['admin@initech-labs.test']);
      const invited = await asAcmeAdmin<{ invitePartner: { id: string } }>(
        `mutation($c: ID!, $p: ID!) { invitePartner(clientId: $c, partnerId: $p, access: { level: LIMITED, products: [CORE] }) { id } }`,
        { c: acme.id, p: bluepeak.id },
      );
      invitationId = invited.data!.invitePartner.id;
    });

    it('look up as null alike, without an error', async () => {
      const unknown = randomUUID();
      const lookups: Array<[string, string, string]> = [
        [`query($id: ID!) { client(id: $id) { id } }`, acme.id, unknown],
        [`query($id: String!) { clientBySubdomain(subdomain: $id) { id } }`, acme.subdomain, 'no-such-client'],
        [`query($id: ID!) { organization(id: $id) { id } }`, acme.id, unknown],
        [`query($id: ID!) { organization(id: $id) { id } }`, northwind.id, unknown],
        [`query($id: ID!) { partner(id: $id) { id } }`, northwind.id, unknown],
        [`query($id: ID!) { project(id: $id) { id } }`, leadership.id, unknown],
        [`query($id: ID!) { projects(clientId: $id) { id } }`, acme.id, unknown],
      ];
      for (const [query, foreign, missing] of lookups) {
        const [a, b] = [await asInitechAdmin(query, { id: foreign }), await asInitechAdmin(query, { id: missing })];
        expect([query, a]).toEqual([query, b]);
        expect([query, a.errors]).toEqual([query, undefined]);
      }
      // Straight to the subgraph with a valid token of Initech's admin: the reference resolves to nothing.
      const references = await askTenancy<{ _entities: unknown[] }>(
        graph,
        { ...demoPrincipal(dataset, 'member@initech-labs.test') },
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Client { id } ... on Project { id } } }`,
        {
          r: [
            { __typename: 'Client', id: acme.id },
            { __typename: 'Client', id: unknown },
            { __typename: 'Project', id: leadership.id },
          ],
        },
      );
      expect(references.data!._entities).toEqual([null, null, null]);
    });

    it('answer NOT_FOUND "<Type> <id> was not found" alike in every mutation, and change nothing', async () => {
      const unknown = randomUUID();
      const sales = account(acme, 'Sales').id;
      const cases: Array<[string, Record<string, unknown>, Record<string, unknown>]> = [
        [
          `mutation($id: ID!) { updateCompanyProfile(clientId: $id, input: { industry: "Mine" }) { id } }`,
          { id: acme.id },
          { id: unknown },
        ],
        [
          `mutation($id: ID!) { setClientProducts(clientId: $id, products: [CORE]) { id } }`,
          { id: acme.id },
          { id: unknown },
        ],
        [
          `mutation($id: ID!) { setIntegration(clientId: $id, provider: SHL, codes: ["x"]) { provider } }`,
          { id: acme.id },
          { id: unknown },
        ],
        [
          `mutation($id: ID!) { createProject(clientId: $id, name: "Intruder") { id } }`,
          { id: acme.id },
          { id: unknown },
        ],
        [
          `mutation($id: ID!) { createAccount(clientId: $id, name: "Intruder") { id } }`,
          { id: acme.id },
          { id: unknown },
        ],
        [`mutation($id: ID!) { renameAccount(id: $id, name: "Mine") { id } }`, { id: sales }, { id: unknown }],
        [
          `mutation($id: ID!, $to: ID!) { moveAccount(id: $id, newParentId: $to) { id } }`,
          { id: sales, to: account(acme, 'Operations').id },
          { id: unknown, to: account(acme, 'Operations').id },
        ],
        [
          `mutation($id: ID!, $u: ID!) { joinProject(projectId: $id, userId: $u) { joinedAt } }`,
          { id: leadership.id, u: user('admin@initech-labs.test').id },
          { id: unknown, u: user('admin@initech-labs.test').id },
        ],
        [
          `mutation($id: ID!, $p: ID!) { invitePartner(clientId: $id, partnerId: $p, access: { level: FULL }) { id } }`,
          { id: acme.id, p: bluepeak.id },
          { id: unknown, p: bluepeak.id },
        ],
        [
          `mutation($id: ID!, $p: ID!) { cancelPartnership(clientId: $id, partnerId: $p) { status } }`,
          { id: acme.id, p: northwind.id },
          { id: unknown, p: northwind.id },
        ],
        [
          `mutation($id: ID!) { resendPartnerInvitation(invitationId: $id) { id } }`,
          { id: invitationId },
          { id: unknown },
        ],
        [`mutation($id: ID!) { deletePartnerInvitation(invitationId: $id) }`, { id: invitationId }, { id: unknown }],
      ];
      const answer = (result: GraphQLResponse<unknown>, id: unknown) => ({
        data: result.data,
        code: code(result),
        message: result.errors?.[0]?.message.replace(String(id), '<id>'),
      });
      for (const [mutation, foreign, missing] of cases) {
        const a = answer(await asInitechAdmin(mutation, foreign), foreign.id);
        const b = answer(await asInitechAdmin(mutation, missing), missing.id);
        expect([mutation, a]).toEqual([mutation, b]);
        expect([mutation, a.code]).toEqual([mutation, 'NOT_FOUND']);
      }
      const after = await asAcmeAdmin<{
        client: { companyProfile: { industry: string | null }; products: string[]; accounts: Array<{ name: string }> };
      }>(`query($id: ID!) { client(id: $id) { companyProfile { industry } products accounts { name } } }`, {
        id: acme.id,
      });
      expect(after.data!.client.companyProfile.industry).not.toBe('Mine');
      expect(after.data!.client.products).toEqual(['ASSESSMENTS', 'CORE', 'PEOPLE']);
      expect(after.data!.client.accounts.map((a) => a.name)).not.toContain('Intruder');
      expect(after.data!.client.accounts.map((a) => a.name)).not.toContain('Mine');
    });
  });
});

describe('tenancy: a partnership the client cancelled', () => {
  let graph: TestGraph;
  let asAcmeAdmin: Query;
  let asPartnerAdmin: Query;

  beforeAll(async () => {
    graph = await startTestGraph();
    await graph.seed(dataset);
    await graph.drainEvents();
    [asAcmeAdmin, asPartnerAdmin] = await signIn(graph, ['admin@acme-robotics.test', 'admin@northwind-advisory.test']);
  });
  afterAll(() => graph?.stop());

  it('gives the partner nothing of the client on its very next request, in tenancy and in every copy of the grant', async () => {
    const CLIENTS = `{ clients { edges { node { id } } } }`;
    const clientIds = async () =>
      (await asPartnerAdmin<{ clients: { edges: Array<{ node: { id: string } }> } }>(CLIENTS)).data!.clients.edges.map(
        (edge) => edge.node.id,
      );
    expect(await clientIds()).toContain(acme.id);
    const cancelled = await asAcmeAdmin<{ cancelPartnership: { status: string } }>(
      `mutation($c: ID!, $p: ID!) { cancelPartnership(clientId: $c, partnerId: $p) { status } }`,
      { c: acme.id, p: northwind.id },
    );
    expect(cancelled.errors).toBeUndefined();
    expect(cancelled.data!.cancelPartnership.status).toBe('CANCELLED');
    // No drainEvents(): the mutation delivered its events before answering.
    expect(await clientIds()).toEqual([globex.id]);
    expect(
      (await asPartnerAdmin<{ client: unknown }>(`query($id: ID!) { client(id: $id) { id } }`, { id: acme.id })).data!
        .client,
    ).toBeNull();
    expect(names(await asPartnerAdmin(PROJECTS, { id: acme.id }))).toEqual([]);
    expect((await asPartnerAdmin<{ project: unknown }>(PROJECT, { id: leadership.id })).data!.project).toBeNull();
    for (const mutation of [
      `mutation($id: ID!) { suspendClient(clientId: $id) { status } }`,
      `mutation($id: ID!) { updateCompanyProfile(clientId: $id, input: { industry: "Still ours" }) { id } }`,
      `mutation($id: ID!) { createAccount(clientId: $id, name: "Still ours") { id } }`,
    ]) {
      const result = await asPartnerAdmin(mutation, { id: acme.id });
      expect([mutation, code(result), result.errors?.[0].message]).toEqual([
        mutation,
        'NOT_FOUND',
        `Client ${acme.id} was not found`,
      ]);
    }
    for (const name of ['identity', 'compliance'] as const) {
      const copy = await graph.subgraphs[name].database.dataSource
        .getRepository(AccessGrantEntity)
        .findOneBy({ partnerId: northwind.id, clientId: acme.id });
      expect([name, copy?.status]).toEqual([name, 'CANCELLED']);
    }
    // The client still sees the ended grant; the partner does not learn about it any more.
    const access = await asAcmeAdmin<{ client: { partnerAccess: { grants: Array<{ status: string }> } } }>(
      `query($id: ID!) { client(id: $id) { partnerAccess { grants { status } } } }`,
      { id: acme.id },
    );
    expect(access.data!.client.partnerAccess.grants).toEqual([{ status: 'CANCELLED' }]);
  });
});
