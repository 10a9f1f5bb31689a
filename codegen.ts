/**
 * GraphQL Code Generator: `npm run codegen` writes each subgraph's resolver types from its schema,
 * and typed documents for the gateway's own queries to subgraphs;
 * `npm run codegen:check` (scripts/codegen-check.ts) fails when the committed files are stale. The files
 * under generated/ are written by this configuration only; never edit them by hand.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';
import path from 'node:path';
import { DIRECTIVES_FILE } from './shared/subgraph/schema';

const SUBGRAPHS = {
  identity: 'IdentityContext',
  tenancy: 'TenancyContext',
  permissions: 'PermissionsContext',
  compliance: 'ComplianceContext',
} as const;

/**
 * Per subgraph, the TypeScript type each GraphQL type's resolvers receive as parent, where it is not
 * the generated one (paths relative to generated/): entities for types backed by a table, small view
 * interfaces for the rest.
 */
const MAPPERS: { [name in keyof typeof SUBGRAPHS]?: Record<string, string> } = {
  identity: {
    User: '../entities#UserEntity',
    ServiceAccount: '../entities#ServiceAccountEntity',
    Client: '../context#OrganizationRef',
    Partner: '../context#OrganizationRef',
    ClientUsage: '../loaders#ClientUsageView',
  },
  compliance: {
    Client: '../../../shared/subgraph/context#Ref',
    User: '../../../shared/subgraph/context#Ref',
    RetentionPolicy: '../entities#RetentionPolicyEntity',
    ConsentRecord: '../entities#ConsentRecordEntity',
    DataSubjectRequest: '../entities#DataSubjectRequestEntity',
    AuditEntry: '../entities#AuditEntryEntity',
    PersonRetentionState: '../loaders#RetentionStateView',
  },
  tenancy: {
    Partner: '../entities#PartnerEntity',
    Client: '../entities#ClientEntity',
    Account: '../entities#AccountEntity',
    Project: '../entities#ProjectEntity',
    ProjectParticipant: '../entities#ProjectParticipantEntity',
    PartnerInvitation: '../entities#PartnerInvitationEntity',
    PartnerGrant: '../entities#PartnerGrantEntity',
    Integration: '../entities#ClientIntegrationEntity',
    CompanyProfile: '../loaders#CompanyProfileView',
    PartnerAccess: '../loaders#PartnerAccessView',
  },
};

/** The directive SDL, relative to the repository root, as the subgraphs' runtime appends it (shared/subgraph/schema.ts). */
const directives = path.relative(__dirname, DIRECTIVES_FILE);

/** The gateway's own queries to a subgraph (gateway/operations/<subgraph>.graphql), as typed documents. */
const GATEWAY_QUERIES = ['identity', 'permissions'] as const;

/** One file that codegen writes, with where its schema and documents come from. */
type Output = CodegenConfig['generates'][string];

const config: CodegenConfig = {
  overwrite: true,
  generates: Object.fromEntries([
    ...GATEWAY_QUERIES.map((name): [string, Output] => [
      `gateway/generated/${name}-operations.ts`,
      {
        schema: [`subgraphs/${name}/schema.graphql`, directives],
        documents: [`gateway/operations/${name}.graphql`],
        plugins: ['typescript-operations', 'typed-document-node'],
        config: { onlyOperationTypes: true, enumsAsTypes: true, useTypeImports: true },
      },
    ]),
    ...Object.entries(SUBGRAPHS).map(([name, context]): [string, Output] => [
      `subgraphs/${name}/generated/resolvers-types.ts`,
      {
        // The subgraph's SDL is its schema.graphql plus the shared authorization directives. The
        // federation directives (@link, @key, @shareable, ...) need no definitions here: codegen
        // reads the SDL without validating directive use, and `federation: true` adds
        // __resolveReference to every @key type.
        schema: [`subgraphs/${name}/schema.graphql`, directives],
        plugins: ['typescript', 'typescript-resolvers'],
        config: {
          federation: true,
          contextType: `../context#${context}`,
          useIndexSignature: true,
          enumsAsTypes: true,
          useTypeImports: true,
          scalars: { DateTime: 'Date | string' },
          mappers: MAPPERS[name as keyof typeof SUBGRAPHS] ?? {},
        },
      },
    ]),
  ]),
  hooks: { afterOneFileWrite: ['prettier --write'] },
};

export default config;
