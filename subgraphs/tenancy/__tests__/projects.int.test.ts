import { buildDataset } from '../../../graph/demo-data';
import { startTestGraph, type TestGraph } from '../../../graph/testing';
import { code, outbox, signIn, type Query } from './kit';

/** Projects, their parties and participants, through the gateway. */
describe('tenancy: projects', () => {
  let graph: TestGraph;
  const dataset = buildDataset({ partners: 2, clientsPerPartner: 2 });
  const client = (name: string) => dataset.clients.find((c) => c.name === name)!;
  const user = (email: string) => dataset.users.find((u) => u.email === email)!;
  const acme = client('Acme Robotics');
  const initech = client('Initech Labs');
  const bluepeak = dataset.partners.find((p) => p.name === 'Bluepeak Consulting')!;
  const sales = acme.accounts.find((a) => a.name === 'Sales')!;
  const operations = acme.accounts.find((a) => a.name === 'Operations')!;
  const participant = user('participant.acme-robotics@candidates.test');
  let asAcmeAdmin: Query;
  let asInitechAdmin: Query;

  const CREATE = `mutation($id: ID!, $name: String!, $accountId: ID, $externals: [ID!]) { createProject(clientId: $id, name: $name, accountId: $accountId, externalOrganizationIds: $externals) { id name account { name } partyIds } }`;
  const JOIN = `mutation($p: ID!, $u: ID!) { joinProject(projectId: $p, userId: $u) { joinedAt user { id } project { name } } }`;
  const create = async (as: Query, name: string, extra: Record<string, unknown> = {}) => {
    const result = await as<{ createProject: { id: string } }>(CREATE, { id: acme.id, name, ...extra });
    expect(result.errors).toBeUndefined();
    return result.data!.createProject.id;
  };

  beforeAll(async () => {
    graph = await startTestGraph();
    await graph.seed(dataset);
    await graph.drainEvents();
    [asAcmeAdmin, asInitechAdmin] = await signIn(graph, ['admin@acme-robotics.test', 'admin@initech-labs.test']);
  });
  afterAll(() => graph?.stop());

  it('creates projects with their parties; refuses duplicates, unknown organisations and accounts of other clients', async () => {
    const shared = await asAcmeAdmin<{
      createProject: { id: string; name: string; partyIds: string[]; account: { name: string } };
    }>(CREATE, { id: acme.id, name: 'Évaluation partagée ✨', accountId: sales.id, externals: [bluepeak.id] });
    expect(shared.errors).toBeUndefined();
    expect(shared.data!.createProject).toMatchObject({ name: 'Évaluation partagée ✨', account: { name: 'Sales' } });
    expect([...shared.data!.createProject.partyIds].sort()).toEqual([acme.id, bluepeak.id].sort());
    await create(asAcmeAdmin, 'Internal only');
    expect(code(await asAcmeAdmin(CREATE, { id: acme.id, name: 'Internal only' }))).toBe('CONFLICT');
    expect(code(await asAcmeAdmin(CREATE, { id: acme.id, name: 'Elsewhere', accountId: initech.accounts[0].id }))).toBe(
      'NOT_FOUND',
    );
    expect(
      code(
        await asAcmeAdmin(CREATE, { id: acme.id, name: 'Nobody', externals: ['00000000-0000-4000-8000-000000000000'] }),
      ),
    ).toBe('NOT_FOUND');
    expect(code(await asInitechAdmin(CREATE, { id: acme.id, name: 'Intruder' }))).toBe('NOT_FOUND');
    expect(code(await asAcmeAdmin(CREATE, { id: acme.id, name: ' ' }))).toBe('BAD_USER_INPUT');
  });

  it('lets a manager limited to Sales create projects only in its accounts', async () => {
    const [asManager] = await signIn(graph, ['manager@acme-robotics.test']);
    expect(
      (await asManager(CREATE, { id: acme.id, name: 'Sales kick-off', accountId: sales.id })).errors,
    ).toBeUndefined();
    expect(code(await asManager(CREATE, { id: acme.id, name: 'Ops kick-off', accountId: operations.id }))).toBe(
      'NOT_FOUND',
    );
    // A project without an account is client-wide: beyond a manager of some accounts.
    expect(code(await asManager(CREATE, { id: acme.id, name: 'Everyone kick-off' }))).toBe('FORBIDDEN');
  });

  it('records a participant joining once and publishes ProjectJoined', async () => {
    const projectId = await create(asAcmeAdmin, 'Assessment centre', { accountId: sales.id });
    const first = await asAcmeAdmin<{
      joinProject: { joinedAt: string; user: { id: string }; project: { name: string } };
    }>(JOIN, { p: projectId, u: participant.id });
    expect(first.errors).toBeUndefined();
    expect(first.data!.joinProject).toMatchObject({
      user: { id: participant.id },
      project: { name: 'Assessment centre' },
    });
    const again = await asAcmeAdmin<{ joinProject: { joinedAt: string } }>(JOIN, { p: projectId, u: participant.id });
    expect(again.data!.joinProject.joinedAt).toBe(first.data!.joinProject.joinedAt);
    expect((await outbox(graph, 'ProjectJoined')).filter((event) => event.projectId === projectId)).toEqual([
      { projectId, clientId: acme.id, userId: participant.id, joinedAt: first.data!.joinProject.joinedAt },
    ]);
    const participants = await asAcmeAdmin<{ project: { participants: Array<{ user: { id: string } }> } }>(
      `query($id: ID!) { project(id: $id) { participants { user { id } } } }`,
      { id: projectId },
    );
    expect(participants.data!.project.participants).toEqual([{ user: { id: participant.id } }]);
    expect(code(await asInitechAdmin(JOIN, { p: projectId, u: participant.id }))).toBe('NOT_FOUND');
    expect(code(await asAcmeAdmin(JOIN, { p: projectId, u: 'not-an-id' }))).toBe('BAD_USER_INPUT');
  });

  it('lets people join a project they see themselves; only those who manage projects add others', async () => {
    const projectId = await create(asAcmeAdmin, 'Open day');
    const external = user('external.acme-robotics@contractors.test');
    const member = user('member@acme-robotics.test');
    const [asMember, asExternal, asPartnerAdmin] = await signIn(graph, [
      member.email,
      external.email,
      'admin@northwind-advisory.test',
    ]);
    // A member who acts for the whole client sees the project and joins it.
    expect((await asMember(JOIN, { p: projectId, u: member.id })).errors).toBeUndefined();
    // An external contact does not see it until someone adds them; then it may join again, not add others.
    expect(code(await asExternal(JOIN, { p: projectId, u: external.id }))).toBe('NOT_FOUND');
    expect((await asAcmeAdmin(JOIN, { p: projectId, u: external.id })).errors).toBeUndefined();
    expect((await asExternal(JOIN, { p: projectId, u: external.id })).errors).toBeUndefined();
    expect(code(await asExternal(JOIN, { p: projectId, u: participant.id }))).toBe('FORBIDDEN');
    // The managing partner (FULL) adds the client's people, but does not join a client's project itself.
    expect((await asPartnerAdmin(JOIN, { p: projectId, u: participant.id })).errors).toBeUndefined();
    expect(code(await asPartnerAdmin(JOIN, { p: projectId, u: user('admin@northwind-advisory.test').id }))).toBe(
      'FORBIDDEN',
    );
    const participants = await asAcmeAdmin<{ project: { participants: Array<{ user: { id: string } }> } }>(
      `query($id: ID!) { project(id: $id) { participants { user { id } } } }`,
      { id: projectId },
    );
    expect(participants.data!.project.participants.map((p) => p.user.id).sort()).toEqual(
      [member.id, external.id, participant.id].sort(),
    );
  });
});
