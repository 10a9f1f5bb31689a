import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Ref } from '../../../shared/subgraph/context';
import type {
  RetentionPolicyEntity,
  ConsentRecordEntity,
  DataSubjectRequestEntity,
  AuditEntryEntity,
} from '../entities';
import type { RetentionStateView } from '../loaders';
import type { ComplianceContext } from '../context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string };
  String: { input: string; output: string };
  Boolean: { input: boolean; output: boolean };
  Int: { input: number; output: number };
  Float: { input: number; output: number };
  /** An ISO-8601 date-time in UTC. */
  DateTime: { input: Date | string; output: Date | string };
  _FieldSet: { input: unknown; output: unknown };
};

/** One change of access: who, when, what, before and after. */
export type AuditEntry = {
  __typename?: 'AuditEntry';
  action: Scalars['String']['output'];
  /** User or service account id; system:<service> for automatic changes. */
  actorId?: Maybe<Scalars['String']['output']>;
  /** JSON of the state after the change. */
  after?: Maybe<Scalars['String']['output']>;
  /** JSON of the state before the change. */
  before?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  occurredAt: Scalars['DateTime']['output'];
  organizationId: Scalars['ID']['output'];
  requestId?: Maybe<Scalars['String']['output']>;
  targetId: Scalars['String']['output'];
  targetType: Scalars['String']['output'];
};

export type AuditEntryConnection = {
  __typename?: 'AuditEntryConnection';
  edges: Array<AuditEntryEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type AuditEntryEdge = {
  __typename?: 'AuditEntryEdge';
  cursor: Scalars['String']['output'];
  node: AuditEntry;
};

export type AuditFilter = {
  action?: InputMaybe<Scalars['String']['input']>;
  actorId?: InputMaybe<Scalars['String']['input']>;
  from?: InputMaybe<Scalars['DateTime']['input']>;
  targetId?: InputMaybe<Scalars['String']['input']>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

export type Client = {
  __typename?: 'Client';
  id: Scalars['ID']['output'];
  /** Null unless the caller holds compliance.manage in the client organisation-wide (partners: with FULL access). */
  retentionPolicy?: Maybe<RetentionPolicy>;
};

/** A person's consent to a version of the privacy terms. */
export type ConsentRecord = {
  __typename?: 'ConsentRecord';
  givenAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  policyVersion: Scalars['String']['output'];
  source: Scalars['String']['output'];
  withdrawnAt?: Maybe<Scalars['DateTime']['output']>;
};

export type DataSubjectRequest = {
  __typename?: 'DataSubjectRequest';
  clientId: Scalars['ID']['output'];
  completedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The export as JSON (exports only; gone once the person is erased). */
  document?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  kind: DataSubjectRequestKind;
  requestedAt: Scalars['DateTime']['output'];
  /** User or service account that asked. */
  requestedBy?: Maybe<Scalars['String']['output']>;
  status: DataSubjectRequestStatus;
  userId: Scalars['ID']['output'];
};

export type DataSubjectRequestConnection = {
  __typename?: 'DataSubjectRequestConnection';
  edges: Array<DataSubjectRequestEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type DataSubjectRequestEdge = {
  __typename?: 'DataSubjectRequestEdge';
  cursor: Scalars['String']['output'];
  node: DataSubjectRequest;
};

export type DataSubjectRequestKind = 'ERASURE' | 'EXPORT';

export type DataSubjectRequestStatus = 'COMPLETED' | 'FAILED' | 'PENDING';

export type Mutation = {
  __typename?: 'Mutation';
  /** By the person, or by compliance.manage in the person's home organisation. */
  recordConsent: ConsentRecord;
  /** Everything every subgraph holds on the person, in one JSON document: by the person or compliance.export in their home organisation. */
  requestDataExport: DataSubjectRequest;
  /** Erases the person now, through the same path as the retention sweep: by the person or compliance.export in their home organisation. */
  requestErasure: DataSubjectRequest;
  /** Soft-deletes and erases what is due (operators; also runs on a schedule). Safe to run on several replicas at once. */
  runRetentionSweep: SweepReport;
  updateRetentionPolicy: RetentionPolicy;
  withdrawConsent: ConsentRecord;
};

export type MutationRecordConsentArgs = {
  policyVersion: Scalars['String']['input'];
  source?: InputMaybe<Scalars['String']['input']>;
  userId: Scalars['ID']['input'];
};

export type MutationRequestDataExportArgs = {
  userId: Scalars['ID']['input'];
};

export type MutationRequestErasureArgs = {
  userId: Scalars['ID']['input'];
};

export type MutationRunRetentionSweepArgs = {
  batchSize?: InputMaybe<Scalars['Int']['input']>;
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
};

export type MutationUpdateRetentionPolicyArgs = {
  clientId: Scalars['ID']['input'];
  input: RetentionPolicyInput;
};

export type MutationWithdrawConsentArgs = {
  consentId: Scalars['ID']['input'];
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor?: Maybe<Scalars['String']['output']>;
};

export type PersonRetentionState = {
  __typename?: 'PersonRetentionState';
  eraseDueAt?: Maybe<Scalars['DateTime']['output']>;
  erasedAt?: Maybe<Scalars['DateTime']['output']>;
  softDeletedAt?: Maybe<Scalars['DateTime']['output']>;
  state: PersonState;
};

export type PersonState = 'ACTIVE' | 'ERASED' | 'SOFT_DELETED';

export type Query = {
  __typename?: 'Query';
  /** Newest first; at most 100 per page. Empty for an organisation the caller may not read it in, as for an unknown one. */
  auditLog: AuditEntryConnection;
  /** Newest first; at most 100 per page. Empty for a client the caller may not read them in, as for an unknown one. */
  dataSubjectRequests: DataSubjectRequestConnection;
  /** Null for a client the caller may not read it in, as for an unknown one. */
  retentionPolicy?: Maybe<RetentionPolicy>;
};

export type QueryAuditLogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AuditFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  organizationId: Scalars['ID']['input'];
};

export type QueryDataSubjectRequestsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  clientId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type QueryRetentionPolicyArgs = {
  clientId: Scalars['ID']['input'];
};

/** How long a client keeps personal data (GDPR). */
export type RetentionPolicy = {
  __typename?: 'RetentionPolicy';
  /** Days a participant has to accept the terms after joining a project. */
  acceptanceWindowDays: Scalars['Int']['output'];
  clientId: Scalars['ID']['output'];
  /** Soft-deleted data is irreversibly erased this many months later. */
  eraseAfterMonths: Scalars['Int']['output'];
  /** The privacy-terms version participants must accept. */
  privacyTermsVersion: Scalars['String']['output'];
  /** A participant who did not accept the privacy terms in time is soft-deleted this many months after joining a project. */
  softDeleteAfterMonths: Scalars['Int']['output'];
  updatedAt: Scalars['DateTime']['output'];
};

export type RetentionPolicyInput = {
  /** 1 to 365. */
  acceptanceWindowDays?: InputMaybe<Scalars['Int']['input']>;
  /** 1 to 120. */
  eraseAfterMonths?: InputMaybe<Scalars['Int']['input']>;
  privacyTermsVersion?: InputMaybe<Scalars['String']['input']>;
  /** 1 to 120. */
  softDeleteAfterMonths?: InputMaybe<Scalars['Int']['input']>;
};

/** Ranked tiers, highest first: holding a role implies every lower one. */
export type Role =
  'CLIENT_ADMIN' | 'EXTERNAL' | 'MANAGER' | 'MEMBER' | 'PARTICIPANT' | 'PARTNER_ADMIN' | 'PLATFORM_OPERATOR';

/** What a retention sweep did (or, in a dry run, would do). */
export type SweepReport = {
  __typename?: 'SweepReport';
  dryRun: Scalars['Boolean']['output'];
  erased: Array<Scalars['ID']['output']>;
  /** More was due than one batch; run again. */
  hasMore: Scalars['Boolean']['output'];
  /** The time the sweep judged by. */
  now: Scalars['DateTime']['output'];
  softDeleted: Array<Scalars['ID']['output']>;
};

export type User = {
  __typename?: 'User';
  /** The current consent: the latest one not withdrawn, or null (also where consents is null). */
  consent?: Maybe<ConsentRecord>;
  /**
   * Consent history, newest first: for the person and the compliance officers of their home organisation;
   * null for anyone else, and for a soft-deleted or erased person.
   */
  consents?: Maybe<Array<ConsentRecord>>;
  id: Scalars['ID']['output'];
  /** Where the person stands in the retention lifecycle: for compliance officers of their home organisation, else null. */
  retentionState?: Maybe<PersonRetentionState>;
};

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
  reference: TReference,
  context: TContext,
  info: GraphQLResolveInfo,
) => Promise<TResult> | TResult;

type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<
  TResult,
  TParent = Record<PropertyKey, never>,
  TContext = Record<PropertyKey, never>,
  TArgs = Record<PropertyKey, never>,
> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo,
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo,
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo,
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<
  TResult,
  TKey extends string,
  TParent = Record<PropertyKey, never>,
  TContext = Record<PropertyKey, never>,
  TArgs = Record<PropertyKey, never>,
> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo,
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  obj: T,
  context: TContext,
  info: GraphQLResolveInfo,
) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<
  TResult = Record<PropertyKey, never>,
  TParent = Record<PropertyKey, never>,
  TContext = Record<PropertyKey, never>,
  TArgs = Record<PropertyKey, never>,
> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo,
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = ResolversObject<{
  Client: Client;
  User: User;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Client: { __typename: 'Client' } & GraphQLRecursivePick<FederationTypes['Client'], { id: true }>;
  User: { __typename: 'User' } & GraphQLRecursivePick<FederationTypes['User'], { id: true }>;
}>;

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AuditEntry: ResolverTypeWrapper<AuditEntryEntity>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  AuditEntryConnection: ResolverTypeWrapper<
    Omit<AuditEntryConnection, 'edges'> & { edges: Array<ResolversTypes['AuditEntryEdge']> }
  >;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  AuditEntryEdge: ResolverTypeWrapper<Omit<AuditEntryEdge, 'node'> & { node: ResolversTypes['AuditEntry'] }>;
  AuditFilter: AuditFilter;
  Client: ResolverTypeWrapper<Ref>;
  ConsentRecord: ResolverTypeWrapper<ConsentRecordEntity>;
  DataSubjectRequest: ResolverTypeWrapper<DataSubjectRequestEntity>;
  DataSubjectRequestConnection: ResolverTypeWrapper<
    Omit<DataSubjectRequestConnection, 'edges'> & { edges: Array<ResolversTypes['DataSubjectRequestEdge']> }
  >;
  DataSubjectRequestEdge: ResolverTypeWrapper<
    Omit<DataSubjectRequestEdge, 'node'> & { node: ResolversTypes['DataSubjectRequest'] }
  >;
  DataSubjectRequestKind: DataSubjectRequestKind;
  DataSubjectRequestStatus: DataSubjectRequestStatus;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PersonRetentionState: ResolverTypeWrapper<RetentionStateView>;
  PersonState: PersonState;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RetentionPolicy: ResolverTypeWrapper<RetentionPolicyEntity>;
  RetentionPolicyInput: RetentionPolicyInput;
  Role: Role;
  SweepReport: ResolverTypeWrapper<SweepReport>;
  User: ResolverTypeWrapper<Ref>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AuditEntry: AuditEntryEntity;
  ID: Scalars['ID']['output'];
  AuditEntryConnection: Omit<AuditEntryConnection, 'edges'> & { edges: Array<ResolversParentTypes['AuditEntryEdge']> };
  Int: Scalars['Int']['output'];
  AuditEntryEdge: Omit<AuditEntryEdge, 'node'> & { node: ResolversParentTypes['AuditEntry'] };
  AuditFilter: AuditFilter;
  Client: Ref;
  ConsentRecord: ConsentRecordEntity;
  DataSubjectRequest: DataSubjectRequestEntity;
  DataSubjectRequestConnection: Omit<DataSubjectRequestConnection, 'edges'> & {
    edges: Array<ResolversParentTypes['DataSubjectRequestEdge']>;
  };
  DataSubjectRequestEdge: Omit<DataSubjectRequestEdge, 'node'> & { node: ResolversParentTypes['DataSubjectRequest'] };
  DateTime: Scalars['DateTime']['output'];
  Mutation: Record<PropertyKey, never>;
  Boolean: Scalars['Boolean']['output'];
  PageInfo: PageInfo;
  PersonRetentionState: RetentionStateView;
  Query: Record<PropertyKey, never>;
  RetentionPolicy: RetentionPolicyEntity;
  RetentionPolicyInput: RetentionPolicyInput;
  SweepReport: SweepReport;
  User: Ref;
  String: Scalars['String']['output'];
}>;

export type RequiresAuthDirectiveArgs = {};

export type RequiresAuthDirectiveResolver<
  Result,
  Parent,
  ContextType = ComplianceContext,
  Args = RequiresAuthDirectiveArgs,
> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type RequiresPermissionDirectiveArgs = {
  permissions: Array<Array<Scalars['String']['input']>>;
};

export type RequiresPermissionDirectiveResolver<
  Result,
  Parent,
  ContextType = ComplianceContext,
  Args = RequiresPermissionDirectiveArgs,
> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type RequiresRoleDirectiveArgs = {
  roles: Array<Role>;
};

export type RequiresRoleDirectiveResolver<
  Result,
  Parent,
  ContextType = ComplianceContext,
  Args = RequiresRoleDirectiveArgs,
> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type RequiresUserTypeDirectiveArgs = {
  types: Array<Scalars['String']['input']>;
};

export type RequiresUserTypeDirectiveResolver<
  Result,
  Parent,
  ContextType = ComplianceContext,
  Args = RequiresUserTypeDirectiveArgs,
> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AuditEntryResolvers<
  ContextType = ComplianceContext,
  ParentType extends ResolversParentTypes['AuditEntry'] = ResolversParentTypes['AuditEntry'],
> = ResolversObject<{
  action?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  actorId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  after?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  before?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  organizationId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  requestId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  targetId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  targetType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type AuditEntryConnectionResolvers<
  ContextType = ComplianceContext,
  ParentType extends ResolversParentTypes['AuditEntryConnection'] = ResolversParentTypes['AuditEntryConnection'],
> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['AuditEntryEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type AuditEntryEdgeResolvers<
  ContextType = ComplianceContext,
  ParentType extends ResolversParentTypes['AuditEntryEdge'] = ResolversParentTypes['AuditEntryEdge'],
> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['AuditEntry'], ParentType, ContextType>;
}>;

export type ClientResolvers<
  ContextType = ComplianceContext,
  ParentType extends ResolversParentTypes['Client'] = ResolversParentTypes['Client'],
  FederationReferenceType extends FederationReferenceTypes['Client'] = FederationReferenceTypes['Client'],
> = ResolversObject<{
  __resolveReference?: ReferenceResolver<
    Maybe<ResolversTypes['Client']> | FederationReferenceType,
    FederationReferenceType,
    ContextType
  >;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  retentionPolicy?: Resolver<Maybe<ResolversTypes['RetentionPolicy']>, ParentType, ContextType>;
}>;

export type ConsentRecordResolvers<
  ContextType = ComplianceContext,
  ParentType extends ResolversParentTypes['ConsentRecord'] = ResolversParentTypes['ConsentRecord'],
> = ResolversObject<{
  givenAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  policyVersion?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  withdrawnAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
}>;

export type DataSubjectRequestResolvers<
  ContextType = ComplianceContext,
  ParentType extends ResolversParentTypes['DataSubjectRequest'] = ResolversParentTypes['DataSubjectRequest'],
> = ResolversObject<{
  clientId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  completedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  document?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['DataSubjectRequestKind'], ParentType, ContextType>;
  requestedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  requestedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['DataSubjectRequestStatus'], ParentType, ContextType>;
  userId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type DataSubjectRequestConnectionResolvers<
  ContextType = ComplianceContext,
  ParentType extends ResolversParentTypes['DataSubjectRequestConnection'] =
    ResolversParentTypes['DataSubjectRequestConnection'],
> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['DataSubjectRequestEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type DataSubjectRequestEdgeResolvers<
  ContextType = ComplianceContext,
  ParentType extends ResolversParentTypes['DataSubjectRequestEdge'] = ResolversParentTypes['DataSubjectRequestEdge'],
> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['DataSubjectRequest'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type MutationResolvers<
  ContextType = ComplianceContext,
  ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation'],
> = ResolversObject<{
  recordConsent?: Resolver<
    ResolversTypes['ConsentRecord'],
    ParentType,
    ContextType,
    RequireFields<MutationRecordConsentArgs, 'policyVersion' | 'userId'>
  >;
  requestDataExport?: Resolver<
    ResolversTypes['DataSubjectRequest'],
    ParentType,
    ContextType,
    RequireFields<MutationRequestDataExportArgs, 'userId'>
  >;
  requestErasure?: Resolver<
    ResolversTypes['DataSubjectRequest'],
    ParentType,
    ContextType,
    RequireFields<MutationRequestErasureArgs, 'userId'>
  >;
  runRetentionSweep?: Resolver<
    ResolversTypes['SweepReport'],
    ParentType,
    ContextType,
    RequireFields<MutationRunRetentionSweepArgs, 'batchSize' | 'dryRun'>
  >;
  updateRetentionPolicy?: Resolver<
    ResolversTypes['RetentionPolicy'],
    ParentType,
    ContextType,
    RequireFields<MutationUpdateRetentionPolicyArgs, 'clientId' | 'input'>
  >;
  withdrawConsent?: Resolver<
    ResolversTypes['ConsentRecord'],
    ParentType,
    ContextType,
    RequireFields<MutationWithdrawConsentArgs, 'consentId'>
  >;
}>;

export type PageInfoResolvers<
  ContextType = ComplianceContext,
  ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo'],
> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type PersonRetentionStateResolvers<
  ContextType = ComplianceContext,
  ParentType extends ResolversParentTypes['PersonRetentionState'] = ResolversParentTypes['PersonRetentionState'],
> = ResolversObject<{
  eraseDueAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  erasedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  softDeletedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['PersonState'], ParentType, ContextType>;
}>;

export type QueryResolvers<
  ContextType = ComplianceContext,
  ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query'],
> = ResolversObject<{
  auditLog?: Resolver<
    ResolversTypes['AuditEntryConnection'],
    ParentType,
    ContextType,
    RequireFields<QueryAuditLogArgs, 'organizationId'>
  >;
  dataSubjectRequests?: Resolver<
    ResolversTypes['DataSubjectRequestConnection'],
    ParentType,
    ContextType,
    RequireFields<QueryDataSubjectRequestsArgs, 'clientId'>
  >;
  retentionPolicy?: Resolver<
    Maybe<ResolversTypes['RetentionPolicy']>,
    ParentType,
    ContextType,
    RequireFields<QueryRetentionPolicyArgs, 'clientId'>
  >;
}>;

export type RetentionPolicyResolvers<
  ContextType = ComplianceContext,
  ParentType extends ResolversParentTypes['RetentionPolicy'] = ResolversParentTypes['RetentionPolicy'],
> = ResolversObject<{
  acceptanceWindowDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  clientId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  eraseAfterMonths?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  privacyTermsVersion?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  softDeleteAfterMonths?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type SweepReportResolvers<
  ContextType = ComplianceContext,
  ParentType extends ResolversParentTypes['SweepReport'] = ResolversParentTypes['SweepReport'],
> = ResolversObject<{
  dryRun?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  erased?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  hasMore?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  now?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  softDeleted?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
}>;

export type UserResolvers<
  ContextType = ComplianceContext,
  ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'],
  FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User'],
> = ResolversObject<{
  __resolveReference?: ReferenceResolver<
    Maybe<ResolversTypes['User']> | FederationReferenceType,
    FederationReferenceType,
    ContextType
  >;
  consent?: Resolver<Maybe<ResolversTypes['ConsentRecord']>, ParentType, ContextType>;
  consents?: Resolver<Maybe<Array<ResolversTypes['ConsentRecord']>>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  retentionState?: Resolver<Maybe<ResolversTypes['PersonRetentionState']>, ParentType, ContextType>;
}>;

export type Resolvers<ContextType = ComplianceContext> = ResolversObject<{
  AuditEntry?: AuditEntryResolvers<ContextType>;
  AuditEntryConnection?: AuditEntryConnectionResolvers<ContextType>;
  AuditEntryEdge?: AuditEntryEdgeResolvers<ContextType>;
  Client?: ClientResolvers<ContextType>;
  ConsentRecord?: ConsentRecordResolvers<ContextType>;
  DataSubjectRequest?: DataSubjectRequestResolvers<ContextType>;
  DataSubjectRequestConnection?: DataSubjectRequestConnectionResolvers<ContextType>;
  DataSubjectRequestEdge?: DataSubjectRequestEdgeResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PersonRetentionState?: PersonRetentionStateResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RetentionPolicy?: RetentionPolicyResolvers<ContextType>;
  SweepReport?: SweepReportResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = ComplianceContext> = ResolversObject<{
  requiresAuth?: RequiresAuthDirectiveResolver<any, any, ContextType>;
  requiresPermission?: RequiresPermissionDirectiveResolver<any, any, ContextType>;
  requiresRole?: RequiresRoleDirectiveResolver<any, any, ContextType>;
  requiresUserType?: RequiresUserTypeDirectiveResolver<any, any, ContextType>;
}>;
