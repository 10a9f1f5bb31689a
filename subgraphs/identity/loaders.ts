import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { rowsById } from '../../shared/loaders';
import { LoginEventEntity, UserEntity } from './entities';

export interface ClientUsage {
  users: number;
  activeUsers: number;
  pendingInvitations: number;
  logins: number;
  lastActivityAt: Date | null;
}

/** Usage of many clients in two grouped statements, whatever the number of clients on the page. */
async function loadUsage(db: DataSource, clientIds: readonly string[]): Promise<ClientUsage[]> {
  const ids = [...clientIds];
  const [userRows, loginRows] = await Promise.all([
    db
      .getRepository(UserEntity)
      .createQueryBuilder('user')
      .select('user.organizationId', 'organizationId')
      .addSelect('COUNT(*)', 'users')
      .addSelect("SUM(CASE WHEN user.status = 'ACTIVE' THEN 1 ELSE 0 END)", 'active')
      .addSelect("SUM(CASE WHEN user.status = 'INVITED' THEN 1 ELSE 0 END)", 'invited')
      .where({ organizationId: In(ids) })
      .groupBy('user.organizationId')
      .getRawMany<{ organizationId: string; users: string | number; active: string | number; invited: string | number }>(),
    db
      .getRepository(LoginEventEntity)
      .createQueryBuilder('login')
      .select('login.organizationId', 'organizationId')
      .addSelect('COUNT(*)', 'logins')
      .addSelect('MAX(login.occurredAt)', 'lastAt')
      .where({ organizationId: In(ids) })
      .groupBy('login.organizationId')
      .getRawMany<{ organizationId: string; logins: string | number; lastAt: string | Date | null }>(),
  ]);
  const users = new Map(userRows.map((row) => [row.organizationId, row]));
  const logins = new Map(loginRows.map((row) => [row.organizationId, row]));
  return ids.map((id) => {
    const u = users.get(id);
    const l = logins.get(id);
    return {
      users: Number(u?.users ?? 0),
      activeUsers: Number(u?.active ?? 0),
      pendingInvitations: Number(u?.invited ?? 0),
      logins: Number(l?.logins ?? 0),
      lastActivityAt: l?.lastAt ? toDate(l.lastAt) : null,
    };
  });
}

/** SQLite returns MAX(datetime) as text in UTC without a zone; MySQL as a Date. */
export const toDate = (value: string | Date): Date => (value instanceof Date ? value : new Date(value.includes('T') ? value : `${value.replace(' ', 'T')}Z`));

export function createLoaders(db: DataSource) {
  return {
    user: rowsById(db.getRepository(UserEntity)),
    clientUsage: new DataLoader<string, ClientUsage>((ids) => loadUsage(db, ids)),
  };
}

export type IdentityLoaders = ReturnType<typeof createLoaders>;
