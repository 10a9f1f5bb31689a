import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { execute, parse, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { enforceAuthzDirectives } from '../directive-enforcement';
import { ANONYMOUS, type Principal } from '../principal';
import { loadSubgraphSchema } from '../../subgraph/schema';

const SCHEMA = `extend schema
  @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@composeDirective"])
  @link(url: "https://tenantry.dev/authz/v1.0", import: ["@requiresAuth", "@requiresRole", "@requiresUserType", "@requiresPermission"])
  @composeDirective(name: "@requiresAuth")
  @composeDirective(name: "@requiresRole")
  @composeDirective(name: "@requiresUserType")
  @composeDirective(name: "@requiresPermission")

type Query {
  ping: String
  me: User @requiresAuth
  reports: [String!]! @requiresPermission(permissions: [["reports:read"]])
  vault: Vault
}

type Mutation {
  archiveUser(id: ID!): Boolean @requiresUserType(types: ["employee"])
}

type User @key(fields: "id") {
  id: ID!
  name: String!
  email: String @requiresPermission(permissions: [["users:read", "users:read-email"], ["users:admin"]])
  salary: Int @requiresRole(roles: [MANAGER])
  lastAudit: AuditEntry
}

"Only partner admins and above see audit entries, however they are reached."
type AuditEntry @key(fields: "id") @requiresRole(roles: [PARTNER_ADMIN]) {
  id: ID!
  action: String!
}

"An entity without a reference resolver of its own."
type Badge @key(fields: "id") @requiresAuth {
  id: ID!
}

interface Restricted @requiresAuth {
  code: String
}

type Vault implements Restricted {
  code: String
}

extend type Vault @requiresUserType(types: ["employee", "contractor"])
`;

const member = (permissions: string[] = []): Principal => ({
  kind: 'user',
  userId: 'u1',
  organizationId: 'org-a',
  roles: [{ role: 'MEMBER', organizationId: 'org-a', accountIds: [] }],
  userKind: 'EMPLOYEE',
  accessLevel: null,
  userType: 'contractor',
  homePermissions: permissions,
  permissions: { 'org-a': permissions },
  sessionId: null,
});
const partnerAdmin: Principal = {
  kind: 'user',
  userId: 'u2',
  organizationId: 'p1',
  roles: [{ role: 'PARTNER_ADMIN', organizationId: 'p1', accountIds: [] }],
  userKind: 'EMPLOYEE',
  accessLevel: null,
  userType: 'employee',
  homePermissions: ['reports:read'],
  permissions: { p1: ['reports:read'] },
  sessionId: null,
};
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

const auditReferencesResolved: string[] = [];
let archived = 0;

function buildSchema(sdl: string): GraphQLSchema {
  return enforceAuthzDirectives(
    buildSubgraphSchema([
      {
        typeDefs: parse(sdl),
        resolvers: {
          Query: {
            ping: () => 'pong',
            me: () => ({ id: 'u1', name: 'Ana', email: 'ana@example.test', salary: 100 }),
            reports: () => ['q1'],
            vault: () => ({ code: '1234' }),
          },
          Mutation: {
            archiveUser: () => {
              archived += 1;
              return true;
            },
          },
          User: {
            lastAudit: () => ({ id: 'a1', action: 'login' }),
            __resolveReference: (reference: { id: string }) => ({ id: reference.id, name: `User ${reference.id}` }),
          },
          AuditEntry: {
            __resolveReference: (reference: { id: string }) => {
              auditReferencesResolved.push(reference.id);
              return { id: reference.id, action: 'login' };
            },
          },
        },
      },
    ]),
  );
}

// The same way the services load their SDL: own schema.graphql plus the shared directive file.
const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'directive-enforcement-'));
fs.writeFileSync(path.join(directory, 'schema.graphql'), SCHEMA);
const schema = buildSchema(loadSubgraphSchema(directory));
afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

async function run(
  query: string,
  principal: Principal | undefined,
  variableValues?: Record<string, unknown>,
): Promise<ExecutionResult> {
  return await execute({
    schema,
    document: parse(query),
    contextValue: principal ? { principal } : {},
    variableValues,
  });
}

const codes = (result: ExecutionResult) =>
  (result.errors ?? []).map((error) => [error.path?.join('.'), error.extensions.code]);

describe('enforceAuthzDirectives', () => {
  it('leaves fields without directives alone, for anyone', async () => {
    expect(await run('{ ping }', ANONYMOUS)).toEqual({ data: { ping: 'pong' } });
  });

  it('refuses a field-level @requiresAuth to an anonymous caller and to a context without a principal', async () => {
    for (const principal of [ANONYMOUS, undefined]) {
      const result = await run('{ me { id } }', principal);
      expect(result.data).toEqual({ me: null });
      expect(codes(result)).toEqual([['me', 'UNAUTHORIZED_FIELD_OR_TYPE']]);
      expect(result.errors?.[0]?.message).toBe('Unauthorized field or type');
    }
  });

  it('guards fields that have no resolver of their own and still reads their value when allowed', async () => {
    const denied = await run('{ me { name email } }', member(['users:read']));
    expect(denied.data).toEqual({ me: { name: 'Ana', email: null } });
    expect(codes(denied)).toEqual([['me.email', 'UNAUTHORIZED_FIELD_OR_TYPE']]);
    expect(await run('{ me { name email } }', member(['users:read', 'users:read-email']))).toEqual({
      data: { me: { name: 'Ana', email: 'ana@example.test' } },
    });
    expect(await run('{ me { email } }', operator)).toEqual({ data: { me: { email: 'ana@example.test' } } });
  });

  it('lets a higher role through @requiresRole and stops a lower one', async () => {
    expect(codes(await run('{ me { salary } }', member()))).toEqual([['me.salary', 'UNAUTHORIZED_FIELD_OR_TYPE']]);
    expect(await run('{ me { salary } }', partnerAdmin)).toEqual({ data: { me: { salary: 100 } } });
  });

  it('refuses a non-null field by nulling its parent, as graphql-js does for any error', async () => {
    const result = await run('{ reports }', member());
    expect(result.data).toBeNull();
    expect(codes(result)).toEqual([['reports', 'UNAUTHORIZED_FIELD_OR_TYPE']]);
  });

  it('does not run a mutation the caller may not perform', async () => {
    const before = archived;
    const result = await run('mutation { archiveUser(id: "u9") }', member());
    expect(codes(result)).toEqual([['archiveUser', 'UNAUTHORIZED_FIELD_OR_TYPE']]);
    expect(archived).toBe(before);
    expect(await run('mutation { archiveUser(id: "u9") }', partnerAdmin)).toEqual({ data: { archiveUser: true } });
  });

  it('refuses a field returning a type guarded at type level, and that type is not reachable field by field', async () => {
    const result = await run('{ me { name lastAudit { id action } } }', member());
    expect(result.data).toEqual({ me: { name: 'Ana', lastAudit: null } });
    expect(codes(result)).toEqual([['me.lastAudit', 'UNAUTHORIZED_FIELD_OR_TYPE']]);
    expect(await run('{ me { lastAudit { action } } }', partnerAdmin)).toEqual({
      data: { me: { lastAudit: { action: 'login' } } },
    });
  });

  it('applies directives written on an interface and on a type extension to the implementing type', async () => {
    // Restricted (interface) asks for sign-in; the extension of Vault asks for a user type.
    expect(codes(await run('{ vault { code } }', ANONYMOUS))).toEqual([['vault', 'UNAUTHORIZED_FIELD_OR_TYPE']]);
    const noType: Principal = { ...operator, userType: null };
    expect(codes(await run('{ vault { code } }', noType))).toEqual([['vault', 'UNAUTHORIZED_FIELD_OR_TYPE']]);
    expect(await run('{ vault { code } }', member())).toEqual({ data: { vault: { code: '1234' } } });
  });

  describe('_entities', () => {
    const entities =
      'query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on AuditEntry { id action } ... on User { id name } ... on Badge { id } } }';

    it('refuses only the representations of an entity type the caller may not see, without resolving them', async () => {
      auditReferencesResolved.length = 0;
      const result = await run(entities, member(), {
        representations: [
          { __typename: 'AuditEntry', id: 'a1' },
          { __typename: 'User', id: 'u7' },
        ],
      });
      expect(result.data).toEqual({ _entities: [null, { id: 'u7', name: 'User u7' }] });
      expect(codes(result)).toEqual([['_entities.0', 'UNAUTHORIZED_FIELD_OR_TYPE']]);
      expect(auditReferencesResolved).toEqual([]);
    });

    it('resolves them for a caller who meets the type requirement', async () => {
      const result = await run(entities, partnerAdmin, { representations: [{ __typename: 'AuditEntry', id: 'a1' }] });
      expect(result).toEqual({ data: { _entities: [{ id: 'a1', action: 'login' }] } });
      expect(auditReferencesResolved).toContain('a1');
    });

    it('guards an entity type that has no reference resolver of its own', async () => {
      const denied = await run(entities, ANONYMOUS, { representations: [{ __typename: 'Badge', id: 'b1' }] });
      expect(denied.data).toEqual({ _entities: [null] });
      expect(codes(denied)).toEqual([['_entities.0', 'UNAUTHORIZED_FIELD_OR_TYPE']]);
      expect(await run(entities, member(), { representations: [{ __typename: 'Badge', id: 'b1' }] })).toEqual({
        data: { _entities: [{ id: 'b1' }] },
      });
    });

    it('keeps _service answering: composition tools read the SDL through it', async () => {
      const result = await run('{ _service { sdl } }', ANONYMOUS);
      expect(result.errors).toBeUndefined();
      expect(JSON.stringify(result.data)).toContain('requiresRole');
    });
  });
});
