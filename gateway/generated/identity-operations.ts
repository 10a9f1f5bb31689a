/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** How much of the system an external contact may use. */
export type ExternalAccessLevel =
  /** The full application, within the organisation's default user type (needs external-access.grant to give). */
  | 'ADVANCED'
  /** The client portal: only what is shared with them. */
  | 'BASIC';

export type PrincipalKind = 'SERVICE' | 'USER';

export type UserKind =
  | 'EMPLOYEE'
  /** An external contact of the organisation. */
  | 'EXTERNAL'
  /** A candidate taking assessments in a project. */
  | 'PARTICIPANT';

export type PrincipalStatusQueryVariables = Exact<{
  subjectId: string | number;
  kind: PrincipalKind;
  sessionId?: string | number | null | undefined;
}>;

export type PrincipalStatusQuery = {
  _principalStatus: {
    active: boolean;
    organizationId: string | null;
    userKind: UserKind | null;
    accessLevel: ExternalAccessLevel | null;
    boundToPartnerId: string | null;
  };
};

export const PrincipalStatusDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'PrincipalStatus' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'subjectId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'kind' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'PrincipalKind' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'sessionId' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: '_principalStatus' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'subjectId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'subjectId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'kind' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'kind' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'sessionId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'sessionId' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'active' } },
                { kind: 'Field', name: { kind: 'Name', value: 'organizationId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'userKind' } },
                { kind: 'Field', name: { kind: 'Name', value: 'accessLevel' } },
                { kind: 'Field', name: { kind: 'Name', value: 'boundToPartnerId' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PrincipalStatusQuery, PrincipalStatusQueryVariables>;
