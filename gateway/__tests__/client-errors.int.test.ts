import { buildDataset } from '../../graph/demo-data';
import { startTestGraph, type TestGraph } from '../../graph/testing';

interface Answer {
  status: number;
  body: { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> };
}

/**
 * What the gateway answers to malformed requests, over real HTTP: a 4xx status and a coded error,
 * never a 500; and, in production, no error that suggests names of the schema.
 */
describe('client mistakes', () => {
  let graph: TestGraph;
  let token: string;

  beforeAll(async () => {
    graph = await startTestGraph();
    await graph.seed(buildDataset({ partners: 1, clientsPerPartner: 1 }));
    token = await graph.login('operator@tenantry.test');
  });
  afterAll(() => graph?.stop());

  async function send(init: {
    method?: string;
    contentType?: string | null;
    body?: string;
    search?: string;
    headers?: Record<string, string>;
  }): Promise<Answer> {
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, ...init.headers };
    if (init.contentType !== null) headers['content-type'] = init.contentType ?? 'application/json';
    const response = await fetch(`${graph.gatewayUrl}${init.search ?? ''}`, {
      method: init.method ?? 'POST',
      headers,
      body: init.body,
    });
    const text = await response.text();
    return { status: response.status, body: JSON.parse(text) as Answer['body'] };
  }
  const post = (payload: unknown): Promise<Answer> => send({ body: JSON.stringify(payload) });

  function expectClientError(answer: Answer, status: number, code: string): void {
    expect({ status: answer.status, code: answer.body.errors?.[0]?.extensions?.code }).toEqual({ status, code });
    expect(answer.body.data ?? undefined).toBeUndefined();
  }

  it('answers several operations without operationName with 400', async () => {
    const answer = await post({ query: 'query A { me { id } } query B { me { email } }' });
    expectClientError(answer, 400, 'OPERATION_RESOLUTION_FAILURE');
    expect(answer.body.errors?.[0].message).toMatch(/operationName/);
  });

  it('answers an unknown operation name with 400', async () => {
    const answer = await post({ query: 'query A { me { id } }', operationName: 'B' });
    expectClientError(answer, 400, 'OPERATION_RESOLUTION_FAILURE');
    expect(answer.body.errors?.[0].message).toBe('Unknown operation named "B"');
  });

  it('runs the named one of several operations', async () => {
    const answer = await post({ query: 'query A { me { id } } query B { me { email } }', operationName: 'B' });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ data: { me: { email: 'operator@tenantry.test' } } });
  });

  it('answers a subscription over HTTP with 400', async () => {
    expectClientError(await post({ query: 'subscription { me { id } }' }), 400, 'BAD_REQUEST');
  });

  it.each([
    ['a JSON-encoded string', '{"id": "x"}'],
    ['an array', ['x']],
    ['a number', 5],
  ])('answers variables given as %s with 400', async (_name, variables) => {
    expectClientError(await post({ query: 'query($id: ID!) { user(id: $id) { id } }', variables }), 400, 'BAD_REQUEST');
  });

  it('answers a variable of the wrong type with 400 BAD_USER_INPUT', async () => {
    expectClientError(
      await post({ query: 'query($id: ID!) { user(id: $id) { id } }', variables: { id: { nested: true } } }),
      400,
      'BAD_USER_INPUT',
    );
  });

  it('answers a missing required variable with 400 BAD_USER_INPUT', async () => {
    expectClientError(await post({ query: 'query($id: ID!) { user(id: $id) { id } }' }), 400, 'BAD_USER_INPUT');
  });

  it('answers malformed variables in a GET request with 400', async () => {
    const search = `?query=${encodeURIComponent('query($id: ID!) { user(id: $id) { id } }')}&variables=${encodeURIComponent('{not json')}`;
    expectClientError(
      await send({ method: 'GET', contentType: null, search, headers: { 'apollo-require-preflight': 'true' } }),
      400,
      'BAD_REQUEST',
    );
  });

  it('answers a mutation sent with GET with 405 and runs nothing', async () => {
    const search = `?query=${encodeURIComponent('mutation { logout }')}`;
    expectClientError(
      await send({ method: 'GET', contentType: null, search, headers: { 'apollo-require-preflight': 'true' } }),
      405,
      'BAD_REQUEST',
    );
    // The session is still alive.
    expect((await post({ query: '{ me { id } }' })).status).toBe(200);
  });

  it.each([
    ['text/plain', 'text/plain'],
    ['application/xml', 'application/xml'],
    ['no content type', null],
  ])('answers a POST with %s with 400', async (_name, contentType) => {
    expectClientError(
      await send({ contentType, body: JSON.stringify({ query: '{ me { id } }' }) }),
      400,
      'BAD_REQUEST',
    );
  });

  it.each([
    ['an empty body', ''],
    ['an empty object', '{}'],
    ['malformed JSON', '{"query": '],
    ['a query that is not a string', '{"query": 5}'],
    ['a batch (an array)', '[{"query": "{ me { id } }"}]'],
  ])('answers %s with 400', async (_name, body) => {
    expectClientError(await send({ body }), 400, 'BAD_REQUEST');
  });

  it('answers a syntax error with 400 GRAPHQL_PARSE_FAILED', async () => {
    expectClientError(await post({ query: '{ me { id ' }), 400, 'GRAPHQL_PARSE_FAILED');
  });

  it('answers another HTTP method with 405', async () => {
    expectClientError(
      await send({ method: 'PUT', body: JSON.stringify({ query: '{ me { id } }' }) }),
      405,
      'BAD_REQUEST',
    );
  });

  it('suggests names outside production', async () => {
    const answer = await post({ query: '{ clints { totalCount } }' });
    expectClientError(answer, 400, 'GRAPHQL_VALIDATION_FAILED');
    expect(answer.body.errors?.[0].message).toContain('Did you mean "clients"');
  });
});

describe('client mistakes in production', () => {
  let graph: TestGraph;
  let query: ReturnType<TestGraph['as']>;
  const dataset = buildDataset({ partners: 1, clientsPerPartner: 1 });

  beforeAll(async () => {
    // What NODE_ENV=production gives (loadGatewayConfig): no introspection, no suggestions.
    graph = await startTestGraph({ gateway: { introspection: false, suggestions: false } });
    await graph.seed(dataset);
    query = graph.as(await graph.login('operator@tenantry.test'));
  });
  afterAll(() => graph?.stop());

  it.each([
    ['a misspelt field', '{ clints { totalCount } }', undefined, 'GRAPHQL_VALIDATION_FAILED', 'clients'],
    ['a misspelt argument', '{ clients(frist: 2) { totalCount } }', undefined, 'GRAPHQL_VALIDATION_FAILED', 'first'],
    ['a misspelt type', 'query($f: UserFiltr) { me { id } }', undefined, 'GRAPHQL_VALIDATION_FAILED', 'UserFilter'],
    [
      'a misspelt enum value',
      '{ users(clientId: "x", filter: { status: ACTIV }) { totalCount } }',
      undefined,
      'GRAPHQL_VALIDATION_FAILED',
      'ACTIVE',
    ],
    [
      'a misspelt input field',
      '{ users(clientId: "x", filter: { lastNam: "x" }) { totalCount } }',
      undefined,
      'GRAPHQL_VALIDATION_FAILED',
      'lastName',
    ],
    [
      'a misspelt enum value in a variable',
      'query($f: UserFilter) { users(clientId: "x", filter: $f) { totalCount } }',
      { f: { status: 'ACTIV' } },
      'BAD_USER_INPUT',
      'ACTIVE',
    ],
    [
      'a misspelt input field in a variable',
      'query($f: UserFilter) { users(clientId: "x", filter: $f) { totalCount } }',
      { f: { lastNam: 'x' } },
      'BAD_USER_INPUT',
      'lastName',
    ],
  ])('names nothing the caller did not write for %s', async (_name, text, variables, code, hidden) => {
    const answer = await query(text, variables);
    expect(answer.errors?.length).toBeGreaterThan(0);
    for (const error of answer.errors ?? []) {
      expect(error.extensions?.code).toBe(code);
      expect(error.message).not.toMatch(/did you mean/i);
    }
    expect(JSON.stringify(answer)).not.toContain(`\\"${hidden}\\"`);
  });

  it('refuses introspection', async () => {
    const answer = await query('{ __schema { queryType { name } } }');
    expect(answer.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(answer.data ?? undefined).toBeUndefined();
  });
});
