import { randomUUID } from 'node:crypto';
import { buildDataset } from '../../../graph/demo-data';
import { startTestGraph, type TestGraph } from '../../../graph/testing';
import { ClientIntegrationEntity } from '../entities';
import { code, outbox, signIn, type Query } from './kit';

/** Clients, their status, company profiles, integrations and products, through the gateway as the persona who would use each. */
describe('tenancy: clients', () => {
  let graph: TestGraph;
  const dataset = buildDataset({ partners: 2, clientsPerPartner: 2 });
  const client = (name: string) => dataset.clients.find((c) => c.name === name)!;
  const user = (email: string) => dataset.users.find((u) => u.email === email)!;
  const acme = client('Acme Robotics');
  const globex = client('Globex Foods');
  const initech = client('Initech Labs');
  const northwind = dataset.partners.find((p) => p.name === 'Northwind Advisory')!;
  const bluepeak = dataset.partners.find((p) => p.name === 'Bluepeak Consulting')!;
  const northwindAdmin = user('admin@northwind-advisory.test');
  let operator: Query;
  let asAcmeAdmin: Query;
  let asAcmeMember: Query;
  let asInitechAdmin: Query;
  let asNorthwindAdmin: Query;
  let asBluepeakAdmin: Query;

  beforeAll(async () => {
    graph = await startTestGraph();
    await graph.seed(dataset);
    await graph.drainEvents();
    [operator, asAcmeAdmin, asAcmeMember, asInitechAdmin, asNorthwindAdmin, asBluepeakAdmin] = await signIn(graph, [
      'operator@tenantry.test',
      'admin@acme-robotics.test',
      'member@acme-robotics.test',
      'admin@initech-labs.test',
      'admin@northwind-advisory.test',
      'admin@bluepeak-consulting.test',
    ]);
  });
  afterAll(() => graph?.stop());

  const CREATE = `mutation($name: String!, $subdomain: String!, $partnerId: ID) { createClient(name: $name, subdomain: $subdomain, partnerId: $partnerId) { id name subdomain status createdAt createdBy } }`;

  describe('createClient', () => {
    it('lets a partner admin create a client for itself with a Unicode name, recording who and when, with a FULL grant', async () => {
      const name = 'Café Zürich – Ünïcødé 🚀';
      const result = await asNorthwindAdmin<{ createClient: { id: string } }>(CREATE, {
        name,
        subdomain: 'cafe-zurich',
        partnerId: northwind.id,
      });
      expect(result.errors).toBeUndefined();
      expect(result.data!.createClient).toMatchObject({
        name,
        subdomain: 'cafe-zurich',
        status: 'ACTIVE',
        createdBy: northwindAdmin.id,
      });
      const read = await operator<{
        client: { name: string; partnerAccess: { grants: Array<{ level: string; status: string; partner: unknown }> } };
      }>(`query($id: ID!) { client(id: $id) { name partnerAccess { grants { level status partner { id } } } } }`, {
        id: result.data!.createClient.id,
      });
      expect(read.data!.client.name).toBe(name);
      // The creating partner manages it: tenancy records the FULL grant every subgraph's copy receives.
      expect(read.data!.client.partnerAccess.grants).toEqual([
        { level: 'FULL', status: 'ACTIVE', partner: { id: northwind.id } },
      ]);
    });

    it('refuses a duplicate or reserved subdomain, a bad name, another partner and a client admin; creates nothing', async () => {
      const refused: Array<[Record<string, unknown>, Query, string[]]> = [
        [{ name: 'Other', subdomain: acme.subdomain, partnerId: northwind.id }, asNorthwindAdmin, ['CONFLICT']],
        [{ name: 'Other', subdomain: 'admin', partnerId: northwind.id }, asNorthwindAdmin, ['BAD_USER_INPUT']],
        [{ name: 'Other', subdomain: '-bad-', partnerId: northwind.id }, asNorthwindAdmin, ['BAD_USER_INPUT']],
        [
          { name: 'x'.repeat(201), subdomain: 'long-name', partnerId: northwind.id },
          asNorthwindAdmin,
          ['BAD_USER_INPUT'],
        ],
        [{ name: 'Bell\u0007', subdomain: 'bell', partnerId: northwind.id }, asNorthwindAdmin, ['BAD_USER_INPUT']],
        // A partner Northwind cannot see is unknown to it; one it sees (its clients' partner) is not its to create for.
        [{ name: 'Not mine', subdomain: 'not-mine', partnerId: bluepeak.id }, asNorthwindAdmin, ['NOT_FOUND']],
        [{ name: 'Nobody', subdomain: 'nobody', partnerId: randomUUID() }, asNorthwindAdmin, ['NOT_FOUND']],
        [
          { name: 'Shadow', subdomain: 'shadow', partnerId: northwind.id },
          asAcmeAdmin,
          ['FORBIDDEN', 'UNAUTHORIZED_FIELD_OR_TYPE'],
        ],
      ];
      for (const [variables, as, codes] of refused)
        expect([variables, codes.includes(code(await as(CREATE, variables)) ?? '')]).toEqual([variables, true]);
      for (const subdomain of ['long-name', 'bell', 'not-mine', 'nobody', 'shadow']) {
        const found = await operator<{ clientBySubdomain: unknown }>(
          `query($s: String!) { clientBySubdomain(subdomain: $s) { id } }`,
          { s: subdomain },
        );
        expect([subdomain, found.data!.clientBySubdomain]).toEqual([subdomain, null]);
      }
    });
  });

  describe('client status', () => {
    const SUSPEND = `mutation($id: ID!, $reason: String) { suspendClient(clientId: $id, reason: $reason) { status statusChangedAt statusChangedBy statusReason } }`;
    const REACTIVATE = `mutation($id: ID!) { reactivateClient(clientId: $id) { status statusReason } }`;
    let createdId: string;

    beforeAll(async () => {
      const created = await asNorthwindAdmin<{ createClient: { id: string } }>(CREATE, {
        name: 'Suspense Ltd',
        subdomain: 'suspense',
        partnerId: northwind.id,
      });
      createdId = created.data!.createClient.id;
    });

    it('lets the managing partner suspend and an operator reactivate, recording who, when and why; publishes ClientStatusChanged', async () => {
      const suspended = await asNorthwindAdmin<{
        suspendClient: { status: string; statusChangedBy: string; statusReason: string; statusChangedAt: string };
      }>(SUSPEND, { id: createdId, reason: 'Unpaid invoices' });
      expect(suspended.errors).toBeUndefined();
      expect(suspended.data!.suspendClient).toMatchObject({
        status: 'SUSPENDED',
        statusChangedBy: northwindAdmin.id,
        statusReason: 'Unpaid invoices',
      });
      expect(code(await asNorthwindAdmin(SUSPEND, { id: createdId }))).toBe('CONFLICT');
      const filtered = await operator<{ clients: { edges: Array<{ node: { id: string } }> } }>(
        `{ clients(filter: { status: SUSPENDED }) { edges { node { id } } } }`,
      );
      expect(filtered.data!.clients.edges.map((edge) => edge.node.id)).toContain(createdId);
      const reactivated = await operator<{ reactivateClient: { status: string; statusReason: string | null } }>(
        REACTIVATE,
        { id: createdId },
      );
      expect(reactivated.data!.reactivateClient).toEqual({ status: 'ACTIVE', statusReason: null });
      const events = (await outbox(graph, 'ClientStatusChanged')).filter((event) => event.clientId === createdId);
      expect(events.map((event) => event.status)).toEqual(['SUSPENDED', 'ACTIVE']);
      expect(events[0]).toEqual({
        clientId: createdId,
        status: 'SUSPENDED',
        changedBy: northwindAdmin.id,
        changedAt: suspended.data!.suspendClient.statusChangedAt,
      });
    });

    it('refuses the client itself, a partner that does not manage it, and a LIMITED grant', async () => {
      // Another partner does not see the client at all.
      const foreign = await asBluepeakAdmin(SUSPEND, { id: createdId, reason: 'not yours' });
      expect([code(foreign), foreign.errors?.[0].message]).toEqual(['NOT_FOUND', `Client ${createdId} was not found`]);
      // The client sees itself but does not decide its own suspension (with clients.update, by tier or not).
      expect(code(await asAcmeAdmin(SUSPEND, { id: acme.id }))).toBe('FORBIDDEN');
      expect(code(await asAcmeAdmin(REACTIVATE, { id: acme.id }))).toBe('FORBIDDEN');
      // Northwind reaches Globex through a LIMITED grant: it reads the record, may not suspend it.
      expect(code(await asNorthwindAdmin(SUSPEND, { id: globex.id }))).toBe('FORBIDDEN');
      const statuses = await operator<{ a: { status: string }; b: { status: string }; c: { status: string } }>(
        `query($a: ID!, $b: ID!, $c: ID!) { a: client(id: $a) { status } b: client(id: $b) { status } c: client(id: $c) { status } }`,
        { a: createdId, b: acme.id, c: globex.id },
      );
      expect(statuses.data).toEqual({ a: { status: 'ACTIVE' }, b: { status: 'ACTIVE' }, c: { status: 'ACTIVE' } });
    });
  });

  describe('company profile', () => {
    const UPDATE = `mutation($id: ID!, $input: CompanyProfileInput!) { updateCompanyProfile(clientId: $id, input: $input) { companyProfile { legalName taxId country address { line1 postalCode city } industry size emailDomains logoUrl selfEnrollment legalRepresentative { id } completeness { complete missingFields } } } }`;
    const READ = `query($id: ID!) { client(id: $id) { companyProfile { legalName country emailDomains selfEnrollment completeness { complete missingFields } } } }`;
    const PROFILE_EVENTS = async (clientId: string) =>
      (await outbox(graph, 'ClientProfileChanged')).filter((event) => event.clientId === clientId);

    it('reports a seeded profile as incomplete, naming the missing fields', async () => {
      const result = await asInitechAdmin<{
        client: { companyProfile: { emailDomains: string[]; completeness: unknown } };
      }>(READ, { id: initech.id });
      expect(result.errors).toBeUndefined();
      expect(result.data!.client.companyProfile.emailDomains).toEqual([initech.emailDomain]);
      expect(result.data!.client.companyProfile.completeness).toEqual({
        complete: false,
        missingFields: ['taxId', 'address.line1', 'address.postalCode', 'address.city', 'industry'],
      });
    });

    it('lets the client admin complete it; domains are lower-cased and ClientProfileChanged is published', async () => {
      const before = (await PROFILE_EVENTS(acme.id)).length;
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
          legalRepresentativeId: user('admin@acme-robotics.test').id,
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
        legalRepresentative: { id: user('admin@acme-robotics.test').id },
        completeness: { complete: true, missingFields: [] },
      });
      const events = await PROFILE_EVENTS(acme.id);
      expect(events.slice(before)).toEqual([
        { clientId: acme.id, emailDomains: ['acme-robotics.test', 'acme.example'], selfEnrollment: true },
      ]);
      // A change that touches neither domains nor self-enrollment tells identity nothing.
      await asAcmeAdmin(UPDATE, { id: acme.id, input: { industry: 'Industrial robotics' } });
      expect(await PROFILE_EVENTS(acme.id)).toHaveLength(events.length);
    });

    it('refuses bad input with coded errors and changes nothing', async () => {
      const read = async () => (await asAcmeAdmin<{ client: unknown }>(READ, { id: acme.id })).data!.client;
      const before = await read();
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
      expect(await read()).toEqual(before);
    });

    it("names a legal representative only as the client itself, and only one of the client's own people", async () => {
      const REPRESENTATIVE = `mutation($id: ID!, $rep: ID) { updateCompanyProfile(clientId: $id, input: { legalRepresentativeId: $rep }) { companyProfile { legalRepresentative { id } } } }`;
      for (const rep of [user('admin@initech-labs.test').id, northwindAdmin.id, randomUUID()]) {
        const refused = await asAcmeAdmin(REPRESENTATIVE, { id: acme.id, rep });
        expect([code(refused), refused.errors?.[0].message]).toEqual(['NOT_FOUND', `User ${rep} was not found`]);
      }
      // Northwind manages Acme with full access: it edits the profile, but does not name who grants partner access.
      expect(code(await asNorthwindAdmin(REPRESENTATIVE, { id: acme.id, rep: northwindAdmin.id }))).toBe('FORBIDDEN');
      expect(
        code(await asNorthwindAdmin(REPRESENTATIVE, { id: acme.id, rep: user('admin@acme-robotics.test').id })),
      ).toBe('FORBIDDEN');
      const manager = user('manager@acme-robotics.test').id;
      const named = await asAcmeAdmin<{
        updateCompanyProfile: { companyProfile: { legalRepresentative: { id: string } } };
      }>(REPRESENTATIVE, { id: acme.id, rep: manager });
      expect(named.data!.updateCompanyProfile.companyProfile.legalRepresentative).toEqual({ id: manager });
      await asAcmeAdmin(REPRESENTATIVE, { id: acme.id, rep: user('admin@acme-robotics.test').id });
    });

    it('refuses the wrong persona and hides another client; lets the managing partner edit', async () => {
      expect(['FORBIDDEN', 'UNAUTHORIZED_FIELD_OR_TYPE']).toContain(
        code(await asAcmeMember(UPDATE, { id: acme.id, input: { industry: 'Nope' } })),
      );
      const foreign = await asInitechAdmin(UPDATE, { id: acme.id, input: { industry: 'Nope' } });
      expect([code(foreign), foreign.errors?.[0].message]).toEqual(['NOT_FOUND', `Client ${acme.id} was not found`]);
      expect((await asInitechAdmin<{ client: unknown }>(READ, { id: acme.id })).data!.client).toBeNull();
      const edited = await asNorthwindAdmin(UPDATE, { id: acme.id, input: { industry: 'Robotics & automation' } });
      expect(edited.errors).toBeUndefined();
    });
  });

  describe('integrations', () => {
    const SET = `mutation($id: ID!, $provider: IntegrationProvider!, $codes: [String!]!) { setIntegration(clientId: $id, provider: $provider, codes: $codes) { provider codesSet codesUpdatedAt } }`;
    const secret = 'sk-live-very-secret-4711';

    it('stores codes encrypted and only says whether they are set', async () => {
      const audited = async () =>
        (await outbox(graph, 'AccessChanged')).filter(
          (event) => event.action === 'INTEGRATION_CODES_SET' && event.targetId === acme.id,
        );
      const before = (await audited()).length;
      const result = await asAcmeAdmin<{ setIntegration: { provider: string; codesSet: boolean } }>(SET, {
        id: acme.id,
        provider: 'SHL',
        codes: [secret, 'account-42'],
      });
      expect(result.errors).toBeUndefined();
      expect(result.data!.setIntegration).toMatchObject({ provider: 'SHL', codesSet: true });
      const listed = await asAcmeAdmin<{ client: { integrations: unknown[] } }>(
        `query($id: ID!) { client(id: $id) { integrations { provider codesSet codesUpdatedAt } } }`,
        { id: acme.id },
      );
      expect(listed.data!.client.integrations).toContainEqual({
        provider: 'SHL',
        codesSet: true,
        codesUpdatedAt: expect.any(String),
      });
      const row = await graph.subgraphs.tenancy.database.dataSource
        .getRepository(ClientIntegrationEntity)
        .findOneByOrFail({ clientId: acme.id, provider: 'SHL' });
      expect(row.codesCiphertext).toMatch(/^v1:/);
      expect(row.codesCiphertext).not.toContain(secret);
      expect(row.codesCiphertext).not.toContain(Buffer.from(secret).toString('base64'));
      // The audit entry records the change, never the codes.
      const audits = (await audited()).slice(before);
      expect(audits).toHaveLength(1);
      expect(JSON.stringify(audits)).not.toContain(secret);
    });

    it('has no way to read codes back, and clears them with an empty list', async () => {
      expect(
        code(
          await asAcmeAdmin(`query($id: ID!) { client(id: $id) { integrations { provider codes } } }`, { id: acme.id }),
        ),
      ).toBe('GRAPHQL_VALIDATION_FAILED');
      await asAcmeAdmin(SET, { id: acme.id, provider: 'HOGAN', codes: [secret] });
      const cleared = await asAcmeAdmin<{ setIntegration: { codesSet: boolean } }>(SET, {
        id: acme.id,
        provider: 'HOGAN',
        codes: [],
      });
      expect(cleared.data!.setIntegration.codesSet).toBe(false);
    });

    it('refuses the wrong persona, hides another client, and refuses bad codes', async () => {
      expect(['FORBIDDEN', 'UNAUTHORIZED_FIELD_OR_TYPE']).toContain(
        code(await asAcmeMember(SET, { id: acme.id, provider: 'CODILITY', codes: ['x'] })),
      );
      expect(
        code(await asAcmeMember(`query($id: ID!) { client(id: $id) { integrations { provider } } }`, { id: acme.id })),
      ).toBe('UNAUTHORIZED_FIELD_OR_TYPE');
      expect(code(await asInitechAdmin(SET, { id: acme.id, provider: 'CODILITY', codes: ['x'] }))).toBe('NOT_FOUND');
      expect(code(await asAcmeAdmin(SET, { id: acme.id, provider: 'CODILITY', codes: ['x'.repeat(501)] }))).toBe(
        'BAD_USER_INPUT',
      );
      expect(code(await asAcmeAdmin(SET, { id: acme.id, provider: 'NOPE', codes: ['x'] }))).toMatch(
        /BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/,
      );
    });
  });

  describe('products', () => {
    it('sets and lists the products a client uses; another client is hidden', async () => {
      const PRODUCTS = `query($id: ID!) { client(id: $id) { products } }`;
      expect((await asInitechAdmin<{ client: { products: string[] } }>(PRODUCTS, { id: initech.id })).data).toEqual({
        client: { products: ['ASSESSMENTS', 'CORE', 'PEOPLE'] },
      });
      const SET = `mutation($id: ID!) { setClientProducts(clientId: $id, products: [PEOPLE, CORE, BILLING, PEOPLE, ASSESSMENTS]) { products } }`;
      const set = await asInitechAdmin<{ setClientProducts: { products: string[] } }>(SET, { id: initech.id });
      expect(set.data!.setClientProducts.products).toEqual(['ASSESSMENTS', 'BILLING', 'CORE', 'PEOPLE']);
      expect(code(await asAcmeAdmin(SET, { id: initech.id }))).toBe('NOT_FOUND');
    });
  });
});
