/**
 * Every read identity serves, bound to the caller's `Access` for one request: a person or a
 * statistic the caller may not see loads as null, is left out of a list, or (a client's statistics
 * it sees but may not read) answers FORBIDDEN, so a resolver cannot return it even if it forgets to
 * ask. The rules are the policy's (policy.ts); batching keeps statement counts flat in list sizes.
 */
import DataLoader from 'dataloader';
import { Brackets, In, IsNull, type DataSource, type SelectQueryBuilder } from 'typeorm';
import type { Access } from '../../shared/auth/access';
import { keysetPage, pageRequest, toConnection, type Connection } from '../../shared/data/pagination';
import type {
  ClientUsageArgs,
  PrincipalStatus,
  Query_PrincipalStatusArgs,
  QueryUsersArgs,
} from './generated/resolvers-types';
import type { OrganizationRef } from './context';
import { ServiceAccountEntity, UserAccountEntity, UserEntity } from './entities';
import { USER_ORDER, userSearch } from './directory';
import { isOrganizationSuspended } from './people';
import {
  requireClientField,
  requireSystem,
  seesClient,
  seesPerson,
  userVisibility,
  type UserVisibility,
} from './policy';
import { personalData } from './privacy';
import { serviceAccountActive } from './service-accounts';
import { isSessionActive } from './sessions';
import { countEmployees, loadUsage, usageKey, usagePeriod, type ClientUsage } from './usage';

/** A client's usage as the schema shows it, with the period's bounds; only the scoped `usage` read makes one. */
export interface ClientUsageView extends ClientUsage {
  from: Date;
  to: Date;
}

export function createLoaders(db: DataSource, access: Access, now: Date) {
  /** Not deleted users by id, unscoped: only the scoped reads below hand them out. */
  const usersById = new DataLoader<string, UserEntity | null>(async (ids) => {
    const rows = await db.getRepository(UserEntity).findBy({ id: In([...ids]), deletedAt: IsNull() });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
  /** Account (division) ids of each user, one statement per page of users. */
  const accountIds = new DataLoader<string, string[]>(async (userIds) => {
    const rows = await db
      .getRepository(UserAccountEntity)
      .find({ where: { userId: In([...userIds]) }, order: { accountId: 'ASC' } });
    return userIds.map((userId) => rows.filter((row) => row.userId === userId).map((row) => row.accountId));
  });
  const visibilities = new Map<string, Promise<UserVisibility>>();
  const visibilityIn = (organizationId: string): Promise<UserVisibility> => {
    let visibility = visibilities.get(organizationId);
    if (!visibility) {
      visibility = userVisibility(access, organizationId);
      visibilities.set(organizationId, visibility);
    }
    return visibility;
  };
  const usage = createUsageLoader(db, now);
  const employees = new DataLoader<string, number>((clientIds) => countEmployees(db, clientIds));

  /** A person the caller may see, or null: unknown, soft-deleted, erased and invisible alike. */
  async function user(id: string): Promise<UserEntity | null> {
    const row = await usersById.load(id);
    if (!row) return null;
    const visibility = await visibilityIn(row.organizationId);
    const accounts = visibility.kind === 'accounts' ? await accountIds.load(row.id) : [];
    return seesPerson(visibility, row, accounts) ? row : null;
  }

  return {
    user,
    /** The signed-in user (always visible to themself while not deleted); null for other callers. */
    me: (): Promise<UserEntity | null> =>
      access.principal.kind === 'user' ? usersById.load(access.principal.userId) : Promise.resolve(null),
    /** The users of an organisation the caller sees, filtered in SQL; empty for an organisation it cannot see. */
    async users({ clientId, filter, first, after }: QueryUsersArgs): Promise<Connection<UserEntity>> {
      const page = pageRequest(first, after);
      const search = userSearch(db, clientId, filter);
      const visibility = await visibilityIn(clientId);
      if (visibility.kind === 'none') return toConnection([], page, 0, () => '');
      return keysetPage(withinVisibility(search, clientId, visibility), page, USER_ORDER);
    },
    /** The accounts a visible user works in. */
    accountIdsOf: (userId: string): Promise<string[]> => accountIds.load(userId),
    /** A client reference: resolved for callers that reach the client, null for unknown and foreign ones. */
    client: async (id: string): Promise<OrganizationRef | null> =>
      (await seesClient(access, id)) ? { __typename: 'Client', id } : null,
    async usage(clientId: string, { from, to }: ClientUsageArgs): Promise<ClientUsageView> {
      await requireClientField(access, clientId, 'usage');
      const period = usagePeriod(from == null ? null : new Date(from), to == null ? null : new Date(to), now);
      return { ...(await usage.load(usageKey(clientId, period))), from: period.from, to: period.to };
    },
    /** The employee count inside usage the caller was allowed to read (counted only when asked for). */
    usageEmployees: (view: ClientUsageView): Promise<number> => employees.load(view.clientId),
    async employeeCount(clientId: string): Promise<number> {
      await requireClientField(access, clientId, 'employeeCount');
      return employees.load(clientId);
    },
    /** For the gateway: whether a user's session, or a service account, may still act. */
    async principalStatus({ subjectId, kind, sessionId }: Query_PrincipalStatusArgs): Promise<PrincipalStatus> {
      requireSystem(access);
      if (kind === 'SERVICE') {
        const account = await db.getRepository(ServiceAccountEntity).findOneBy({ id: subjectId });
        return {
          active: account !== null && (await serviceAccountActive(db, account)),
          organizationId: account?.organizationId ?? null,
          boundToPartnerId: account?.boundToPartnerId ?? null,
        };
      }
      const row = await db.getRepository(UserEntity).findOneBy({ id: subjectId });
      const active =
        row !== null &&
        row.status === 'ACTIVE' &&
        !row.deletedAt &&
        (sessionId ? await isSessionActive(db, sessionId, now) : false) &&
        // A suspended client's users are refused too (ClientStatusChanged from tenancy).
        !(await isOrganizationSuspended(db, row.organizationId));
      return {
        active,
        organizationId: row?.organizationId ?? null,
        userKind: row?.kind ?? null,
        accessLevel: row?.accessLevel ?? null,
      };
    },
    /** For compliance: everything identity holds on one person, as JSON. */
    async personalData(userId: string): Promise<string> {
      requireSystem(access);
      return JSON.stringify(await personalData(db, userId));
    },
  };
}

export type IdentityLoaders = ReturnType<typeof createLoaders>;

/** Narrows a directory search to the people a visibility lets the caller see. */
function withinVisibility(
  search: SelectQueryBuilder<UserEntity>,
  organizationId: string,
  visibility: Exclude<UserVisibility, { kind: 'none' }>,
): SelectQueryBuilder<UserEntity> {
  switch (visibility.kind) {
    case 'all':
      return search;
    case 'self':
      return search.andWhere('user.id = :visibleSelf', { visibleSelf: visibility.selfId });
    case 'accounts':
      return search.andWhere(
        new Brackets((qb) => {
          qb.where('user.id = :visibleSelf', { visibleSelf: visibility.selfId ?? '' });
          if (visibility.accountIds.length > 0)
            qb.orWhere(
              'user.id IN (SELECT va.userId FROM user_accounts va WHERE va.organizationId = :visibleOrg AND va.accountId IN (:...visibleAccounts))',
              { visibleOrg: organizationId, visibleAccounts: visibility.accountIds },
            );
        }),
      );
    default: {
      const unexpected: never = visibility;
      return unexpected;
    }
  }
}

/**
 * Usage of many clients, one batch per period (keys `clientId|fromISO|toISO`), unscoped: the scoped
 * `usage` read above asks the policy first. `now` is the request's. The benchmark (bench/run.ts) uses it directly.
 */
export function createUsageLoader(db: DataSource, now: Date): DataLoader<string, ClientUsage> {
  return new DataLoader<string, ClientUsage>(async (keys) => {
    const byPeriod = new Map<string, string[]>();
    for (const key of keys) {
      const [clientId, from, to] = key.split('|');
      const periodKey = `${from}|${to}`;
      byPeriod.set(periodKey, [...(byPeriod.get(periodKey) ?? []), clientId]);
    }
    const results = new Map<string, ClientUsage>();
    for (const [periodKey, clientIds] of byPeriod) {
      const [from, to] = periodKey.split('|');
      const figures = await loadUsage(db, [...new Set(clientIds)], { from: new Date(from), to: new Date(to) }, now);
      for (const [clientId, value] of figures) results.set(`${clientId}|${periodKey}`, value);
    }
    return keys.map((key) => results.get(key)!);
  });
}
