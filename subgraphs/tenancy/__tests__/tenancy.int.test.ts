import { buildDataset } from '../../../graph/demo-data';
import { OutboxEvent } from '../../../shared/events/outbox';
import { startTestGraph, type TestGraph } from '../../../graph/testing';
import { ClientIntegrationEntity, CompanyProfileEntity } from '../entities';

type Query = TestGraph['query'];
type Result = { errors?: Array<{ message: string; extensions?: { code?: string } & Record<string, unknown> }> };
const code = (result: Result) => result.errors?.[0]?.extensions?.code;

/** Clients, company profiles, integrations, products, projects and the accounts tree, through the gateway as the persona who would use each. */
describe('tenancy: clients and what they hold', () => {
  let graph: TestGraph;
  const dataset = buildDataset({ partners: 2, clientsPerPartner: 2 });
  const client = (name: string) => dataset.clients.find((c) => c.name === name)!;
  const user = (email: string) => dataset.users.find((u) => u.email === email)!;
  const acme = client('Acme Robotics');
  const globex = client('Globex Foods');
  const initech = client('Initech Labs');
  const northwind = dataset.partners.find((p) => p.name === 'Northwind Advisory')!;
  const bluepeak = dataset.partners.find((p) => p.name === 'Bluepeak Consulting')!;
  const acmeAdmin = user('admin@acme-robotics.test');
  const acmeParticipant = user('participant.acme-robotics@candidates.test');
  const consultant = user('consultant@bluepeak-consulting.test');
  let operator: Query;
  let asAcmeAdmin: Query;
  let asAcmeMember: Query;
  let asAcmeManager: Query;
  let asAcmeExternal: Query;
  let asInitechAdmin: Query;
  let asNorthwindAdmin: Query;
  let asBluepeakAdmin: Query;

  const outbox = async (topic: string) =>
    (
      await graph.subgraphs.tenancy.database.dataSource
        .getRepository(OutboxEvent)
        .find({ where: { topic }, order: { createdAt: 'ASC' } })
    ).map((row) => JSON.parse(row.payload) as Record<string, unknown>);

  beforeAll(async () => {
    graph = await startTestGraph();
    await graph.seed(dataset);
    await graph.drainEvents();
    const login = async (email: string) => graph.as(await graph.login(email));
    // One sign-in at a time: the personas' logins are not what these tests are about.
    const sequentially = async <T>(work: Array<() => Promise<T>>): Promise<T[]> => {
      const results: T[] = [];
      for (const step of work) results.push(await step());
      return results;
    };
    [
      operator,
      asAcmeAdmin,
      asAcmeMember,
      asAcmeManager,
      asAcmeExternal,
      asInitechAdmin,
      asNorthwindAdmin,
      asBluepeakAdmin,
    ] = await sequentially([
      () => login('operator@tenantry.test'),
      () => login(acmeAdmin.email),
      () => login('member@acme-robotics.test'),
      () => login('manager@acme-robotics.test'),
      () => login('external.acme-robotics@contractors.test'),
      () => login('admin@initech-labs.test'),
      () => login('admin@northwind-advisory.test'),
      () => login('admin@bluepeak-consulting.test'),
    ]);
  });
  afterAll(() => graph?.stop());

  describe('createClient and client status', () => {
    let createdId: string;
    const CREATE = `mutation($name: String!, $subdomain: String!, $partnerId: ID) { createClient(name: $name, subdomain: $subdomain, partnerId: $partnerId) { id name subdomain status createdAt createdBy } }`;

    it('lets a partner admin create a client with a Unicode name, recording who and when', async () => {
      const name = 'Café Zürich – Ünïcødé 🚀';
      const result = await asNorthwindAdmin<{
        createClient: { id: string; name: string; createdBy: string; status: string; createdAt: string };
      }>(CREATE, { name, subdomain: 'cafe-zurich', partnerId: northwind.id });
      expect(result.errors).toBeUndefined();
      expect(result.data!.createClient).toMatchObject({
        name,
        subdomain: 'cafe-zurich',
        status: 'ACTIVE',
        createdBy: user('admin@northwind-advisory.test').id,
      });
      createdId = result.data!.createClient.id;
      const read = await operator<{
        client: {
          name: string;
          partnerAccess: { grants: Array<{ level: string; status: string; partner: { id: string } }> };
        };
      }>(`query($id: ID!) { client(id: $id) { name partnerAccess { grants { level status partner { id } } } } }`, {
        id: createdId,
      });
      expect(read.data!.client.name).toBe(name);
      // The creating partner manages it: tenancy records the same FULL grant permissions creates.
      expect(read.data!.client.partnerAccess.grants).toEqual([
        { level: 'FULL', status: 'ACTIVE', partner: { id: northwind.id } },
      ]);
    });

    it('refuses a duplicate or reserved subdomain, a bad name, and a client admin creating clients', async () => {
      expect(
        code(await asNorthwindAdmin(CREATE, { name: 'Other', subdomain: 'cafe-zurich', partnerId: northwind.id })),
      ).toBe('CONFLICT');
      expect(code(await asNorthwindAdmin(CREATE, { name: 'Other', subdomain: 'admin', partnerId: northwind.id }))).toBe(
        'BAD_USER_INPUT',
      );
      expect(code(await asNorthwindAdmin(CREATE, { name: 'Other', subdomain: '-bad-', partnerId: northwind.id }))).toBe(
        'BAD_USER_INPUT',
      );
      expect(
        code(
          await asNorthwindAdmin(CREATE, { name: 'x'.repeat(201), subdomain: 'long-name', partnerId: northwind.id }),
        ),
      ).toBe('BAD_USER_INPUT');
      expect(
        code(await asNorthwindAdmin(CREATE, { name: 'Bell\u0007', subdomain: 'bell', partnerId: northwind.id })),
      ).toBe('BAD_USER_INPUT');
      expect(
        code(await asNorthwindAdmin(CREATE, { name: 'Not mine', subdomain: 'not-mine', partnerId: bluepeak.id })),
      ).toBe('FORBIDDEN');
      expect(['FORBIDDEN', 'UNAUTHORIZED_FIELD_OR_TYPE']).toContain(
        code(await asAcmeAdmin(CREATE, { name: 'Shadow', subdomain: 'shadow', partnerId: northwind.id })),
      );
      const count = await operator<{ clients: { totalCount: number } }>(`{ clients { totalCount } }`);
      expect(count.data!.clients.totalCount).toBe(dataset.clients.length + 1);
    });

    it('lets the managing partner suspend and an operator reactivate, recording who, when and why; publishes ClientStatusChanged', async () => {
      const SUSPEND = `mutation($id: ID!, $reason: String) { suspendClient(clientId: $id, reason: $reason) { status statusChangedAt statusChangedBy statusReason } }`;
      expect(code(await asBluepeakAdmin(SUSPEND, { id: createdId, reason: 'not yours' }))).toBe('FORBIDDEN');
      expect(['FORBIDDEN', 'UNAUTHORIZED_FIELD_OR_TYPE']).toContain(
        code(await asAcmeAdmin(SUSPEND, { id: createdId })),
      );
      const suspended = await asNorthwindAdmin<{
        suspendClient: { status: string; statusChangedBy: string; statusReason: string; statusChangedAt: string };
      }>(SUSPEND, { id: createdId, reason: 'Unpaid invoices' });
      expect(suspended.errors).toBeUndefined();
      expect(suspended.data!.suspendClient).toMatchObject({
        status: 'SUSPENDED',
        statusChangedBy: user('admin@northwind-advisory.test').id,
        statusReason: 'Unpaid invoices',
      });
      expect(code(await asNorthwindAdmin(SUSPEND, { id: createdId }))).toBe('CONFLICT');
      const filtered = await operator<{ clients: { edges: Array<{ node: { id: string } }> } }>(
        `{ clients(filter: { status: SUSPENDED }) { edges { node { id } } } }`,
      );
      expect(filtered.data!.clients.edges.map((edge) => edge.node.id)).toEqual([createdId]);
      const reactivated = await operator<{ reactivateClient: { status: string; statusReason: string | null } }>(
        `mutation($id: ID!) { reactivateClient(clientId: $id) { status statusReason } }`,
        { id: createdId },
      );
      expect(reactivated.data!.reactivateClient).toEqual({ status: 'ACTIVE', statusReason: null });
      const events = (await outbox('ClientStatusChanged')).filter((event) => event.clientId === createdId);
      expect(events.map((event) => event.status)).toEqual(['SUSPENDED', 'ACTIVE']);
      expect(events[0]).toEqual({
        clientId: createdId,
        status: 'SUSPENDED',
        changedBy: user('admin@northwind-advisory.test').id,
        changedAt: suspended.data!.suspendClient.statusChangedAt,
      });
    });
  });

  describe('company profile', () => {
    const UPDATE = `mutation($id: ID!, $input: CompanyProfileInput!) { updateCompanyProfile(clientId: $id, input: $input) { companyProfile { legalName taxId country address { line1 postalCode city } industry size emailDomains logoUrl selfEnrollment legalRepresentative { id } completeness { complete missingFields } } } }`;
    const READ = `query($id: ID!) { client(id: $id) { companyProfile { legalName country emailDomains selfEnrollment completeness { complete missingFields } } } }`;

    it('reports the seeded profile as incomplete, naming the missing fields', async () => {
      const result = await asAcmeAdmin<{
        client: {
          companyProfile: { emailDomains: string[]; completeness: { complete: boolean; missingFields: string[] } };
        };
      }>(READ, { id: acme.id });
      expect(result.errors).toBeUndefined();
      expect(result.data!.client.companyProfile.emailDomains).toEqual([acme.emailDomain]);
      expect(result.data!.client.companyProfile.completeness).toEqual({
        complete: false,
        missingFields: ['taxId', 'address.line1', 'address.postalCode', 'address.city', 'industry'],
      });
    });

    it('lets the client admin complete it; domains are lower-cased and ClientProfileChanged is published', async () => {
      const result = await asAcmeAdmin<{ updateCompanyProfile: { companyProfile: Record<string, unknown> } }>(UPDATE, {
        id: acme.id,
        input: {
          legalName: 'Acme Robótica S.L. 🤖',
          taxId: 'ESB12345678',
          country: 'es',
          address: { line1: 'Calle Mayor 1', postalCode: '28013', city: 'Madrid' },
          industry: 'Robotics',
          size: 'SIZE_201_500',
          emailDomains: ['ACME-Robotics.test', 'acme.example'],
          logoUrl: 'https://cdn.example.com/acme.png',
          selfEnrollment: true,
        },
      });
      expect(result.errors).toBeUndefined();
      expect(result.data!.updateCompanyProfile.companyProfile).toEqual({
        legalName: 'Acme Robótica S.L. 🤖',
        taxId: 'ESB12345678',
        country: 'ES',
        address: { line1: 'Calle Mayor 1', postalCode: '28013', city: 'Madrid' },
        industry: 'Robotics',
        size: 'SIZE_201_500',
        emailDomains: ['acme-robotics.test', 'acme.example'],
        logoUrl: 'https://cdn.example.com/acme.png',
        selfEnrollment: true,
        legalRepresentative: { id: acmeAdmin.id },
        completeness: { complete: true, missingFields: [] },
      });
      expect((await outbox('ClientProfileChanged')).filter((event) => event.clientId === acme.id)).toEqual([
        { clientId: acme.id, emailDomains: ['acme-robotics.test', 'acme.example'], selfEnrollment: true },
      ]);
      // A change that touches neither domains nor self-enrollment tells identity nothing.
      await asAcmeAdmin(UPDATE, { id: acme.id, input: { industry: 'Industrial robotics' } });
      expect((await outbox('ClientProfileChanged')).filter((event) => event.clientId === acme.id)).toHaveLength(1);
    });

    it('refuses bad input with coded errors and changes nothing', async () => {
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ country: 'XX' }, 'BAD_USER_INPUT'],
        [{ logoUrl: 'http://cdn.example.com/logo.png' }, 'BAD_USER_INPUT'],
        [{ emailDomains: ['not a domain'] }, 'BAD_USER_INPUT'],
        [{ emailDomains: ['user@acme.test'] }, 'BAD_USER_INPUT'],
        [{ legalName: 'x'.repeat(201) }, 'BAD_USER_INPUT'],
        [{ taxId: 'DROP TABLE;' }, 'BAD_USER_INPUT'],
        [{ emailDomains: [globex.emailDomain] }, 'CONFLICT'],
        [{ emailDomains: [], selfEnrollment: true }, 'BAD_USER_INPUT'],
        [{ legalRepresentativeId: 'nobody' }, 'BAD_USER_INPUT'],
      ];
      for (const [input, expected] of cases)
        expect([input, code(await asAcmeAdmin(UPDATE, { id: acme.id, input }))]).toEqual([input, expected]);
      const after = await asAcmeAdmin<{
        client: { companyProfile: { legalName: string; country: string; emailDomains: string[] } };
      }>(READ, { id: acme.id });
      expect(after.data!.client.companyProfile).toMatchObject({
        legalName: 'Acme Robótica S.L. 🤖',
        country: 'ES',
        emailDomains: ['acme-robotics.test', 'acme.example'],
      });
    });

    it('refuses the wrong persona, another client, and a partner naming the legal representative', async () => {
      expect(['FORBIDDEN', 'UNAUTHORIZED_FIELD_OR_TYPE']).toContain(
        code(await asAcmeMember(UPDATE, { id: acme.id, input: { industry: 'Nope' } })),
      );
      expect(code(await asInitechAdmin(UPDATE, { id: acme.id, input: { industry: 'Nope' } }))).toBe('FORBIDDEN');
      // Northwind manages Acme with full access: it may edit the profile, but not name who grants partner access.
      expect(
        code(
          await asNorthwindAdmin(UPDATE, {
            id: acme.id,
            input: { legalRepresentativeId: user('admin@northwind-advisory.test').id },
          }),
        ),
      ).toBe('FORBIDDEN');
      expect(
        (await asNorthwindAdmin(UPDATE, { id: acme.id, input: { industry: 'Robotics & automation' } })).errors,
      ).toBeUndefined();
      expect(code(await asInitechAdmin(READ, { id: acme.id }))).toBe('FORBIDDEN');
    });
  });

  describe('integrations', () => {
    const SET = `mutation($id: ID!, $provider: IntegrationProvider!, $codes: [String!]!) { setIntegration(clientId: $id, provider: $provider, codes: $codes) { provider codesSet codesUpdatedAt } }`;
    const secret = 'sk-live-very-secret-4711';

    it('stores codes encrypted and only says whether they are set', async () => {
      const result = await asAcmeAdmin<{ setIntegration: { provider: string; codesSet: boolean } }>(SET, {
        id: acme.id,
        provider: 'SHL',
        codes: [secret, 'account-42'],
      });
      expect(result.errors).toBeUndefined();
      expect(result.data!.setIntegration).toMatchObject({ provider: 'SHL', codesSet: true });
      const listed = await asAcmeAdmin<{
        client: { integrations: Array<{ provider: string; codesSet: boolean; codesUpdatedAt: string }> };
      }>(`query($id: ID!) { client(id: $id) { integrations { provider codesSet codesUpdatedAt } } }`, { id: acme.id });
      expect(listed.data!.client.integrations).toEqual([
        { provider: 'SHL', codesSet: true, codesUpdatedAt: expect.any(String) },
      ]);
      const row = await graph.subgraphs.tenancy.database.dataSource
        .getRepository(ClientIntegrationEntity)
        .findOneByOrFail({ clientId: acme.id, provider: 'SHL' });
      expect(row.codesCiphertext).toMatch(/^v1:/);
      expect(row.codesCiphertext).not.toContain(secret);
      expect(row.codesCiphertext).not.toContain(Buffer.from(secret).toString('base64'));
      // The audit entry records the change, never the codes.
      const audits = (await outbox('AccessChanged')).filter((event) => event.action === 'INTEGRATION_CODES_SET');
      expect(audits).toHaveLength(1);
      expect(JSON.stringify(audits)).not.toContain(secret);
    });

    it('has no way to read codes back, and clears them with an empty list', async () => {
      expect(
        code(
          await asAcmeAdmin(`query($id: ID!) { client(id: $id) { integrations { provider codes } } }`, { id: acme.id }),
        ),
      ).toBe('GRAPHQL_VALIDATION_FAILED');
      const cleared = await asAcmeAdmin<{ setIntegration: { codesSet: boolean } }>(SET, {
        id: acme.id,
        provider: 'SHL',
        codes: [],
      });
      expect(cleared.data!.setIntegration.codesSet).toBe(false);
      await asAcmeAdmin(SET, { id: acme.id, provider: 'SHL', codes: [secret] });
    });

    it('refuses the wrong persona, another client and bad codes', async () => {
      expect(['FORBIDDEN', 'UNAUTHORIZED_FIELD_OR_TYPE']).toContain(
        code(await asAcmeMember(SET, { id: acme.id, provider: 'HOGAN', codes: ['x'] })),
      );
      expect(
        code(await asAcmeMember(`query($id: ID!) { client(id: $id) { integrations { provider } } }`, { id: acme.id })),
      ).toBe('UNAUTHORIZED_FIELD_OR_TYPE');
      expect(code(await asInitechAdmin(SET, { id: acme.id, provider: 'HOGAN', codes: ['x'] }))).toBe('FORBIDDEN');
      expect(code(await asAcmeAdmin(SET, { id: acme.id, provider: 'HOGAN', codes: ['x'.repeat(501)] }))).toBe(
        'BAD_USER_INPUT',
      );
      expect(code(await asAcmeAdmin(SET, { id: acme.id, provider: 'NOPE', codes: ['x'] }))).toMatch(
        /BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/,
      );
    });
  });

  describe('products and projects', () => {
    let shared: { id: string };
    let internal: { id: string };

    it('sets and lists the products a client uses', async () => {
      expect(
        (
          await asAcmeAdmin<{ client: { products: string[] } }>(`query($id: ID!) { client(id: $id) { products } }`, {
            id: acme.id,
          })
        ).data!.client.products,
      ).toEqual(['ASSESSMENTS', 'CORE', 'PEOPLE']);
      const set = await asAcmeAdmin<{ setClientProducts: { products: string[] } }>(
        `mutation($id: ID!) { setClientProducts(clientId: $id, products: [PEOPLE, CORE, BILLING, PEOPLE, ASSESSMENTS]) { products } }`,
        { id: acme.id },
      );
      expect(set.data!.setClientProducts.products).toEqual(['ASSESSMENTS', 'BILLING', 'CORE', 'PEOPLE']);
      expect(
        code(
          await asInitechAdmin(
            `mutation($id: ID!) { setClientProducts(clientId: $id, products: [CORE]) { products } }`,
            { id: acme.id },
          ),
        ),
      ).toBe('FORBIDDEN');
    });

    it('creates projects with their parties; refuses duplicates and accounts of other clients', async () => {
      const CREATE = `mutation($id: ID!, $name: String!, $accountId: ID, $externals: [ID!]) { createProject(clientId: $id, name: $name, accountId: $accountId, externalOrganizationIds: $externals) { id name account { name } partyIds } }`;
      const a = await asAcmeAdmin<{
        createProject: { id: string; name: string; partyIds: string[]; account: { name: string } };
      }>(CREATE, {
        id: acme.id,
        name: 'Évaluation partagée ✨',
        accountId: acme.accounts[1].id,
        externals: [bluepeak.id],
      });
      expect(a.errors).toBeUndefined();
      expect(a.data!.createProject).toMatchObject({
        name: 'Évaluation partagée ✨',
        account: { name: acme.accounts[1].name },
      });
      expect([...a.data!.createProject.partyIds].sort()).toEqual([acme.id, bluepeak.id].sort());
      shared = a.data!.createProject;
      const b = await asAcmeAdmin<{ createProject: { id: string } }>(CREATE, { id: acme.id, name: 'Internal only' });
      internal = b.data!.createProject;
      expect(code(await asAcmeAdmin(CREATE, { id: acme.id, name: 'Internal only' }))).toBe('CONFLICT');
      expect(
        code(await asAcmeAdmin(CREATE, { id: acme.id, name: 'Elsewhere', accountId: initech.accounts[0].id })),
      ).toBe('NOT_FOUND');
      expect(code(await asInitechAdmin(CREATE, { id: acme.id, name: 'Intruder' }))).toBe('FORBIDDEN');
      expect(code(await asAcmeAdmin(CREATE, { id: acme.id, name: ' ' }))).toBe('BAD_USER_INPUT');
    });

    it('shows external contacts only the projects where their organisation is a party', async () => {
      // A Bluepeak consultant becomes an external contact of Acme who may read projects there.
      expect(
        (
          await asAcmeAdmin(
            `mutation { grantRole(userId: "${consultant.id}", role: EXTERNAL, organizationId: "${acme.id}") { id } }`,
          )
        ).errors,
      ).toBeUndefined();
      for (const permission of ['projects.read', 'clients.read']) {
        expect(
          (
            await asAcmeAdmin(
              `mutation { setPermissionOverride(userId: "${consultant.id}", organizationId: "${acme.id}", permission: "${permission}", effect: GRANT) { id } }`,
            )
          ).errors,
        ).toBeUndefined();
      }
      const asConsultant = graph.as(await graph.login(consultant.email));
      const PROJECTS = `query($id: ID!) { client(id: $id) { projects { name } } }`;
      const seen = await asConsultant<{ client: { projects: Array<{ name: string }> } }>(PROJECTS, { id: acme.id });
      expect(seen.errors).toBeUndefined();
      expect(seen.data!.client.projects.map((p) => p.name)).toEqual(['Évaluation partagée ✨']);
      expect(
        (await asConsultant<{ project: unknown }>(`query($id: ID!) { project(id: $id) { name } }`, { id: internal.id }))
          .data!.project,
      ).toBeNull();
      // Acme's own external contact belongs to Acme, a party of every Acme project; its employees see them all.
      const LIST = `query($id: ID!) { projects(clientId: $id) { name } }`;
      const own = await asAcmeExternal<{ projects: Array<{ name: string }> }>(LIST, { id: acme.id });
      expect(own.errors).toBeUndefined();
      expect(own.data!.projects.map((p) => p.name)).toEqual(
        expect.arrayContaining(['Évaluation partagée ✨', 'Internal only', 'Leadership assessment']),
      );
      const all = await asAcmeManager<{ client: { projects: Array<{ name: string }> } }>(PROJECTS, { id: acme.id });
      expect(all.data!.client.projects).toHaveLength(own.data!.projects.length);
      expect((await asConsultant<{ projects: Array<{ name: string }> }>(LIST, { id: acme.id })).data!.projects).toEqual(
        [{ name: 'Évaluation partagée ✨' }],
      );
      expect(code(await asInitechAdmin(LIST, { id: acme.id }))).toBe('FORBIDDEN');
      // The consultant may see the shared project but not add people to it.
      expect(
        code(
          await asConsultant(
            `mutation { joinProject(projectId: "${shared.id}", userId: "${acmeParticipant.id}") { joinedAt } }`,
          ),
        ),
      ).toBe('FORBIDDEN');
    });

    it('records a participant joining once and publishes ProjectJoined', async () => {
      const JOIN = `mutation($p: ID!, $u: ID!) { joinProject(projectId: $p, userId: $u) { joinedAt user { id } project { name } } }`;
      const first = await asAcmeAdmin<{
        joinProject: { joinedAt: string; user: { id: string }; project: { name: string } };
      }>(JOIN, { p: shared.id, u: acmeParticipant.id });
      expect(first.errors).toBeUndefined();
      expect(first.data!.joinProject).toMatchObject({
        user: { id: acmeParticipant.id },
        project: { name: 'Évaluation partagée ✨' },
      });
      const again = await asAcmeAdmin<{ joinProject: { joinedAt: string } }>(JOIN, {
        p: shared.id,
        u: acmeParticipant.id,
      });
      expect(again.data!.joinProject.joinedAt).toBe(first.data!.joinProject.joinedAt);
      const events = (await outbox('ProjectJoined')).filter((event) => event.projectId === shared.id);
      expect(events).toEqual([
        {
          projectId: shared.id,
          clientId: acme.id,
          userId: acmeParticipant.id,
          joinedAt: first.data!.joinProject.joinedAt,
        },
      ]);
      const participants = await asAcmeAdmin<{ project: { participants: Array<{ user: { id: string } }> } }>(
        `query($id: ID!) { project(id: $id) { participants { user { id } } } }`,
        { id: shared.id },
      );
      expect(participants.data!.project.participants).toEqual([{ user: { id: acmeParticipant.id } }]);
      expect(code(await asInitechAdmin(JOIN, { p: shared.id, u: acmeParticipant.id }))).toBe('NOT_FOUND');
      expect(code(await asAcmeAdmin(JOIN, { p: shared.id, u: 'not-an-id' }))).toBe('BAD_USER_INPUT');
    });
  });

  describe('accounts tree', () => {
    const CREATE = `mutation($id: ID!, $name: String!, $parentId: ID) { createAccount(clientId: $id, name: $name, parentId: $parentId) { id name parent { id } } }`;
    const MOVE = `mutation($id: ID!, $to: ID!) { moveAccount(id: $id, newParentId: $to) { id parent { id } } }`;
    const master = () => acme.accounts[0];
    const sales = () => acme.accounts[1];

    it('creates sub-accounts (under the master by default), renames and moves them', async () => {
      const created = await asAcmeAdmin<{ createAccount: { id: string; name: string; parent: { id: string } } }>(
        CREATE,
        { id: acme.id, name: 'Forschung & Entwicklung 🧪' },
      );
      expect(created.errors).toBeUndefined();
      expect(created.data!.createAccount).toMatchObject({
        name: 'Forschung & Entwicklung 🧪',
        parent: { id: master().id },
      });
      const child = await asAcmeAdmin<{ createAccount: { id: string } }>(CREATE, {
        id: acme.id,
        name: 'Inside sales',
        parentId: sales().id,
      });
      const renamed = await asAcmeAdmin<{ renameAccount: { name: string } }>(
        `mutation($id: ID!) { renameAccount(id: $id, name: "Ventas internas") { name } }`,
        { id: child.data!.createAccount.id },
      );
      expect(renamed.data!.renameAccount.name).toBe('Ventas internas');
      const moved = await asAcmeAdmin<{ moveAccount: { parent: { id: string } } }>(MOVE, {
        id: child.data!.createAccount.id,
        to: created.data!.createAccount.id,
      });
      expect(moved.data!.moveAccount.parent.id).toBe(created.data!.createAccount.id);
      const tree = await asAcmeAdmin<{
        client: { masterAccount: { children: Array<{ name: string; children: Array<{ name: string }> }> } };
      }>(`query($id: ID!) { client(id: $id) { masterAccount { children { name children { name } } } } }`, {
        id: acme.id,
      });
      expect(
        tree.data!.client.masterAccount.children.find((c) => c.name === 'Forschung & Entwicklung 🧪')!.children,
      ).toEqual([{ name: 'Ventas internas' }]);
    });

    it('refuses cycles, moving the master, accounts of other clients and the wrong persona', async () => {
      const child = await asAcmeAdmin<{ createAccount: { id: string } }>(CREATE, {
        id: acme.id,
        name: 'Field sales',
        parentId: sales().id,
      });
      expect(code(await asAcmeAdmin(MOVE, { id: sales().id, to: child.data!.createAccount.id }))).toBe('CONFLICT');
      expect(code(await asAcmeAdmin(MOVE, { id: sales().id, to: sales().id }))).toBe('CONFLICT');
      expect(code(await asAcmeAdmin(MOVE, { id: master().id, to: sales().id }))).toBe('BAD_USER_INPUT');
      expect(code(await asAcmeAdmin(MOVE, { id: sales().id, to: initech.accounts[0].id }))).toBe('NOT_FOUND');
      expect(code(await asAcmeAdmin(CREATE, { id: acme.id, name: 'Stray', parentId: initech.accounts[0].id }))).toBe(
        'NOT_FOUND',
      );
      expect(
        code(
          await asInitechAdmin(`mutation($id: ID!) { renameAccount(id: $id, name: "Mine now") { name } }`, {
            id: sales().id,
          }),
        ),
      ).toBe('FORBIDDEN');
      expect(['FORBIDDEN', 'UNAUTHORIZED_FIELD_OR_TYPE']).toContain(
        code(await asAcmeManager(CREATE, { id: acme.id, name: 'Mine' })),
      );
      expect(
        code(await asAcmeAdmin(`mutation($id: ID!) { renameAccount(id: $id, name: "") { name } }`, { id: sales().id })),
      ).toBe('BAD_USER_INPUT');
      const profile = await graph.subgraphs.tenancy.database.dataSource
        .getRepository(CompanyProfileEntity)
        .findOneByOrFail({ clientId: acme.id });
      expect(profile.legalRepresentativeId).toBe(acmeAdmin.id);
    });

    it('keeps an editor whose role is limited to one division inside that division', async () => {
      // The manager's role covers Sales only; give them a type that may edit the client.
      const type = await asAcmeAdmin<{ createUserType: { id: string } }>(
        `mutation { createUserType(organizationId: "${acme.id}", input: { name: "Division editors", permissions: ["clients.read", "clients.update"] }) { id } }`,
      );
      expect(type.errors).toBeUndefined();
      expect(
        (
          await asAcmeAdmin(
            `mutation { assignUserType(userId: "${user('manager@acme-robotics.test').id}", userTypeId: "${type.data!.createUserType.id}") { id } }`,
          )
        ).errors,
      ).toBeUndefined();
      const asEditor = graph.as(await graph.login('manager@acme-robotics.test'));
      const inside = await asEditor<{ createAccount: { id: string } }>(CREATE, {
        id: acme.id,
        name: 'Key accounts',
        parentId: sales().id,
      });
      expect(inside.errors).toBeUndefined();
      expect(code(await asEditor(CREATE, { id: acme.id, name: 'Outside' }))).toBe('NOT_FOUND');
      expect(code(await asEditor(MOVE, { id: inside.data!.createAccount.id, to: acme.accounts[2].id }))).toBe(
        'NOT_FOUND',
      );
      expect(
        code(
          await asEditor(`mutation($id: ID!) { renameAccount(id: $id, name: "Mine") { name } }`, {
            id: acme.accounts[2].id,
          }),
        ),
      ).toBe('NOT_FOUND');
      expect(
        (
          await asEditor(`mutation($id: ID!) { renameAccount(id: $id, name: "Key accounts EMEA") { name } }`, {
            id: inside.data!.createAccount.id,
          })
        ).errors,
      ).toBeUndefined();
    });
  });
});
