import fs from 'node:fs';
import path from 'node:path';
import { ApolloServer, type ApolloServerOptionsWithGateway } from '@apollo/server';
import { composeServices } from '@apollo/composition';
import { ApolloGateway, LocalGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { buildSchema, parse, print, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { ANONYMOUS, type Principal } from '../../shared/auth/principal';
import {
  applyRemovedFields,
  authorizationPlugin,
  authorizeOperation,
  buildAuthorizationIndex,
  PLACEHOLDER_KEY,
  type AuthorizationIndex,
} from '../authorization';
import { DIRECTIVES_FILE } from '../../shared/subgraph/schema';
import type { GatewayContext } from '../context';

const DIRECTIVES = fs.readFileSync(DIRECTIVES_FILE, 'utf8');

// Stands in for both the supergraph (for the index) and the API schema: the walk needs no join__ directives.
const SDL = `${DIRECTIVES}
type Query {
  me: User
  users: UserConnection!
  teams: [[User!]!]!
  node(id: ID!): Node
  auditLog: [AuditEntry!]!
  report(organizationId: ID!): String @requiresPermission(permissions: [["reports:read"]])
  ping: String
}
type Mutation {
  archiveUser(id: ID!): Boolean @requiresAuth
}
interface Node { id: ID! }
type User implements Node {
  id: ID!
  name: String!
  "Either both read keys, or admin."
  email: String @requiresPermission(permissions: [["users:read", "users:read-email"], ["users:admin"]])
  salary: Int @requiresRole(roles: [MANAGER])
  badge: String @requiresUserType(types: ["employee"])
  lastAudit: AuditEntry
}
type Client implements Node { id: ID! name: String! }
type AuditEntry @requiresRole(roles: [PARTNER_ADMIN]) { id: ID! action: String! }
type UserConnection { edges: [UserEdge!]! }
type UserEdge { cursor: String! node: User! }
`;

const schema: GraphQLSchema = buildSchema(SDL);
const index: AuthorizationIndex = buildAuthorizationIndex(SDL);

const user = (overrides: Partial<Extract<Principal, { kind: 'user' }>> = {}): Principal => ({
  kind: 'user',
  userId: 'u1',
  organizationId: 'org-a',
  roles: [{ role: 'MEMBER', organizationId: 'org-a', accountIds: [] }],
  userKind: 'EMPLOYEE',
  accessLevel: null,
  userType: 'contractor',
  homePermissions: [],
  permissions: { 'org-a': [] },
  sessionId: null,
  ...overrides,
});
const operator: Principal = {
  kind: 'service',
  serviceAccountId: 'ops',
  organizationId: null,
  roles: [{ role: 'PLATFORM_OPERATOR', organizationId: 'platform', accountIds: [] }],
  userType: 'employee',
  homePermissions: [],
  boundToPartnerId: null,
  permissions: { '*': ['users:admin', 'reports:read'] },
};

function authorize(query: string, principal: Principal, operationName?: string) {
  const result = authorizeOperation(schema, index, { document: parse(query), operationName, principal });
  // Whatever was removed, the gateway must be able to plan what is left.
  expect(validate(schema, result.document)).toEqual([]);
  return { ...result, paths: result.removed.map((removal) => removal.path), text: print(result.document) };
}

describe('buildAuthorizationIndex', () => {
  it('records the directives of fields (interface fields included) and of types, and nothing else', () => {
    const sdl = `${DIRECTIVES}
      interface Secretive @requiresAuth { code: String @requiresRole(roles: [MANAGER]) }
      type Vault implements Secretive @key(fields: "id") { id: ID! code: String @requiresPermission(permissions: [["vault:open"]]) @deprecated }
      extend type Vault @requiresUserType(types: ["employee"])`;
    const built = buildAuthorizationIndex(sdl);
    expect(built.fields.get('Secretive.code')?.map((d) => d.name.value)).toEqual(['requiresRole']);
    expect(built.fields.get('Vault.code')?.map((d) => d.name.value)).toEqual(['requiresPermission']);
    expect(built.fields.has('Vault.id')).toBe(false);
    expect(built.types.get('Secretive')?.map((d) => d.name.value)).toEqual(['requiresAuth']);
    expect(built.types.get('Vault')?.map((d) => d.name.value)).toEqual(['requiresUserType']);
  });

  it('reads the directives @composeDirective carried into a composed supergraph', () => {
    const link = `extend schema
      @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@composeDirective"])
      @link(url: "https://tenantry.dev/authz/v1.0", import: ["@requiresAuth", "@requiresRole", "@requiresUserType", "@requiresPermission"])
      @composeDirective(name: "@requiresAuth") @composeDirective(name: "@requiresRole")
      @composeDirective(name: "@requiresUserType") @composeDirective(name: "@requiresPermission")
    `;
    const composed = composeServices([
      {
        name: 'a',
        url: 'http://a',
        typeDefs: parse(
          `${link} type Query { me: Person @requiresAuth } type Person @key(fields: "id") { id: ID! }\n${DIRECTIVES}`,
        ),
      },
      {
        name: 'b',
        url: 'http://b',
        typeDefs: parse(
          `${link} type Person @key(fields: "id") { id: ID! email: String @requiresPermission(permissions: [["people:read"]]) }\n${DIRECTIVES}`,
        ),
      },
    ]);
    if (composed.errors) throw new Error(composed.errors.map((error) => error.message).join('\n'));
    const built = buildAuthorizationIndex(composed.supergraphSdl);
    expect(built.fields.get('Query.me')?.map((d) => d.name.value)).toEqual(['requiresAuth']);
    expect(built.fields.get('Person.email')?.map((d) => d.name.value)).toEqual(['requiresPermission']);
  });

  it('finds no requirement in the checked-in supergraph that it cannot parse', () => {
    expect(() =>
      buildAuthorizationIndex(fs.readFileSync(path.join(__dirname, '..', 'supergraph.graphql'), 'utf8')),
    ).not.toThrow();
  });
});

describe('authorizeOperation', () => {
  it('removes a field guarded by @requiresPermission from a principal lacking it and keeps it for one holding it', () => {
    const query = '{ me { id email } }';
    expect(authorize(query, user()).paths).toEqual([['me', 'email']]);
    const holder = authorize(query, user({ homePermissions: ['users:admin'] }));
    expect(holder.removed).toEqual([]);
  });

  it('returns the very document it was given when nothing is removed', () => {
    const document = parse('{ me { id name } }');
    expect(authorizeOperation(schema, index, { document, operationName: undefined, principal: user() }).document).toBe(
      document,
    );
  });

  it('treats the outer permission list as OR and each inner list as AND', () => {
    const query = '{ me { email } }';
    expect(authorize(query, user({ homePermissions: ['users:read'] })).paths).toEqual([['me', 'email']]);
    expect(authorize(query, user({ homePermissions: ['users:read', 'users:read-email'] })).removed).toEqual([]);
    expect(authorize(query, user({ homePermissions: ['users:admin'] })).removed).toEqual([]);
  });

  it('lets a higher role through @requiresRole and stops a lower one', () => {
    const query = '{ me { salary } }';
    expect(authorize(query, user()).paths).toEqual([['me', 'salary']]);
    expect(
      authorize(query, user({ roles: [{ role: 'CLIENT_ADMIN', organizationId: 'org-a', accountIds: [] }] })).removed,
    ).toEqual([]);
    expect(authorize(query, operator).removed).toEqual([]);
  });

  it('checks @requiresUserType and @requiresAuth', () => {
    expect(authorize('{ me { badge } }', user()).paths).toEqual([['me', 'badge']]);
    expect(authorize('{ me { badge } }', user({ userType: 'employee' })).removed).toEqual([]);
    expect(authorize('mutation { archiveUser(id: "1") }', ANONYMOUS).paths).toEqual([['archiveUser']]);
    expect(authorize('mutation { archiveUser(id: "1") }', user()).removed).toEqual([]);
  });

  it('removes every field returning a type guarded at type level, wherever it is selected', () => {
    const result = authorize('{ auditLog { id } me { name lastAudit { action } } }', user());
    expect(result.paths).toEqual([['auditLog'], ['me', 'lastAudit']]);
    expect(result.text).not.toContain('action');
    const partnerAdmin = user({ roles: [{ role: 'PARTNER_ADMIN', organizationId: 'p1', accountIds: [] }] });
    expect(authorize('{ auditLog { id } me { lastAudit { action } } }', partnerAdmin).removed).toEqual([]);
  });

  it('writes "@" for every list level on the path', () => {
    expect(authorize('{ users { edges { cursor node { id email } } } }', user()).paths).toEqual([
      ['users', 'edges', '@', 'node', 'email'],
    ]);
    expect(authorize('{ teams { name salary } }', user()).paths).toEqual([['teams', '@', '@', 'salary']]);
  });

  it('uses aliases as response keys', () => {
    expect(authorize('{ viewer: me { contact: email name } }', user()).paths).toEqual([['viewer', 'contact']]);
  });

  it('removes fields inside inline and named fragments, with one path per place a fragment is spread', () => {
    const query = `
      query People { me { ...Private } users { edges { node { ...Private ... on User { salary } } } } }
      fragment Private on User { id email }
    `;
    const result = authorize(query, user());
    expect(result.paths).toEqual([
      ['me', 'email'],
      ['users', 'edges', '@', 'node', 'email'],
      ['users', 'edges', '@', 'node', 'salary'],
    ]);
    expect(result.text).toContain('fragment Private on User {\n  id\n}');
  });

  it('drops a fragment that loses every field and the spreads of it, and keeps the document valid with a placeholder', () => {
    const result = authorize(
      'query Q($org: ID!) { me { ...Secret } report(organizationId: $org) } fragment Secret on User { email salary }',
      user(),
    );
    expect(result.paths).toEqual([['report'], ['me', 'email'], ['me', 'salary']]);
    expect(result.text).not.toContain('fragment Secret');
    expect(result.text).toContain(`me {\n    ${PLACEHOLDER_KEY}: __typename\n  }`);
    // $org was only used by the removed field: an unused variable would fail validation.
    expect(result.text).not.toContain('$org');
  });

  it('keeps a selection set that lost everything valid at the root too', () => {
    const result = authorize('{ report(organizationId: "o") }', ANONYMOUS);
    expect(result.text).toBe(`{\n  ${PLACEHOLDER_KEY}: __typename\n}`);
  });

  it('never removes __typename or introspection fields', () => {
    const result = authorize('{ __typename __schema { queryType { name } } me { __typename email } }', ANONYMOUS);
    expect(result.paths).toEqual([['me', 'email']]);
    expect(result.text).toContain('__schema');
  });

  it('only rewrites the operation that was asked for', () => {
    const result = authorize('query A { me { email } } query B { ping }', user(), 'B');
    expect(result.removed).toEqual([]);
    const first = authorize('query A { me { email } } query B { ping }', user(), 'A');
    expect(first.text).not.toContain('query B');
  });

  it('judges a field selected on an interface by every implementation, and a fragment only by its own type', () => {
    // Client is restricted as a type: through Node, `id` may come from a Client, so it goes; through `... on User` it cannot.
    const restricted = `${SDL}\nextend type Client @requiresAuth`;
    const restrictedSchema = buildSchema(restricted);
    const restrictedIndex = buildAuthorizationIndex(restricted);
    const run = (query: string) =>
      authorizeOperation(restrictedSchema, restrictedIndex, {
        document: parse(query),
        operationName: undefined,
        principal: ANONYMOUS,
      }).removed;
    expect(run('{ node(id: "1") { id } }')).toEqual([{ path: ['node', 'id'] }]);
    expect(run('{ node(id: "1") { ... on User { id } } }')).toEqual([]);
    expect(run('{ node(id: "1") { ... on Client { id } } }')).toEqual([
      { path: ['node', 'id'], onlyForTypes: ['Client'] },
    ]);
  });

  it('marks removals under a narrowing fragment with the runtime types they apply to, and asks for __typename to tell them apart', () => {
    const result = authorize('{ node(id: "1") { id ... on User { email } ... on Client { name } } }', user());
    expect(result.removed).toEqual([{ path: ['node', 'email'], onlyForTypes: ['User'] }]);
    expect(result.text).toContain(`${PLACEHOLDER_KEY}: __typename`);
  });

  it('reports a field removed through several fragments at one path once', () => {
    const result = authorize(
      '{ node(id: "1") { ... on User { email } ...UserEmail } me { ...UserEmail email } } fragment UserEmail on User { email }',
      user(),
    );
    expect(result.removed).toEqual([{ path: ['node', 'email'], onlyForTypes: ['User'] }, { path: ['me', 'email'] }]);
  });

  it('refuses an operation that uses the placeholder alias itself', () => {
    expect(() =>
      authorizeOperation(schema, index, {
        document: parse(`{ me { ${PLACEHOLDER_KEY}: name } }`),
        operationName: undefined,
        principal: operator,
      }),
    ).toThrow(/reserved/);
  });
});

describe('applyRemovedFields', () => {
  it('puts null at every list element of a removed path, deletes placeholders and returns one error per removed field', () => {
    const data: Record<string, unknown> = {
      users: { edges: [{ node: { id: '1' } }, { node: { id: '2' } }, null] },
      me: { [PLACEHOLDER_KEY]: 'User' },
      [PLACEHOLDER_KEY]: 'Query',
    };
    const errors = applyRemovedFields(data, [
      { path: ['users', 'edges', '@', 'node', 'email'] },
      { path: ['me', 'salary'] },
      { path: ['report'] },
    ]);
    expect(data).toEqual({
      users: { edges: [{ node: { id: '1', email: null } }, { node: { id: '2', email: null } }, null] },
      me: { salary: null },
      report: null,
    });
    expect(errors).toEqual([
      {
        message: 'Unauthorized field or type',
        path: ['users', 'edges', '@', 'node', 'email'],
        extensions: { code: 'UNAUTHORIZED_FIELD_OR_TYPE' },
      },
      {
        message: 'Unauthorized field or type',
        path: ['me', 'salary'],
        extensions: { code: 'UNAUTHORIZED_FIELD_OR_TYPE' },
      },
      { message: 'Unauthorized field or type', path: ['report'], extensions: { code: 'UNAUTHORIZED_FIELD_OR_TYPE' } },
    ]);
  });

  it('leaves a null parent alone and nulls a type-conditioned field only on objects of that type', () => {
    const data: Record<string, unknown> = {
      me: null,
      nodes: [
        { id: '1', [PLACEHOLDER_KEY]: 'User' },
        { id: '2', name: 'Acme', [PLACEHOLDER_KEY]: 'Client' },
      ],
    };
    applyRemovedFields(data, [{ path: ['me', 'email'] }, { path: ['nodes', '@', 'email'], onlyForTypes: ['User'] }]);
    expect(data).toEqual({
      me: null,
      nodes: [
        { id: '1', email: null },
        { id: '2', name: 'Acme' },
      ],
    });
  });

  it('still reports the errors when there is no data', () => {
    expect(applyRemovedFields(null, [{ path: ['report'] }])).toHaveLength(1);
  });
});

describe('authorizationPlugin in front of @apollo/gateway', () => {
  // Two in-process subgraphs behind a real ApolloGateway: proves the rewrite reaches the query planner.
  const link = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@composeDirective"])
    @link(url: "https://tenantry.dev/authz/v1.0", import: ["@requiresAuth", "@requiresRole", "@requiresUserType", "@requiresPermission"])
    @composeDirective(name: "@requiresAuth") @composeDirective(name: "@requiresRole")
    @composeDirective(name: "@requiresUserType") @composeDirective(name: "@requiresPermission")
  `;
  const peopleSdl = `${link} type Query { people: [Person!]! } type Person @key(fields: "id") { id: ID! name: String! }\n${DIRECTIVES}`;
  const contactsSdl = `${link} type Person @key(fields: "id") { id: ID! email: String! @requiresPermission(permissions: [["people:read-email"]]) }\n${DIRECTIVES}`;
  const subgraphs: Record<string, GraphQLSchema> = {
    people: buildSubgraphSchema([
      {
        typeDefs: parse(peopleSdl),
        resolvers: {
          Query: {
            people: () => [
              { id: '1', name: 'Ana' },
              { id: '2', name: 'Bo' },
            ],
          },
        },
      },
    ]),
    contacts: buildSubgraphSchema([
      {
        typeDefs: parse(contactsSdl),
        resolvers: {
          Person: {
            __resolveReference: (reference: { id: string }) => ({
              id: reference.id,
              email: `${reference.id}@example.test`,
            }),
          },
        },
      },
    ]),
  };
  const composed = composeServices(
    Object.entries(subgraphs).map(([name]) => ({
      name,
      url: `http://${name}`,
      typeDefs: parse(name === 'people' ? peopleSdl : contactsSdl),
    })),
  );
  if (composed.errors) throw new Error(composed.errors.map((error) => error.message).join('\n'));
  const supergraphSdl = composed.supergraphSdl;

  const sentToSubgraphs: string[] = [];
  class RecordingDataSource extends LocalGraphQLDataSource<GatewayContext> {
    override process(
      options: GraphQLDataSourceProcessOptions<GatewayContext>,
    ): ReturnType<LocalGraphQLDataSource<GatewayContext>['process']> {
      sentToSubgraphs.push(options.request.query ?? '');
      return super.process(options);
    }
  }

  async function startGateway(rejectUnauthorized: boolean): Promise<ApolloServer<GatewayContext>> {
    const gateway = new ApolloGateway({
      supergraphSdl,
      buildService: ({ name }) => new RecordingDataSource(subgraphs[name]),
    });
    const server = new ApolloServer<GatewayContext>({
      gateway: gateway as unknown as ApolloServerOptionsWithGateway<GatewayContext>['gateway'],
      plugins: [authorizationPlugin({ index: buildAuthorizationIndex(supergraphSdl), rejectUnauthorized })],
    });
    await server.start();
    return server;
  }

  const reader: Principal = user({ homePermissions: ['people:read-email'] });
  const query: DocumentNode = parse('{ people { name email } }');

  async function run(server: ApolloServer<GatewayContext>, principal: Principal) {
    sentToSubgraphs.length = 0;
    const response = await server.executeOperation(
      { query: print(query) },
      { contextValue: { principal, requestId: 'test', clientAddress: null } },
    );
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return { result: response.body.singleResult, status: response.http.status, sent: [...sentToSubgraphs] };
  }

  let filtering: ApolloServer<GatewayContext>;
  let rejecting: ApolloServer<GatewayContext>;
  beforeAll(async () => {
    filtering = await startGateway(false);
    rejecting = await startGateway(true);
  });
  afterAll(async () => {
    await filtering.stop();
    await rejecting.stop();
  });

  it('plans without the removed field, answers null with an error for it, and asks no subgraph for it', async () => {
    const { result, sent } = await run(filtering, user());
    expect(result.data).toEqual({
      people: [
        { name: 'Ana', email: null },
        { name: 'Bo', email: null },
      ],
    });
    expect(result.errors).toEqual([
      {
        message: 'Unauthorized field or type',
        path: ['people', '@', 'email'],
        extensions: { code: 'UNAUTHORIZED_FIELD_OR_TYPE' },
      },
    ]);
    expect(sent).toHaveLength(1);
    expect(sent.join('\n')).not.toContain('email');
  });

  it('does not share a query plan between callers with different rights (either order)', async () => {
    const allowed = await run(filtering, reader);
    expect(allowed.result.data).toEqual({
      people: [
        { name: 'Ana', email: '1@example.test' },
        { name: 'Bo', email: '2@example.test' },
      ],
    });
    expect(allowed.sent.some((sent) => sent.includes('_entities'))).toBe(true);
    const denied = await run(filtering, user());
    expect(denied.sent.join('\n')).not.toContain('email');
    const allowedAgain = await run(filtering, reader);
    expect(allowedAgain.result.errors).toBeUndefined();
    expect(allowedAgain.result.data).toEqual(allowed.result.data);
  });

  it('rejects the whole operation when configured to, executing nothing', async () => {
    const { result, status, sent } = await run(rejecting, user());
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHORIZED_FIELD_OR_TYPE');
    expect(result.errors?.[0]?.extensions?.unauthorizedPaths).toEqual([['people', '@', 'email']]);
    expect(status).toBe(403);
    expect(sent).toEqual([]);
  });
});
