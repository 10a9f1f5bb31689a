import { Brackets, type DataSource } from 'typeorm';
import { encodeCursor, pageRequest, toConnection, type Connection } from '../../shared/pagination';
import { UserEntity } from './entities';
import type { UserKind, UserStatus } from '../../shared/demo-data';

export interface UserFilter {
  search?: string | null;
  status?: UserStatus | null;
  kind?: UserKind | null;
}

const escapeLike = (value: string): string => value.replace(/[\\%_]/g, (char) => `\\${char}`);

/** Users of one organisation sorted by last name then id, with keyset pagination. */
export async function listUsers(db: DataSource, organizationId: string, filter: UserFilter | null | undefined, first?: number | null, after?: string | null): Promise<Connection<UserEntity>> {
  const page = pageRequest(first, after);
  const base = db.getRepository(UserEntity).createQueryBuilder('user').where('user.organizationId = :organizationId', { organizationId });
  if (filter?.status) base.andWhere('user.status = :status', { status: filter.status });
  if (filter?.kind) base.andWhere('user.kind = :kind', { kind: filter.kind });
  if (filter?.search) {
    const prefix = `${escapeLike(filter.search.trim().toLowerCase())}%`;
    base.andWhere(
      new Brackets((qb) =>
        qb
          .where("LOWER(user.username) LIKE :prefix ESCAPE '\\'", { prefix })
          .orWhere("LOWER(user.firstName) LIKE :prefix ESCAPE '\\'", { prefix })
          .orWhere("LOWER(user.lastName) LIKE :prefix ESCAPE '\\'", { prefix })
          .orWhere("LOWER(user.email) LIKE :prefix ESCAPE '\\'", { prefix }),
      ),
    );
  }
  const totalCount = await base.clone().getCount();
  const rows = base.clone().orderBy('user.lastName', 'ASC').addOrderBy('user.id', 'ASC').take(page.first + 1);
  if (page.after) {
    const { sort, id } = page.after;
    rows.andWhere(new Brackets((qb) => qb.where('user.lastName > :sort', { sort }).orWhere('(user.lastName = :sort AND user.id > :id)', { sort, id })));
  }
  return toConnection(page.first === 0 ? [] : await rows.getMany(), page, totalCount, (user) => encodeCursor(user.lastName, user.id));
}
