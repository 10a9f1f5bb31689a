import { randomUUID } from 'node:crypto';
import { buildDataset } from '../../../graph/demo-data';
import { startTestGraph, type TestGraph } from '../../../graph/testing';
import { AccessGrantEntity } from '../../../shared/subgraph/facts';
import { FakeClock } from '../../../shared/testing/fake-clock';
import { code, deliverEvent, outbox, signIn, type Query } from './kit';

const DAY = 86_400_000;
const INVITE = `mutation($c: ID!, $p: ID!, $access: PartnerAccessInput!) { invitePartner(clientId: $c, partnerId: $p, access: $access) { id status level products includeWallet expiresAt clientName } }`;
const RESPOND = `mutation($id: ID!, $accept: Boolean!) { respondToPartnerInvitation(invitationId: $id, accept: $accept) { id status respondedAt } }`;
const RESEND = `mutation($id: ID!) { resendPartnerInvitation(invitationId: $id) { status expiresAt } }`;
const DELETE = `mutation($id: ID!) { deletePartnerInvitation(invitationId: $id) }`;
const CANCEL = `mutation($c: ID!, $p: ID!) { cancelPartnership(clientId: $c, partnerId: $p) { status level cancelledAt cancelledBy } }`;
const CLIENT = `query($id: ID!) { client(id: $id) { name } }`;
const ACCESS = `query($id: ID!) { client(id: $id) { partnerAccess { grants { partnerId partnerName level products includeWallet status } invitations { id status partnerId } } } }`;
const PERMISSIONS = `query($o: ID!) { me { effectivePermissions(organizationId: $o) { key } } }`;

type AccessView = {
  client: {
    partnerAccess: {
      grants: Array<{ partnerId: string; level: string; includeWallet: boolean; status: string }>;
      invitations: Array<{ id: string; status: string; partnerId: string }>;
    };
  } | null;
};

/**
 * The partner access lifecycle end to end: invite, answer, resend, delete, expire, cancel, and what
 * the partner can do meanwhile. Each test works on a client of its own: Northwind manages Acme,
 * Globex and Initech (FULL) and Umbrella (LIMITED); the tests invite Bluepeak.
 */
describe('partner access', () => {
  let graph: TestGraph;
  const dataset = buildDataset({ partners: 2, clientsPerPartner: 4 });
  const user = (email: string) => dataset.users.find((u) => u.email === email)!;
  const client = (name: string) => dataset.clients.find((c) => c.name === name)!;
  const northwind = dataset.partners.find((p) => p.name === 'Northwind Advisory')!;
  const bluepeak = dataset.partners.find((p) => p.name === 'Bluepeak Consulting')!;
  let asNorthwindAdmin: Query;
  let asBluepeakAdmin: Query;
  let asBluepeakConsultant: Query;
  const adminOf = async (of: { emailDomain: string }) => (await signIn(graph, [`admin@${of.emailDomain}`]))[0];
  const keys = async (as: Query, organizationId: string) =>
    (
      await as<{ me: { effectivePermissions: Array<{ key: string }> } }>(PERMISSIONS, { o: organizationId })
    ).data!.me.effectivePermissions.map((permission) => permission.key);

  beforeAll(async () => {
    graph = await startTestGraph();
    await graph.seed(dataset);
    await graph.drainEvents();
    [asNorthwindAdmin, asBluepeakAdmin, asBluepeakConsultant] = await signIn(graph, [
      'admin@northwind-advisory.test',
      'admin@bluepeak-consulting.test',
      'consultant@bluepeak-consulting.test',
    ]);
  });
  afterAll(() => graph?.stop());

  it('agrees with every copy of the seeded grants', async () => {
    const acme = client('Acme Robotics');
    const result = await (await adminOf(acme))<AccessView>(ACCESS, { id: acme.id });
    expect(result.errors).toBeUndefined();
    expect(result.data!.client!.partnerAccess.grants).toEqual([
      {
        partnerId: northwind.id,
        partnerName: northwind.name,
        level: 'FULL',
        products: [],
        includeWallet: false,
        status: 'ACTIVE',
      },
    ]);
    for (const name of ['identity', 'compliance'] as const) {
      const copies = await graph.subgraphs[name].database.dataSource
        .getRepository(AccessGrantEntity)
        .findBy({ clientId: acme.id });
      expect([name, copies.map((row) => [row.partnerId, row.level, row.status])]).toEqual([
        name,
        [[northwind.id, 'FULL', 'ACTIVE']],
      ]);
    }
    expect(await keys(asNorthwindAdmin, acme.id)).toEqual(expect.arrayContaining(['clients.read', 'clients.update']));
  });

  it('lets only the legal representative invite, with partner-access.manage, as the client itself', async () => {
    const acme = client('Acme Robotics');
    const [asAcmeAdmin, asAcmeMember] = await signIn(graph, ['admin@acme-robotics.test', 'member@acme-robotics.test']);
    const access = { level: 'FULL' };
    expect(['FORBIDDEN', 'UNAUTHORIZED_FIELD_OR_TYPE']).toContain(
      code(await asAcmeMember(INVITE, { c: acme.id, p: bluepeak.id, access })),
    );
    // Northwind reads Acme through its FULL grant, but partner-access.manage is never lent: it acts for itself only.
    expect(code(await asNorthwindAdmin(INVITE, { c: acme.id, p: bluepeak.id, access }))).toBe('FORBIDDEN');
    // With someone else named legal representative, the admin may not invite.
    const PROFILE = `mutation($c: ID!, $rep: ID) { updateCompanyProfile(clientId: $c, input: { legalRepresentativeId: $rep }) { id } }`;
    expect(
      (await asAcmeAdmin(PROFILE, { c: acme.id, rep: user('manager@acme-robotics.test').id })).errors,
    ).toBeUndefined();
    const refused = await asAcmeAdmin(INVITE, { c: acme.id, p: bluepeak.id, access });
    expect(code(refused)).toBe('FORBIDDEN');
    expect(refused.errors![0].message).toMatch(/legal representative/);
    expect(
      (await asAcmeAdmin(PROFILE, { c: acme.id, rep: user('admin@acme-robotics.test').id })).errors,
    ).toBeUndefined();
    expect(
      code(await asAcmeAdmin(INVITE, { c: acme.id, p: bluepeak.id, access: { level: 'LIMITED', products: [] } })),
    ).toBe('BAD_USER_INPUT');
    expect(code(await asAcmeAdmin(INVITE, { c: acme.id, p: randomUUID(), access }))).toBe('NOT_FOUND');
    expect(
      (await outbox(graph, 'PartnerInvitationSent')).filter(
        (event) => event.clientId === acme.id && event.partnerId === bluepeak.id,
      ),
    ).toEqual([]);
  });

  it('invite -> accept -> the partner acts in the client on its next request -> cancel -> gone on the next request', async () => {
    const globex = client('Globex Foods');
    const asGlobexAdmin = await adminOf(globex);
    expect((await asBluepeakAdmin<{ client: unknown }>(CLIENT, { id: globex.id })).data!.client).toBeNull();
    const invited = await asGlobexAdmin<{
      invitePartner: { id: string; status: string; expiresAt: string; clientName: string };
    }>(INVITE, { c: globex.id, p: bluepeak.id, access: { level: 'FULL', includeWallet: false } });
    expect(invited.errors).toBeUndefined();
    const invitation = invited.data!.invitePartner;
    expect(invitation).toMatchObject({ status: 'PENDING', clientName: globex.name });
    expect(new Date(invitation.expiresAt).getTime() - graph.clock.now().getTime()).toBeGreaterThan(13.9 * DAY);
    expect((await outbox(graph, 'PartnerInvitationSent')).filter((event) => event.clientId === globex.id)).toEqual([
      {
        invitationId: invitation.id,
        clientId: globex.id,
        clientName: globex.name,
        partnerId: bluepeak.id,
        level: 'FULL',
        expiresAt: invitation.expiresAt,
      },
    ]);
    expect(code(await asGlobexAdmin(INVITE, { c: globex.id, p: bluepeak.id, access: { level: 'FULL' } }))).toBe(
      'CONFLICT',
    );

    // The partner finds it (and, with a pending invitation, the client sees the partner); it does not see the client yet.
    const listed = await asBluepeakAdmin<{
      partner: { partnerInvitations: Array<{ id: string; clientName: string; client: unknown }> };
    }>(`query($id: ID!) { partner(id: $id) { partnerInvitations { id clientName client { id } } } }`, {
      id: bluepeak.id,
    });
    expect(listed.data!.partner.partnerInvitations).toEqual([
      { id: invitation.id, clientName: globex.name, client: null },
    ]);
    const seenByClient = await asGlobexAdmin<{ partner: { name: string } }>(
      `query($id: ID!) { partner(id: $id) { name } }`,
      {
        id: bluepeak.id,
      },
    );
    expect(seenByClient.data!.partner).toEqual({ name: bluepeak.name });
    // Another partner does not see it; the partner's consultant may not answer; the client may not answer for it.
    expect(code(await asNorthwindAdmin(RESPOND, { id: invitation.id, accept: true }))).toBe('NOT_FOUND');
    expect(['FORBIDDEN', 'UNAUTHORIZED_FIELD_OR_TYPE']).toContain(
      code(await asBluepeakConsultant(RESPOND, { id: invitation.id, accept: true })),
    );
    expect(code(await asGlobexAdmin(RESPOND, { id: invitation.id, accept: true }))).toBe('FORBIDDEN');

    const accepted = await asBluepeakAdmin<{ respondToPartnerInvitation: { status: string } }>(RESPOND, {
      id: invitation.id,
      accept: true,
    });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.respondToPartnerInvitation.status).toBe('ACCEPTED');
    expect(code(await asBluepeakAdmin(RESPOND, { id: invitation.id, accept: true }))).toBe('CONFLICT');
    expect(
      (await outbox(graph, 'PartnerAccessChanged')).filter((event) => event.clientId === globex.id).at(-1),
    ).toEqual({
      clientId: globex.id,
      partnerId: bluepeak.id,
      level: 'FULL',
      products: [],
      includeWallet: false,
      status: 'ACTIVE',
    });
    // No drainEvents here: the grant must already hold on the partner's next request.
    const inside = await asBluepeakAdmin<{ client: { name: string } }>(CLIENT, { id: globex.id });
    expect(inside.data!.client).toEqual({ name: globex.name });
    // Each side sees the partnership; the partner only its own part of it.
    const clientView = await asGlobexAdmin<AccessView>(ACCESS, { id: globex.id });
    expect(clientView.data!.client!.partnerAccess.grants.map((grant) => grant.partnerId).sort()).toEqual(
      [northwind.id, bluepeak.id].sort(),
    );
    const partnerView = await asBluepeakAdmin<AccessView>(ACCESS, { id: globex.id });
    expect(partnerView.data!.client!.partnerAccess.grants.map((grant) => grant.partnerId)).toEqual([bluepeak.id]);
    expect(partnerView.data!.client!.partnerAccess.invitations).toEqual([
      { id: invitation.id, status: 'ACCEPTED', partnerId: bluepeak.id },
    ]);

    // Cancelled by the partner itself, effective on its next request.
    const cancelled = await asBluepeakAdmin<{ cancelPartnership: { status: string; cancelledBy: string } }>(CANCEL, {
      c: globex.id,
      p: bluepeak.id,
    });
    expect(cancelled.errors).toBeUndefined();
    expect(cancelled.data!.cancelPartnership).toMatchObject({
      status: 'CANCELLED',
      cancelledBy: user('admin@bluepeak-consulting.test').id,
    });
    expect(
      (await outbox(graph, 'PartnerAccessChanged')).filter((event) => event.clientId === globex.id).at(-1),
    ).toMatchObject({ partnerId: bluepeak.id, status: 'CANCELLED' });
    expect((await asBluepeakAdmin<{ client: unknown }>(CLIENT, { id: globex.id })).data!.client).toBeNull();
    expect(code(await asBluepeakAdmin(CANCEL, { c: globex.id, p: bluepeak.id }))).toBe('NOT_FOUND');
  });

  it('gives LIMITED access only to the chosen products, and lets the client cancel', async () => {
    const initech = client('Initech Labs');
    const asInitechAdmin = await adminOf(initech);
    const invited = await asInitechAdmin<{ invitePartner: { id: string; products: string[] } }>(INVITE, {
      c: initech.id,
      p: bluepeak.id,
      access: { level: 'LIMITED', products: ['PEOPLE', 'PEOPLE'] },
    });
    expect(invited.data!.invitePartner.products).toEqual(['PEOPLE']);
    expect(
      (await asBluepeakAdmin(RESPOND, { id: invited.data!.invitePartner.id, accept: true })).errors,
    ).toBeUndefined();
    const granted = await keys(asBluepeakAdmin, initech.id);
    expect(granted).toContain('users.read');
    // Any active grant shows the partner the client it manages; nothing client-level, nothing of other products.
    expect(granted).toContain('clients.read');
    expect(granted).not.toContain('clients.update');
    expect(granted).not.toContain('projects.read');
    expect((await asBluepeakAdmin<{ client: unknown }>(CLIENT, { id: initech.id })).data!.client).toEqual({
      name: initech.name,
    });
    // The client ends it from its side; the partner loses it on its next request.
    expect((await asInitechAdmin(CANCEL, { c: initech.id, p: bluepeak.id })).errors).toBeUndefined();
    expect(await keys(asBluepeakAdmin, initech.id)).toEqual([]);
    expect((await asBluepeakAdmin<{ client: unknown }>(CLIENT, { id: initech.id })).data!.client).toBeNull();
  });

  it('widens an active grant only through a new invitation the partner accepts (here: the wallet)', async () => {
    const acme = client('Acme Robotics');
    const asAcmeAdmin = await adminOf(acme);
    expect(await keys(asNorthwindAdmin, acme.id)).not.toContain('billing.read');
    const invited = await asAcmeAdmin<{ invitePartner: { id: string } }>(INVITE, {
      c: acme.id,
      p: northwind.id,
      access: { level: 'FULL', includeWallet: true },
    });
    expect(invited.errors).toBeUndefined();
    // Pending: the active grant is unchanged.
    expect(await keys(asNorthwindAdmin, acme.id)).not.toContain('billing.read');
    expect(
      (await asNorthwindAdmin(RESPOND, { id: invited.data!.invitePartner.id, accept: true })).errors,
    ).toBeUndefined();
    expect(await keys(asNorthwindAdmin, acme.id)).toEqual(expect.arrayContaining(['billing.read', 'clients.read']));
    const grants = await asAcmeAdmin<AccessView>(ACCESS, { id: acme.id });
    expect(grants.data!.client!.partnerAccess.grants.find((grant) => grant.partnerId === northwind.id)).toMatchObject({
      includeWallet: true,
      status: 'ACTIVE',
    });
  });

  it('audits every step', async () => {
    const umbrella = client('Umbrella Health');
    const asUmbrellaAdmin = await adminOf(umbrella);
    const invite = async () =>
      (
        await asUmbrellaAdmin<{ invitePartner: { id: string } }>(INVITE, {
          c: umbrella.id,
          p: bluepeak.id,
          access: { level: 'FULL' },
        })
      ).data!.invitePartner.id;
    expect((await asBluepeakAdmin(RESPOND, { id: await invite(), accept: false })).errors).toBeUndefined();
    const resent = await invite();
    expect((await asUmbrellaAdmin(RESEND, { id: resent })).errors).toBeUndefined();
    expect((await asUmbrellaAdmin(DELETE, { id: resent })).errors).toBeUndefined();
    expect((await asBluepeakAdmin(RESPOND, { id: await invite(), accept: true })).errors).toBeUndefined();
    expect((await asUmbrellaAdmin(CANCEL, { c: umbrella.id, p: bluepeak.id })).errors).toBeUndefined();
    await graph.drainEvents();
    const log = await asUmbrellaAdmin<{ auditLog: { edges: Array<{ node: { action: string } }> } }>(
      `query($id: ID!) { auditLog(organizationId: $id, first: 100) { edges { node { action } } } }`,
      { id: umbrella.id },
    );
    const actions = log.data!.auditLog.edges.map((edge) => edge.node.action);
    for (const action of [
      'PARTNER_INVITED',
      'PARTNER_INVITATION_REJECTED',
      'PARTNER_INVITATION_RESENT',
      'PARTNER_INVITATION_DELETED',
      'PARTNER_ACCESS_GRANTED',
      'PARTNERSHIP_CANCELLED',
      'PARTNER_PERMISSIONS_GRANTED',
      'PARTNER_PERMISSIONS_REVOKED',
    ]) {
      expect([action, actions.includes(action)]).toEqual([action, true]);
    }
  });

  it('keeps every copy of a grant at its newest state, whatever the order and repetition of deliveries', async () => {
    // A grant of Bluepeak's client Stark to Northwind, as tenancy would announce it.
    const stark = client('Stark Logistics');
    const event = (status: 'ACTIVE' | 'CANCELLED', occurredAt: Date) => ({
      eventId: randomUUID(),
      topic: 'PartnerAccessChanged',
      payload: {
        clientId: stark.id,
        partnerId: northwind.id,
        level: 'LIMITED',
        products: ['people'],
        includeWallet: false,
        status,
      },
      occurredAt: occurredAt.toISOString(),
      source: 'tenancy',
    });
    const now = graph.clock.now();
    for (const to of ['identity', 'permissions', 'compliance'] as const) {
      const first = event('ACTIVE', now);
      expect([to, await deliverEvent(graph, to, first)]).toEqual([to, 'applied']);
      expect([to, await deliverEvent(graph, to, first)]).toEqual([to, 'duplicate']);
      // An older state arriving late does not roll the copy back.
      await deliverEvent(graph, to, event('CANCELLED', new Date(now.getTime() - 3_600_000)));
    }
    for (const name of ['identity', 'compliance'] as const) {
      const copy = await graph.subgraphs[name].database.dataSource
        .getRepository(AccessGrantEntity)
        .findOneBy({ clientId: stark.id, partnerId: northwind.id });
      expect([name, copy?.status, copy?.products]).toEqual([name, 'ACTIVE', ['people']]);
    }
    expect(await keys(asNorthwindAdmin, stark.id)).toContain('users.read');
  });
});

/** Invitations expire on the clock every service reads; the test moves it instead of waiting. */
describe('partner access: an expired invitation', () => {
  let graph: TestGraph;
  const clock = new FakeClock(new Date('2026-03-02T09:00:00.000Z'));
  const dataset = buildDataset({ partners: 2, clientsPerPartner: 2 });
  const acme = dataset.clients.find((c) => c.name === 'Acme Robotics')!;
  const bluepeak = dataset.partners.find((p) => p.name === 'Bluepeak Consulting')!;
  let invitationId: string;

  beforeAll(async () => {
    graph = await startTestGraph({ clock });
    await graph.seed(dataset);
    await graph.drainEvents();
    const [asAcmeAdmin] = await signIn(graph, ['admin@acme-robotics.test']);
    const invited = await asAcmeAdmin<{ invitePartner: { id: string } }>(INVITE, {
      c: acme.id,
      p: bluepeak.id,
      access: { level: 'FULL', includeWallet: true },
    });
    invitationId = invited.data!.invitePartner.id;
    clock.advance(15 * DAY);
  });
  afterAll(() => graph?.stop());

  it('is refused; the client resends it with a new expiry or deletes it, and a rejected one leaves no grant', async () => {
    const [asAcmeAdmin, asBluepeakAdmin] = await signIn(graph, [
      'admin@acme-robotics.test',
      'admin@bluepeak-consulting.test',
    ]);
    const expired = await asBluepeakAdmin(RESPOND, { id: invitationId, accept: true });
    expect(code(expired)).toBe('CONFLICT');
    expect(expired.errors![0].extensions!.reason).toBe('INVITATION_EXPIRED');
    const status = await asAcmeAdmin<AccessView>(ACCESS, { id: acme.id });
    expect(status.data!.client!.partnerAccess.invitations.find((row) => row.id === invitationId)!.status).toBe(
      'EXPIRED',
    );

    expect(code(await asBluepeakAdmin(RESEND, { id: invitationId }))).toBe('FORBIDDEN');
    const resent = await asAcmeAdmin<{ resendPartnerInvitation: { status: string; expiresAt: string } }>(RESEND, {
      id: invitationId,
    });
    expect(resent.errors).toBeUndefined();
    expect(resent.data!.resendPartnerInvitation.status).toBe('PENDING');
    expect(new Date(resent.data!.resendPartnerInvitation.expiresAt).getTime()).toBe(clock.now().getTime() + 14 * DAY);
    expect(
      (await outbox(graph, 'PartnerInvitationSent')).filter((event) => event.invitationId === invitationId),
    ).toHaveLength(2);

    const deleted = await asAcmeAdmin<{ deletePartnerInvitation: boolean }>(DELETE, { id: invitationId });
    expect(deleted.data!.deletePartnerInvitation).toBe(true);
    expect(code(await asBluepeakAdmin(RESPOND, { id: invitationId, accept: true }))).toBe('CONFLICT');
    expect(code(await asAcmeAdmin(DELETE, { id: invitationId }))).toBe('CONFLICT');

    const again = await asAcmeAdmin<{ invitePartner: { id: string } }>(INVITE, {
      c: acme.id,
      p: bluepeak.id,
      access: { level: 'FULL' },
    });
    const rejected = await asBluepeakAdmin<{ respondToPartnerInvitation: { status: string } }>(RESPOND, {
      id: again.data!.invitePartner.id,
      accept: false,
    });
    expect(rejected.data!.respondToPartnerInvitation.status).toBe('REJECTED');
    expect((await asBluepeakAdmin<{ client: unknown }>(CLIENT, { id: acme.id })).data!.client).toBeNull();
  });
});
