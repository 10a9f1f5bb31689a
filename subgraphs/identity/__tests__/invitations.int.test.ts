import { buildDataset, DEMO_PASSWORD } from '../../../graph/demo-data';
import { inTransaction } from '../../../shared/data/database';
import { publish } from '../../../shared/events/outbox';
import { startTestGraph, type TestGraph } from '../../../graph/testing';
import type { ReceivedMail } from '../../../shared/testing/mail';
import { predefinedUserTypeId } from '../../permissions/user-types';
import { InvitationEntity, UserEntity } from '../entities';

const INVITE = `mutation($org: ID!, $input: InviteUserInput!) { inviteUser(organizationId: $org, input: $input) { id email firstName lastName status kind accessLevel accountIds } }`;
const ACTIVATE =
  'mutation($token: String!, $password: String) { activateAccount(token: $token, password: $password) { id status } }';
const LOGIN =
  'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }';
const SIGN_UP = 'mutation($input: SignUpInput!) { signUp(input: $input) { email activationRequired } }';
const PASSWORD = 'Correct-horse-42';

/** Invitations, activation links and self-enrollment, as a client admin and as the invited person would use them. */
describe('invitations and sign-up through the gateway', () => {
  let graph: TestGraph;
  const dataset = buildDataset({ partners: 1, clientsPerPartner: 2 });
  const acme = dataset.clients.find((c) => c.name === 'Acme Robotics')!;
  const globex = dataset.clients.find((c) => c.name === 'Globex Foods')!;
  let asAdmin: TestGraph['query'];
  let asMember: TestGraph['query'];

  beforeAll(async () => {
    graph = await startTestGraph();
    await graph.seed(dataset);
    await graph.drainEvents();
    asAdmin = graph.as(await graph.login('admin@acme-robotics.test'));
    asMember = graph.as(await graph.login('member@acme-robotics.test'));
  });
  afterAll(() => graph?.stop());

  const code = (result: { errors?: Array<{ extensions?: { code?: string } }> }) => result.errors?.[0]?.extensions?.code;
  const reason = (result: { errors?: Array<{ extensions?: Record<string, unknown> }> }) =>
    result.errors?.[0]?.extensions?.reason;
  const tokenIn = (mail: ReceivedMail): string => {
    const match = /\/activate\?token=([A-Za-z0-9_-]+)/.exec(mail.text);
    if (!match) throw new Error(`no activation link in: ${mail.text}`);
    return match[1];
  };
  const mailsTo = (email: string) => graph.mail.messages.filter((mail) => mail.to.includes(email));
  /** Waits for the n-th message (1-based) to an address. */
  const nthMailTo = async (email: string, n: number): Promise<ReceivedMail> => {
    await graph.mail.waitFor(() => mailsTo(email).length >= n);
    return mailsTo(email)[n - 1];
  };
  const invite = (input: Record<string, unknown>, as = asAdmin) =>
    as<{
      inviteUser: {
        id: string;
        status: string;
        firstName: string;
        lastName: string;
        accessLevel: string | null;
        accountIds: string[];
      };
    }>(INVITE, { org: acme.id, input: { kind: 'EMPLOYEE', firstName: 'Test', lastName: 'Person', ...input } });
  const userRow = (email: string) =>
    graph.subgraphs.identity.database.dataSource.getRepository(UserEntity).findOneBy({ email });
  const fromTenancy = async (work: Parameters<typeof inTransaction>[1]) => {
    await inTransaction(graph.subgraphs.tenancy.database.dataSource, work);
    await graph.drainEvents();
  };

  it('invites a user, emails a link that activates the account, and the user can sign in with the default type', async () => {
    const email = 'jana.round@acme-robotics.test';
    const invited = await invite({ email, firstName: 'Jana', lastName: 'Round', accountIds: [acme.accounts[1].id] });
    expect(invited.errors).toBeUndefined();
    expect(invited.data!.inviteUser).toEqual(
      expect.objectContaining({ status: 'INVITED', accessLevel: null, accountIds: [acme.accounts[1].id] }),
    );
    const row = await graph.subgraphs.identity.database.dataSource
      .getRepository(InvitationEntity)
      .findOneByOrFail({ userId: invited.data!.inviteUser.id });
    const mail = await nthMailTo(email, 1);
    expect(mail.subject).toBe('You are invited to Tenantry');
    const token = tokenIn(mail);
    // Only a hash of the token is stored, and the link expires after 7 days.
    expect(row.tokenHash).not.toContain(token);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(7 * 86_400_000);
    expect((await graph.query(LOGIN, { email, password: PASSWORD })).errors?.[0].extensions?.code).toBe(
      'UNAUTHENTICATED',
    );

    const activated = await graph.query(ACTIVATE, { token, password: PASSWORD });
    expect(activated.errors).toBeUndefined();
    expect(activated.data).toEqual({ activateAccount: { id: invited.data!.inviteUser.id, status: 'ACTIVE' } });
    await graph.drainEvents();
    const me = await graph.as(await graph.login(email, PASSWORD))<{
      me: { status: string; userType: { name: string }; roles: Array<{ role: string; accountIds: string[] }> };
    }>('{ me { status userType { name } roles { role accountIds } } }');
    expect(me.errors).toBeUndefined();
    expect(me.data!.me).toEqual({
      status: 'ACTIVE',
      userType: { name: 'Standard' },
      roles: [{ role: 'MEMBER', accountIds: [acme.accounts[1].id] }],
    });

    // The same link a second time.
    const reused = await graph.query(ACTIVATE, { token, password: 'Another-pass-99' });
    expect(code(reused)).toBe('BAD_USER_INPUT');
    expect(reason(reused)).toBe('ACTIVATION_LINK_USED');
  });

  it('enforces the password policy when activating', async () => {
    const email = 'policy.check@acme-robotics.test';
    await invite({ email });
    const token = tokenIn(await nthMailTo(email, 1));
    for (const password of ['Short-1', 'alllowercaseletters', 'xxpolicy.check-2026X']) {
      const result = await graph.query(ACTIVATE, { token, password });
      expect(code(result)).toBe('BAD_USER_INPUT');
    }
    expect((await userRow(email))!.status).toBe('INVITED');
    expect((await graph.query(ACTIVATE, { token, password: PASSWORD })).errors).toBeUndefined();
  });

  it('refuses an expired link with a clear error, and requestNewActivationLink sends a working one', async () => {
    const email = 'late.comer@acme-robotics.test';
    const invited = await invite({ email });
    const token = tokenIn(await nthMailTo(email, 1));
    await graph.subgraphs.identity.database.dataSource
      .getRepository(InvitationEntity)
      .update(
        { userId: invited.data!.inviteUser.id },
        { expiresAt: new Date(Date.now() - 1000), createdAt: new Date(Date.now() - 8 * 86_400_000) },
      );
    const expired = await graph.query<never>(ACTIVATE, { token, password: PASSWORD });
    expect(code(expired)).toBe('BAD_USER_INPUT');
    expect(reason(expired)).toBe('ACTIVATION_LINK_EXPIRED');
    expect(expired.errors![0].message).toMatch(/expired.*new one/);

    // Unknown and known emails get the same answer.
    expect(
      (await graph.query('mutation { requestNewActivationLink(email: "nobody@acme-robotics.test") }')).data,
    ).toEqual({ requestNewActivationLink: true });
    expect((await graph.query(`mutation { requestNewActivationLink(email: "${email}") }`)).data).toEqual({
      requestNewActivationLink: true,
    });
    const fresh = tokenIn(await nthMailTo(email, 2));
    expect((await graph.query(ACTIVATE, { token: fresh, password: PASSWORD })).errors).toBeUndefined();
    expect(mailsTo('nobody@acme-robotics.test')).toHaveLength(0);
  });

  it('resend invalidates the old link; revoke ends the invitation', async () => {
    const email = 'twice.sent@acme-robotics.test';
    const invited = await invite({ email });
    const id = invited.data!.inviteUser.id;
    const first = tokenIn(await nthMailTo(email, 1));
    expect((await asAdmin(`mutation { resendInvitation(userId: "${id}") { status } }`)).errors).toBeUndefined();
    const second = tokenIn(await nthMailTo(email, 2));
    expect(second).not.toBe(first);
    expect(reason(await graph.query(ACTIVATE, { token: first, password: PASSWORD }))).toBe('INVALID_ACTIVATION_LINK');

    const revoked = await asAdmin<{ revokeInvitation: { status: string } }>(
      `mutation { revokeInvitation(userId: "${id}") { status } }`,
    );
    expect(revoked.data).toEqual({ revokeInvitation: { status: 'DEACTIVATED' } });
    expect(reason(await graph.query(ACTIVATE, { token: second, password: PASSWORD }))).toBe('INVALID_ACTIVATION_LINK');
    expect(code(await asAdmin(`mutation { resendInvitation(userId: "${id}") { status } }`))).toBe('CONFLICT');
  });

  it('refuses invitations by a member without users.invite and into another client', async () => {
    expect(['FORBIDDEN', 'UNAUTHORIZED_FIELD_OR_TYPE']).toContain(
      code(await invite({ email: 'nope@acme-robotics.test' }, asMember)),
    );
    const other = await asAdmin(INVITE, {
      org: globex.id,
      input: { email: 'nope@globex-foods.test', firstName: 'No', lastName: 'Pe', kind: 'EMPLOYEE' },
    });
    // Another client is as unknown to this admin as a made-up id.
    expect(code(other)).toBe('NOT_FOUND');
    expect(await userRow('nope@acme-robotics.test')).toBeNull();
    expect(await userRow('nope@globex-foods.test')).toBeNull();
  });

  it('gives external contacts basic or advanced access', async () => {
    const basic = await invite({ email: 'basic.ext@contractors.test', kind: 'EXTERNAL' });
    const advanced = await invite({
      email: 'advanced.ext@contractors.test',
      kind: 'EXTERNAL',
      accessLevel: 'ADVANCED',
    });
    expect(basic.data!.inviteUser.accessLevel).toBe('BASIC');
    expect(advanced.data!.inviteUser.accessLevel).toBe('ADVANCED');
    expect(code(await invite({ email: 'wrong.level@acme-robotics.test', accessLevel: 'ADVANCED' }))).toBe(
      'BAD_USER_INPUT',
    );
    await graph.drainEvents();
    const types = await asAdmin<{
      a: { userType: { name: string }; roles: Array<{ role: string }> };
      b: { userType: { name: string } };
    }>(
      `{ a: user(id: "${basic.data!.inviteUser.id}") { userType { name } roles { role } } b: user(id: "${advanced.data!.inviteUser.id}") { userType { name } } }`,
    );
    expect(types.data).toEqual({
      a: { userType: { name: 'External Contact' }, roles: [{ role: 'EXTERNAL' }] },
      b: { userType: { name: 'Standard' } },
    });
  });

  it.each([
    ['an invalid email', { email: 'not-an-email' }],
    ['an overlong first name', { email: 'long.name@acme-robotics.test', firstName: 'x'.repeat(101) }],
    ['an empty last name', { email: 'empty.name@acme-robotics.test', lastName: '   ' }],
    ['a control character in a name', { email: 'ctl.name@acme-robotics.test', firstName: 'Bad\u0007Name' }],
    ['a newline in a name', { email: 'nl.name@acme-robotics.test', lastName: 'Two\nLines' }],
    ['an unknown account id', { email: 'acct@acme-robotics.test', accountIds: ['not-a-uuid'] }],
  ])('refuses %s with BAD_USER_INPUT and changes nothing', async (_name, input) => {
    const before = await graph.subgraphs.identity.database.dataSource.getRepository(UserEntity).count();
    const mails = graph.mail.messages.length;
    expect(code(await invite(input))).toBe('BAD_USER_INPUT');
    expect(await graph.subgraphs.identity.database.dataSource.getRepository(UserEntity).count()).toBe(before);
    expect(graph.mail.messages.length).toBe(mails);
  });

  it('keeps Unicode names exactly', async () => {
    const firstName = 'Zoë 🚀 Ångström';
    const lastName = 'Nguyễn-Łukasiewicz 李';
    const invited = await invite({ email: 'unicode.name@acme-robotics.test', firstName, lastName });
    expect(invited.errors).toBeUndefined();
    const read = await asAdmin<{ user: { firstName: string; lastName: string } }>(
      `{ user(id: "${invited.data!.inviteUser.id}") { firstName lastName } }`,
    );
    expect(read.data!.user).toEqual({ firstName, lastName });
    const mail = await nthMailTo('unicode.name@acme-robotics.test', 1);
    expect(mail.text).toContain(`Hello ${firstName},`);
  });

  it('lets people sign up only with an allowed corporate domain, with the default user type', async () => {
    const email = 'self.starter@acme-robotics.test';
    const result = await graph.query(SIGN_UP, {
      input: { email, password: PASSWORD, firstName: 'Self', lastName: 'Starter' },
    });
    expect(result.data).toEqual({ signUp: { email, activationRequired: true } });
    // Signing up again with the same email gives the same answer and does not create a second account.
    expect(
      (await graph.query(SIGN_UP, { input: { email, password: PASSWORD, firstName: 'Self', lastName: 'Starter' } }))
        .data,
    ).toEqual(result.data);
    const token = tokenIn(await nthMailTo(email, 1));
    expect((await graph.query(LOGIN, { email, password: PASSWORD })).errors?.[0].extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    expect((await graph.query(ACTIVATE, { token })).errors).toBeUndefined();
    await graph.drainEvents();
    const me = await graph.as(await graph.login(email, PASSWORD))<{ me: { userType: { id: string } } }>(
      '{ me { userType { id } } }',
    );
    expect(me.data!.me.userType.id).toBe(predefinedUserTypeId(acme.id, 'Standard'));

    expect(
      code(
        await graph.query(SIGN_UP, {
          input: { email: 'someone@elsewhere.test', password: PASSWORD, firstName: 'Some', lastName: 'One' },
        }),
      ),
    ).toBe('FORBIDDEN');
    // Globex has a corporate domain but does not allow self-enrollment ...
    const globexInput = { email: 'joiner@globex-foods.test', password: PASSWORD, firstName: 'Jo', lastName: 'Iner' };
    expect(code(await graph.query(SIGN_UP, { input: globexInput }))).toBe('FORBIDDEN');
    expect(await userRow(globexInput.email)).toBeNull();
    // ... until tenancy says it does.
    await fromTenancy((manager) =>
      publish(
        manager,
        'ClientProfileChanged',
        { clientId: globex.id, emailDomains: ['globex-foods.test', 'GLOBEX.example'], selfEnrollment: true },
        new Date(),
      ),
    );
    expect((await graph.query(SIGN_UP, { input: globexInput })).errors).toBeUndefined();
    expect(
      code(
        await graph.query(SIGN_UP, {
          input: { ...globexInput, email: 'weak@globex.example', password: 'weakpassword' },
        }),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      (await graph.query(SIGN_UP, { input: { ...globexInput, email: 'second@globex.example' } })).errors,
    ).toBeUndefined();
  });

  it("refuses a suspended client's users at sign-in and on their next request", async () => {
    const token = await graph.login('admin@globex-foods.test');
    expect((await graph.as(token)('{ me { email } }')).errors).toBeUndefined();
    await fromTenancy((manager) =>
      publish(
        manager,
        'ClientStatusChanged',
        { clientId: globex.id, status: 'SUSPENDED', changedBy: null, changedAt: new Date().toISOString() },
        new Date(),
      ),
    );
    expect(code(await graph.as(token)('{ me { email } }'))).toBe('UNAUTHENTICATED');
    const login = await graph.query(LOGIN, { email: 'admin@globex-foods.test', password: DEMO_PASSWORD });
    expect(code(login)).toBe('UNAUTHENTICATED');
    expect(login.errors![0].message).toMatch(/suspended/);
    await fromTenancy((manager) =>
      publish(
        manager,
        'ClientStatusChanged',
        { clientId: globex.id, status: 'ACTIVE', changedBy: null, changedAt: new Date().toISOString() },
        new Date(),
      ),
    );
    expect(
      (await graph.query(LOGIN, { email: 'admin@globex-foods.test', password: DEMO_PASSWORD })).errors,
    ).toBeUndefined();
  });

  it("emails a partner's users who may answer a partner invitation", async () => {
    const partner = dataset.partners[1];
    await fromTenancy((manager) =>
      publish(
        manager,
        'PartnerInvitationSent',
        {
          invitationId: '00000000-0000-4000-8000-000000000001',
          clientId: acme.id,
          clientName: acme.name,
          partnerId: partner.id,
          level: 'FULL',
          expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        },
        new Date(),
      ),
    );
    const mail = await graph.mail.waitFor((m) => m.subject.includes('invites your organisation'));
    expect(mail.to).toEqual(['admin@northwind-advisory.test']);
    expect(mailsTo('consultant@northwind-advisory.test')).toHaveLength(0);
  });
});
