import { buildDataset } from '../../../graph/demo-data';
import { startTestGraph, type TestGraph } from '../../../graph/testing';
import { CompanyProfileEntity } from '../entities';
import { code, signIn, type Query } from './kit';

/** The accounts tree (master account and divisions), through the gateway. */
describe('tenancy: accounts tree', () => {
  let graph: TestGraph;
  const dataset = buildDataset({ partners: 2, clientsPerPartner: 2 });
  const client = (name: string) => dataset.clients.find((c) => c.name === name)!;
  const acme = client('Acme Robotics');
  const globex = client('Globex Foods');
  const initech = client('Initech Labs');
  const master = acme.accounts[0];
  const sales = acme.accounts.find((a) => a.name === 'Sales')!;
  const operations = acme.accounts.find((a) => a.name === 'Operations')!;
  let asAcmeAdmin: Query;
  let asInitechAdmin: Query;

  const CREATE = `mutation($id: ID!, $name: String!, $parentId: ID) { createAccount(clientId: $id, name: $name, parentId: $parentId) { id name parent { id } } }`;
  const MOVE = `mutation($id: ID!, $to: ID!) { moveAccount(id: $id, newParentId: $to) { id parent { id } } }`;
  const RENAME = `mutation($id: ID!, $name: String!) { renameAccount(id: $id, name: $name) { name } }`;
  const create = async (as: Query, name: string, parentId?: string) => {
    const result = await as<{ createAccount: { id: string } }>(CREATE, { id: acme.id, name, parentId });
    expect(result.errors).toBeUndefined();
    return result.data!.createAccount.id;
  };

  beforeAll(async () => {
    graph = await startTestGraph();
    await graph.seed(dataset);
    await graph.drainEvents();
    [asAcmeAdmin, asInitechAdmin] = await signIn(graph, ['admin@acme-robotics.test', 'admin@initech-labs.test']);
  });
  afterAll(() => graph?.stop());

  it('creates sub-accounts (under the master by default), renames and moves them', async () => {
    const created = await asAcmeAdmin<{ createAccount: { id: string; name: string; parent: { id: string } } }>(CREATE, {
      id: acme.id,
      name: 'Forschung & Entwicklung 🧪',
    });
    expect(created.errors).toBeUndefined();
    expect(created.data!.createAccount).toMatchObject({
      name: 'Forschung & Entwicklung 🧪',
      parent: { id: master.id },
    });
    const child = await create(asAcmeAdmin, 'Inside sales', sales.id);
    const renamed = await asAcmeAdmin<{ renameAccount: { name: string } }>(RENAME, {
      id: child,
      name: 'Ventas internas',
    });
    expect(renamed.data!.renameAccount.name).toBe('Ventas internas');
    const moved = await asAcmeAdmin<{ moveAccount: { parent: { id: string } } }>(MOVE, {
      id: child,
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
    const child = await create(asAcmeAdmin, 'Field sales', sales.id);
    expect(code(await asAcmeAdmin(MOVE, { id: sales.id, to: child }))).toBe('CONFLICT');
    expect(code(await asAcmeAdmin(MOVE, { id: sales.id, to: sales.id }))).toBe('CONFLICT');
    expect(code(await asAcmeAdmin(MOVE, { id: master.id, to: sales.id }))).toBe('BAD_USER_INPUT');
    expect(code(await asAcmeAdmin(MOVE, { id: sales.id, to: initech.accounts[0].id }))).toBe('NOT_FOUND');
    expect(code(await asAcmeAdmin(CREATE, { id: acme.id, name: 'Stray', parentId: initech.accounts[0].id }))).toBe(
      'NOT_FOUND',
    );
    expect(code(await asInitechAdmin(RENAME, { id: sales.id, name: 'Mine now' }))).toBe('NOT_FOUND');
    const [asMember, asPartnerAdmin] = await signIn(graph, [
      'member@acme-robotics.test',
      'admin@northwind-advisory.test',
    ]);
    expect(['FORBIDDEN', 'UNAUTHORIZED_FIELD_OR_TYPE']).toContain(
      code(await asMember(CREATE, { id: acme.id, name: 'Mine' })),
    );
    // The accounts tree is client-level: a LIMITED grant does not reach it, a FULL one does.
    expect(code(await asPartnerAdmin(CREATE, { id: globex.id, name: 'Partner division' }))).toBe('FORBIDDEN');
    expect((await asPartnerAdmin(CREATE, { id: acme.id, name: 'Partner division' })).errors).toBeUndefined();
    expect(code(await asAcmeAdmin(RENAME, { id: sales.id, name: '' }))).toBe('BAD_USER_INPUT');
    const profile = await graph.subgraphs.tenancy.database.dataSource
      .getRepository(CompanyProfileEntity)
      .findOneByOrFail({ clientId: acme.id });
    expect(profile.legalRepresentativeId).toBe(acme.legalRepresentativeId);
  });

  it('keeps an editor whose role is limited to one division inside that division', async () => {
    // The manager's role covers Sales only; give them a type that may edit the client.
    const type = await asAcmeAdmin<{ createUserType: { id: string } }>(
      `mutation($o: ID!) { createUserType(organizationId: $o, input: { name: "Division editors", permissions: ["clients.read", "clients.update"] }) { id } }`,
      { o: acme.id },
    );
    expect(type.errors).toBeUndefined();
    const manager = dataset.users.find((u) => u.email === 'manager@acme-robotics.test')!;
    expect(
      (
        await asAcmeAdmin(`mutation($u: ID!, $t: ID!) { assignUserType(userId: $u, userTypeId: $t) { id } }`, {
          u: manager.id,
          t: type.data!.createUserType.id,
        })
      ).errors,
    ).toBeUndefined();
    const [asEditor] = await signIn(graph, [manager.email]);
    const inside = await create(asEditor, 'Key accounts', sales.id);
    expect(code(await asEditor(CREATE, { id: acme.id, name: 'Outside' }))).toBe('NOT_FOUND');
    expect(code(await asEditor(MOVE, { id: inside, to: operations.id }))).toBe('NOT_FOUND');
    expect(code(await asEditor(RENAME, { id: operations.id, name: 'Mine' }))).toBe('NOT_FOUND');
    expect((await asEditor(RENAME, { id: inside, name: 'Key accounts EMEA' })).errors).toBeUndefined();
  });
});
