import { buildDataset } from '../../../graph/demo-data';
import { applyEvent, OutboxEvent } from '../../../shared/events/outbox';
import { startTestGraph, type TestGraph } from '../../../graph/testing';
import { partnerAccessHandlers } from '../../permissions/handlers/partner-access';
import { PartnerGrantEntity as PermissionsGrant } from '../../permissions/entities';
import { PartnerInvitationEntity } from '../entities';
import { randomUUID } from 'node:crypto';

type Query = TestGraph['query'];
type Result = { errors?: Array<{ message: string; extensions?: { code?: string } & Record<string, unknown> }> };
const code = (result: Result) => result.errors?.[0]?.extensions?.code;

/** The partner access lifecycle end to end: invite, answer, resend, delete, expire, cancel, and what the partner can do meanwhile. */
describe('partner access', () => {
  let graph: TestGraph;
  const dataset = buildDataset({ partners: 2, clientsPerPartner: 2 });
  const user = (email: string) => dataset.users.find((u) => u.email === email)!;
  const acme = dataset.clients.find((c) => c.name === 'Acme Robotics')!;
  const northwind = dataset.partners.find((p) => p.name === 'Northwind Advisory')!;
  const bluepeak = dataset.partners.find((p) => p.name === 'Bluepeak Consulting')!;
  const acmeAdmin = user('admin@acme-robotics.test');
  let asAcmeAdmin: Query;
  let asAcmeMember: Query;
  let asNorthwindAdmin: Query;
  let asBluepeakAdmin: Query;
  let asBluepeakConsultant: Query;

  const INVITE = `mutation($c: ID!, $p: ID!, $access: PartnerAccessInput!) { invitePartner(clientId: $c, partnerId: $p, access: $access) { id status level products includeWallet expiresAt clientName } }`;
  const RESPOND = `mutation($id: ID!, $accept: Boolean!) { respondToPartnerInvitation(invitationId: $id, accept: $accept) { id status respondedAt } }`;
  const CANCEL = `mutation($c: ID!, $p: ID!) { cancelPartnership(clientId: $c, partnerId: $p) { status level cancelledAt cancelledBy } }`;
  const ACME = `query($id: ID!) { client(id: $id) { name companyProfile { legalName } } }`;
  const ACCESS = `query($id: ID!) { client(id: $id) { partnerAccess { grants { partnerId partnerName level products includeWallet status } invitations { id status partnerId } } } }`;
  const outbox = async (topic: string) =>
    (
      await graph.subgraphs.tenancy.database.dataSource
        .getRepository(OutboxEvent)
        .find({ where: { topic }, order: { createdAt: 'ASC' } })
    ).map((row) => JSON.parse(row.payload) as Record<string, unknown>);
  const auditActions = async () => {
    const result = await asAcmeAdmin<{ auditLog: { edges: Array<{ node: { action: string } }> } }>(
      `query($id: ID!) { auditLog(organizationId: $id, first: 100) { edges { node { action } } } }`,
      { id: acme.id },
    );
    return result.data!.auditLog.edges.map((edge) => edge.node.action);
  };

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
    [asAcmeAdmin, asAcmeMember, asNorthwindAdmin, asBluepeakAdmin, asBluepeakConsultant] = await sequentially([
      () => login(acmeAdmin.email),
      () => login('member@acme-robotics.test'),
      () => login('admin@northwind-advisory.test'),
      () => login('admin@bluepeak-consulting.test'),
      () => login('consultant@bluepeak-consulting.test'),
    ]);
  });
  afterAll(() => graph?.stop());

  it('agrees with permissions on the seeded grants', async () => {
    const result = await asAcmeAdmin<{
      client: { partnerAccess: { grants: Array<{ partnerId: string; level: string; status: string }> } };
    }>(ACCESS, { id: acme.id });
    expect(result.errors).toBeUndefined();
    expect(result.data!.client.partnerAccess.grants).toEqual([
      {
        partnerId: northwind.id,
        partnerName: northwind.name,
        level: 'FULL',
        products: [],
        includeWallet: false,
        status: 'ACTIVE',
      },
    ]);
    const seeded = await graph.subgraphs.permissions.database.dataSource
      .getRepository(PermissionsGrant)
      .findBy({ clientId: acme.id });
    expect(seeded.map((row) => [row.partnerId, row.level, row.status])).toEqual([[northwind.id, 'FULL', 'ACTIVE']]);
  });

  it('lets only the legal representative invite, with partner-access.manage, as the client itself', async () => {
    const access = { level: 'FULL' };
    expect(['FORBIDDEN', 'UNAUTHORIZED_FIELD_OR_TYPE']).toContain(
      code(await asAcmeMember(INVITE, { c: acme.id, p: bluepeak.id, access })),
    );
    // Northwind holds partner-access.manage in Acme through its FULL grant, but acts for itself, not for Acme.
    expect(code(await asNorthwindAdmin(INVITE, { c: acme.id, p: bluepeak.id, access }))).toBe('FORBIDDEN');
    // With someone else named legal representative, the admin may not invite.
    const PROFILE = `mutation($c: ID!, $rep: ID) { updateCompanyProfile(clientId: $c, input: { legalRepresentativeId: $rep }) { companyProfile { legalRepresentative { id } } } }`;
    expect(
      (await asAcmeAdmin(PROFILE, { c: acme.id, rep: user('manager@acme-robotics.test').id })).errors,
    ).toBeUndefined();
    const refused = await asAcmeAdmin(INVITE, { c: acme.id, p: bluepeak.id, access });
    expect(code(refused)).toBe('FORBIDDEN');
    expect(refused.errors![0].message).toMatch(/legal representative/);
    expect((await asAcmeAdmin(PROFILE, { c: acme.id, rep: acmeAdmin.id })).errors).toBeUndefined();
    expect(
      code(await asAcmeAdmin(INVITE, { c: acme.id, p: bluepeak.id, access: { level: 'LIMITED', products: [] } })),
    ).toBe('BAD_USER_INPUT');
    expect(code(await asAcmeAdmin(INVITE, { c: acme.id, p: randomUUID(), access }))).toBe('NOT_FOUND');
    expect(await outbox('PartnerInvitationSent')).toEqual([]);
  });

  it('invite -> accept -> the partner acts in the client on its next request -> cancel -> gone on the next request', async () => {
    expect(code(await asBluepeakAdmin(ACME, { id: acme.id }))).toBe('FORBIDDEN');
    const invited = await asAcmeAdmin<{
      invitePartner: { id: string; status: string; expiresAt: string; clientName: string };
    }>(INVITE, { c: acme.id, p: bluepeak.id, access: { level: 'FULL', includeWallet: false } });
    expect(invited.errors).toBeUndefined();
    const invitation = invited.data!.invitePartner;
    expect(invitation).toMatchObject({ status: 'PENDING', clientName: acme.name });
    expect(new Date(invitation.expiresAt).getTime() - Date.now()).toBeGreaterThan(13.9 * 86_400_000);
    expect(await outbox('PartnerInvitationSent')).toEqual([
      {
        invitationId: invitation.id,
        clientId: acme.id,
        clientName: acme.name,
        partnerId: bluepeak.id,
        level: 'FULL',
        expiresAt: invitation.expiresAt,
      },
    ]);
    expect(code(await asAcmeAdmin(INVITE, { c: acme.id, p: bluepeak.id, access: { level: 'FULL' } }))).toBe('CONFLICT');

    // The partner finds it; neither another partner nor a partner user without partner-access.manage may answer.
    const listed = await asBluepeakAdmin<{
      partner: { partnerInvitations: Array<{ id: string; clientName: string; client: unknown }> };
    }>(`query($id: ID!) { partner(id: $id) { partnerInvitations { id clientName client { id } } } }`, {
      id: bluepeak.id,
    });
    expect(listed.data!.partner.partnerInvitations).toEqual([
      { id: invitation.id, clientName: acme.name, client: null },
    ]);
    expect(code(await asNorthwindAdmin(RESPOND, { id: invitation.id, accept: true }))).toBe('NOT_FOUND');
    expect(['FORBIDDEN', 'UNAUTHORIZED_FIELD_OR_TYPE']).toContain(
      code(await asBluepeakConsultant(RESPOND, { id: invitation.id, accept: true })),
    );
    expect(code(await asAcmeAdmin(RESPOND, { id: invitation.id, accept: true }))).toBe('FORBIDDEN');

    const accepted = await asBluepeakAdmin<{ respondToPartnerInvitation: { status: string } }>(RESPOND, {
      id: invitation.id,
      accept: true,
    });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.respondToPartnerInvitation.status).toBe('ACCEPTED');
    expect(code(await asBluepeakAdmin(RESPOND, { id: invitation.id, accept: true }))).toBe('CONFLICT');
    expect((await outbox('PartnerAccessChanged')).at(-1)).toEqual({
      clientId: acme.id,
      partnerId: bluepeak.id,
      level: 'FULL',
      products: [],
      includeWallet: false,
      status: 'ACTIVE',
    });
    // No drainEvents here: the grant must already hold on the partner's next request.

    const inside = await asBluepeakAdmin<{ client: { name: string } }>(ACME, { id: acme.id });
    expect(inside.errors).toBeUndefined();
    expect(inside.data!.client.name).toBe(acme.name);
    // Each side sees the partnership; the partner only its own part of it.
    const clientView = await asAcmeAdmin<{ client: { partnerAccess: { grants: Array<{ partnerId: string }> } } }>(
      ACCESS,
      { id: acme.id },
    );
    expect(clientView.data!.client.partnerAccess.grants.map((grant) => grant.partnerId).sort()).toEqual(
      [northwind.id, bluepeak.id].sort(),
    );
    const partnerView = await asBluepeakAdmin<{
      client: {
        partnerAccess: { grants: Array<{ partnerId: string }>; invitations: Array<{ id: string; status: string }> };
      };
    }>(ACCESS, { id: acme.id });
    expect(partnerView.data!.client.partnerAccess.grants.map((grant) => grant.partnerId)).toEqual([bluepeak.id]);
    expect(partnerView.data!.client.partnerAccess.invitations).toEqual([
      { id: invitation.id, status: 'ACCEPTED', partnerId: bluepeak.id },
    ]);

    // Cancelled by the partner itself, effective on its next request.
    const cancelled = await asBluepeakAdmin<{ cancelPartnership: { status: string; cancelledBy: string } }>(CANCEL, {
      c: acme.id,
      p: bluepeak.id,
    });
    expect(cancelled.errors).toBeUndefined();
    expect(cancelled.data!.cancelPartnership).toMatchObject({
      status: 'CANCELLED',
      cancelledBy: user('admin@bluepeak-consulting.test').id,
    });
    expect((await outbox('PartnerAccessChanged')).at(-1)).toMatchObject({
      clientId: acme.id,
      partnerId: bluepeak.id,
      status: 'CANCELLED',
    });
    expect(code(await asBluepeakAdmin(ACME, { id: acme.id }))).toBe('FORBIDDEN');
    expect(code(await asBluepeakAdmin(CANCEL, { c: acme.id, p: bluepeak.id }))).toBe('NOT_FOUND');
  });

  it('gives LIMITED access only to the chosen products, and lets the client cancel', async () => {
    const invited = await asAcmeAdmin<{ invitePartner: { id: string; products: string[] } }>(INVITE, {
      c: acme.id,
      p: bluepeak.id,
      access: { level: 'LIMITED', products: ['PEOPLE', 'PEOPLE'] },
    });
    expect(invited.data!.invitePartner.products).toEqual(['PEOPLE']);
    expect(
      (await asBluepeakAdmin(RESPOND, { id: invited.data!.invitePartner.id, accept: true })).errors,
    ).toBeUndefined();
    await graph.drainEvents();
    const permissions = await asBluepeakAdmin<{ me: { effectivePermissions: Array<{ key: string }> } }>(
      `{ me { effectivePermissions(organizationId: "${acme.id}") { key } } }`,
    );
    const keys = permissions.data!.me.effectivePermissions.map((permission) => permission.key);
    expect(keys).toContain('users.read');
    // Any active grant shows the partner the client it manages; nothing client-level, nothing of other products.
    expect(keys).toContain('clients.read');
    expect(keys).not.toContain('clients.update');
    expect(keys).not.toContain('projects.read');
    expect(
      code(await asBluepeakAdmin(`query($id: ID!) { client(id: $id) { name } }`, { id: acme.id })),
    ).toBeUndefined();
    // The client ends it from its side.
    expect((await asAcmeAdmin(CANCEL, { c: acme.id, p: bluepeak.id })).errors).toBeUndefined();
    await graph.drainEvents();
    const after = await asBluepeakAdmin<{ me: { effectivePermissions: Array<{ key: string }> } }>(
      `{ me { effectivePermissions(organizationId: "${acme.id}") { key } } }`,
    );
    expect(after.data!.me.effectivePermissions).toEqual([]);
  });

  it('refuses an expired invitation; the client resends it with a new expiry or deletes it', async () => {
    const invited = await asAcmeAdmin<{ invitePartner: { id: string } }>(INVITE, {
      c: acme.id,
      p: bluepeak.id,
      access: { level: 'FULL', includeWallet: true },
    });
    const id = invited.data!.invitePartner.id;
    await graph.subgraphs.tenancy.database.dataSource
      .getRepository(PartnerInvitationEntity)
      .update({ id }, { expiresAt: new Date(Date.now() - 60_000) });
    const expired = await asBluepeakAdmin(RESPOND, { id, accept: true });
    expect(code(expired)).toBe('CONFLICT');
    expect(expired.errors![0].extensions!.reason).toBe('INVITATION_EXPIRED');
    const status = await asAcmeAdmin<{
      client: { partnerAccess: { invitations: Array<{ id: string; status: string }> } };
    }>(ACCESS, { id: acme.id });
    expect(status.data!.client.partnerAccess.invitations.find((row) => row.id === id)!.status).toBe('EXPIRED');

    expect(
      code(await asBluepeakAdmin(`mutation($id: ID!) { resendPartnerInvitation(invitationId: $id) { id } }`, { id })),
    ).toBe('FORBIDDEN');
    const resent = await asAcmeAdmin<{ resendPartnerInvitation: { status: string; expiresAt: string } }>(
      `mutation($id: ID!) { resendPartnerInvitation(invitationId: $id) { status expiresAt } }`,
      { id },
    );
    expect(resent.errors).toBeUndefined();
    expect(resent.data!.resendPartnerInvitation.status).toBe('PENDING');
    expect(new Date(resent.data!.resendPartnerInvitation.expiresAt).getTime()).toBeGreaterThan(
      Date.now() + 13 * 86_400_000,
    );
    expect((await outbox('PartnerInvitationSent')).filter((event) => event.invitationId === id)).toHaveLength(2);

    const deleted = await asAcmeAdmin<{ deletePartnerInvitation: boolean }>(
      `mutation($id: ID!) { deletePartnerInvitation(invitationId: $id) }`,
      { id },
    );
    expect(deleted.data!.deletePartnerInvitation).toBe(true);
    expect(code(await asBluepeakAdmin(RESPOND, { id, accept: true }))).toBe('CONFLICT');
    expect(code(await asAcmeAdmin(`mutation($id: ID!) { deletePartnerInvitation(invitationId: $id) }`, { id }))).toBe(
      'CONFLICT',
    );

    // A rejected invitation leaves no grant.
    const again = await asAcmeAdmin<{ invitePartner: { id: string } }>(INVITE, {
      c: acme.id,
      p: bluepeak.id,
      access: { level: 'FULL' },
    });
    expect(
      (
        await asBluepeakAdmin<{ respondToPartnerInvitation: { status: string } }>(RESPOND, {
          id: again.data!.invitePartner.id,
          accept: false,
        })
      ).data!.respondToPartnerInvitation.status,
    ).toBe('REJECTED');
    await graph.drainEvents();
    expect(code(await asBluepeakAdmin(ACME, { id: acme.id }))).toBe('FORBIDDEN');
  });

  it('widens an active grant only through a new invitation the partner accepts (here: the wallet)', async () => {
    const PERMS = `{ me { effectivePermissions(organizationId: "${acme.id}") { key } } }`;
    const keys = async () =>
      (
        await asNorthwindAdmin<{ me: { effectivePermissions: Array<{ key: string }> } }>(PERMS)
      ).data!.me.effectivePermissions.map((p) => p.key);
    expect(await keys()).not.toContain('billing.read');
    const invited = await asAcmeAdmin<{ invitePartner: { id: string } }>(INVITE, {
      c: acme.id,
      p: northwind.id,
      access: { level: 'FULL', includeWallet: true },
    });
    expect(invited.errors).toBeUndefined();
    await graph.drainEvents();
    // Pending: the active grant is unchanged.
    expect(await keys()).not.toContain('billing.read');
    expect(
      (await asNorthwindAdmin(RESPOND, { id: invited.data!.invitePartner.id, accept: true })).errors,
    ).toBeUndefined();
    await graph.drainEvents();
    expect(await keys()).toEqual(expect.arrayContaining(['billing.read', 'clients.read']));
    const grants = await asAcmeAdmin<{
      client: { partnerAccess: { grants: Array<{ partnerId: string; includeWallet: boolean; status: string }> } };
    }>(ACCESS, { id: acme.id });
    expect(grants.data!.client.partnerAccess.grants.find((grant) => grant.partnerId === northwind.id)).toMatchObject({
      includeWallet: true,
      status: 'ACTIVE',
    });
  });

  it('audits every step', async () => {
    await graph.drainEvents();
    const actions = await auditActions();
    for (const action of [
      'PARTNER_INVITED',
      'PARTNER_ACCESS_GRANTED',
      'PARTNERSHIP_CANCELLED',
      'PARTNER_INVITATION_RESENT',
      'PARTNER_INVITATION_DELETED',
      'PARTNER_INVITATION_REJECTED',
      'PARTNER_PERMISSIONS_GRANTED',
      'PARTNER_PERMISSIONS_REVOKED',
    ]) {
      expect([action, actions.includes(action)]).toEqual([action, true]);
    }
  });

  it('applies PartnerAccessChanged idempotently in permissions', async () => {
    const db = graph.subgraphs.permissions.database.dataSource;
    const clientId = dataset.clients.find((c) => c.name === 'Globex Foods')!.id;
    const event = (status: 'ACTIVE' | 'CANCELLED', occurredAt: string) => ({
      eventId: randomUUID(),
      topic: 'PartnerAccessChanged',
      payload: {
        clientId,
        partnerId: bluepeak.id,
        level: 'LIMITED',
        products: ['people'],
        includeWallet: false,
        status,
      },
      occurredAt,
      source: 'tenancy',
    });
    const first = event('ACTIVE', new Date().toISOString());
    expect(await applyEvent(db, partnerAccessHandlers, first, new Date())).toBe('applied');
    expect(await applyEvent(db, partnerAccessHandlers, first, new Date())).toBe('duplicate');
    // The same state under a new event id changes nothing; an older event arriving late is ignored.
    expect(await applyEvent(db, partnerAccessHandlers, event('ACTIVE', new Date().toISOString()), new Date())).toBe(
      'applied',
    );
    expect(
      await applyEvent(
        db,
        partnerAccessHandlers,
        event('CANCELLED', new Date(Date.now() - 3_600_000).toISOString()),
        new Date(),
      ),
    ).toBe('applied');
    const rows = await db.getRepository(PermissionsGrant).findBy({ clientId, partnerId: bluepeak.id });
    expect(rows.map((row) => [row.level, row.products, row.status])).toEqual([['LIMITED', ['people'], 'ACTIVE']]);
    const audits = (await db.getRepository(OutboxEvent).findBy({ topic: 'AccessChanged' })).filter(
      (row) => row.payload.includes(clientId) && row.payload.includes('PARTNER_PERMISSIONS'),
    );
    expect(audits).toHaveLength(1);
  });
});
