import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { PermissionsContext } from '../context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
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

/** A permission the user holds in an organisation, and where it comes from. */
export type EffectivePermission = {
  __typename?: 'EffectivePermission';
  key: Scalars['String']['output'];
  organizationId: Scalars['ID']['output'];
  sources: Array<PermissionSource>;
};

export type Mutation = {
  __typename?: 'Mutation';
  assignUserType: User;
  /** Custom user type; nobody can put in it a permission they do not hold. */
  createUserType: UserType;
  /** A type in use can be deleted only when its users move to reassignTo. */
  deleteUserType: Scalars['Boolean']['output'];
  /** Grants a role in an organisation, optionally limited to accounts of a client. */
  grantRole: RoleAssignment;
  revokeRole: Scalars['Boolean']['output'];
  /** The type self-enrolled users get. */
  setDefaultUserType: UserType;
  /** effect null removes the override. */
  setPermissionOverride: User;
  /** Changes apply to every user of the type on their next request. */
  updateUserType: UserType;
};

export type MutationAssignUserTypeArgs = {
  userId: Scalars['ID']['input'];
  userTypeId: Scalars['ID']['input'];
};

export type MutationCreateUserTypeArgs = {
  input: UserTypeInput;
  organizationId: Scalars['ID']['input'];
};

export type MutationDeleteUserTypeArgs = {
  id: Scalars['ID']['input'];
  reassignTo?: InputMaybe<Scalars['ID']['input']>;
};

export type MutationGrantRoleArgs = {
  accountIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  organizationId: Scalars['ID']['input'];
  role: Role;
  userId: Scalars['ID']['input'];
};

export type MutationRevokeRoleArgs = {
  assignmentId: Scalars['ID']['input'];
};

export type MutationSetDefaultUserTypeArgs = {
  id: Scalars['ID']['input'];
};

export type MutationSetPermissionOverrideArgs = {
  effect?: InputMaybe<OverrideEffect>;
  organizationId: Scalars['ID']['input'];
  permission: Scalars['String']['input'];
  userId: Scalars['ID']['input'];
};

export type MutationUpdateUserTypeArgs = {
  changes: UserTypeChanges;
  id: Scalars['ID']['input'];
};

export type OrganizationPermissions = {
  __typename?: 'OrganizationPermissions';
  keys: Array<Scalars['String']['output']>;
  /** An organisation id, or * for every organisation. */
  organizationId: Scalars['ID']['output'];
};

export type OverrideEffect = 'DENY' | 'GRANT';

/** A permission of the catalogue. */
export type Permission = {
  __typename?: 'Permission';
  description: Scalars['String']['output'];
  key: Scalars['String']['output'];
  product: Scalars['String']['output'];
};

export type PermissionOverride = {
  __typename?: 'PermissionOverride';
  createdAt: Scalars['DateTime']['output'];
  effect: OverrideEffect;
  organizationId: Scalars['ID']['output'];
  permission: Scalars['String']['output'];
};

export type PermissionSource = 'OVERRIDE' | 'PARTNER_GRANT' | 'ROLE' | 'USER_TYPE';

/** What the gateway puts into the internal token on every request. */
export type PrincipalGrants = {
  __typename?: 'PrincipalGrants';
  homeOrganizationId?: Maybe<Scalars['ID']['output']>;
  /** The user type's permissions with the overrides applied, in the home organisation: all the principal carries. */
  homePermissions: Array<Scalars['String']['output']>;
  /** Legacy: effective permissions per organisation, until every subgraph decides reach itself. */
  permissions: Array<OrganizationPermissions>;
  roles: Array<RoleAssignment>;
  userType?: Maybe<Scalars['String']['output']>;
};

export type Query = {
  __typename?: 'Query';
  /** For compliance only (system principals): what permissions holds on one person, as JSON. */
  _permissionsPersonalData: Scalars['String']['output'];
  /** For the gateway only (system principals). */
  _principalGrants: PrincipalGrants;
  /** For Tenantry services only (system principals): ids of the organisation's users who hold a permission there. */
  _usersWithPermission: Array<Scalars['ID']['output']>;
  /** The permission catalogue. */
  permissions: Array<Permission>;
  /** The role tiers, highest first. */
  roles: Array<RoleInfo>;
  userTypes: Array<UserType>;
};

export type Query_PermissionsPersonalDataArgs = {
  userId: Scalars['ID']['input'];
};

export type Query_PrincipalGrantsArgs = {
  subjectId: Scalars['ID']['input'];
};

export type Query_UsersWithPermissionArgs = {
  organizationId: Scalars['ID']['input'];
  permission: Scalars['String']['input'];
};

export type QueryUserTypesArgs = {
  organizationId: Scalars['ID']['input'];
};

/** Ranked tiers, highest first: holding a role implies every lower one. */
export type Role =
  'CLIENT_ADMIN' | 'EXTERNAL' | 'MANAGER' | 'MEMBER' | 'PARTICIPANT' | 'PARTNER_ADMIN' | 'PLATFORM_OPERATOR';

/** A role held in a scope: a whole organisation, or chosen accounts of a client. */
export type RoleAssignment = {
  __typename?: 'RoleAssignment';
  /** Empty: the whole organisation. */
  accountIds: Array<Scalars['ID']['output']>;
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  organizationId: Scalars['ID']['output'];
  role: Role;
};

export type RoleInfo = {
  __typename?: 'RoleInfo';
  description: Scalars['String']['output'];
  /** 0 is the highest tier. */
  rank: Scalars['Int']['output'];
  role: Role;
};

export type User = {
  __typename?: 'User';
  /** Where each permission comes from; without organizationId, in every organisation. */
  effectivePermissions: Array<EffectivePermission>;
  id: Scalars['ID']['output'];
  /** Per-user exceptions to the user type. */
  permissionOverrides: Array<PermissionOverride>;
  roles: Array<RoleAssignment>;
  userType?: Maybe<UserType>;
};

export type UserEffectivePermissionsArgs = {
  organizationId?: InputMaybe<Scalars['ID']['input']>;
};

/** A named permission set of one organisation. */
export type UserType = {
  __typename?: 'UserType';
  createdAt: Scalars['DateTime']['output'];
  description: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** The type self-enrolled users get. */
  isDefault: Scalars['Boolean']['output'];
  name: Scalars['String']['output'];
  organizationId: Scalars['ID']['output'];
  permissions: Array<Scalars['String']['output']>;
  predefined: Scalars['Boolean']['output'];
};

export type UserTypeChanges = {
  description?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  permissions?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type UserTypeInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  permissions: Array<Scalars['String']['input']>;
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
  User: User;
  UserType: UserType;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  User: { __typename: 'User' } & GraphQLRecursivePick<FederationTypes['User'], { id: true }>;
  UserType: { __typename: 'UserType' } & GraphQLRecursivePick<FederationTypes['UserType'], { id: true }>;
}>;

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  EffectivePermission: ResolverTypeWrapper<EffectivePermission>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  OrganizationPermissions: ResolverTypeWrapper<OrganizationPermissions>;
  OverrideEffect: OverrideEffect;
  Permission: ResolverTypeWrapper<Permission>;
  PermissionOverride: ResolverTypeWrapper<PermissionOverride>;
  PermissionSource: PermissionSource;
  PrincipalGrants: ResolverTypeWrapper<PrincipalGrants>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Role: Role;
  RoleAssignment: ResolverTypeWrapper<RoleAssignment>;
  RoleInfo: ResolverTypeWrapper<RoleInfo>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  User: ResolverTypeWrapper<User>;
  UserType: ResolverTypeWrapper<UserType>;
  UserTypeChanges: UserTypeChanges;
  UserTypeInput: UserTypeInput;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  DateTime: Scalars['DateTime']['output'];
  EffectivePermission: EffectivePermission;
  ID: Scalars['ID']['output'];
  Mutation: Record<PropertyKey, never>;
  Boolean: Scalars['Boolean']['output'];
  OrganizationPermissions: OrganizationPermissions;
  Permission: Permission;
  PermissionOverride: PermissionOverride;
  PrincipalGrants: PrincipalGrants;
  Query: Record<PropertyKey, never>;
  RoleAssignment: RoleAssignment;
  RoleInfo: RoleInfo;
  Int: Scalars['Int']['output'];
  User: User | FederationReferenceTypes['User'];
  UserType: UserType | FederationReferenceTypes['UserType'];
  UserTypeChanges: UserTypeChanges;
  UserTypeInput: UserTypeInput;
  String: Scalars['String']['output'];
}>;

export type RequiresAuthDirectiveArgs = {};

export type RequiresAuthDirectiveResolver<
  Result,
  Parent,
  ContextType = PermissionsContext,
  Args = RequiresAuthDirectiveArgs,
> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type RequiresPermissionDirectiveArgs = {
  permissions: Array<Array<Scalars['String']['input']>>;
};

export type RequiresPermissionDirectiveResolver<
  Result,
  Parent,
  ContextType = PermissionsContext,
  Args = RequiresPermissionDirectiveArgs,
> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type RequiresRoleDirectiveArgs = {
  roles: Array<Role>;
};

export type RequiresRoleDirectiveResolver<
  Result,
  Parent,
  ContextType = PermissionsContext,
  Args = RequiresRoleDirectiveArgs,
> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type RequiresUserTypeDirectiveArgs = {
  types: Array<Scalars['String']['input']>;
};

export type RequiresUserTypeDirectiveResolver<
  Result,
  Parent,
  ContextType = PermissionsContext,
  Args = RequiresUserTypeDirectiveArgs,
> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type EffectivePermissionResolvers<
  ContextType = PermissionsContext,
  ParentType extends ResolversParentTypes['EffectivePermission'] = ResolversParentTypes['EffectivePermission'],
> = ResolversObject<{
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  organizationId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  sources?: Resolver<Array<ResolversTypes['PermissionSource']>, ParentType, ContextType>;
}>;

export type MutationResolvers<
  ContextType = PermissionsContext,
  ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation'],
> = ResolversObject<{
  assignUserType?: Resolver<
    ResolversTypes['User'],
    ParentType,
    ContextType,
    RequireFields<MutationAssignUserTypeArgs, 'userId' | 'userTypeId'>
  >;
  createUserType?: Resolver<
    ResolversTypes['UserType'],
    ParentType,
    ContextType,
    RequireFields<MutationCreateUserTypeArgs, 'input' | 'organizationId'>
  >;
  deleteUserType?: Resolver<
    ResolversTypes['Boolean'],
    ParentType,
    ContextType,
    RequireFields<MutationDeleteUserTypeArgs, 'id'>
  >;
  grantRole?: Resolver<
    ResolversTypes['RoleAssignment'],
    ParentType,
    ContextType,
    RequireFields<MutationGrantRoleArgs, 'organizationId' | 'role' | 'userId'>
  >;
  revokeRole?: Resolver<
    ResolversTypes['Boolean'],
    ParentType,
    ContextType,
    RequireFields<MutationRevokeRoleArgs, 'assignmentId'>
  >;
  setDefaultUserType?: Resolver<
    ResolversTypes['UserType'],
    ParentType,
    ContextType,
    RequireFields<MutationSetDefaultUserTypeArgs, 'id'>
  >;
  setPermissionOverride?: Resolver<
    ResolversTypes['User'],
    ParentType,
    ContextType,
    RequireFields<MutationSetPermissionOverrideArgs, 'organizationId' | 'permission' | 'userId'>
  >;
  updateUserType?: Resolver<
    ResolversTypes['UserType'],
    ParentType,
    ContextType,
    RequireFields<MutationUpdateUserTypeArgs, 'changes' | 'id'>
  >;
}>;

export type OrganizationPermissionsResolvers<
  ContextType = PermissionsContext,
  ParentType extends ResolversParentTypes['OrganizationPermissions'] = ResolversParentTypes['OrganizationPermissions'],
> = ResolversObject<{
  keys?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  organizationId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type PermissionResolvers<
  ContextType = PermissionsContext,
  ParentType extends ResolversParentTypes['Permission'] = ResolversParentTypes['Permission'],
> = ResolversObject<{
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  product?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type PermissionOverrideResolvers<
  ContextType = PermissionsContext,
  ParentType extends ResolversParentTypes['PermissionOverride'] = ResolversParentTypes['PermissionOverride'],
> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  effect?: Resolver<ResolversTypes['OverrideEffect'], ParentType, ContextType>;
  organizationId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  permission?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type PrincipalGrantsResolvers<
  ContextType = PermissionsContext,
  ParentType extends ResolversParentTypes['PrincipalGrants'] = ResolversParentTypes['PrincipalGrants'],
> = ResolversObject<{
  homeOrganizationId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  homePermissions?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  permissions?: Resolver<Array<ResolversTypes['OrganizationPermissions']>, ParentType, ContextType>;
  roles?: Resolver<Array<ResolversTypes['RoleAssignment']>, ParentType, ContextType>;
  userType?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type QueryResolvers<
  ContextType = PermissionsContext,
  ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query'],
> = ResolversObject<{
  _permissionsPersonalData?: Resolver<
    ResolversTypes['String'],
    ParentType,
    ContextType,
    RequireFields<Query_PermissionsPersonalDataArgs, 'userId'>
  >;
  _principalGrants?: Resolver<
    ResolversTypes['PrincipalGrants'],
    ParentType,
    ContextType,
    RequireFields<Query_PrincipalGrantsArgs, 'subjectId'>
  >;
  _usersWithPermission?: Resolver<
    Array<ResolversTypes['ID']>,
    ParentType,
    ContextType,
    RequireFields<Query_UsersWithPermissionArgs, 'organizationId' | 'permission'>
  >;
  permissions?: Resolver<Array<ResolversTypes['Permission']>, ParentType, ContextType>;
  roles?: Resolver<Array<ResolversTypes['RoleInfo']>, ParentType, ContextType>;
  userTypes?: Resolver<
    Array<ResolversTypes['UserType']>,
    ParentType,
    ContextType,
    RequireFields<QueryUserTypesArgs, 'organizationId'>
  >;
}>;

export type RoleAssignmentResolvers<
  ContextType = PermissionsContext,
  ParentType extends ResolversParentTypes['RoleAssignment'] = ResolversParentTypes['RoleAssignment'],
> = ResolversObject<{
  accountIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  organizationId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
}>;

export type RoleInfoResolvers<
  ContextType = PermissionsContext,
  ParentType extends ResolversParentTypes['RoleInfo'] = ResolversParentTypes['RoleInfo'],
> = ResolversObject<{
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rank?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
}>;

export type UserResolvers<
  ContextType = PermissionsContext,
  ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'],
  FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User'],
> = ResolversObject<{
  __resolveReference?: ReferenceResolver<
    Maybe<ResolversTypes['User']> | FederationReferenceType,
    FederationReferenceType,
    ContextType
  >;
  effectivePermissions?: Resolver<
    Array<ResolversTypes['EffectivePermission']>,
    ParentType,
    ContextType,
    Partial<UserEffectivePermissionsArgs>
  >;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  permissionOverrides?: Resolver<Array<ResolversTypes['PermissionOverride']>, ParentType, ContextType>;
  roles?: Resolver<Array<ResolversTypes['RoleAssignment']>, ParentType, ContextType>;
  userType?: Resolver<Maybe<ResolversTypes['UserType']>, ParentType, ContextType>;
}>;

export type UserTypeResolvers<
  ContextType = PermissionsContext,
  ParentType extends ResolversParentTypes['UserType'] = ResolversParentTypes['UserType'],
  FederationReferenceType extends FederationReferenceTypes['UserType'] = FederationReferenceTypes['UserType'],
> = ResolversObject<{
  __resolveReference?: ReferenceResolver<
    Maybe<ResolversTypes['UserType']> | FederationReferenceType,
    FederationReferenceType,
    ContextType
  >;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isDefault?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  organizationId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  permissions?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  predefined?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = PermissionsContext> = ResolversObject<{
  DateTime?: GraphQLScalarType;
  EffectivePermission?: EffectivePermissionResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  OrganizationPermissions?: OrganizationPermissionsResolvers<ContextType>;
  Permission?: PermissionResolvers<ContextType>;
  PermissionOverride?: PermissionOverrideResolvers<ContextType>;
  PrincipalGrants?: PrincipalGrantsResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RoleAssignment?: RoleAssignmentResolvers<ContextType>;
  RoleInfo?: RoleInfoResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  UserType?: UserTypeResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = PermissionsContext> = ResolversObject<{
  requiresAuth?: RequiresAuthDirectiveResolver<any, any, ContextType>;
  requiresPermission?: RequiresPermissionDirectiveResolver<any, any, ContextType>;
  requiresRole?: RequiresRoleDirectiveResolver<any, any, ContextType>;
  requiresUserType?: RequiresUserTypeDirectiveResolver<any, any, ContextType>;
}>;
