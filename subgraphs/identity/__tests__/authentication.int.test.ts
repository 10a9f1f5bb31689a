import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import { buildDataset, DEMO_SERVICE_SECRET } from '../../../graph/demo-data';
import { startTestGraph, type TestGraph } from '../../../graph/testing';

const LOGIN =
  'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken refreshToken user { email } } }';
const REFRESH = 'mutation($token: String!) { refreshSession(refreshToken: $token) { accessToken refreshToken } }';
const ME = '{ me { email } }';

describe('authentication through the gateway', () => {
  let graph: TestGraph;
  const dataset = buildDataset({ partners: 1, clientsPerPartner: 2 });
  const member = dataset.users.find((user) => user.email === 'member@acme-robotics.test')!;

  beforeAll(async () => {
    graph = await startTestGraph();
    await graph.seed(dataset);
    await graph.drainEvents();
  });
  afterAll(() => graph?.stop());

  const sign = (
    key: KeyObject,
    claims: Record<string, unknown>,
    options: { issuer?: string; audience?: string; expiresIn?: number; alg?: string } = {},
  ) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ typ: 'user', sid: 'x', ...claims })
      .setProtectedHeader({ alg: options.alg ?? 'EdDSA' })
      .setSubject(member.id)
      .setIssuer(options.issuer ?? 'tenantry-identity')
      .setAudience(options.audience ?? 'tenantry')
      .setIssuedAt(now - 120)
      .setExpirationTime(now + (options.expiresIn ?? 300))
      .sign(key);
  };

  it('signs in with the right password and answers me', async () => {
    const token = await graph.login(member.email);
    const result = await graph.as(token)(ME);
    expect(result.data).toEqual({ me: { email: member.email } });
  });

  it('refuses a wrong password and an unknown email alike', async () => {
    const wrong = await graph.query(LOGIN, { email: member.email, password: 'not-the-password' });
    const unknown = await graph.query(LOGIN, { email: 'nobody@acme-robotics.test', password: 'whatever' });
    expect(wrong.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(unknown.errors?.[0]).toEqual(expect.objectContaining({ message: wrong.errors?.[0].message }));
  });

  it.each([
    ['forged (signed with another key)', () => sign(generateKeyPairSync('ed25519').privateKey, {})],
    ['expired', () => sign(graph.signingKey, {}, { expiresIn: -60 })],
    ['from another issuer', () => sign(graph.signingKey, {}, { issuer: 'someone-else' })],
    ['for another audience', () => sign(graph.signingKey, {}, { audience: 'another-app' })],
    [
      'unsigned (alg none)',
      async () =>
        `${Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')}.${Buffer.from(JSON.stringify({ sub: member.id, typ: 'user', iss: 'tenantry-identity', aud: 'tenantry', exp: 9999999999 })).toString('base64url')}.`,
    ],
  ])('answers UNAUTHENTICATED to a token %s and asks no subgraph for data', async (_name, token) => {
    const before = graph.sqlCounts();
    const response = await fetch(graph.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await token()}` },
      body: JSON.stringify({ query: ME }),
    });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(graph.sqlCounts()).toEqual(before);
  });

  it('rotates refresh tokens and revokes the whole session when a used one is replayed', async () => {
    const first = await graph.query<{ login: { accessToken: string; refreshToken: string } }>(LOGIN, {
      email: member.email,
      password: 'Tenantry-demo-2026!',
    });
    const rotated = await graph.query<{ refreshSession: { accessToken: string; refreshToken: string } }>(REFRESH, {
      token: first.data!.login.refreshToken,
    });
    expect(rotated.errors).toBeUndefined();
    expect((await graph.as(rotated.data!.refreshSession.accessToken)(ME)).data).toEqual({
      me: { email: member.email },
    });

    const replay = await graph.query(REFRESH, { token: first.data!.login.refreshToken });
    expect(replay.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    // The thief's replay ended the session: the newest refresh token and the access token stop working too.
    const afterReplay = await graph.query(REFRESH, { token: rotated.data!.refreshSession.refreshToken });
    expect(afterReplay.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const access = await graph.as(rotated.data!.refreshSession.accessToken)(ME);
    expect(access.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('ends the session on logout', async () => {
    const token = await graph.login(member.email);
    expect((await graph.as(token)('mutation { logout }')).data).toEqual({ logout: true });
    expect((await graph.as(token)(ME)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('throttles failed sign-ins per account, counting every alias in one request', async () => {
    const email = 'manager@acme-robotics.test';
    const aliases = Array.from(
      { length: 6 },
      (_, i) => `a${i}: login(email: "${email}", password: "wrong-${i}") { accessToken }`,
    ).join('\n');
    const packed = await graph.query(`mutation { ${aliases} }`);
    const codes = (packed.errors ?? []).map((error) => error.extensions?.code);
    expect(codes.slice(0, 5)).toEqual(Array(5).fill('UNAUTHENTICATED'));
    expect(codes[5]).toBe('TOO_MANY_REQUESTS');
    // Now even the right password is refused until the window passes.
    const right = await graph.query(LOGIN, { email, password: 'Tenantry-demo-2026!' });
    expect(right.errors?.[0].extensions?.code).toBe('TOO_MANY_REQUESTS');
    // Other accounts are not affected by this account's lock.
    expect(
      (await graph.query(LOGIN, { email: 'admin@acme-robotics.test', password: 'Tenantry-demo-2026!' })).errors,
    ).toBeUndefined();
  });

  it('exchanges service-account credentials for a token that acts with its own user type', async () => {
    const issued = await graph.query<{ issueServiceToken: { accessToken: string } }>(
      'mutation($id: String!, $secret: String!) { issueServiceToken(clientId: $id, clientSecret: $secret) { accessToken } }',
      { id: 'svc_internal_tools_demo', secret: DEMO_SERVICE_SECRET },
    );
    expect(issued.errors).toBeUndefined();
    const service = graph.as(issued.data!.issueServiceToken.accessToken);
    const clients = await service<{ clients: { totalCount: number } }>('{ clients { totalCount } }');
    expect(clients.data?.clients.totalCount).toBe(2);
    const wrong = await graph.query(
      'mutation { issueServiceToken(clientId: "svc_internal_tools_demo", clientSecret: "nope") { accessToken } }',
    );
    expect(wrong.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('answers a malformed Authorization header with UNAUTHENTICATED', async () => {
    const response = await fetch(graph.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic abc' },
      body: JSON.stringify({ query: ME }),
    });
    expect(response.status).toBe(401);
  });

  // Last in this file: it leaves the test's own address throttled.
  it('throttles failed sign-ins per client address, across many accounts', async () => {
    let throttledAt = 0;
    for (let attempt = 1; attempt <= 21 && !throttledAt; attempt += 1) {
      const result = await graph.query(LOGIN, {
        email: `sprayed-${attempt}@acme-robotics.test`,
        password: 'guess-1234567',
      });
      if (result.errors?.[0].extensions?.code === 'TOO_MANY_REQUESTS') throttledAt = attempt;
      else expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
    // Every account was tried once, so only the address limit (20 failures) can have stopped it.
    expect(throttledAt).toBeGreaterThan(0);
    const fromSameAddress = await graph.query(LOGIN, {
      email: 'admin@globex-foods.test',
      password: 'Tenantry-demo-2026!',
    });
    expect(fromSameAddress.errors?.[0].extensions?.code).toBe('TOO_MANY_REQUESTS');
  });
});
