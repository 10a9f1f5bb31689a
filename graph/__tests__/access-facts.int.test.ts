import type { DataSource } from 'typeorm';
import { AccessAccountEntity, AccessGrantEntity, AccessPersonEntity, factHandlers } from '../../shared/subgraph/facts';
import type { DeliveredEvent } from '../../shared/events/events';
import { inTransaction } from '../../shared/data/database';
import { buildDataset } from '../demo-data';
import { startTestGraph, type TestGraph } from '../testing';

/**
 * Every subgraph decides access from facts it keeps (docs/authorization.md): tenancy owns grants and
 * the accounts tree, identity owns people; the others keep copies fed by events. These tests change
 * each fact through the gateway and read the copies in the other subgraphs' databases.
 */
describe('copies of the access facts', () => {
  let graph: TestGraph;
  const dataset = buildDataset({ partners: 1, clientsPerPartner: 2 });
  const acme = dataset.clients[0];
  const northwind = dataset.partners.find((partner) => !partner.isOperator)!;
  const db = (name: keyof TestGraph['subgraphs']): DataSource => graph.subgraphs[name].database.dataSource;

  beforeEach(async () => {
    graph = await startTestGraph();
    await graph.seed(dataset);
    await graph.drainEvents();
  });
  afterEach(() => graph?.stop());

  it('starts from the demo data in every subgraph that keeps a copy', async () => {
    const member = dataset.users.find((user) => user.email === 'member@acme-robotics.test')!;
    for (const name of ['tenancy', 'permissions', 'compliance'] as const) {
      expect(await db(name).getRepository(AccessPersonEntity).findOneBy({ userId: member.id })).toMatchObject({
        organizationId: acme.id,
        organizationKind: 'CLIENT',
        kind: 'EMPLOYEE',
        status: 'ACTIVE',
        deleted: false,
      });
    }
    for (const name of ['identity', 'compliance'] as const) {
      expect(
        await db(name).getRepository(AccessGrantEntity).findOneBy({ partnerId: northwind.id, clientId: acme.id }),
      ).toMatchObject({ level: 'FULL', status: 'ACTIVE' });
    }
    for (const name of ['identity', 'permissions', 'compliance'] as const) {
      expect(await db(name).getRepository(AccessAccountEntity).countBy({ clientId: acme.id })).toBe(
        acme.accounts.length,
      );
    }
  });

  it('copies a new account and a move to identity, permissions and compliance', async () => {
    const admin = graph.as(await graph.login('admin@acme-robotics.test'));
    const created = await admin<{ createAccount: { id: string } }>(
      `mutation($c: ID!) { createAccount(clientId: $c, name: "Logistics") { id } }`,
      { c: acme.id },
    );
    expect(created.errors).toBeUndefined();
    const sales = acme.accounts.find((account) => account.name === 'Sales')!;
    const moved = await admin(`mutation($id: ID!, $p: ID!) { moveAccount(id: $id, newParentId: $p) { id } }`, {
      id: created.data!.createAccount.id,
      p: sales.id,
    });
    expect(moved.errors).toBeUndefined();
    await graph.drainEvents();
    for (const name of ['identity', 'permissions', 'compliance'] as const) {
      expect(
        await db(name).getRepository(AccessAccountEntity).findOneBy({ id: created.data!.createAccount.id }),
      ).toMatchObject({
        clientId: acme.id,
        parentId: sales.id,
      });
    }
  });

  it('ends the copied grant in identity and compliance before cancelPartnership answers', async () => {
    const partnerAdmin = graph.as(await graph.login('admin@northwind-advisory.test'));
    const cancelled = await partnerAdmin(
      `mutation($c: ID!, $p: ID!) { cancelPartnership(clientId: $c, partnerId: $p) { status } }`,
      { c: acme.id, p: northwind.id },
    );
    expect(cancelled.errors).toBeUndefined();
    // No drainEvents(): the mutation delivered its events before answering.
    for (const name of ['identity', 'compliance'] as const) {
      expect(
        await db(name).getRepository(AccessGrantEntity).findOneBy({ partnerId: northwind.id, clientId: acme.id }),
      ).toMatchObject({ status: 'CANCELLED' });
    }
  });

  it('copies an invited person before inviteUser answers, and their deactivation after', async () => {
    const admin = graph.as(await graph.login('admin@acme-robotics.test'));
    const invited = await admin<{ inviteUser: { id: string } }>(
      `mutation($o: ID!) { inviteUser(organizationId: $o, input: { email: "nina@acme-robotics.test", firstName: "Nina", lastName: "Berg", kind: EMPLOYEE }) { id } }`,
      { o: acme.id },
    );
    expect(invited.errors).toBeUndefined();
    const userId = invited.data!.inviteUser.id;
    for (const name of ['tenancy', 'permissions', 'compliance'] as const) {
      expect(await db(name).getRepository(AccessPersonEntity).findOneBy({ userId })).toMatchObject({
        organizationId: acme.id,
        status: 'INVITED',
      });
    }
    expect(
      (await admin(`mutation($u: ID!) { deactivateUser(userId: $u) { status } }`, { u: userId })).errors,
    ).toBeUndefined();
    await graph.drainEvents();
    for (const name of ['tenancy', 'permissions', 'compliance'] as const) {
      expect(await db(name).getRepository(AccessPersonEntity).findOneBy({ userId })).toMatchObject({
        status: 'DEACTIVATED',
      });
    }
  });

  it('never lets an older state replace a newer one, whatever order events arrive in', async () => {
    const handler = factHandlers(['grants']).PartnerAccessChanged!;
    const event = (occurredAt: string, status: 'ACTIVE' | 'CANCELLED'): DeliveredEvent<'PartnerAccessChanged'> => ({
      eventId: `e-${occurredAt}`,
      topic: 'PartnerAccessChanged',
      occurredAt,
      source: 'tenancy',
      payload: {
        clientId: acme.id,
        partnerId: 'late-partner',
        level: 'FULL',
        products: [],
        includeWallet: false,
        status,
      },
    });
    const apply = (delivered: DeliveredEvent<'PartnerAccessChanged'>) =>
      inTransaction(db('identity'), (manager) => handler(manager, delivered.payload, delivered, new Date()));
    await apply(event('2026-03-02T00:00:00.000Z', 'CANCELLED'));
    await apply(event('2026-03-01T00:00:00.000Z', 'ACTIVE'));
    expect(
      await db('identity').getRepository(AccessGrantEntity).findOneBy({ partnerId: 'late-partner', clientId: acme.id }),
    ).toMatchObject({ status: 'CANCELLED' });
  });
});
