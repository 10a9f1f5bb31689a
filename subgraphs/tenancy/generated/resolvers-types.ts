import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type {
  PartnerEntity,
  ClientEntity,
  AccountEntity,
  ProjectEntity,
  ProjectParticipantEntity,
  PartnerInvitationEntity,
  PartnerGrantEntity,
  ClientIntegrationEntity,
} from '../entities';
import type { CompanyProfileView, PartnerAccessView } from '../loaders';
import type { TenancyContext } from '../context';
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

/** A client's master account or one of its sub-accounts (divisions). */
export type Account = {
  __typename?: 'Account';
  children: Array<Account>;
  client: Client;
  id: Scalars['ID']['output'];
  isMaster: Scalars['Boolean']['output'];
  name: Scalars['String']['output'];
  parent?: Maybe<Account>;
};

export type Address = {
  __typename?: 'Address';
  city?: Maybe<Scalars['String']['output']>;
  line1?: Maybe<Scalars['String']['output']>;
  line2?: Maybe<Scalars['String']['output']>;
  postalCode?: Maybe<Scalars['String']['output']>;
  region?: Maybe<Scalars['String']['output']>;
};

export type AddressInput = {
  city?: InputMaybe<Scalars['String']['input']>;
  line1?: InputMaybe<Scalars['String']['input']>;
  line2?: InputMaybe<Scalars['String']['input']>;
  postalCode?: InputMaybe<Scalars['String']['input']>;
  region?: InputMaybe<Scalars['String']['input']>;
};

/** A client tenant organisation. */
export type Client = Organization & {
  __typename?: 'Client';
  /** The accounts the caller may see (master first, then sub-accounts by name). */
  accounts: Array<Account>;
  /** Company details, with which required fields are still missing. */
  companyProfile: CompanyProfile;
  createdAt: Scalars['DateTime']['output'];
  /** Who created the client (null for clients written by the demo seed). */
  createdBy?: Maybe<Scalars['ID']['output']>;
  id: Scalars['ID']['output'];
  /** Connected assessment tools; their codes are write-only and never returned. */
  integrations: Array<Integration>;
  /** The master account, root of the accounts tree; null when the caller's roles are limited to sub-accounts. */
  masterAccount?: Maybe<Account>;
  name: Scalars['String']['output'];
  partner?: Maybe<Partner>;
  /** Partner grants and invitations: all of them for the client, a partner's own for that partner. */
  partnerAccess: PartnerAccess;
  /** Products of the catalogue the client uses. */
  products: Array<Product>;
  /** Projects the caller may see, by name: those of its accounts when its roles are limited to some, only those it joined for external contacts and participants. */
  projects: Array<Project>;
  status: ClientStatus;
  /** When and by whom (user or service account id) the status last changed; null while it never did. */
  statusChangedAt?: Maybe<Scalars['DateTime']['output']>;
  statusChangedBy?: Maybe<Scalars['ID']['output']>;
  /** Why the client was suspended. */
  statusReason?: Maybe<Scalars['String']['output']>;
  /** Unique DNS label: the client's URL is https://<subdomain>.<platform domain>. */
  subdomain: Scalars['String']['output'];
};

export type ClientConnection = {
  __typename?: 'ClientConnection';
  edges: Array<ClientEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ClientEdge = {
  __typename?: 'ClientEdge';
  cursor: Scalars['String']['output'];
  node: Client;
};

export type ClientFilter = {
  createdAfter?: InputMaybe<Scalars['DateTime']['input']>;
  createdBefore?: InputMaybe<Scalars['DateTime']['input']>;
  /** Case-insensitive part of the name. */
  name?: InputMaybe<Scalars['String']['input']>;
  partnerId?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<ClientStatus>;
};

export type ClientStatus = 'ACTIVE' | 'SUSPENDED';

export type CompanyProfile = {
  __typename?: 'CompanyProfile';
  address: Address;
  completeness: ProfileCompleteness;
  /** ISO 3166-1 alpha-2 country code. */
  country?: Maybe<Scalars['String']['output']>;
  /** Corporate email domains, lower case; each belongs to one client. */
  emailDomains: Array<Scalars['String']['output']>;
  industry?: Maybe<Scalars['String']['output']>;
  legalName?: Maybe<Scalars['String']['output']>;
  /** The user who legally represents the client: the only one who may grant partners access. */
  legalRepresentative?: Maybe<User>;
  /** https only. */
  logoUrl?: Maybe<Scalars['String']['output']>;
  /** Whether people with an email of the corporate domains may sign up themselves. */
  selfEnrollment: Scalars['Boolean']['output'];
  size?: Maybe<CompanySize>;
  taxId?: Maybe<Scalars['String']['output']>;
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
};

/** Fields left out stay as they are; null clears one. emailDomains replaces the whole list. */
export type CompanyProfileInput = {
  address?: InputMaybe<AddressInput>;
  country?: InputMaybe<Scalars['String']['input']>;
  emailDomains?: InputMaybe<Array<Scalars['String']['input']>>;
  industry?: InputMaybe<Scalars['String']['input']>;
  legalName?: InputMaybe<Scalars['String']['input']>;
  legalRepresentativeId?: InputMaybe<Scalars['ID']['input']>;
  logoUrl?: InputMaybe<Scalars['String']['input']>;
  selfEnrollment?: InputMaybe<Scalars['Boolean']['input']>;
  size?: InputMaybe<CompanySize>;
  taxId?: InputMaybe<Scalars['String']['input']>;
};

/** Number of employees. */
export type CompanySize =
  'SIZE_1_10' | 'SIZE_11_50' | 'SIZE_51_200' | 'SIZE_201_500' | 'SIZE_501_1000' | 'SIZE_1001_5000' | 'SIZE_5001_PLUS';

/** A connection to an assessment tool. The codes themselves are never returned. */
export type Integration = {
  __typename?: 'Integration';
  codesSet: Scalars['Boolean']['output'];
  codesUpdatedAt: Scalars['DateTime']['output'];
  provider: IntegrationProvider;
};

export type IntegrationProvider = 'CODILITY' | 'HOGAN' | 'OTHER' | 'SHL' | 'TALENTLENS' | 'TESTGORILLA';

export type Mutation = {
  __typename?: 'Mutation';
  /** Either side ends an active partnership; it takes effect on the partner's next request. */
  cancelPartnership: PartnerGrant;
  /** Adds a sub-account under parentId (default: the master account). */
  createAccount: Account;
  /** Creates a client with its master account; its retention policy follows through an event. */
  createClient: Client;
  createProject: Project;
  deletePartnerInvitation: Scalars['Boolean']['output'];
  /** By the client's legal representative: invites a partner to new or wider access. */
  invitePartner: PartnerInvitation;
  /** Records that a user takes part in a project (project managers add anyone; a user may join a project they see). */
  joinProject: ProjectParticipant;
  /** Moves a sub-account under another account of the same client; the master and cycles are refused. */
  moveAccount: Account;
  reactivateClient: Client;
  renameAccount: Account;
  /** Sends a pending or expired invitation again with a new expiry. */
  resendPartnerInvitation: PartnerInvitation;
  /** By the invited partner: accept (the grant becomes active) or reject. */
  respondToPartnerInvitation: PartnerInvitation;
  setClientProducts: Client;
  /** Stores a provider's codes encrypted; an empty list clears them. */
  setIntegration: Integration;
  /** Suspends a client (its users cannot sign in): operators, or the managing partner with clients.update. */
  suspendClient: Client;
  updateCompanyProfile: Client;
};

export type MutationCancelPartnershipArgs = {
  clientId: Scalars['ID']['input'];
  partnerId: Scalars['ID']['input'];
};

export type MutationCreateAccountArgs = {
  clientId: Scalars['ID']['input'];
  name: Scalars['String']['input'];
  parentId?: InputMaybe<Scalars['ID']['input']>;
};

export type MutationCreateClientArgs = {
  name: Scalars['String']['input'];
  partnerId?: InputMaybe<Scalars['ID']['input']>;
  subdomain: Scalars['String']['input'];
};

export type MutationCreateProjectArgs = {
  accountId?: InputMaybe<Scalars['ID']['input']>;
  clientId: Scalars['ID']['input'];
  externalOrganizationIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  name: Scalars['String']['input'];
};

export type MutationDeletePartnerInvitationArgs = {
  invitationId: Scalars['ID']['input'];
};

export type MutationInvitePartnerArgs = {
  access: PartnerAccessInput;
  clientId: Scalars['ID']['input'];
  partnerId: Scalars['ID']['input'];
};

export type MutationJoinProjectArgs = {
  projectId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
};

export type MutationMoveAccountArgs = {
  id: Scalars['ID']['input'];
  newParentId: Scalars['ID']['input'];
};

export type MutationReactivateClientArgs = {
  clientId: Scalars['ID']['input'];
};

export type MutationRenameAccountArgs = {
  id: Scalars['ID']['input'];
  name: Scalars['String']['input'];
};

export type MutationResendPartnerInvitationArgs = {
  invitationId: Scalars['ID']['input'];
};

export type MutationRespondToPartnerInvitationArgs = {
  accept: Scalars['Boolean']['input'];
  invitationId: Scalars['ID']['input'];
};

export type MutationSetClientProductsArgs = {
  clientId: Scalars['ID']['input'];
  products: Array<Product>;
};

export type MutationSetIntegrationArgs = {
  clientId: Scalars['ID']['input'];
  codes: Array<Scalars['String']['input']>;
  provider: IntegrationProvider;
};

export type MutationSuspendClientArgs = {
  clientId: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};

export type MutationUpdateCompanyProfileArgs = {
  clientId: Scalars['ID']['input'];
  input: CompanyProfileInput;
};

/** A home organisation of users: a partner or a client. */
export type Organization = {
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** A reseller or consultancy that creates and manages client tenants. */
export type Partner = Organization & {
  __typename?: 'Partner';
  clients: ClientConnection;
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** True for the platform's own organisation, home of the operators. */
  isOperator: Scalars['Boolean']['output'];
  name: Scalars['String']['output'];
  /** Invitations clients sent this partner, newest first (pending ones only unless includeAnswered); for the partner's own users. */
  partnerInvitations: Array<PartnerInvitation>;
};

/** A reseller or consultancy that creates and manages client tenants. */
export type PartnerClientsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A reseller or consultancy that creates and manages client tenants. */
export type PartnerPartnerInvitationsArgs = {
  includeAnswered?: InputMaybe<Scalars['Boolean']['input']>;
};

export type PartnerAccess = {
  __typename?: 'PartnerAccess';
  grants: Array<PartnerGrant>;
  /** Newest first. */
  invitations: Array<PartnerInvitation>;
};

export type PartnerAccessInput = {
  /** Billing and the wallet too. */
  includeWallet?: InputMaybe<Scalars['Boolean']['input']>;
  level: PartnerAccessLevel;
  /** For LIMITED: the products the partner may act in (at least one). */
  products?: InputMaybe<Array<Product>>;
};

export type PartnerAccessLevel =
  /** Everything; billing only with the wallet. */
  | 'FULL'
  /** Only the chosen products. */
  | 'LIMITED';

export type PartnerGrant = {
  __typename?: 'PartnerGrant';
  cancelledAt?: Maybe<Scalars['DateTime']['output']>;
  cancelledBy?: Maybe<Scalars['ID']['output']>;
  /** Null when the caller may not read the client. */
  client?: Maybe<Client>;
  clientId: Scalars['ID']['output'];
  grantedAt: Scalars['DateTime']['output'];
  includeWallet: Scalars['Boolean']['output'];
  level: PartnerAccessLevel;
  /** Null when the caller may not read the partner organisation (use partnerId and partnerName). */
  partner?: Maybe<Partner>;
  partnerId: Scalars['ID']['output'];
  partnerName: Scalars['String']['output'];
  products: Array<Product>;
  status: PartnerGrantStatus;
};

export type PartnerGrantStatus = 'ACTIVE' | 'CANCELLED';

export type PartnerInvitation = {
  __typename?: 'PartnerInvitation';
  /** Null when the caller may not read the client (the invited partner sees clientName). */
  client?: Maybe<Client>;
  clientName: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  expiresAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  includeWallet: Scalars['Boolean']['output'];
  invitedBy?: Maybe<Scalars['ID']['output']>;
  level: PartnerAccessLevel;
  /** Null when the caller may not read the partner organisation (use partnerId and partnerName). */
  partner?: Maybe<Partner>;
  partnerId: Scalars['ID']['output'];
  partnerName: Scalars['String']['output'];
  products: Array<Product>;
  respondedAt?: Maybe<Scalars['DateTime']['output']>;
  sentAt: Scalars['DateTime']['output'];
  status: PartnerInvitationStatus;
};

export type PartnerInvitationStatus =
  | 'ACCEPTED'
  | 'DELETED'
  /** Unanswered past its expiry; the client can resend it. */
  | 'EXPIRED'
  | 'PENDING'
  | 'REJECTED';

/** Products of the permission catalogue. */
export type Product = 'ASSESSMENTS' | 'BILLING' | 'COMPLIANCE' | 'CORE' | 'PEOPLE';

export type ProfileCompleteness = {
  __typename?: 'ProfileCompleteness';
  complete: Scalars['Boolean']['output'];
  /** Required fields still empty: legalName, taxId, country, address.line1, address.postalCode, address.city, industry, size, emailDomains, legalRepresentative. */
  missingFields: Array<Scalars['String']['output']>;
};

export type Project = {
  __typename?: 'Project';
  /** The account (division) the project belongs to; null when there is none or the caller does not see it. */
  account?: Maybe<Account>;
  /** Null when the caller may not read the client record (external contacts see the projects they joined, not the client). */
  client?: Maybe<Client>;
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** The participants who joined, oldest first. */
  participants: Array<ProjectParticipant>;
  /** Ids of the organisations taking part: the client and any external organisations. */
  partyIds: Array<Scalars['ID']['output']>;
};

export type ProjectParticipant = {
  __typename?: 'ProjectParticipant';
  joinedAt: Scalars['DateTime']['output'];
  project: Project;
  user: User;
};

export type Query = {
  __typename?: 'Query';
  /** For compliance only (system principals): what tenancy holds on one person, as JSON. */
  _tenancyPersonalData: Scalars['String']['output'];
  client?: Maybe<Client>;
  clientBySubdomain?: Maybe<Client>;
  /** Clients the caller may read, sorted by name; at most 100 per page. */
  clients: ClientConnection;
  organization?: Maybe<Organization>;
  partner?: Maybe<Partner>;
  project?: Maybe<Project>;
  /** A client's projects the caller may see, by name (see Client.projects); empty for a client the caller cannot see. */
  projects: Array<Project>;
};

export type Query_TenancyPersonalDataArgs = {
  userId: Scalars['ID']['input'];
};

export type QueryClientArgs = {
  id: Scalars['ID']['input'];
};

export type QueryClientBySubdomainArgs = {
  subdomain: Scalars['String']['input'];
};

export type QueryClientsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ClientFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type QueryOrganizationArgs = {
  id: Scalars['ID']['input'];
};

export type QueryPartnerArgs = {
  id: Scalars['ID']['input'];
};

export type QueryProjectArgs = {
  id: Scalars['ID']['input'];
};

export type QueryProjectsArgs = {
  clientId: Scalars['ID']['input'];
};

/** Ranked tiers, highest first: holding a role implies every lower one. */
export type Role =
  'CLIENT_ADMIN' | 'EXTERNAL' | 'MANAGER' | 'MEMBER' | 'PARTICIPANT' | 'PARTNER_ADMIN' | 'PLATFORM_OPERATOR';

/** A user (details come from identity). */
export type User = {
  __typename?: 'User';
  id: Scalars['ID']['output'];
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
  Account: Account;
  Client: Client;
  Partner: Partner;
  Project: Project;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Account: { __typename: 'Account' } & GraphQLRecursivePick<FederationTypes['Account'], { id: true }>;
  Client: { __typename: 'Client' } & GraphQLRecursivePick<FederationTypes['Client'], { id: true }>;
  Partner: { __typename: 'Partner' } & GraphQLRecursivePick<FederationTypes['Partner'], { id: true }>;
  Project: { __typename: 'Project' } & GraphQLRecursivePick<FederationTypes['Project'], { id: true }>;
}>;

/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = ResolversObject<{
  Organization: ClientEntity | PartnerEntity;
}>;

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Account: ResolverTypeWrapper<AccountEntity>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Address: ResolverTypeWrapper<Address>;
  AddressInput: AddressInput;
  Client: ResolverTypeWrapper<ClientEntity>;
  ClientConnection: ResolverTypeWrapper<
    Omit<ClientConnection, 'edges'> & { edges: Array<ResolversTypes['ClientEdge']> }
  >;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  ClientEdge: ResolverTypeWrapper<Omit<ClientEdge, 'node'> & { node: ResolversTypes['Client'] }>;
  ClientFilter: ClientFilter;
  ClientStatus: ClientStatus;
  CompanyProfile: ResolverTypeWrapper<CompanyProfileView>;
  CompanyProfileInput: CompanyProfileInput;
  CompanySize: CompanySize;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Integration: ResolverTypeWrapper<ClientIntegrationEntity>;
  IntegrationProvider: IntegrationProvider;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Organization: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['Organization']>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Partner: ResolverTypeWrapper<PartnerEntity>;
  PartnerAccess: ResolverTypeWrapper<PartnerAccessView>;
  PartnerAccessInput: PartnerAccessInput;
  PartnerAccessLevel: PartnerAccessLevel;
  PartnerGrant: ResolverTypeWrapper<PartnerGrantEntity>;
  PartnerGrantStatus: PartnerGrantStatus;
  PartnerInvitation: ResolverTypeWrapper<PartnerInvitationEntity>;
  PartnerInvitationStatus: PartnerInvitationStatus;
  Product: Product;
  ProfileCompleteness: ResolverTypeWrapper<ProfileCompleteness>;
  Project: ResolverTypeWrapper<ProjectEntity>;
  ProjectParticipant: ResolverTypeWrapper<ProjectParticipantEntity>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Role: Role;
  User: ResolverTypeWrapper<User>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Account: AccountEntity;
  ID: Scalars['ID']['output'];
  Boolean: Scalars['Boolean']['output'];
  Address: Address;
  AddressInput: AddressInput;
  Client: ClientEntity;
  ClientConnection: Omit<ClientConnection, 'edges'> & { edges: Array<ResolversParentTypes['ClientEdge']> };
  Int: Scalars['Int']['output'];
  ClientEdge: Omit<ClientEdge, 'node'> & { node: ResolversParentTypes['Client'] };
  ClientFilter: ClientFilter;
  CompanyProfile: CompanyProfileView;
  CompanyProfileInput: CompanyProfileInput;
  DateTime: Scalars['DateTime']['output'];
  Integration: ClientIntegrationEntity;
  Mutation: Record<PropertyKey, never>;
  Organization: ResolversInterfaceTypes<ResolversParentTypes>['Organization'];
  PageInfo: PageInfo;
  Partner: PartnerEntity;
  PartnerAccess: PartnerAccessView;
  PartnerAccessInput: PartnerAccessInput;
  PartnerGrant: PartnerGrantEntity;
  PartnerInvitation: PartnerInvitationEntity;
  ProfileCompleteness: ProfileCompleteness;
  Project: ProjectEntity;
  ProjectParticipant: ProjectParticipantEntity;
  Query: Record<PropertyKey, never>;
  User: User;
  String: Scalars['String']['output'];
}>;

export type RequiresAuthDirectiveArgs = {};

export type RequiresAuthDirectiveResolver<
  Result,
  Parent,
  ContextType = TenancyContext,
  Args = RequiresAuthDirectiveArgs,
> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type RequiresPermissionDirectiveArgs = {
  permissions: Array<Array<Scalars['String']['input']>>;
};

export type RequiresPermissionDirectiveResolver<
  Result,
  Parent,
  ContextType = TenancyContext,
  Args = RequiresPermissionDirectiveArgs,
> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type RequiresRoleDirectiveArgs = {
  roles: Array<Role>;
};

export type RequiresRoleDirectiveResolver<
  Result,
  Parent,
  ContextType = TenancyContext,
  Args = RequiresRoleDirectiveArgs,
> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type RequiresUserTypeDirectiveArgs = {
  types: Array<Scalars['String']['input']>;
};

export type RequiresUserTypeDirectiveResolver<
  Result,
  Parent,
  ContextType = TenancyContext,
  Args = RequiresUserTypeDirectiveArgs,
> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AccountResolvers<
  ContextType = TenancyContext,
  ParentType extends ResolversParentTypes['Account'] = ResolversParentTypes['Account'],
  FederationReferenceType extends FederationReferenceTypes['Account'] = FederationReferenceTypes['Account'],
> = ResolversObject<{
  __resolveReference?: ReferenceResolver<
    Maybe<ResolversTypes['Account']> | FederationReferenceType,
    FederationReferenceType,
    ContextType
  >;
  children?: Resolver<Array<ResolversTypes['Account']>, ParentType, ContextType>;
  client?: Resolver<ResolversTypes['Client'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isMaster?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  parent?: Resolver<Maybe<ResolversTypes['Account']>, ParentType, ContextType>;
}>;

export type AddressResolvers<
  ContextType = TenancyContext,
  ParentType extends ResolversParentTypes['Address'] = ResolversParentTypes['Address'],
> = ResolversObject<{
  city?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  line1?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  line2?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  postalCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  region?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type ClientResolvers<
  ContextType = TenancyContext,
  ParentType extends ResolversParentTypes['Client'] = ResolversParentTypes['Client'],
  FederationReferenceType extends FederationReferenceTypes['Client'] = FederationReferenceTypes['Client'],
> = ResolversObject<{
  __resolveReference?: ReferenceResolver<
    Maybe<ResolversTypes['Client']> | FederationReferenceType,
    FederationReferenceType,
    ContextType
  >;
  accounts?: Resolver<Array<ResolversTypes['Account']>, ParentType, ContextType>;
  companyProfile?: Resolver<ResolversTypes['CompanyProfile'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  createdBy?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  integrations?: Resolver<Array<ResolversTypes['Integration']>, ParentType, ContextType>;
  masterAccount?: Resolver<Maybe<ResolversTypes['Account']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  partner?: Resolver<Maybe<ResolversTypes['Partner']>, ParentType, ContextType>;
  partnerAccess?: Resolver<ResolversTypes['PartnerAccess'], ParentType, ContextType>;
  products?: Resolver<Array<ResolversTypes['Product']>, ParentType, ContextType>;
  projects?: Resolver<Array<ResolversTypes['Project']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ClientStatus'], ParentType, ContextType>;
  statusChangedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  statusChangedBy?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  statusReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  subdomain?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ClientConnectionResolvers<
  ContextType = TenancyContext,
  ParentType extends ResolversParentTypes['ClientConnection'] = ResolversParentTypes['ClientConnection'],
> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['ClientEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ClientEdgeResolvers<
  ContextType = TenancyContext,
  ParentType extends ResolversParentTypes['ClientEdge'] = ResolversParentTypes['ClientEdge'],
> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Client'], ParentType, ContextType>;
}>;

export type CompanyProfileResolvers<
  ContextType = TenancyContext,
  ParentType extends ResolversParentTypes['CompanyProfile'] = ResolversParentTypes['CompanyProfile'],
> = ResolversObject<{
  address?: Resolver<ResolversTypes['Address'], ParentType, ContextType>;
  completeness?: Resolver<ResolversTypes['ProfileCompleteness'], ParentType, ContextType>;
  country?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  emailDomains?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  industry?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  legalName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  legalRepresentative?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  logoUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  selfEnrollment?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  size?: Resolver<Maybe<ResolversTypes['CompanySize']>, ParentType, ContextType>;
  taxId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type IntegrationResolvers<
  ContextType = TenancyContext,
  ParentType extends ResolversParentTypes['Integration'] = ResolversParentTypes['Integration'],
> = ResolversObject<{
  codesSet?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  codesUpdatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['IntegrationProvider'], ParentType, ContextType>;
}>;

export type MutationResolvers<
  ContextType = TenancyContext,
  ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation'],
> = ResolversObject<{
  cancelPartnership?: Resolver<
    ResolversTypes['PartnerGrant'],
    ParentType,
    ContextType,
    RequireFields<MutationCancelPartnershipArgs, 'clientId' | 'partnerId'>
  >;
  createAccount?: Resolver<
    ResolversTypes['Account'],
    ParentType,
    ContextType,
    RequireFields<MutationCreateAccountArgs, 'clientId' | 'name'>
  >;
  createClient?: Resolver<
    ResolversTypes['Client'],
    ParentType,
    ContextType,
    RequireFields<MutationCreateClientArgs, 'name' | 'subdomain'>
  >;
  createProject?: Resolver<
    ResolversTypes['Project'],
    ParentType,
    ContextType,
    RequireFields<MutationCreateProjectArgs, 'clientId' | 'name'>
  >;
  deletePartnerInvitation?: Resolver<
    ResolversTypes['Boolean'],
    ParentType,
    ContextType,
    RequireFields<MutationDeletePartnerInvitationArgs, 'invitationId'>
  >;
  invitePartner?: Resolver<
    ResolversTypes['PartnerInvitation'],
    ParentType,
    ContextType,
    RequireFields<MutationInvitePartnerArgs, 'access' | 'clientId' | 'partnerId'>
  >;
  joinProject?: Resolver<
    ResolversTypes['ProjectParticipant'],
    ParentType,
    ContextType,
    RequireFields<MutationJoinProjectArgs, 'projectId' | 'userId'>
  >;
  moveAccount?: Resolver<
    ResolversTypes['Account'],
    ParentType,
    ContextType,
    RequireFields<MutationMoveAccountArgs, 'id' | 'newParentId'>
  >;
  reactivateClient?: Resolver<
    ResolversTypes['Client'],
    ParentType,
    ContextType,
    RequireFields<MutationReactivateClientArgs, 'clientId'>
  >;
  renameAccount?: Resolver<
    ResolversTypes['Account'],
    ParentType,
    ContextType,
    RequireFields<MutationRenameAccountArgs, 'id' | 'name'>
  >;
  resendPartnerInvitation?: Resolver<
    ResolversTypes['PartnerInvitation'],
    ParentType,
    ContextType,
    RequireFields<MutationResendPartnerInvitationArgs, 'invitationId'>
  >;
  respondToPartnerInvitation?: Resolver<
    ResolversTypes['PartnerInvitation'],
    ParentType,
    ContextType,
    RequireFields<MutationRespondToPartnerInvitationArgs, 'accept' | 'invitationId'>
  >;
  setClientProducts?: Resolver<
    ResolversTypes['Client'],
    ParentType,
    ContextType,
    RequireFields<MutationSetClientProductsArgs, 'clientId' | 'products'>
  >;
  setIntegration?: Resolver<
    ResolversTypes['Integration'],
    ParentType,
    ContextType,
    RequireFields<MutationSetIntegrationArgs, 'clientId' | 'codes' | 'provider'>
  >;
  suspendClient?: Resolver<
    ResolversTypes['Client'],
    ParentType,
    ContextType,
    RequireFields<MutationSuspendClientArgs, 'clientId'>
  >;
  updateCompanyProfile?: Resolver<
    ResolversTypes['Client'],
    ParentType,
    ContextType,
    RequireFields<MutationUpdateCompanyProfileArgs, 'clientId' | 'input'>
  >;
}>;

export type OrganizationResolvers<
  ContextType = TenancyContext,
  ParentType extends ResolversParentTypes['Organization'] = ResolversParentTypes['Organization'],
> = ResolversObject<{
  __resolveType: TypeResolveFn<'Client' | 'Partner', ParentType, ContextType>;
}>;

export type PageInfoResolvers<
  ContextType = TenancyContext,
  ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo'],
> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type PartnerResolvers<
  ContextType = TenancyContext,
  ParentType extends ResolversParentTypes['Partner'] = ResolversParentTypes['Partner'],
  FederationReferenceType extends FederationReferenceTypes['Partner'] = FederationReferenceTypes['Partner'],
> = ResolversObject<{
  __resolveReference?: ReferenceResolver<
    Maybe<ResolversTypes['Partner']> | FederationReferenceType,
    FederationReferenceType,
    ContextType
  >;
  clients?: Resolver<ResolversTypes['ClientConnection'], ParentType, ContextType, Partial<PartnerClientsArgs>>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isOperator?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  partnerInvitations?: Resolver<
    Array<ResolversTypes['PartnerInvitation']>,
    ParentType,
    ContextType,
    Partial<PartnerPartnerInvitationsArgs>
  >;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type PartnerAccessResolvers<
  ContextType = TenancyContext,
  ParentType extends ResolversParentTypes['PartnerAccess'] = ResolversParentTypes['PartnerAccess'],
> = ResolversObject<{
  grants?: Resolver<Array<ResolversTypes['PartnerGrant']>, ParentType, ContextType>;
  invitations?: Resolver<Array<ResolversTypes['PartnerInvitation']>, ParentType, ContextType>;
}>;

export type PartnerGrantResolvers<
  ContextType = TenancyContext,
  ParentType extends ResolversParentTypes['PartnerGrant'] = ResolversParentTypes['PartnerGrant'],
> = ResolversObject<{
  cancelledAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  cancelledBy?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  client?: Resolver<Maybe<ResolversTypes['Client']>, ParentType, ContextType>;
  clientId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  grantedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  includeWallet?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  level?: Resolver<ResolversTypes['PartnerAccessLevel'], ParentType, ContextType>;
  partner?: Resolver<Maybe<ResolversTypes['Partner']>, ParentType, ContextType>;
  partnerId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  partnerName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  products?: Resolver<Array<ResolversTypes['Product']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['PartnerGrantStatus'], ParentType, ContextType>;
}>;

export type PartnerInvitationResolvers<
  ContextType = TenancyContext,
  ParentType extends ResolversParentTypes['PartnerInvitation'] = ResolversParentTypes['PartnerInvitation'],
> = ResolversObject<{
  client?: Resolver<Maybe<ResolversTypes['Client']>, ParentType, ContextType>;
  clientName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  includeWallet?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  invitedBy?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  level?: Resolver<ResolversTypes['PartnerAccessLevel'], ParentType, ContextType>;
  partner?: Resolver<Maybe<ResolversTypes['Partner']>, ParentType, ContextType>;
  partnerId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  partnerName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  products?: Resolver<Array<ResolversTypes['Product']>, ParentType, ContextType>;
  respondedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  sentAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['PartnerInvitationStatus'], ParentType, ContextType>;
}>;

export type ProfileCompletenessResolvers<
  ContextType = TenancyContext,
  ParentType extends ResolversParentTypes['ProfileCompleteness'] = ResolversParentTypes['ProfileCompleteness'],
> = ResolversObject<{
  complete?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  missingFields?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type ProjectResolvers<
  ContextType = TenancyContext,
  ParentType extends ResolversParentTypes['Project'] = ResolversParentTypes['Project'],
  FederationReferenceType extends FederationReferenceTypes['Project'] = FederationReferenceTypes['Project'],
> = ResolversObject<{
  __resolveReference?: ReferenceResolver<
    Maybe<ResolversTypes['Project']> | FederationReferenceType,
    FederationReferenceType,
    ContextType
  >;
  account?: Resolver<Maybe<ResolversTypes['Account']>, ParentType, ContextType>;
  client?: Resolver<Maybe<ResolversTypes['Client']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  participants?: Resolver<Array<ResolversTypes['ProjectParticipant']>, ParentType, ContextType>;
  partyIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
}>;

export type ProjectParticipantResolvers<
  ContextType = TenancyContext,
  ParentType extends ResolversParentTypes['ProjectParticipant'] = ResolversParentTypes['ProjectParticipant'],
> = ResolversObject<{
  joinedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  project?: Resolver<ResolversTypes['Project'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
}>;

export type QueryResolvers<
  ContextType = TenancyContext,
  ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query'],
> = ResolversObject<{
  _tenancyPersonalData?: Resolver<
    ResolversTypes['String'],
    ParentType,
    ContextType,
    RequireFields<Query_TenancyPersonalDataArgs, 'userId'>
  >;
  client?: Resolver<Maybe<ResolversTypes['Client']>, ParentType, ContextType, RequireFields<QueryClientArgs, 'id'>>;
  clientBySubdomain?: Resolver<
    Maybe<ResolversTypes['Client']>,
    ParentType,
    ContextType,
    RequireFields<QueryClientBySubdomainArgs, 'subdomain'>
  >;
  clients?: Resolver<ResolversTypes['ClientConnection'], ParentType, ContextType, Partial<QueryClientsArgs>>;
  organization?: Resolver<
    Maybe<ResolversTypes['Organization']>,
    ParentType,
    ContextType,
    RequireFields<QueryOrganizationArgs, 'id'>
  >;
  partner?: Resolver<Maybe<ResolversTypes['Partner']>, ParentType, ContextType, RequireFields<QueryPartnerArgs, 'id'>>;
  project?: Resolver<Maybe<ResolversTypes['Project']>, ParentType, ContextType, RequireFields<QueryProjectArgs, 'id'>>;
  projects?: Resolver<
    Array<ResolversTypes['Project']>,
    ParentType,
    ContextType,
    RequireFields<QueryProjectsArgs, 'clientId'>
  >;
}>;

export type UserResolvers<
  ContextType = TenancyContext,
  ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'],
> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = TenancyContext> = ResolversObject<{
  Account?: AccountResolvers<ContextType>;
  Address?: AddressResolvers<ContextType>;
  Client?: ClientResolvers<ContextType>;
  ClientConnection?: ClientConnectionResolvers<ContextType>;
  ClientEdge?: ClientEdgeResolvers<ContextType>;
  CompanyProfile?: CompanyProfileResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Integration?: IntegrationResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Organization?: OrganizationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Partner?: PartnerResolvers<ContextType>;
  PartnerAccess?: PartnerAccessResolvers<ContextType>;
  PartnerGrant?: PartnerGrantResolvers<ContextType>;
  PartnerInvitation?: PartnerInvitationResolvers<ContextType>;
  ProfileCompleteness?: ProfileCompletenessResolvers<ContextType>;
  Project?: ProjectResolvers<ContextType>;
  ProjectParticipant?: ProjectParticipantResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = TenancyContext> = ResolversObject<{
  requiresAuth?: RequiresAuthDirectiveResolver<any, any, ContextType>;
  requiresPermission?: RequiresPermissionDirectiveResolver<any, any, ContextType>;
  requiresRole?: RequiresRoleDirectiveResolver<any, any, ContextType>;
  requiresUserType?: RequiresUserTypeDirectiveResolver<any, any, ContextType>;
}>;
