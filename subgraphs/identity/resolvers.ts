import type { GraphQLResolverMap } from '../../shared/subgraph/resolver-map';
import type { Ref } from '../../shared/subgraph/context';
import { IsNull } from 'typeorm';
import { inTransaction } from '../../shared/data/database';
import { unauthenticated } from '../../shared/runtime/errors';
import { actorId, can, requirePermission, requireSystem } from '../../shared/auth/guard';
import { newId } from '../../shared/runtime/ids';
import { publish } from '../../shared/events/outbox';
import { DateTimeScalar } from '../../shared/runtime/scalars';
import { displayName, uuid, validate } from '../../shared/runtime/validation';
import { z } from 'zod';
import {
  isSessionActive,
  issueServiceToken,
  login,
  newServiceCredentials,
  refreshSession,
  revokeSession,
} from './auth';
import type { IdentityContext } from './context';
import { ServiceAccountEntity, UserEntity } from './entities';
import { AccessGrantEntity } from '../../shared/subgraph/facts';
import { personalData } from './privacy';
import { listUsers, type UserFilter } from './users';
import { isOrganizationSuspended } from './lifecycle';
import { lifecycleResolvers } from './lifecycle-resolvers';
import { usageKey, usagePeriod, type ClientUsage } from './usage';

/** A user is visible to themself and to holders of users.read in their home organisation. */
const mayRead = (context: IdentityContext, user: UserEntity): boolean =>
  (context.principal.kind === 'user' && context.principal.userId === user.id) ||
  can(context.principal, 'users.read', user.organizationId);

const createServiceAccountInput = z.object({ organizationId: uuid, name: displayName(100) });

export const resolvers: GraphQLResolverMap<IdentityContext> = {
  DateTime: DateTimeScalar,
  Query: {
    me: (_: unknown, __: unknown, { principal, loaders }: IdentityContext) =>
      principal.kind === 'user' ? loaders.user.load(principal.userId) : null,
    user: async (_: unknown, { id }: Ref, context: IdentityContext) => {
      const user = await context.loaders.user.load(id);
      if (!user) return null;
      requirePermission(context.principal, 'users.read', user.organizationId);
      return user;
    },
    users: (
      _: unknown,
      args: { clientId: string; filter?: UserFilter; first?: number; after?: string },
      { db, principal }: IdentityContext,
    ) => {
      requirePermission(principal, 'users.read', args.clientId);
      return listUsers(db, args.clientId, args);
    },
    _identityPersonalData: async (_: unknown, { userId }: { userId: string }, { db, principal }: IdentityContext) => {
      requireSystem(principal);
      return JSON.stringify(await personalData(db, userId));
    },
    _principalStatus: async (
      _: unknown,
      args: { subjectId: string; kind: 'USER' | 'SERVICE'; sessionId?: string },
      { db, principal, now }: IdentityContext,
    ) => {
      requireSystem(principal);
      if (args.kind === 'SERVICE') {
        const account = await db
          .getRepository(ServiceAccountEntity)
          .findOneBy({ id: args.subjectId, revokedAt: IsNull() });
        // A grant-bound account stops working with its grant (identity keeps a copy of grants).
        const grant = account?.boundToPartnerId
          ? await db
              .getRepository(AccessGrantEntity)
              .findOneBy({ partnerId: account.boundToPartnerId, clientId: account.organizationId })
          : null;
        const active = account !== null && (account.boundToPartnerId === null || grant?.status === 'ACTIVE');
        return {
          active,
          organizationId: account?.organizationId ?? null,
          boundToPartnerId: account?.boundToPartnerId ?? null,
        };
      }
      const user = await db.getRepository(UserEntity).findOneBy({ id: args.subjectId });
      const sessionActive = args.sessionId ? await isSessionActive(db, args.sessionId, now) : false;
      // A suspended client's users are refused too (ClientStatusChanged from tenancy).
      const active =
        user?.status === 'ACTIVE' &&
        !user.deletedAt &&
        sessionActive &&
        !(await isOrganizationSuspended(db, user.organizationId));
      return {
        active,
        organizationId: user?.organizationId ?? null,
        userKind: user?.kind ?? null,
        accessLevel: user?.accessLevel ?? null,
      };
    },
  },
  Mutation: {
    login: (
      _: unknown,
      args: { email: string; password: string },
      { db, services, clientAddress, now }: IdentityContext,
    ) => login(db, services.auth, { input: args, clientAddress, now }),
    refreshSession: (_: unknown, { refreshToken }: { refreshToken: string }, { db, services, now }: IdentityContext) =>
      refreshSession(db, services.auth, refreshToken, now),
    logout: async (_: unknown, __: unknown, { db, principal, now }: IdentityContext) => {
      if (principal.kind !== 'user' || !principal.sessionId) throw unauthenticated();
      await revokeSession(db, principal.sessionId, now);
      return true;
    },
    issueServiceToken: (
      _: unknown,
      args: { clientId: string; clientSecret: string },
      { db, services, clientAddress, now }: IdentityContext,
    ) => issueServiceToken(db, services.auth, { input: args, clientAddress, now }),
    createServiceAccount: async (
      _: unknown,
      args: { organizationId: string; name: string },
      { db, principal, access, now }: IdentityContext,
    ) => {
      const { organizationId, name } = validate(createServiceAccountInput, args);
      requirePermission(principal, 'roles.manage', organizationId);
      // Partner staff creating one in a client act through their grant: the account lives and dies with it.
      const reach = await access.reach(organizationId);
      const boundToPartnerId = reach?.via === 'grant' ? reach.grant.partnerId : null;
      const credentials = await newServiceCredentials();
      const account = await inTransaction(db, async (manager) => {
        const row = manager.create(ServiceAccountEntity, {
          id: newId(),
          organizationId,
          name,
          clientId: credentials.clientId,
          secretHash: credentials.secretHash,
          createdAt: now,
          createdBy: actorId(principal),
          revokedAt: null,
          boundToPartnerId,
        });
        await manager.insert(ServiceAccountEntity, row);
        await publish(
          manager,
          'ServiceAccountCreated',
          { serviceAccountId: row.id, organizationId, name, actorId: actorId(principal) },
          now,
        );
        return row;
      });
      return { serviceAccount: account, clientSecret: credentials.clientSecret };
    },
    ...lifecycleResolvers.Mutation,
  },
  Organization: {
    __resolveType: (organization: { __typename: string }) => organization.__typename,
  },
  User: {
    __resolveReference: async (ref: Ref, context: IdentityContext) => {
      const user = await context.loaders.user.load(ref.id);
      return user && mayRead(context, user) ? user : null;
    },
    organization: (user: UserEntity) => ({
      __typename: user.organizationKind === 'PARTNER' ? 'Partner' : 'Client',
      id: user.organizationId,
    }),
    ...lifecycleResolvers.User,
  },
  Partner: {
    __resolveReference: (ref: Ref) => ({ id: ref.id }),
  },
  Client: {
    __resolveReference: (ref: Ref) => ({ id: ref.id }),
    usage: (
      client: Ref,
      args: { from?: Date | null; to?: Date | null },
      { loaders, principal, now }: IdentityContext,
    ) => {
      requirePermission(principal, 'clients.usage.read', client.id);
      return loaders.clientUsage.load(usageKey(client.id, usagePeriod(args.from, args.to, now)));
    },
    employeeCount: (client: Ref, _: unknown, { loaders, principal }: IdentityContext) => {
      requirePermission(principal, 'clients.read', client.id);
      return loaders.employeeCount.load(client.id);
    },
  },
  ClientUsage: {
    employees: (usage: ClientUsage, _: unknown, { loaders }: IdentityContext) =>
      loaders.employeeCount.load(usage.clientId),
    from: (usage: ClientUsage) => usage.period.from,
    to: (usage: ClientUsage) => usage.period.to,
  },
};
