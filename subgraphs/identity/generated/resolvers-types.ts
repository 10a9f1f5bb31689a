import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { UserEntity, ServiceAccountEntity } from '../entities';
import type { OrganizationRef, IdentityContext } from '../context';
import type { ClientUsageView } from '../loaders';
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

/** Tokens of a signed-in session. */
export type AuthPayload = {
  __typename?: 'AuthPayload';
  /** Short-lived; send as `Authorization: Bearer <token>`. */
  accessToken: Scalars['String']['output'];
  accessTokenExpiresAt: Scalars['DateTime']['output'];
  /** Good for one refreshSession call; a second use revokes the session. */
  refreshToken: Scalars['String']['output'];
  refreshTokenExpiresAt: Scalars['DateTime']['output'];
  user: User;
};

export type Client = Organization & {
  __typename?: 'Client';
  /** Active users with a corporate email of one of the client's domains (its company profile). */
  employeeCount: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  /** Usage over [from, to]: by default the last 30 days; at most 366 days. */
  usage: ClientUsage;
};

export type ClientUsageArgs = {
  from?: InputMaybe<Scalars['DateTime']['input']>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

/** Usage statistics of a client over a period, for partner dashboards. */
export type ClientUsage = {
  __typename?: 'ClientUsage';
  /** Users who signed in at least once in the period. */
  activeUsers: Scalars['Int']['output'];
  /** One entry per day with activity in the period (UTC days), for charts. */
  daily: Array<UsageDay>;
  /** Active users whose email is at one of the client's corporate domains. */
  employees: Scalars['Int']['output'];
  from: Scalars['DateTime']['output'];
  /** The latest sign-in of any user of the client. */
  lastActivityAt?: Maybe<Scalars['DateTime']['output']>;
  /** Sign-ins in the period. */
  logins: Scalars['Int']['output'];
  /** Invitations not yet accepted. */
  pendingInvitations: Scalars['Int']['output'];
  to: Scalars['DateTime']['output'];
  /** Users of the client in any state. */
  users: Scalars['Int']['output'];
};

/** How much of the system an external contact may use. */
export type ExternalAccessLevel =
  /** The full application, within the organisation's default user type (needs external-access.grant to give). */
  | 'ADVANCED'
  /** The client portal: only what is shared with them. */
  | 'BASIC';

export type InviteUserInput = {
  /** For EXTERNAL only; defaults to BASIC. */
  accessLevel?: InputMaybe<ExternalAccessLevel>;
  /** Accounts (divisions) of the client the user will work in; the base role is limited to them. */
  accountIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  email: Scalars['String']['input'];
  /** 1-100 characters, no control characters. */
  firstName: Scalars['String']['input'];
  kind: UserKind;
  lastName: Scalars['String']['input'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Follows an activation link: sets the password and activates. The password may be left out when it
   * was chosen at sign-up. Errors carry extensions.reason: INVALID_ACTIVATION_LINK, ACTIVATION_LINK_USED
   * or ACTIVATION_LINK_EXPIRED (ask for a new link with requestNewActivationLink).
   */
  activateAccount: User;
  /** Creates a service account in an organisation, with a user type of its own (edit it with updateUserType). */
  createServiceAccount: ServiceAccountCredentials;
  /** Ends the user's sessions at once; their tokens are refused on the next request. */
  deactivateUser: User;
  /** Creates an INVITED user and emails an activation link that expires after 7 days. */
  inviteUser: User;
  /** Client-credentials exchange for internal tools. */
  issueServiceToken: ServiceToken;
  /**
   * Signs in; failed attempts are throttled per account and per client address. Nullable so that each
   * of several aliased attempts in one request runs and counts, instead of the first failure hiding the rest.
   */
  login?: Maybe<AuthPayload>;
  /** Ends the current session: its access and refresh tokens stop working. */
  logout: Scalars['Boolean']['output'];
  reactivateUser: User;
  /** Rotates the refresh token. */
  refreshSession: AuthPayload;
  /** Re-derives the user's type and base role; an invited user whose link expired or is missing gets a new one. */
  repairUser: User;
  /** Emails a new activation link to an invited user. Always true, whether or not the email is known. */
  requestNewActivationLink: Scalars['Boolean']['output'];
  /** Emails a fresh link; earlier links stop working. */
  resendInvitation: User;
  /** Withdraws a pending invitation: its links stop working and the user is deactivated. */
  revokeInvitation: User;
  /** Self-enrollment, for emails of a client's corporate domains where the client allows it. */
  signUp: SignUpResult;
};

export type MutationActivateAccountArgs = {
  password?: InputMaybe<Scalars['String']['input']>;
  token: Scalars['String']['input'];
};

export type MutationCreateServiceAccountArgs = {
  name: Scalars['String']['input'];
  organizationId: Scalars['ID']['input'];
};

export type MutationDeactivateUserArgs = {
  userId: Scalars['ID']['input'];
};

export type MutationInviteUserArgs = {
  input: InviteUserInput;
  organizationId: Scalars['ID']['input'];
};

export type MutationIssueServiceTokenArgs = {
  clientId: Scalars['String']['input'];
  clientSecret: Scalars['String']['input'];
};

export type MutationLoginArgs = {
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
};

export type MutationReactivateUserArgs = {
  userId: Scalars['ID']['input'];
};

export type MutationRefreshSessionArgs = {
  refreshToken: Scalars['String']['input'];
};

export type MutationRepairUserArgs = {
  userId: Scalars['ID']['input'];
};

export type MutationRequestNewActivationLinkArgs = {
  email: Scalars['String']['input'];
};

export type MutationResendInvitationArgs = {
  userId: Scalars['ID']['input'];
};

export type MutationRevokeInvitationArgs = {
  userId: Scalars['ID']['input'];
};

export type MutationSignUpArgs = {
  input: SignUpInput;
};

/** A home organisation of users: a partner or a client (details come from tenancy). */
export type Organization = {
  id: Scalars['ID']['output'];
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor?: Maybe<Scalars['String']['output']>;
};

export type Partner = Organization & {
  __typename?: 'Partner';
  id: Scalars['ID']['output'];
};

export type PrincipalKind = 'SERVICE' | 'USER';

/** What the gateway checks on every request: whether the caller may still act. */
export type PrincipalStatus = {
  __typename?: 'PrincipalStatus';
  /** External contacts only. */
  accessLevel?: Maybe<ExternalAccessLevel>;
  active: Scalars['Boolean']['output'];
  /** Service accounts that partner staff created through a grant: the partner whose grant they live by. */
  boundToPartnerId?: Maybe<Scalars['ID']['output']>;
  organizationId?: Maybe<Scalars['ID']['output']>;
  /** Users only. */
  userKind?: Maybe<UserKind>;
};

export type Query = {
  __typename?: 'Query';
  /** For compliance only (system principals): everything identity holds on one person, as JSON. */
  _identityPersonalData: Scalars['String']['output'];
  /** For the gateway only (system principals). */
  _principalStatus: PrincipalStatus;
  /** The signed-in user. */
  me?: Maybe<User>;
  user?: Maybe<User>;
  /** Users whose home organisation is the client, sorted by last name; at most 100 per page. */
  users: UserConnection;
};

export type Query_IdentityPersonalDataArgs = {
  userId: Scalars['ID']['input'];
};

export type Query_PrincipalStatusArgs = {
  kind: PrincipalKind;
  sessionId?: InputMaybe<Scalars['ID']['input']>;
  subjectId: Scalars['ID']['input'];
};

export type QueryUserArgs = {
  id: Scalars['ID']['input'];
};

export type QueryUsersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  clientId: Scalars['ID']['input'];
  filter?: InputMaybe<UserFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** Ranked tiers, highest first: holding a role implies every lower one. */
export type Role =
  'CLIENT_ADMIN' | 'EXTERNAL' | 'MANAGER' | 'MEMBER' | 'PARTICIPANT' | 'PARTNER_ADMIN' | 'PLATFORM_OPERATOR';

/** A non-human client (internal tool) with its own user type. */
export type ServiceAccount = {
  __typename?: 'ServiceAccount';
  clientId: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  organizationId: Scalars['ID']['output'];
};

export type ServiceAccountCredentials = {
  __typename?: 'ServiceAccountCredentials';
  /** Shown once; only a hash is kept. */
  clientSecret: Scalars['String']['output'];
  serviceAccount: ServiceAccount;
};

export type ServiceToken = {
  __typename?: 'ServiceToken';
  accessToken: Scalars['String']['output'];
  accessTokenExpiresAt: Scalars['DateTime']['output'];
};

export type SignUpInput = {
  email: Scalars['String']['input'];
  firstName: Scalars['String']['input'];
  lastName: Scalars['String']['input'];
  /** At least 12 characters, two kinds of characters or more, not containing the email's local part. */
  password: Scalars['String']['input'];
};

export type SignUpResult = {
  __typename?: 'SignUpResult';
  /** Always true: a link to confirm the address was emailed (the answer is the same for an address that already has an account). */
  activationRequired: Scalars['Boolean']['output'];
  email: Scalars['String']['output'];
};

export type UsageDay = {
  __typename?: 'UsageDay';
  activeUsers: Scalars['Int']['output'];
  /** YYYY-MM-DD (UTC). */
  date: Scalars['String']['output'];
  logins: Scalars['Int']['output'];
};

export type User = {
  __typename?: 'User';
  /** External contacts only. */
  accessLevel?: Maybe<ExternalAccessLevel>;
  /** Accounts (divisions) of the client the user works in; empty: none chosen. */
  accountIds: Array<Scalars['ID']['output']>;
  createdAt: Scalars['DateTime']['output'];
  email: Scalars['String']['output'];
  firstName: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  kind: UserKind;
  lastLoginAt?: Maybe<Scalars['DateTime']['output']>;
  lastName: Scalars['String']['output'];
  /** The home organisation. */
  organization: Organization;
  status: UserStatus;
  username: Scalars['String']['output'];
};

export type UserConnection = {
  __typename?: 'UserConnection';
  edges: Array<UserEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type UserEdge = {
  __typename?: 'UserEdge';
  cursor: Scalars['String']['output'];
  node: User;
};

/** Every given condition must hold. Text conditions are case-insensitive prefixes (at most 100 characters). */
export type UserFilter = {
  /** Users who work in this account (division). */
  accountId?: InputMaybe<Scalars['ID']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  firstName?: InputMaybe<Scalars['String']['input']>;
  kind?: InputMaybe<UserKind>;
  lastName?: InputMaybe<Scalars['String']['input']>;
  /** Prefix of username, first name, last name or email. */
  search?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<UserStatus>;
  userTypeId?: InputMaybe<Scalars['ID']['input']>;
  username?: InputMaybe<Scalars['String']['input']>;
};

export type UserKind =
  | 'EMPLOYEE'
  /** An external contact of the organisation. */
  | 'EXTERNAL'
  /** A candidate taking assessments in a project. */
  | 'PARTICIPANT';

export type UserStatus =
  | 'ACTIVE'
  | 'DEACTIVATED'
  /** Invited; the activation link has not been used yet. */
  | 'INVITED';

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
  Partner: Partner;
  User: User;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Client: { __typename: 'Client' } & GraphQLRecursivePick<FederationTypes['Client'], { id: true }>;
  Partner: { __typename: 'Partner' } & GraphQLRecursivePick<FederationTypes['Partner'], { id: true }>;
  User: { __typename: 'User' } & GraphQLRecursivePick<FederationTypes['User'], { id: true }>;
}>;

/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = ResolversObject<{
  Organization: OrganizationRef | OrganizationRef;
}>;

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AuthPayload: ResolverTypeWrapper<Omit<AuthPayload, 'user'> & { user: ResolversTypes['User'] }>;
  Client: ResolverTypeWrapper<OrganizationRef>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  ClientUsage: ResolverTypeWrapper<ClientUsageView>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  ExternalAccessLevel: ExternalAccessLevel;
  InviteUserInput: InviteUserInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Organization: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['Organization']>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Partner: ResolverTypeWrapper<OrganizationRef>;
  PrincipalKind: PrincipalKind;
  PrincipalStatus: ResolverTypeWrapper<PrincipalStatus>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Role: Role;
  ServiceAccount: ResolverTypeWrapper<ServiceAccountEntity>;
  ServiceAccountCredentials: ResolverTypeWrapper<
    Omit<ServiceAccountCredentials, 'serviceAccount'> & { serviceAccount: ResolversTypes['ServiceAccount'] }
  >;
  ServiceToken: ResolverTypeWrapper<ServiceToken>;
  SignUpInput: SignUpInput;
  SignUpResult: ResolverTypeWrapper<SignUpResult>;
  UsageDay: ResolverTypeWrapper<UsageDay>;
  User: ResolverTypeWrapper<UserEntity>;
  UserConnection: ResolverTypeWrapper<Omit<UserConnection, 'edges'> & { edges: Array<ResolversTypes['UserEdge']> }>;
  UserEdge: ResolverTypeWrapper<Omit<UserEdge, 'node'> & { node: ResolversTypes['User'] }>;
  UserFilter: UserFilter;
  UserKind: UserKind;
  UserStatus: UserStatus;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AuthPayload: Omit<AuthPayload, 'user'> & { user: ResolversParentTypes['User'] };
  Client: OrganizationRef;
  Int: Scalars['Int']['output'];
  ID: Scalars['ID']['output'];
  ClientUsage: ClientUsageView;
  DateTime: Scalars['DateTime']['output'];
  InviteUserInput: InviteUserInput;
  Mutation: Record<PropertyKey, never>;
  Boolean: Scalars['Boolean']['output'];
  Organization: ResolversInterfaceTypes<ResolversParentTypes>['Organization'];
  PageInfo: PageInfo;
  Partner: OrganizationRef;
  PrincipalStatus: PrincipalStatus;
  Query: Record<PropertyKey, never>;
  ServiceAccount: ServiceAccountEntity;
  ServiceAccountCredentials: Omit<ServiceAccountCredentials, 'serviceAccount'> & {
    serviceAccount: ResolversParentTypes['ServiceAccount'];
  };
  ServiceToken: ServiceToken;
  SignUpInput: SignUpInput;
  SignUpResult: SignUpResult;
  UsageDay: UsageDay;
  User: UserEntity;
  UserConnection: Omit<UserConnection, 'edges'> & { edges: Array<ResolversParentTypes['UserEdge']> };
  UserEdge: Omit<UserEdge, 'node'> & { node: ResolversParentTypes['User'] };
  UserFilter: UserFilter;
  String: Scalars['String']['output'];
}>;

export type RequiresAuthDirectiveArgs = {};

export type RequiresAuthDirectiveResolver<
  Result,
  Parent,
  ContextType = IdentityContext,
  Args = RequiresAuthDirectiveArgs,
> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type RequiresPermissionDirectiveArgs = {
  permissions: Array<Array<Scalars['String']['input']>>;
};

export type RequiresPermissionDirectiveResolver<
  Result,
  Parent,
  ContextType = IdentityContext,
  Args = RequiresPermissionDirectiveArgs,
> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type RequiresRoleDirectiveArgs = {
  roles: Array<Role>;
};

export type RequiresRoleDirectiveResolver<
  Result,
  Parent,
  ContextType = IdentityContext,
  Args = RequiresRoleDirectiveArgs,
> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type RequiresUserTypeDirectiveArgs = {
  types: Array<Scalars['String']['input']>;
};

export type RequiresUserTypeDirectiveResolver<
  Result,
  Parent,
  ContextType = IdentityContext,
  Args = RequiresUserTypeDirectiveArgs,
> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AuthPayloadResolvers<
  ContextType = IdentityContext,
  ParentType extends ResolversParentTypes['AuthPayload'] = ResolversParentTypes['AuthPayload'],
> = ResolversObject<{
  accessToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  accessTokenExpiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  refreshToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  refreshTokenExpiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
}>;

export type ClientResolvers<
  ContextType = IdentityContext,
  ParentType extends ResolversParentTypes['Client'] = ResolversParentTypes['Client'],
  FederationReferenceType extends FederationReferenceTypes['Client'] = FederationReferenceTypes['Client'],
> = ResolversObject<{
  __resolveReference?: ReferenceResolver<
    Maybe<ResolversTypes['Client']> | FederationReferenceType,
    FederationReferenceType,
    ContextType
  >;
  employeeCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  usage?: Resolver<ResolversTypes['ClientUsage'], ParentType, ContextType, Partial<ClientUsageArgs>>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ClientUsageResolvers<
  ContextType = IdentityContext,
  ParentType extends ResolversParentTypes['ClientUsage'] = ResolversParentTypes['ClientUsage'],
> = ResolversObject<{
  activeUsers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  daily?: Resolver<Array<ResolversTypes['UsageDay']>, ParentType, ContextType>;
  employees?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  lastActivityAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  logins?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pendingInvitations?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  users?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type MutationResolvers<
  ContextType = IdentityContext,
  ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation'],
> = ResolversObject<{
  activateAccount?: Resolver<
    ResolversTypes['User'],
    ParentType,
    ContextType,
    RequireFields<MutationActivateAccountArgs, 'token'>
  >;
  createServiceAccount?: Resolver<
    ResolversTypes['ServiceAccountCredentials'],
    ParentType,
    ContextType,
    RequireFields<MutationCreateServiceAccountArgs, 'name' | 'organizationId'>
  >;
  deactivateUser?: Resolver<
    ResolversTypes['User'],
    ParentType,
    ContextType,
    RequireFields<MutationDeactivateUserArgs, 'userId'>
  >;
  inviteUser?: Resolver<
    ResolversTypes['User'],
    ParentType,
    ContextType,
    RequireFields<MutationInviteUserArgs, 'input' | 'organizationId'>
  >;
  issueServiceToken?: Resolver<
    ResolversTypes['ServiceToken'],
    ParentType,
    ContextType,
    RequireFields<MutationIssueServiceTokenArgs, 'clientId' | 'clientSecret'>
  >;
  login?: Resolver<
    Maybe<ResolversTypes['AuthPayload']>,
    ParentType,
    ContextType,
    RequireFields<MutationLoginArgs, 'email' | 'password'>
  >;
  logout?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  reactivateUser?: Resolver<
    ResolversTypes['User'],
    ParentType,
    ContextType,
    RequireFields<MutationReactivateUserArgs, 'userId'>
  >;
  refreshSession?: Resolver<
    ResolversTypes['AuthPayload'],
    ParentType,
    ContextType,
    RequireFields<MutationRefreshSessionArgs, 'refreshToken'>
  >;
  repairUser?: Resolver<
    ResolversTypes['User'],
    ParentType,
    ContextType,
    RequireFields<MutationRepairUserArgs, 'userId'>
  >;
  requestNewActivationLink?: Resolver<
    ResolversTypes['Boolean'],
    ParentType,
    ContextType,
    RequireFields<MutationRequestNewActivationLinkArgs, 'email'>
  >;
  resendInvitation?: Resolver<
    ResolversTypes['User'],
    ParentType,
    ContextType,
    RequireFields<MutationResendInvitationArgs, 'userId'>
  >;
  revokeInvitation?: Resolver<
    ResolversTypes['User'],
    ParentType,
    ContextType,
    RequireFields<MutationRevokeInvitationArgs, 'userId'>
  >;
  signUp?: Resolver<
    ResolversTypes['SignUpResult'],
    ParentType,
    ContextType,
    RequireFields<MutationSignUpArgs, 'input'>
  >;
}>;

export type OrganizationResolvers<
  ContextType = IdentityContext,
  ParentType extends ResolversParentTypes['Organization'] = ResolversParentTypes['Organization'],
> = ResolversObject<{
  __resolveType: TypeResolveFn<'Client' | 'Partner', ParentType, ContextType>;
}>;

export type PageInfoResolvers<
  ContextType = IdentityContext,
  ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo'],
> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type PartnerResolvers<
  ContextType = IdentityContext,
  ParentType extends ResolversParentTypes['Partner'] = ResolversParentTypes['Partner'],
  FederationReferenceType extends FederationReferenceTypes['Partner'] = FederationReferenceTypes['Partner'],
> = ResolversObject<{
  __resolveReference?: ReferenceResolver<
    Maybe<ResolversTypes['Partner']> | FederationReferenceType,
    FederationReferenceType,
    ContextType
  >;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type PrincipalStatusResolvers<
  ContextType = IdentityContext,
  ParentType extends ResolversParentTypes['PrincipalStatus'] = ResolversParentTypes['PrincipalStatus'],
> = ResolversObject<{
  accessLevel?: Resolver<Maybe<ResolversTypes['ExternalAccessLevel']>, ParentType, ContextType>;
  active?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  boundToPartnerId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  organizationId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  userKind?: Resolver<Maybe<ResolversTypes['UserKind']>, ParentType, ContextType>;
}>;

export type QueryResolvers<
  ContextType = IdentityContext,
  ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query'],
> = ResolversObject<{
  _identityPersonalData?: Resolver<
    ResolversTypes['String'],
    ParentType,
    ContextType,
    RequireFields<Query_IdentityPersonalDataArgs, 'userId'>
  >;
  _principalStatus?: Resolver<
    ResolversTypes['PrincipalStatus'],
    ParentType,
    ContextType,
    RequireFields<Query_PrincipalStatusArgs, 'kind' | 'subjectId'>
  >;
  me?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType, RequireFields<QueryUserArgs, 'id'>>;
  users?: Resolver<
    ResolversTypes['UserConnection'],
    ParentType,
    ContextType,
    RequireFields<QueryUsersArgs, 'clientId'>
  >;
}>;

export type ServiceAccountResolvers<
  ContextType = IdentityContext,
  ParentType extends ResolversParentTypes['ServiceAccount'] = ResolversParentTypes['ServiceAccount'],
> = ResolversObject<{
  clientId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  organizationId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type ServiceAccountCredentialsResolvers<
  ContextType = IdentityContext,
  ParentType extends ResolversParentTypes['ServiceAccountCredentials'] =
    ResolversParentTypes['ServiceAccountCredentials'],
> = ResolversObject<{
  clientSecret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  serviceAccount?: Resolver<ResolversTypes['ServiceAccount'], ParentType, ContextType>;
}>;

export type ServiceTokenResolvers<
  ContextType = IdentityContext,
  ParentType extends ResolversParentTypes['ServiceToken'] = ResolversParentTypes['ServiceToken'],
> = ResolversObject<{
  accessToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  accessTokenExpiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type SignUpResultResolvers<
  ContextType = IdentityContext,
  ParentType extends ResolversParentTypes['SignUpResult'] = ResolversParentTypes['SignUpResult'],
> = ResolversObject<{
  activationRequired?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type UsageDayResolvers<
  ContextType = IdentityContext,
  ParentType extends ResolversParentTypes['UsageDay'] = ResolversParentTypes['UsageDay'],
> = ResolversObject<{
  activeUsers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  date?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  logins?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type UserResolvers<
  ContextType = IdentityContext,
  ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'],
  FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User'],
> = ResolversObject<{
  __resolveReference?: ReferenceResolver<
    Maybe<ResolversTypes['User']> | FederationReferenceType,
    FederationReferenceType,
    ContextType
  >;
  accessLevel?: Resolver<Maybe<ResolversTypes['ExternalAccessLevel']>, ParentType, ContextType>;
  accountIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  firstName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['UserKind'], ParentType, ContextType>;
  lastLoginAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lastName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  organization?: Resolver<ResolversTypes['Organization'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['UserStatus'], ParentType, ContextType>;
  username?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type UserConnectionResolvers<
  ContextType = IdentityContext,
  ParentType extends ResolversParentTypes['UserConnection'] = ResolversParentTypes['UserConnection'],
> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['UserEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type UserEdgeResolvers<
  ContextType = IdentityContext,
  ParentType extends ResolversParentTypes['UserEdge'] = ResolversParentTypes['UserEdge'],
> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = IdentityContext> = ResolversObject<{
  AuthPayload?: AuthPayloadResolvers<ContextType>;
  Client?: ClientResolvers<ContextType>;
  ClientUsage?: ClientUsageResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  Organization?: OrganizationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Partner?: PartnerResolvers<ContextType>;
  PrincipalStatus?: PrincipalStatusResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  ServiceAccount?: ServiceAccountResolvers<ContextType>;
  ServiceAccountCredentials?: ServiceAccountCredentialsResolvers<ContextType>;
  ServiceToken?: ServiceTokenResolvers<ContextType>;
  SignUpResult?: SignUpResultResolvers<ContextType>;
  UsageDay?: UsageDayResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  UserConnection?: UserConnectionResolvers<ContextType>;
  UserEdge?: UserEdgeResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = IdentityContext> = ResolversObject<{
  requiresAuth?: RequiresAuthDirectiveResolver<any, any, ContextType>;
  requiresPermission?: RequiresPermissionDirectiveResolver<any, any, ContextType>;
  requiresRole?: RequiresRoleDirectiveResolver<any, any, ContextType>;
  requiresUserType?: RequiresUserTypeDirectiveResolver<any, any, ContextType>;
}>;
