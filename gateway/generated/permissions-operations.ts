/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Ranked tiers, highest first: holding a role implies every lower one. */
export type Role =
  'CLIENT_ADMIN' | 'EXTERNAL' | 'MANAGER' | 'MEMBER' | 'PARTICIPANT' | 'PARTNER_ADMIN' | 'PLATFORM_OPERATOR';

export type PrincipalGrantsQueryVariables = Exact<{
  subjectId: string | number;
}>;

export type PrincipalGrantsQuery = {
  _principalGrants: {
    homeOrganizationId: string | null;
    userType: string | null;
    homePermissions: Array<string>;
    roles: Array<{ role: Role; organizationId: string; accountIds: Array<string> }>;
    permissions: Array<{ organizationId: string; keys: Array<string> }>;
  };
};

export const PrincipalGrantsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'PrincipalGrants' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'subjectId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: '_principalGrants' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'subjectId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'subjectId' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'homeOrganizationId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'userType' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'roles' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'organizationId' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'accountIds' } },
                    ],
                  },
                },
                { kind: 'Field', name: { kind: 'Name', value: 'homePermissions' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'permissions' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'organizationId' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'keys' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PrincipalGrantsQuery, PrincipalGrantsQueryVariables>;
