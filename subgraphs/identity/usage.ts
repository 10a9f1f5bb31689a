import { In, IsNull, type DataSource, type EntityManager } from 'typeorm';
import { isUniqueViolation } from '../../shared/data/database';
import { badInput } from '../../shared/runtime/errors';
import type { UsageDay } from './generated/resolvers-types';
import { ClientEmailDomainEntity, UsageDailyEntity, UserDailyActivityEntity, UserEntity } from './entities';

/*
 * Usage statistics for partner dashboards. Sign-ins are rolled up per client and day as they happen
 * (usage_daily, user_daily_activity), so a dashboard over a year reads at most 366 rows per client
 * instead of every login event. The loaders that serve them are in loaders.ts.
 */

export const utcDay = (date: Date): string => date.toISOString().slice(0, 10);

/**
 * Adds one sign-in to the roll-ups, inside the caller's transaction. Two first sign-ins of the day
 * for one client can race: the loser's insert hits the primary key, so it updates instead.
 */
export async function recordLoginInRollups(
  manager: EntityManager,
  userId: string,
  organizationId: string,
  at: Date,
): Promise<void> {
  const day = utcDay(at);
  const firstToday = await insertUnlessPresent(manager, UserDailyActivityEntity, { userId, day, organizationId });
  const increment = () =>
    manager
      .createQueryBuilder()
      .update(UsageDailyEntity)
      .set({ logins: () => 'logins + 1', activeUsers: () => (firstToday ? 'activeUsers + 1' : 'activeUsers') })
      .where({ organizationId, day })
      .execute();
  if ((await increment()).affected) return;
  if (
    !(await insertUnlessPresent(manager, UsageDailyEntity, {
      organizationId,
      day,
      logins: 1,
      activeUsers: firstToday ? 1 : 0,
    }))
  )
    await increment();
}

/** Inserts a row; false when its primary key already exists (a failed statement does not end the transaction on SQLite or MySQL). */
async function insertUnlessPresent<T extends object>(
  manager: EntityManager,
  entity: new () => T,
  row: T,
): Promise<boolean> {
  try {
    await manager.insert(entity, row);
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/** Rebuilds the roll-ups from the raw sign-in events (seeding, repair). DATE() means the same on SQLite and MySQL. */
export async function rebuildRollups(manager: EntityManager): Promise<void> {
  await manager.clear(UserDailyActivityEntity);
  await manager.clear(UsageDailyEntity);
  await manager.query(
    'INSERT INTO user_daily_activity (userId, day, organizationId) SELECT userId, DATE(occurredAt), MIN(organizationId) FROM login_events GROUP BY userId, DATE(occurredAt)',
  );
  await manager.query(
    'INSERT INTO usage_daily (organizationId, day, logins, activeUsers) SELECT organizationId, DATE(occurredAt), COUNT(*), COUNT(DISTINCT userId) FROM login_events GROUP BY organizationId, DATE(occurredAt)',
  );
}

export interface UsagePeriod {
  from: Date;
  to: Date;
}

/** Usage of one client over a period; `employees` is counted separately (countEmployees). */
export interface ClientUsage {
  clientId: string;
  users: number;
  activeUsers: number;
  pendingInvitations: number;
  logins: number;
  lastActivityAt: Date | null;
  daily: UsageDay[];
  period: UsagePeriod;
}

const DAY_MS = 86_400_000;
/** A year and a day: the longest period a dashboard may ask for in one go. */
export const MAX_PERIOD_DAYS = 366;

/** The period of a request: the last 30 days by default; bounded so a request cannot scan years. */
export function usagePeriod(from: Date | null | undefined, to: Date | null | undefined, now: Date): UsagePeriod {
  const end = to ?? now;
  const start = from ?? new Date(end.getTime() - 30 * DAY_MS);
  if (start > end) throw badInput('from must be before to', 'from');
  if (end.getTime() - start.getTime() > MAX_PERIOD_DAYS * DAY_MS)
    throw badInput(`The period may span at most ${MAX_PERIOD_DAYS} days`, 'from');
  return { from: start, to: end };
}

/** SQLite returns aggregates of datetime columns as UTC text without a zone; MySQL as a Date. */
export const toDate = (value: string | Date): Date =>
  value instanceof Date ? value : new Date(value.includes('T') ? value : `${value.replace(' ', 'T')}Z`);

/**
 * Usage of many clients for one period in two or three grouped statements, whatever the number of
 * clients: user counts with the last sign-in, the daily roll-ups, and (for past periods) distinct active users.
 */
export async function loadUsage(
  db: DataSource,
  clientIds: string[],
  period: UsagePeriod,
  now: Date,
): Promise<Map<string, ClientUsage>> {
  const fromDay = utcDay(period.from);
  const toDay = utcDay(period.to);
  // A period that runs up to now (every dashboard's default) counts active users from each user's
  // last sign-in: one pass over the users. A period that ended earlier needs the distinct user-days.
  const endsNow = period.to.getTime() >= now.getTime() - 60_000;
  const [userRows, dailyRows, activeRows] = await Promise.all([
    db
      .getRepository(UserEntity)
      .createQueryBuilder('user')
      .select('user.organizationId', 'organizationId')
      .addSelect('COUNT(*)', 'users')
      .addSelect("SUM(CASE WHEN user.status = 'INVITED' THEN 1 ELSE 0 END)", 'invited')
      .addSelect('SUM(CASE WHEN user.lastLoginAt >= :from THEN 1 ELSE 0 END)', 'activeSince')
      .addSelect('MAX(user.lastLoginAt)', 'lastAt')
      .where({ organizationId: In(clientIds), deletedAt: IsNull() })
      .setParameter('from', period.from)
      .groupBy('user.organizationId')
      .getRawMany<{
        organizationId: string;
        users: string | number;
        invited: string | number;
        activeSince: string | number | null;
        lastAt: string | Date | null;
      }>(),
    db
      .getRepository(UsageDailyEntity)
      .createQueryBuilder('daily')
      .select([
        'daily.organizationId AS organizationId',
        'daily.day AS day',
        'daily.logins AS logins',
        'daily.activeUsers AS activeUsers',
      ])
      .where({ organizationId: In(clientIds) })
      .andWhere('daily.day >= :fromDay AND daily.day <= :toDay', { fromDay, toDay })
      .orderBy('daily.day', 'ASC')
      .getRawMany<{ organizationId: string; day: string; logins: string | number; activeUsers: string | number }>(),
    endsNow
      ? Promise.resolve([])
      : db
          .getRepository(UserDailyActivityEntity)
          .createQueryBuilder('activity')
          .select('activity.organizationId', 'organizationId')
          .addSelect('COUNT(DISTINCT activity.userId)', 'active')
          .where({ organizationId: In(clientIds) })
          .andWhere('activity.day >= :fromDay AND activity.day <= :toDay', { fromDay, toDay })
          .groupBy('activity.organizationId')
          .getRawMany<{ organizationId: string; active: string | number }>(),
  ]);
  const users = new Map(userRows.map((row) => [row.organizationId, row]));
  const active = new Map(activeRows.map((row) => [row.organizationId, Number(row.active)]));
  const dailyByClient = new Map<string, UsageDay[]>();
  for (const row of dailyRows) {
    const days = dailyByClient.get(row.organizationId) ?? [];
    days.push({ date: row.day, logins: Number(row.logins), activeUsers: Number(row.activeUsers) });
    dailyByClient.set(row.organizationId, days);
  }
  const result = new Map<string, ClientUsage>();
  for (const id of clientIds) {
    const daily = dailyByClient.get(id) ?? [];
    const u = users.get(id);
    result.set(id, {
      clientId: id,
      users: Number(u?.users ?? 0),
      pendingInvitations: Number(u?.invited ?? 0),
      activeUsers: endsNow ? Number(u?.activeSince ?? 0) : (active.get(id) ?? 0),
      logins: daily.reduce((sum, day) => sum + day.logins, 0),
      lastActivityAt: u?.lastAt ? toDate(u.lastAt) : null,
      daily,
      period,
    });
  }
  return result;
}

/**
 * Employees of many clients in one statement: active, not deleted users at home in the client whose
 * email is at one of the client's corporate domains (identity's copy of the company profile).
 */
export async function countEmployees(db: DataSource, clientIds: readonly string[]): Promise<number[]> {
  const rows = await db
    .getRepository(UserEntity)
    .createQueryBuilder('user')
    .innerJoin(
      ClientEmailDomainEntity,
      'domain',
      "domain.clientId = user.organizationId AND user.email LIKE CONCAT('%@', domain.domain)",
    )
    .select('user.organizationId', 'organizationId')
    .addSelect('COUNT(DISTINCT user.id)', 'employees')
    .where({ organizationId: In([...clientIds]), status: 'ACTIVE', deletedAt: IsNull() })
    .groupBy('user.organizationId')
    .getRawMany<{ organizationId: string; employees: string | number }>();
  const counts = new Map(rows.map((row) => [row.organizationId, Number(row.employees)]));
  return clientIds.map((id) => counts.get(id) ?? 0);
}

export const usageKey = (clientId: string, period: UsagePeriod): string =>
  `${clientId}|${period.from.toISOString()}|${period.to.toISOString()}`;
